// Metrics straight from raw data: lists of customer ids and order logs, as a CRM exports
// them, instead of pre-counted numbers. The definitions are those of retention.hpp and
// loyalty.hpp (articles A1, A6: docs/SOURCES.md), counted over distinct customers:
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
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace cm {

// Gives every distinct customer id a dense index 0, 1, 2, ... in order of first sight, so
// that the metrics below count with plain arrays instead of hashing twice.
// Two open-addressing tables (linear probing, at most 70 % full): numbers keyed by their
// bits, texts by a hash, a text of up to 8 bytes kept inside its slot and a longer one in
// a buffer of all of them. A lookup of a number or of a short text touches one slot, one
// cache miss, where a node-based map took three or four: at 10^6 ids in Calc those misses
// were most of the time of CRR_IDS (docs/PERFORMANCE.md).
class CustomerIds {
public:
    std::size_t of(double id);
    std::size_t of(std::string_view id);
    std::size_t size() const { return next_; }

    struct NumberSlot {
        std::uint64_t bits;
        std::uint64_t index;  // 1 + the customer's index; 0: free
        std::uint64_t key() const { return bits; }
    };
    struct TextSlot {
        std::uint64_t hash;
        std::uint64_t bytes;  // length <= 8: the bytes themselves; longer: offset in text_bytes_
        std::uint32_t length;
        std::uint32_t index;  // 1 + the customer's index; 0: free
        std::uint64_t key() const { return hash; }
    };

private:
    std::uint32_t next_index();
    bool same_text(const TextSlot& slot, std::string_view id, std::uint64_t inline_bytes) const;

    std::vector<NumberSlot> numbers_;
    std::vector<TextSlot> texts_;
    std::size_t numbers_used_ = 0, texts_used_ = 0;
    std::string text_bytes_;  // the texts longer than 8 bytes, back to back
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
