// Tests for cm/rfm.hpp.
#include "cdnow.hpp"

#include <cm/customers.hpp>
#include <cm/rfm.hpp>

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace {

TEST(RfmSummary, HandWorkedLog) {
    // Serial days from 45292 (2024-01-01); calibration ends on day 45320 (+28), weeks.
    // a: days 0, 0 (same day: one purchase), 7, 14 (twice) -> x 2, t_x 2, T 4; repeat days 7 (10)
    //    and 14 (20 + 5 = 25): mean 17.5.  b: day 21 only, and one after the end -> x 0, T 1.
    //    c: only after the end -> not in the summary.  d: days 3.5 (a time of day) and 10 -> x 1.
    cm::CustomerIds ids;
    std::vector<std::size_t> who;
    std::vector<double> when, value;
    const auto order = [&](const char* id, double day, double amount) {
        who.push_back(ids.of(id));
        when.push_back(45292 + day);
        value.push_back(amount);
    };
    order("a", 0, 30); order("b", 21, 8); order("a", 0, 1); order("a", 14, 20); order("c", 40, 9);
    order("a", 7, 10); order("d", 3.5, 4); order("b", 35, 50); order("a", 14, 5); order("d", 10.2, 6);
    const auto s = cm::rfm_summary(who, when, value, ids.size(), 45320.7, 7);
    ASSERT_EQ(s.customer, (std::vector<std::size_t>{ids.of("a"), ids.of("b"), ids.of("d")}));
    EXPECT_EQ(s.x, (std::vector<double>{2, 0, 1}));
    EXPECT_DOUBLE_EQ(s.t_x[0], 2);
    EXPECT_DOUBLE_EQ(s.T[0], 4);
    EXPECT_DOUBLE_EQ(s.average_value[0], 17.5);
    EXPECT_DOUBLE_EQ(s.t_x[1], 0);
    EXPECT_DOUBLE_EQ(s.T[1], 1);
    EXPECT_DOUBLE_EQ(s.average_value[1], 0);
    EXPECT_DOUBLE_EQ(s.t_x[2], 1);                // days 3 and 10
    EXPECT_DOUBLE_EQ(s.T[2], 25.0 / 7);
    EXPECT_DOUBLE_EQ(s.average_value[2], 6);
    // Days as the period: t_x and T in days.
    const auto days = cm::rfm_summary(who, when, {}, ids.size(), 45320, 1);
    EXPECT_DOUBLE_EQ(days.T[0], 28);
    EXPECT_DOUBLE_EQ(days.average_value[0], 0);
}

TEST(RfmSummary, Errors) {
    cm::CustomerIds ids;
    const std::vector<std::size_t> one = {ids.of(1)};
    EXPECT_THROW(cm::rfm_summary(one, {45292}, {}, 1, 45200, 7), cm::division_by_zero);  // all after the end
    EXPECT_THROW(cm::rfm_summary(one, {}, {}, 1, 45300, 7), cm::domain_error);
    EXPECT_THROW(cm::rfm_summary(one, {45292}, {1, 2}, 1, 45300, 7), cm::domain_error);
    EXPECT_THROW(cm::rfm_summary(one, {45292}, {}, 1, 45300, 0), cm::domain_error);
    EXPECT_THROW(cm::rfm_summary(one, {45292}, {}, 1, 45300, -7), cm::domain_error);
    EXPECT_THROW(cm::rfm_summary(one, {1.0 / 0.0}, {}, 1, 45300, 7), cm::domain_error);
    EXPECT_THROW(cm::rfm_summary(one, {45292}, {0.0 / 0.0}, 1, 45300, 7), cm::domain_error);
    EXPECT_THROW(cm::rfm_summary(one, {1e300}, {}, 1, 45300, 7), cm::domain_error);
    EXPECT_THROW(cm::rfm_summary(one, {45292}, {}, 1, 1e300, 7), cm::domain_error);
    // A period of 1e-310 days: T in periods does not fit in a double (found by fuzz_models).
    EXPECT_THROW(cm::rfm_summary(one, {45292}, {}, 1, 45300, 1e-310), cm::overflow);
}

// The CDNOW sample's calibration summary: 2 357 customers (Fader, Hardie & Lee 2005), 946 of
// them repeat buyers (Fader & Hardie 2013), so 1 411 without a repeat purchase; 2 457 repeat
// purchases in all, counted once by an independent Python count of the file (same-day
// orders merged, calibration to 1997-09-30).
TEST(RfmSummary, CdnowSample) {
    const auto log = cdnow::read(true);
    ASSERT_EQ(log.customers.size(), 6919u);
    const auto s = cm::rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), cdnow::calibration_end);
    EXPECT_EQ(s.x.size(), 2357u);
    EXPECT_EQ(std::count(s.x.begin(), s.x.end(), 0.0), 1411);
    EXPECT_DOUBLE_EQ(std::accumulate(s.x.begin(), s.x.end(), 0.0), 2457);
    // The first customer of the file, 00004: orders on 1997-01-01, 01-18, 08-02 and 12-12.
    EXPECT_DOUBLE_EQ(s.x[0], 2);
    EXPECT_DOUBLE_EQ(s.t_x[0], 213.0 / 7);
    EXPECT_DOUBLE_EQ(s.T[0], 272.0 / 7);
    EXPECT_DOUBLE_EQ(s.average_value[0], (29.73 + 14.96) / 2);
}

}  // namespace
