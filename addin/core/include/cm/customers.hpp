// Metrics straight from raw data: lists of customer ids and order logs, as a CRM exports
// them, instead of pre-counted numbers. The definitions are those of retention.hpp and
// loyalty.hpp (seed 000), counted over distinct customers:
//   CRR   = customers of the start list found in the end list / customers of the start list
//           (= (E − N) / S: the end list's customers not in the start list are the new ones)
//   churn = customers of the start list missing from the end list / customers of the start list
//   RPR   = customers with two or more orders / customers with an order
//   purchase frequency = orders / customers with an order;  ARPU = Σ amounts / customers
// Ids are numbers or text and are compared exactly: the number 123 and the text "123" (or
// "00123") are different customers. Every function throws the errors of errors.hpp.
#pragma once

#include "cm/errors.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace cm {

// Gives every distinct customer id a dense index 0, 1, 2, ... in order of first sight, so
// that the metrics below count with plain arrays instead of hashing twice.
class CustomerIds {
public:
    std::size_t of(double id);
    std::size_t of(std::string_view id);
    std::size_t size() const { return next_; }

private:
    std::unordered_map<double, std::size_t> numbers_;
    std::unordered_map<std::string, std::size_t> texts_;
    std::size_t next_ = 0;
};

// Customers of two lists (indices from one CustomerIds), each list possibly with repeats.
struct ListComparison {
    double at_start = 0;  // distinct customers of the start list
    double at_end = 0;    // distinct customers of the end list
    double retained = 0;  // in both
    double crr() const;   // retained / at_start; empty start list: division_by_zero
    double churn() const; // (at_start − retained) / at_start
};
ListComparison compare_lists(const std::vector<std::size_t>& start, const std::vector<std::size_t>& end,
                             std::size_t customer_count);

// One order per element: the customer's index.
struct OrderCounts {
    double orders = 0;
    double customers = 0;         // distinct customers with an order
    double repeat_customers = 0;  // of them, with two or more orders
    double rpr() const;                 // repeat_customers / customers
    double purchase_frequency() const;  // orders / customers
};
OrderCounts count_orders(const std::vector<std::size_t>& order_customers, std::size_t customer_count);

// Σ amounts / distinct customers; amounts[i] belongs to order_customers[i]. Refunds may be
// negative, the total may not (domain_error); no orders: division_by_zero.
double arpu_of_orders(const std::vector<std::size_t>& order_customers, const std::vector<double>& amounts,
                      std::size_t customer_count);

}  // namespace cm
