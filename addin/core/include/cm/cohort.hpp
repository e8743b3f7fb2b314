// Cohort retention from an order log: customers are grouped by the period of their first
// order (their acquisition cohort); for each cohort and each period since acquisition, the
// share of the cohort with at least one order in that period. Period 0 is always 100 %.
// This is the usual cohort table of retention analysis: the customer retention of article A1 (docs/SOURCES.md)
// (customers kept / customers at the start) measured separately for every group of
// customers acquired in the same period.
//
// Dates are spreadsheet serial numbers: days since 1899-12-30, as LibreOffice Calc and
// Excel store them (a time of day is ignored). Weeks start on Monday.
#pragma once

#include "cm/errors.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace cm {

enum class CohortPeriod { week, month, quarter };

// "month"/"месяц" (default), "week"/"неделя", "quarter"/"квартал", any letter case;
// std::nullopt for anything else.
std::optional<CohortPeriod> cohort_period_from_name(std::string_view name);

// The period a date falls in, as a running number (months since year 0, ...).
std::int64_t period_index(double serial_date, CohortPeriod period);
// The serial date of the first day of a period index.
double period_start(std::int64_t index, CohortPeriod period);

struct CohortTable {
    std::vector<double> cohort_start;   // serial date of each cohort's first day, ascending
    std::vector<double> cohort_size;    // customers acquired in it
    // active[c][k]: customers of cohort c with an order k periods after their first one;
    // only periods that the data can show (up to the period of the last order) are present.
    std::vector<std::vector<double>> active;
    std::size_t periods() const;        // columns: the longest row of `active`
    double share(std::size_t cohort, std::size_t period) const;  // active / size
};

// The most cells (cohort × observable period) a table may have: 10 years of weekly cohorts
// need 520 × 521 / 2 ≈ 135 000; this leaves room and bounds the memory of a mistyped date.
constexpr double max_cohort_cells = 4'000'000;

// order_customers[i] (indices from CustomerIds) ordered on order_dates[i].
// No orders: division_by_zero; lengths differ, a date is not finite or the table would
// exceed max_cohort_cells: domain_error.
CohortTable cohort_retention(const std::vector<std::size_t>& order_customers,
                             const std::vector<double>& order_dates, std::size_t customer_count,
                             CohortPeriod period = CohortPeriod::month);

}  // namespace cm
