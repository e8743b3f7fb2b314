#include "cm/customers.hpp"

#include "cm/loyalty.hpp"
#include "cm/retention.hpp"
#include "cm/value.hpp"
#include "checks.hpp"

#include <cstdint>
#include <cstring>
#include <functional>

namespace cm {

namespace {

// The finaliser of splitmix64 (Steele, Lea, Flood, "Fast splittable pseudorandom number
// generators", OOPSLA 2014): spreads every bit of a key over the low bits that pick a slot.
std::uint64_t mix(std::uint64_t key) {
    key = (key ^ (key >> 30)) * 0xbf58476d1ce4e5b9ULL;
    key = (key ^ (key >> 27)) * 0x94d049bb133111ebULL;
    return key ^ (key >> 31);
}

template <class Slot>
std::size_t start_of(const std::vector<Slot>& table, std::uint64_t key) {
    return static_cast<std::size_t>(mix(key)) & (table.size() - 1);
}

template <class Slot>
std::size_t next_of(const std::vector<Slot>& table, std::size_t at) {
    return (at + 1) & (table.size() - 1);
}

// Puts `slot` into a free place of `table` (linear probing), doubling the table first when
// it would pass 70 %; the table's size is a power of two.
template <class Slot>
void insert(std::vector<Slot>& table, std::size_t& used, const Slot& slot) {
    if ((used + 1) * 10 > table.size() * 7) {
        std::vector<Slot> larger(table.empty() ? 1024 : table.size() * 2, Slot{});
        for (const Slot& old : table)
            if (old.index != 0) {
                std::size_t at = start_of(larger, old.key());
                while (larger[at].index != 0)
                    at = next_of(larger, at);
                larger[at] = old;
            }
        table.swap(larger);
    }
    std::size_t at = start_of(table, slot.key());
    while (table[at].index != 0)
        at = next_of(table, at);
    table[at] = slot;
    ++used;
}

}  // namespace

std::uint32_t CustomerIds::next_index() {
    if (next_ >= 0xFFFFFFF0u)
        throw domain_error("too many distinct customer ids");
    return static_cast<std::uint32_t>(next_++);
}

std::size_t CustomerIds::of(double id) {
    detail::require_finite(id, "customer id");
    if (id == 0)
        id = 0;  // -0 and +0 are one customer
    std::uint64_t bits;
    std::memcpy(&bits, &id, sizeof bits);
    if (!numbers_.empty())
        for (std::size_t at = start_of(numbers_, bits); numbers_[at].index != 0; at = next_of(numbers_, at))
            if (numbers_[at].bits == bits)
                return static_cast<std::size_t>(numbers_[at].index - 1);
    const std::uint32_t index = next_index();
    insert(numbers_, numbers_used_, NumberSlot{bits, std::uint64_t{index} + 1});
    return index;
}

bool CustomerIds::same_text(const TextSlot& slot, std::string_view id, std::uint64_t inline_bytes) const {
    if (slot.length != id.size())
        return false;
    if (id.size() <= sizeof slot.bytes)
        return slot.bytes == inline_bytes;
    return std::string_view(text_bytes_.data() + slot.bytes, id.size()) == id;
}

std::size_t CustomerIds::of(std::string_view id) {
    if (id.size() > 0xFFFFFFFFu)
        throw domain_error("a customer id is too long");
    const std::uint64_t hash = std::hash<std::string_view>{}(id);
    std::uint64_t inline_bytes = 0;  // a short text's bytes, zero-padded
    if (id.size() <= sizeof inline_bytes)
        std::memcpy(&inline_bytes, id.data(), id.size());
    if (!texts_.empty())
        for (std::size_t at = start_of(texts_, hash); texts_[at].index != 0; at = next_of(texts_, at))
            if (texts_[at].hash == hash && same_text(texts_[at], id, inline_bytes))
                return texts_[at].index - 1;
    const std::uint32_t index = next_index();
    std::uint64_t bytes = inline_bytes;
    if (id.size() > sizeof bytes) {
        bytes = text_bytes_.size();
        text_bytes_.append(id);
    }
    insert(texts_, texts_used_, TextSlot{hash, bytes, static_cast<std::uint32_t>(id.size()), index + 1});
    return index;
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
