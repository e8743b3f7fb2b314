#include "cm/cohort.hpp"

#include "cm/calendar.hpp"

#include "checks.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <string>

namespace cm {
namespace {

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)));
}

// English names in any letter case; Russian ones (UTF-8, untouched here) are listed below
// in lower case and with a capital first letter.
std::string lower_ascii(std::string_view text) {
    std::string result(text);
    for (char& c : result)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

}  // namespace

std::optional<CohortPeriod> cohort_period_from_name(std::string_view name) {
    const std::string key = lower_ascii(name);
    if (key == "month" || key == "месяц" || key == "Месяц")
        return CohortPeriod::month;
    if (key == "week" || key == "неделя" || key == "Неделя")
        return CohortPeriod::week;
    if (key == "quarter" || key == "квартал" || key == "Квартал")
        return CohortPeriod::quarter;
    return std::nullopt;
}

std::int64_t period_index(double serial_date, CohortPeriod period) {
    detail::require_finite(serial_date, "order date");
    // ±10^7 days (27 000 years) is far beyond any calendar a spreadsheet shows.
    if (std::abs(serial_date) > 1e7)
        throw domain_error("an order date is out of range");
    const auto serial = static_cast<std::int64_t>(std::floor(serial_date));
    if (period == CohortPeriod::week)
        return floor_div(serial - 2, 7);  // serial 2 is Monday 1900-01-01
    const CivilDate date = civil_from_serial(serial);
    const std::int64_t month_index = date.year * 12 + (date.month - 1);
    return period == CohortPeriod::month ? month_index : floor_div(month_index, 3);
}

double period_start(std::int64_t index, CohortPeriod period) {
    if (period == CohortPeriod::week)
        return static_cast<double>(index * 7 + 2);
    const std::int64_t month_index = period == CohortPeriod::month ? index : index * 3;
    const std::int64_t year = floor_div(month_index, 12);
    const auto month = static_cast<unsigned>(month_index - year * 12 + 1);
    return static_cast<double>(serial_from_civil({year, month, 1}));
}

std::size_t CohortTable::periods() const {
    std::size_t longest = 0;
    for (const auto& row : active)
        longest = std::max(longest, row.size());
    return longest;
}

double CohortTable::share(std::size_t cohort, std::size_t period) const {
    return active.at(cohort).at(period) / cohort_size.at(cohort);
}

CohortTable cohort_retention(const std::vector<std::size_t>& order_customers,
                             const std::vector<double>& order_dates, std::size_t customer_count,
                             CohortPeriod period) {
    if (order_customers.size() != order_dates.size())
        throw domain_error("customer ids and order dates differ in length");
    if (order_customers.empty())
        throw division_by_zero("no orders");

    // Each order's period, and each customer's first period.
    constexpr std::int64_t none = std::numeric_limits<std::int64_t>::max();
    std::vector<std::int64_t> first_period(customer_count, none);
    std::vector<std::int64_t> periods(order_dates.size());
    std::int64_t last_period = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < order_dates.size(); ++i) {
        periods[i] = period_index(order_dates[i], period);
        auto& first = first_period.at(order_customers[i]);
        first = std::min(first, periods[i]);
        last_period = std::max(last_period, periods[i]);
    }

    // Cohorts: the distinct first periods, ascending.
    std::vector<std::int64_t> cohorts;
    for (std::int64_t first : first_period)
        if (first != none)
            cohorts.push_back(first);
    std::sort(cohorts.begin(), cohorts.end());
    cohorts.erase(std::unique(cohorts.begin(), cohorts.end()), cohorts.end());
    const auto cohort_of = [&](std::int64_t first) {
        return static_cast<std::size_t>(std::lower_bound(cohorts.begin(), cohorts.end(), first) - cohorts.begin());
    };

    // The table holds a cell per cohort and observable period: bound it before allocating,
    // so that one mistyped year (an order in 2204) is an error, not gigabytes of memory
    // (found by tests/fuzz/fuzz_ranges).
    double cells = 0;
    for (std::int64_t cohort : cohorts)
        cells += static_cast<double>(last_period - cohort + 1);
    if (cells > max_cohort_cells)
        throw domain_error("the orders span too many periods for a cohort table: check the dates");

    CohortTable table;
    table.cohort_size.assign(cohorts.size(), 0);
    table.active.resize(cohorts.size());
    for (std::size_t c = 0; c < cohorts.size(); ++c) {
        table.cohort_start.push_back(period_start(cohorts[c], period));
        table.active[c].assign(static_cast<std::size_t>(last_period - cohorts[c] + 1), 0);
    }
    for (std::int64_t first : first_period)
        if (first != none)
            ++table.cohort_size[cohort_of(first)];

    // Count each (customer, period) once: sort the pairs, skip repeats.
    std::vector<std::pair<std::size_t, std::int64_t>> visits(order_customers.size());
    for (std::size_t i = 0; i < order_customers.size(); ++i)
        visits[i] = {order_customers[i], periods[i]};
    std::sort(visits.begin(), visits.end());
    visits.erase(std::unique(visits.begin(), visits.end()), visits.end());
    for (const auto& [customer, visit_period] : visits) {
        const std::int64_t first = first_period[customer];
        ++table.active[cohort_of(first)][static_cast<std::size_t>(visit_period - first)];
    }
    return table;
}

}  // namespace cm
