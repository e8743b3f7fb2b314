#include "cm/rfm.hpp"

#include "checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

namespace cm {

RfmSummary rfm_summary(const std::vector<std::size_t>& order_customers, const std::vector<double>& order_dates,
                       const std::vector<double>& amounts, std::size_t customer_count, double calibration_end,
                       double days_per_period) {
    if (order_customers.size() != order_dates.size() || (!amounts.empty() && amounts.size() != order_dates.size()))
        throw domain_error("customer ids, order dates and amounts differ in length");
    detail::require_finite(calibration_end, "calibration end");
    detail::require_finite(days_per_period, "days per period");
    if (days_per_period <= 0)
        throw domain_error("days per period must be positive");
    if (std::abs(calibration_end) > 1e7)
        throw domain_error("the calibration end is out of range");
    const double end_day = std::floor(calibration_end);

    // Bucket the calibration orders by customer (a counting sort: two passes, no hashing),
    // then sort each customer's few (day, amount) pairs.
    std::vector<std::size_t> offset(customer_count + 1, 0);
    for (std::size_t i = 0; i < order_dates.size(); ++i) {
        const double date = order_dates[i];
        detail::require_finite(date, "order date");
        if (std::abs(date) > 1e7)
            throw domain_error("an order date is out of range");
        if (!amounts.empty())
            detail::require_finite(amounts[i], "amount");
        if (order_customers[i] >= customer_count)
            throw domain_error("a customer index is out of range");
        if (std::floor(date) <= end_day)
            ++offset[order_customers[i] + 1];
    }
    for (std::size_t c = 0; c < customer_count; ++c)
        offset[c + 1] += offset[c];
    if (offset[customer_count] == 0)
        throw division_by_zero("no order on or before the end of calibration");

    std::vector<std::pair<double, double>> orders(offset[customer_count]);
    std::vector<std::size_t> fill(offset.begin(), offset.end() - 1);
    for (std::size_t i = 0; i < order_dates.size(); ++i) {
        const double day = std::floor(order_dates[i]);
        if (day <= end_day)
            orders[fill[order_customers[i]]++] = {day, amounts.empty() ? 0.0 : amounts[i]};
    }

    RfmSummary summary;
    for (std::size_t c = 0; c < customer_count; ++c) {
        const auto first = orders.begin() + static_cast<std::ptrdiff_t>(offset[c]);
        const auto last = orders.begin() + static_cast<std::ptrdiff_t>(offset[c + 1]);
        if (first == last)
            continue;
        std::sort(first, last);
        const double first_day = first->first;
        double repeat_days = 0, repeat_value = 0, last_day = first_day;
        for (auto order = first; order != last; ++order) {
            if (order->first != first_day) {
                repeat_value += order->second;
                if (order->first != last_day)
                    ++repeat_days;
                last_day = order->first;
            }
        }
        summary.customer.push_back(c);
        summary.x.push_back(repeat_days);
        // Finite unless days_per_period is absurdly small (1e-300): then overflow.
        summary.t_x.push_back(detail::finite_result((last_day - first_day) / days_per_period));
        summary.T.push_back(detail::finite_result((end_day - first_day) / days_per_period));
        summary.average_value.push_back(repeat_days > 0 ? detail::finite_result(repeat_value / repeat_days) : 0.0);
    }
    return summary;
}

}  // namespace cm
