// Tests for cm/loyalty.hpp. Expected numbers cite the article they come from (docs/SOURCES.md).
#include <cm/loyalty.hpp>

#include <gtest/gtest.h>

#include <limits>
#include <vector>

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

TEST(NpsCounts, SeedExample) {
    // article A6: 150 answers, 65 promoters, 50 passives, 35 detractors. The article prints
    // 30 (65 − 35, counts); the shares give 100 × (65 − 35) / 150 = 20.
    EXPECT_DOUBLE_EQ(cm::nps_counts(65, 50, 35), 20.0);
}

TEST(NpsCounts, Edges) {
    EXPECT_DOUBLE_EQ(cm::nps_counts(10, 0, 0), 100.0);
    EXPECT_DOUBLE_EQ(cm::nps_counts(0, 0, 10), -100.0);
    EXPECT_DOUBLE_EQ(cm::nps_counts(0, 10, 0), 0.0);
}

TEST(NpsCounts, Errors) {
    EXPECT_THROW(cm::nps_counts(0, 0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::nps_counts(-1, 5, 5), cm::domain_error);
    EXPECT_THROW(cm::nps_counts(1, -5, 5), cm::domain_error);
    EXPECT_THROW(cm::nps_counts(1, 5, nan), cm::domain_error);
}

// The article A6 survey as raw answers: 65 × 9–10, 50 × 7–8, 35 × 0–6.
std::vector<double> seed_survey() {
    std::vector<double> answers;
    for (int i = 0; i < 65; ++i) answers.push_back(i % 2 ? 9 : 10);
    for (int i = 0; i < 50; ++i) answers.push_back(i % 2 ? 7 : 8);
    for (int i = 0; i < 35; ++i) answers.push_back(i % 7);
    return answers;
}

TEST(Nps, RawAnswersAgreeWithCounts) {
    const auto answers = seed_survey();
    EXPECT_DOUBLE_EQ(cm::nps(answers.data(), answers.size()), 20.0);
}

TEST(Nps, BoundariesOfTheGroups) {
    cm::NpsTally tally;
    for (double score : {0.0, 6.0, 7.0, 8.0, 9.0, 10.0})
        tally.add(score);
    EXPECT_EQ(tally.detractors(), 2);
    EXPECT_EQ(tally.passives(), 2);
    EXPECT_EQ(tally.promoters(), 2);
    EXPECT_DOUBLE_EQ(tally.nps(), 0.0);
}

TEST(Nps, Errors) {
    EXPECT_THROW(cm::nps(nullptr, 0), cm::division_by_zero);  // no answers
    cm::NpsTally tally;
    EXPECT_THROW(tally.add(11), cm::domain_error);
    EXPECT_THROW(tally.add(-1), cm::domain_error);
    EXPECT_THROW(tally.add(8.5), cm::domain_error);
    EXPECT_THROW(tally.add(nan), cm::domain_error);
    EXPECT_THROW(tally.nps(), cm::division_by_zero);  // the bad answers were not counted
}

TEST(Csat, TopTwoOfTheScale) {
    const std::vector<double> answers = {5, 4, 3, 2, 1, 5, 4, 4};
    EXPECT_DOUBLE_EQ(cm::csat(answers.data(), answers.size()), 5.0 / 8.0);
    const std::vector<double> ten_point = {10, 9, 8, 1};
    EXPECT_DOUBLE_EQ(cm::csat(ten_point.data(), ten_point.size(), 10), 0.5);
}

TEST(Csat, Errors) {
    const std::vector<double> zero = {0};
    EXPECT_THROW(cm::csat(zero.data(), zero.size()), cm::domain_error);  // scale starts at 1
    const std::vector<double> six = {6};
    EXPECT_THROW(cm::csat(six.data(), six.size()), cm::domain_error);
    const std::vector<double> half = {4.5};
    EXPECT_THROW(cm::csat(half.data(), half.size()), cm::domain_error);
    EXPECT_THROW(cm::csat(nullptr, 0), cm::division_by_zero);
    EXPECT_THROW(cm::CsatTally{2}, cm::domain_error);
    EXPECT_THROW(cm::CsatTally{5.5}, cm::domain_error);
    EXPECT_THROW(cm::CsatTally{nan}, cm::domain_error);
}

TEST(Rpr, SeedExample) {
    // article A6: 65 of 150 customers bought again. The article prints "≈ 43,5 %";
    // 65 / 150 = 43.33 %.
    EXPECT_NEAR(cm::rpr(65, 150), 0.43333, 5e-6);
    EXPECT_DOUBLE_EQ(cm::rcr(65, 150), cm::rpr(65, 150));
}

TEST(Rpr, Errors) {
    EXPECT_THROW(cm::rpr(1, 0), cm::division_by_zero);
    EXPECT_THROW(cm::rpr(151, 150), cm::domain_error);
    EXPECT_THROW(cm::rpr(-1, 150), cm::domain_error);
    EXPECT_THROW(cm::rcr(5, -150), cm::domain_error);
}

TEST(RedemptionRate, ShareOfIssued) {
    EXPECT_DOUBLE_EQ(cm::redemption_rate(30, 120), 0.25);
    EXPECT_THROW(cm::redemption_rate(0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::redemption_rate(130, 120), cm::domain_error);
}

TEST(PurchaseFrequency, OrdersPerCustomer) {
    EXPECT_DOUBLE_EQ(cm::purchase_frequency(450, 150), 3.0);
    EXPECT_DOUBLE_EQ(cm::purchase_frequency(0, 150), 0.0);
    EXPECT_THROW(cm::purchase_frequency(10, 0), cm::division_by_zero);
    EXPECT_THROW(cm::purchase_frequency(-10, 5), cm::domain_error);
}

}  // namespace
