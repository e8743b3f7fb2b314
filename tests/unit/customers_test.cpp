// Tests for cm/customers.hpp: the articles' definitions counted from raw lists.
#include <cm/customers.hpp>
#include <cm/retention.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

// Article A1's CRR example (docs/SOURCES.md) as lists: 110 customers at the start of August, 55 of
// them still there at the end, 60 new ones -> 115 at the end, CRR 50 %.
struct Lists {
    cm::CustomerIds ids;
    std::vector<std::size_t> start, end;
};

Lists august_lists() {
    Lists lists;
    for (int i = 0; i < 110; ++i)
        lists.start.push_back(lists.ids.of(1000.0 + i));
    for (int i = 55; i < 110; ++i)
        lists.end.push_back(lists.ids.of(1000.0 + i));
    for (int i = 0; i < 60; ++i)
        lists.end.push_back(lists.ids.of("new-" + std::to_string(i)));
    return lists;
}

TEST(CompareLists, SeedExampleFromIds) {
    auto lists = august_lists();
    const auto result = cm::compare_lists(lists.start, lists.end, lists.ids.size());
    EXPECT_EQ(result.at_start, 110);
    EXPECT_EQ(result.at_end, 115);
    EXPECT_EQ(result.retained, 55);
    EXPECT_DOUBLE_EQ(result.crr(), cm::crr(110, 115, 60));
    EXPECT_DOUBLE_EQ(result.churn(), 0.5);
}

TEST(CompareLists, RepeatsCountOnce) {
    cm::CustomerIds ids;
    const std::vector<std::size_t> start = {ids.of(1), ids.of(1), ids.of(2), ids.of("2")};
    const std::vector<std::size_t> end = {ids.of(2), ids.of(2)};
    const auto result = cm::compare_lists(start, end, ids.size());
    EXPECT_EQ(result.at_start, 3);  // 1, 2 and the text "2"
    EXPECT_EQ(result.retained, 1);
    EXPECT_DOUBLE_EQ(result.crr(), 1.0 / 3.0);
}

TEST(CompareLists, EmptyStartIsADivisionError) {
    cm::CustomerIds ids;
    const std::vector<std::size_t> end = {ids.of(7)};
    EXPECT_THROW(cm::compare_lists({}, end, ids.size()).crr(), cm::division_by_zero);
}

TEST(CustomerIds, NumbersAndTextAreDistinctAndNaNIsRefused) {
    cm::CustomerIds ids;
    EXPECT_EQ(ids.of(123), 0u);
    EXPECT_EQ(ids.of("123"), 1u);
    EXPECT_EQ(ids.of("00123"), 2u);
    EXPECT_EQ(ids.of(123.0), 0u);
    EXPECT_EQ(ids.of(-0.0), ids.of(0.0));
    EXPECT_THROW(ids.of(std::numeric_limits<double>::quiet_NaN()), cm::domain_error);
}

// The open-addressing tables against std::map over enough ids to grow them many times:
// numbers, texts of up to 8 bytes (kept in the slot) and longer ones, texts that differ
// only in a trailing zero byte or in length, in shuffled order with repeats.
TEST(CustomerIds, AgreesWithAMapThroughGrowth) {
    std::mt19937 random(4);
    std::vector<std::string> texts = {"", std::string(1, '\0'), "a", std::string("a\0", 2), "12345678",
                                      "123456789", "customer@example.com"};
    for (int i = 0; i < 30000; ++i)
        texts.push_back((i % 3 ? "C" : "customer-with-a-long-name-") + std::to_string(i));
    std::vector<double> numbers = {0.0, 1.0, -1.0, 1e300, -1e-300, 0.5};
    for (int i = 0; i < 30000; ++i)
        numbers.push_back(static_cast<double>(i) * 7.25);
    cm::CustomerIds ids;
    std::map<std::string, std::size_t> text_index;
    std::map<double, std::size_t> number_index;
    std::size_t next = 0;
    for (int round = 0; round < 3; ++round) {
        std::shuffle(texts.begin(), texts.end(), random);
        std::shuffle(numbers.begin(), numbers.end(), random);
        for (std::size_t i = 0; i < texts.size(); ++i) {
            const auto text = text_index.try_emplace(texts[i], next);
            next += text.second;
            ASSERT_EQ(ids.of(texts[i]), text.first->second) << "text " << texts[i];
            const auto number = number_index.try_emplace(numbers[i], next);
            next += number.second;
            ASSERT_EQ(ids.of(numbers[i]), number.first->second) << "number " << numbers[i];
        }
    }
    EXPECT_EQ(ids.size(), text_index.size() + number_index.size());
    EXPECT_EQ(ids.of(-0.0), ids.of(0.0));
}

// Article A6, the repeat-purchase example: 150 customers, 65 of them ordered again.
TEST(CountOrders, SeedRepeatPurchases) {
    cm::CustomerIds ids;
    std::vector<std::size_t> orders;
    for (int i = 0; i < 150; ++i)
        orders.push_back(ids.of(static_cast<double>(i)));
    for (int i = 0; i < 65; ++i)
        orders.push_back(ids.of(static_cast<double>(i)));
    orders.push_back(ids.of(0.0));  // a third order changes nothing
    const auto counts = cm::count_orders(orders, ids.size());
    EXPECT_EQ(counts.customers, 150);
    EXPECT_EQ(counts.repeat_customers, 65);
    EXPECT_EQ(counts.orders, 216);
    EXPECT_NEAR(counts.rpr(), 0.43333, 5e-6);
    EXPECT_DOUBLE_EQ(counts.purchase_frequency(), 216.0 / 150.0);
    EXPECT_THROW(cm::count_orders({}, 0).rpr(), cm::division_by_zero);
}

TEST(ArpuOfOrders, RevenuePerDistinctCustomer) {
    cm::CustomerIds ids;
    const std::vector<std::size_t> orders = {ids.of("a"), ids.of("b"), ids.of("a"), ids.of("c")};
    EXPECT_DOUBLE_EQ(cm::arpu_of_orders(orders, {100, 200, 300, -50}, ids.size()), 550.0 / 3.0);
    EXPECT_THROW(cm::arpu_of_orders(orders, {100, 200, 300}, ids.size()), cm::domain_error);
    EXPECT_THROW(cm::arpu_of_orders(orders, {-100, 0, 0, 0}, ids.size()), cm::domain_error);
    EXPECT_THROW(cm::arpu_of_orders({}, {}, 0), cm::division_by_zero);
}

}  // namespace
