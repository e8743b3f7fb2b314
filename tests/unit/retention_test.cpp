// Tests for cm/retention.hpp. Expected numbers cite the article they come from (docs/SOURCES.md).
#include <cm/retention.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

TEST(Crr, SeedExamples) {
    // article A1: "(115 − 60) / 110 = 0,5", the first CRR example.
    EXPECT_DOUBLE_EQ(cm::crr(110, 115, 60), 0.5);
    // article A5: 100 customers at start, 95 at end, 5 new -> 90 %.
    EXPECT_DOUBLE_EQ(cm::crr(100, 95, 5), 0.9);
    // article A4, Ромашка: (1650 − 250) / 1500.
    EXPECT_DOUBLE_EQ(cm::crr(1500, 1650, 250), 1400.0 / 1500.0);
    EXPECT_NEAR(cm::crr(1500, 1650, 250), 0.93333, 5e-6);
    // article A6: (205 − 25) / 190.
    EXPECT_NEAR(cm::crr(190, 205, 25), 0.94737, 5e-6);
}

TEST(Crr, Edges) {
    EXPECT_DOUBLE_EQ(cm::crr(10, 10, 0), 1.0);  // everybody stayed
    EXPECT_DOUBLE_EQ(cm::crr(10, 3, 3), 0.0);   // everybody left, replaced by new ones
    EXPECT_DOUBLE_EQ(cm::crr(2.5, 2, 0), 0.8);  // averages are counts too
}

TEST(Crr, Errors) {
    EXPECT_THROW(cm::crr(0, 5, 0), cm::division_by_zero);
    EXPECT_THROW(cm::crr(-1, 5, 0), cm::domain_error);
    EXPECT_THROW(cm::crr(10, -5, 0), cm::domain_error);
    EXPECT_THROW(cm::crr(10, 5, -1), cm::domain_error);
    EXPECT_THROW(cm::crr(10, 5, 6), cm::domain_error);    // more new than at the end
    EXPECT_THROW(cm::crr(10, 25, 5), cm::domain_error);   // retained 20 of 10
    EXPECT_THROW(cm::crr(nan, 5, 0), cm::domain_error);
    EXPECT_THROW(cm::crr(10, inf, 0), cm::domain_error);
    EXPECT_THROW(cm::crr(10, 5, nan), cm::domain_error);
}

TEST(Crr, TinyCountsAreNotAnOverflow) {
    // Counts may be averages, so a tiny positive start is inside the domain. CRR's checks
    // keep E − N <= S, so the quotient is at most 1 and can never overflow: 1e-320 (a
    // denormal) over itself is exactly 1, and the lost share exactly 0. Neither is an error.
    EXPECT_DOUBLE_EQ(cm::crr(1e-320, 1e-320, 0), 1.0);
    EXPECT_DOUBLE_EQ(cm::churn(1e-320, 1e-320, 0), 0.0);
}

TEST(Churn, SeedExamples) {
    // article A1: 55 lost of 110 -> 50 %.
    EXPECT_DOUBLE_EQ(cm::churn(110, 115, 60), 0.5);
    // article A6: 10 lost of 190 -> 5.263 %.
    EXPECT_NEAR(cm::churn(190, 205, 25), 0.05263, 5e-6);
    // article A5: 100 at start, 90 at end, none new -> 10 %.
    EXPECT_DOUBLE_EQ(cm::churn(100, 90, 0), 0.1);
}

TEST(Churn, IsOneMinusCrr) {
    for (double end : {50.0, 70.0, 95.0, 120.0})
        EXPECT_NEAR(cm::churn(100, end, 20), 1 - cm::crr(100, end, 20), 1e-15) << end;
}

TEST(Churn, Errors) {
    EXPECT_THROW(cm::churn(0, 0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::churn(100, 90, 91), cm::domain_error);
    EXPECT_THROW(cm::churn(100, 250, 10), cm::domain_error);
    EXPECT_THROW(cm::churn(-100, 90, 0), cm::domain_error);
}

TEST(RetentionRatio, SeedExamples) {
    // article A3: net income 100 000, dividends 20 000 -> 80 %.
    EXPECT_DOUBLE_EQ(cm::retention_ratio(100000, 20000), 0.8);
    // article A3: 200 000 and 60 000 -> 70 %.
    EXPECT_DOUBLE_EQ(cm::retention_ratio(200000, 60000), 0.7);
    // article A3: 100 000 and 60 000 -> 40 %.
    EXPECT_DOUBLE_EQ(cm::retention_ratio(100000, 60000), 0.4);
}

TEST(RetentionRatio, EdgesAndErrors) {
    EXPECT_DOUBLE_EQ(cm::retention_ratio(100, 0), 1.0);
    EXPECT_DOUBLE_EQ(cm::retention_ratio(100, 150), -0.5);  // paid out of reserves
    EXPECT_THROW(cm::retention_ratio(0, 10), cm::division_by_zero);
    EXPECT_THROW(cm::retention_ratio(-100, 10), cm::domain_error);
    EXPECT_THROW(cm::retention_ratio(100, -10), cm::domain_error);
    EXPECT_THROW(cm::retention_ratio(nan, 10), cm::domain_error);
}

TEST(PayoutRatio, SeedExampleAndComplement) {
    // article A3, the three companies: 20 %, 30 %, 60 %.
    EXPECT_DOUBLE_EQ(cm::payout_ratio(100000, 20000), 0.2);
    EXPECT_DOUBLE_EQ(cm::payout_ratio(200000, 60000), 0.3);
    EXPECT_DOUBLE_EQ(cm::payout_ratio(100000, 60000), 0.6);
    EXPECT_DOUBLE_EQ(cm::payout_ratio(200000, 60000) + cm::retention_ratio(200000, 60000), 1.0);
    EXPECT_THROW(cm::payout_ratio(0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::payout_ratio(100, inf), cm::domain_error);
}

}  // namespace
