// Tests for cm/cohort.hpp.
#include <cm/cohort.hpp>
#include <cm/customers.hpp>

#include <gtest/gtest.h>

#include <vector>

namespace {

// Serial dates as Calc stores them: 45292 is 2024-01-01 (a Monday).
constexpr double jan1 = 45292, jan15 = 45306, feb1 = 45323, feb20 = 45342, mar5 = 45356, apr1 = 45383;

TEST(Periods, CalendarArithmetic) {
    using cm::CohortPeriod;
    EXPECT_EQ(cm::period_index(jan1, CohortPeriod::month), 2024 * 12);
    EXPECT_EQ(cm::period_index(jan1 + 30.9, CohortPeriod::month), 2024 * 12);  // Jan 31, evening
    EXPECT_EQ(cm::period_index(feb1, CohortPeriod::month), 2024 * 12 + 1);
    EXPECT_EQ(cm::period_index(apr1, CohortPeriod::quarter), 2024 * 4 + 1);
    EXPECT_DOUBLE_EQ(cm::period_start(2024 * 12 + 1, CohortPeriod::month), feb1);
    EXPECT_DOUBLE_EQ(cm::period_start(2024 * 4 + 1, CohortPeriod::quarter), apr1);
    // Weeks start on Monday: Sunday Jan 7 is in the week of Jan 1, Monday Jan 8 is not.
    EXPECT_EQ(cm::period_index(jan1 + 6, CohortPeriod::week), cm::period_index(jan1, CohortPeriod::week));
    EXPECT_EQ(cm::period_index(jan1 + 7, CohortPeriod::week), cm::period_index(jan1, CohortPeriod::week) + 1);
    EXPECT_DOUBLE_EQ(cm::period_start(cm::period_index(jan1 + 3, CohortPeriod::week), CohortPeriod::week), jan1);
    // Serial 61 is 1900-03-01 (Calc counts from 1899-12-30, without Excel's 1900 leap day).
    EXPECT_DOUBLE_EQ(cm::period_start(1900 * 12 + 2, CohortPeriod::month), 61);
    EXPECT_THROW(cm::period_index(1e300, CohortPeriod::month), cm::domain_error);
}

TEST(PeriodNames, EnglishAndRussian) {
    EXPECT_EQ(cm::cohort_period_from_name("Month"), cm::CohortPeriod::month);
    EXPECT_EQ(cm::cohort_period_from_name("неделя"), cm::CohortPeriod::week);
    EXPECT_EQ(cm::cohort_period_from_name("Квартал"), cm::CohortPeriod::quarter);
    EXPECT_FALSE(cm::cohort_period_from_name("fortnight"));
}

TEST(CohortRetention, HandWorkedTable) {
    // a: Jan, Feb, Mar      b: Jan (twice), Mar      c: Feb, Feb      d: Mar
    cm::CustomerIds ids;
    std::vector<std::size_t> who;
    std::vector<double> when;
    const auto order = [&](const char* id, double date) { who.push_back(ids.of(id)); when.push_back(date); };
    order("a", jan1); order("a", feb1); order("a", mar5);
    order("b", jan1); order("b", jan15); order("b", mar5);
    order("c", feb1); order("c", feb20);
    order("d", mar5);
    const auto table = cm::cohort_retention(who, when, ids.size());
    ASSERT_EQ(table.cohort_start, (std::vector<double>{jan1, feb1, mar5 - 4}));  // 1st of Jan, Feb, Mar
    EXPECT_EQ(table.cohort_size, (std::vector<double>{2, 1, 1}));
    EXPECT_EQ(table.active[0], (std::vector<double>{2, 1, 2}));  // Jan cohort: Jan 2, Feb a, Mar a+b
    EXPECT_EQ(table.active[1], (std::vector<double>{1, 0}));     // Feb cohort: c, then nobody in Mar
    EXPECT_EQ(table.active[2], (std::vector<double>{1}));        // Mar cohort: only Mar is observable
    EXPECT_EQ(table.periods(), 3u);
    EXPECT_DOUBLE_EQ(table.share(0, 1), 0.5);
    EXPECT_DOUBLE_EQ(table.share(1, 1), 0.0);
}

TEST(CohortRetention, Errors) {
    cm::CustomerIds ids;
    EXPECT_THROW(cm::cohort_retention({}, {}, 0), cm::division_by_zero);
    const std::vector<std::size_t> one = {ids.of(1)};
    EXPECT_THROW(cm::cohort_retention(one, {}, ids.size()), cm::domain_error);
    EXPECT_THROW(cm::cohort_retention(one, {1.0 / 0.0}, ids.size()), cm::domain_error);
    // A mistyped year: orders of 2024 and one of 9024, weekly, would need ~10^8 cells.
    std::vector<std::size_t> many;
    std::vector<double> dates;
    for (int i = 0; i < 400; ++i) {
        many.push_back(ids.of(static_cast<double>(i)));
        dates.push_back(jan1 + 7 * i);
    }
    many.push_back(ids.of(1));
    dates.push_back(jan1 + 365.25 * 7000);
    EXPECT_THROW(cm::cohort_retention(many, dates, ids.size(), cm::CohortPeriod::week), cm::domain_error);
}

}  // namespace
