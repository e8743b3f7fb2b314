#include "cm/customers.hpp"

#include "cm/loyalty.hpp"
#include "cm/retention.hpp"
#include "cm/value.hpp"
#include "checks.hpp"

#include <cstdint>

namespace cm {

std::size_t CustomerIds::of(double id) {
    detail::require_finite(id, "customer id");
    if (id == 0)
        id = 0;  // -0 and +0 are one customer
    const auto [position, inserted] = numbers_.try_emplace(id, next_);
    return inserted ? next_++ : position->second;
}

std::size_t CustomerIds::of(std::string_view id) {
    const auto [position, inserted] = texts_.try_emplace(std::string(id), next_);
    return inserted ? next_++ : position->second;
}

double ListComparison::crr() const {
    // (E − N) / S with N = at_end − retained: the shared definition of retention.hpp.
    return cm::crr(at_start, at_end, at_end - retained);
}

double ListComparison::churn() const {
    return cm::churn(at_start, at_end, at_end - retained);
}

ListComparison compare_lists(const std::vector<std::size_t>& start, const std::vector<std::size_t>& end,
                             std::size_t customer_count) {
    constexpr std::uint8_t in_start = 1, in_end = 2;
    std::vector<std::uint8_t> seen(customer_count, 0);
    for (std::size_t customer : start)
        seen.at(customer) |= in_start;
    for (std::size_t customer : end)
        seen.at(customer) |= in_end;
    ListComparison result;
    for (std::uint8_t flags : seen) {
        result.at_start += (flags & in_start) != 0;
        result.at_end += (flags & in_end) != 0;
        result.retained += flags == (in_start | in_end);
    }
    return result;
}

double OrderCounts::rpr() const {
    return cm::rpr(repeat_customers, customers);
}

double OrderCounts::purchase_frequency() const {
    return cm::purchase_frequency(orders, customers);
}

OrderCounts count_orders(const std::vector<std::size_t>& order_customers, std::size_t customer_count) {
    std::vector<std::uint32_t> orders_of(customer_count, 0);
    for (std::size_t customer : order_customers)
        ++orders_of.at(customer);
    OrderCounts result;
    result.orders = static_cast<double>(order_customers.size());
    for (std::uint32_t orders : orders_of) {
        result.customers += orders > 0;
        result.repeat_customers += orders > 1;
    }
    return result;
}

double arpu_of_orders(const std::vector<std::size_t>& order_customers, const std::vector<double>& amounts,
                      std::size_t customer_count) {
    if (order_customers.size() != amounts.size())
        throw domain_error("customer ids and amounts differ in length");
    double revenue = 0;
    for (double amount : amounts) {
        detail::require_finite(amount, "amount");
        revenue += amount;
    }
    if (revenue < 0)
        throw domain_error("the amounts add up to less than zero");
    return arpu(detail::finite_result(revenue), count_orders(order_customers, customer_count).customers);
}

}  // namespace cm
