// Tests for cm/subscription.hpp.
#include <cm/cohort.hpp>
#include <cm/customers.hpp>
#include <cm/subscription.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace {

// Serial dates as Calc stores them: 45292 is 2024-01-01.
constexpr double jan1 = 45292, jan15 = 45306, feb1 = 45323, feb29 = 45351, mar1 = 45352, mar10 = 45361,
                 apr1 = 45383, apr30 = 45412, may1 = 45413, may20 = 45432, jun1 = 45444, jun2 = 45445;

struct Log {
    cm::CustomerIds ids;
    std::vector<std::size_t> customers;
    std::vector<double> months, mrr;
    void add(const char* id, double month, double value) {
        customers.push_back(ids.of(id));
        months.push_back(month);
        mrr.push_back(value);
    }
    std::vector<cm::MrrMonth> movements() const { return cm::mrr_movements(customers, months, mrr, ids.size()); }
    cm::SurvivalTable survival() const { return cm::subscription_survival(customers, months, mrr, ids.size()); }
};

// Every movement type, worked by hand (the table in the comments is the expectation):
//   a: Jan 100, Feb 100, Mar 150 (expansion 50), Apr 120 (contraction 30), May none (churn 120),
//      Jun 80 (reactivation 80);
//   b: Jan 30 + 20 on two rows, Feb 50, then nothing (churn 50 in Mar);
//   c: Feb 200, Mar 200, Apr 200 and a refund of −200 (net 0: not paying, churn 200),
//      May 200 (reactivation), Jun 200;
//   d: Mar a row of 0 (not paying), Apr 40 (new), May only a refund of −10 (churn 40).
Log hand_worked_log() {
    Log log;
    // Deliberately not in date order, customers interleaved.
    log.add("c", jun2, 200);
    log.add("a", jan1, 100);
    log.add("b", jan15, 30);
    log.add("a", feb29, 100);
    log.add("b", jan1, 20);
    log.add("c", feb1, 200);
    log.add("b", feb1, 50);
    log.add("a", mar10, 150);
    log.add("c", mar1, 200);
    log.add("d", mar1, 0);
    log.add("a", apr30, 120);
    log.add("c", apr1, 200);
    log.add("c", apr30, -200);
    log.add("d", apr1, 40);
    log.add("c", may20, 200);
    log.add("d", may1, -10);
    log.add("a", jun1, 80);
    return log;
}

struct Expected {
    double month, start, new_mrr, expansion, contraction, churned, reactivation, end;
    double c_start, c_new, c_churned, c_reactivated, c_end;
};

void expect_month(const cm::MrrMonth& got, const Expected& want) {
    EXPECT_DOUBLE_EQ(got.month, want.month);
    EXPECT_DOUBLE_EQ(got.mrr_start, want.start);
    EXPECT_DOUBLE_EQ(got.new_mrr, want.new_mrr);
    EXPECT_DOUBLE_EQ(got.expansion, want.expansion);
    EXPECT_DOUBLE_EQ(got.contraction, want.contraction);
    EXPECT_DOUBLE_EQ(got.churned, want.churned);
    EXPECT_DOUBLE_EQ(got.reactivation, want.reactivation);
    EXPECT_DOUBLE_EQ(got.mrr_end, want.end);
    EXPECT_DOUBLE_EQ(got.customers_start, want.c_start);
    EXPECT_DOUBLE_EQ(got.new_customers, want.c_new);
    EXPECT_DOUBLE_EQ(got.churned_customers, want.c_churned);
    EXPECT_DOUBLE_EQ(got.reactivated_customers, want.c_reactivated);
    EXPECT_DOUBLE_EQ(got.customers_end, want.c_end);
}

TEST(MrrMovements, HandWorkedEveryMovement) {
    const auto table = hand_worked_log().movements();
    ASSERT_EQ(table.size(), 6u);
    //                     month  start new  exp  con  churn react end  | customers
    expect_month(table[0], {jan1, 0,    150, 0,   0,   0,    0,    150, 0, 2, 0, 0, 2});
    expect_month(table[1], {feb1, 150,  200, 0,   0,   0,    0,    350, 2, 1, 0, 0, 3});
    expect_month(table[2], {mar1, 350,  0,   50,  0,   50,   0,    350, 3, 0, 1, 0, 2});
    expect_month(table[3], {apr1, 350,  40,  0,   30,  200,  0,    160, 2, 1, 1, 0, 2});
    expect_month(table[4], {may1, 160,  0,   0,   0,   160,  200,  200, 2, 0, 2, 1, 1});
    expect_month(table[5], {jun1, 200,  0,   0,   0,   0,    80,   280, 1, 0, 0, 1, 2});
}

TEST(MrrMovements, BridgeClosesEveryMonth) {
    for (const auto& row : hand_worked_log().movements()) {
        EXPECT_DOUBLE_EQ(row.mrr_start + row.new_mrr + row.expansion + row.reactivation - row.contraction - row.churned,
                         row.mrr_end);
        EXPECT_DOUBLE_EQ(row.customers_start + row.new_customers + row.reactivated_customers - row.churned_customers,
                         row.customers_end);
    }
}

TEST(MrrMovements, RowOrderDoesNotMatter) {
    const Log log = hand_worked_log();
    const auto expected = log.movements();
    std::vector<std::size_t> order(log.customers.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::mt19937 random(7);
    for (int round = 0; round < 20; ++round) {
        std::shuffle(order.begin(), order.end(), random);
        Log shuffled;
        shuffled.ids = log.ids;
        for (std::size_t i : order) {
            shuffled.customers.push_back(log.customers[i]);
            shuffled.months.push_back(log.months[i]);
            shuffled.mrr.push_back(log.mrr[i]);
        }
        const auto table = shuffled.movements();
        ASSERT_EQ(table.size(), expected.size());
        for (std::size_t m = 0; m < table.size(); ++m) {
            EXPECT_DOUBLE_EQ(table[m].mrr_end, expected[m].mrr_end);
            EXPECT_DOUBLE_EQ(table[m].churned, expected[m].churned);
            EXPECT_DOUBLE_EQ(table[m].reactivation, expected[m].reactivation);
            EXPECT_DOUBLE_EQ(table[m].expansion, expected[m].expansion);
        }
    }
}

TEST(MrrMovements, DuplicateRowsAddUp) {
    // The same charge exported twice is two charges: 2 × 50 in January.
    Log log;
    log.add("x", jan1, 50);
    log.add("x", jan1, 50);
    log.add("x", feb1, 100);
    const auto table = log.movements();
    ASSERT_EQ(table.size(), 2u);
    EXPECT_DOUBLE_EQ(table[0].new_mrr, 100);
    EXPECT_DOUBLE_EQ(table[0].new_customers, 1);
    EXPECT_DOUBLE_EQ(table[1].expansion, 0);
    EXPECT_DOUBLE_EQ(table[1].contraction, 0);
}

TEST(MrrMovements, ReactivationAfterLongGapAndEmptyMonths) {
    // Paid in January, nothing in February..April (no row of anyone in March): churned in
    // February, back in May: reactivation, not new.
    Log log;
    log.add("x", jan1, 10);
    log.add("y", feb1, 5);
    log.add("y", apr1, 5);
    log.add("x", may1, 12);
    const auto table = log.movements();
    ASSERT_EQ(table.size(), 5u);
    EXPECT_DOUBLE_EQ(table[1].churned, 10);
    EXPECT_DOUBLE_EQ(table[1].new_mrr, 5);
    EXPECT_DOUBLE_EQ(table[2].month, mar1);
    EXPECT_DOUBLE_EQ(table[2].churned, 5);  // y's gap in March
    EXPECT_DOUBLE_EQ(table[2].mrr_end, 0);
    EXPECT_DOUBLE_EQ(table[3].reactivation, 5);
    EXPECT_DOUBLE_EQ(table[4].reactivation, 12);
    EXPECT_DOUBLE_EQ(table[4].reactivated_customers, 1);
    EXPECT_DOUBLE_EQ(table[4].new_customers, 0);
    EXPECT_DOUBLE_EQ(table[4].churned, 5);  // y stopped after April
}

TEST(MrrMovements, NonPayingOnlyCustomersAndAllZero) {
    // Zero and negative months are no payment: a customer who never nets above zero never
    // appears; an export of nothing but zeros is months of zero MRR.
    Log log;
    log.add("x", jan1, 0);
    log.add("x", feb1, -5);
    const auto table = log.movements();
    ASSERT_EQ(table.size(), 2u);
    for (const auto& row : table) {
        EXPECT_DOUBLE_EQ(row.mrr_end, 0);
        EXPECT_DOUBLE_EQ(row.customers_end, 0);
        EXPECT_DOUBLE_EQ(row.churned, 0);
    }
    EXPECT_THROW(log.survival(), cm::division_by_zero);
}

TEST(MrrMovements, Errors) {
    Log empty;
    EXPECT_THROW(empty.movements(), cm::division_by_zero);
    EXPECT_THROW(empty.survival(), cm::division_by_zero);

    Log log;
    log.add("x", jan1, 10);
    log.months.push_back(feb1);
    EXPECT_THROW(log.movements(), cm::domain_error);  // lengths differ

    Log not_finite;
    not_finite.add("x", jan1, std::numeric_limits<double>::quiet_NaN());
    EXPECT_THROW(not_finite.movements(), cm::domain_error);
    Log bad_date;
    bad_date.add("x", std::numeric_limits<double>::infinity(), 10);
    EXPECT_THROW(bad_date.movements(), cm::domain_error);

    // A mistyped year: 2024 and 2204 are 2160 months apart.
    Log far;
    far.add("x", jan1, 10);
    far.add("x", jan1 + 180 * 365.25, 10);
    EXPECT_THROW(far.movements(), cm::domain_error);
    EXPECT_THROW(far.survival(), cm::domain_error);

    Log huge;
    huge.add("x", jan1, 1e308);
    huge.add("x", jan15, 1e308);
    EXPECT_THROW(huge.movements(), cm::overflow);
    Log huge_total;
    huge_total.add("x", jan1, 1e308);
    huge_total.add("y", jan1, 1e308);
    EXPECT_THROW(huge_total.movements(), cm::overflow);
}

TEST(SubscriptionSurvival, HandWorked) {
    // a pays Jan..Apr without a break (4 months; back in Jun does not count), b Jan..Feb,
    // c Feb..Mar (April nets to 0), d Apr only (its March row is 0, so its cohort is April).
    const auto table = hand_worked_log().survival();
    ASSERT_EQ(table.cohort_start, (std::vector<double>{jan1, feb1, apr1}));
    EXPECT_EQ(table.alive[0], (std::vector<double>{2, 2, 1, 1, 0, 0}));
    EXPECT_EQ(table.alive[1], (std::vector<double>{1, 1, 0, 0, 0}));
    EXPECT_EQ(table.alive[2], (std::vector<double>{1, 0, 0}));
    EXPECT_EQ(table.periods(), 6u);
}

// An independent count on a dense customer × month grid (net MRR per cell, clipped at 0),
// for random exports with refunds, zeros, repeats and any row order.
TEST(MrrMovements, RandomExportsAgreeWithDenseGrid) {
    std::mt19937 random(2024);
    for (int round = 0; round < 50; ++round) {
        const std::size_t customers = 1 + random() % 40, months = 1 + random() % 15, rows = random() % 300 + 1;
        Log log;
        for (std::size_t c = 0; c < customers; ++c)  // index c is customer c
            ASSERT_EQ(log.ids.of(("c" + std::to_string(c)).c_str()), c);
        std::vector<std::vector<double>> grid(customers, std::vector<double>(months, 0));
        std::size_t first = months, last = 0;
        for (std::size_t i = 0; i < rows; ++i) {
            const std::size_t c = random() % customers, m = random() % months;
            const double value = static_cast<double>(static_cast<int>(random() % 9) - 2) * 10;  // −20..60
            const double date = cm::period_start(2024 * 12 + static_cast<std::int64_t>(m), cm::CohortPeriod::month) +
                                static_cast<double>(random() % 28);
            log.add(("c" + std::to_string(c)).c_str(), date, value);
            grid[c][m] += value;
            first = std::min(first, m);
            last = std::max(last, m);
        }
        const auto table = log.movements();
        ASSERT_EQ(table.size(), last - first + 1);
        std::vector<bool> seen(customers, false);
        for (std::size_t m = first; m <= last; ++m) {
            double start = 0, end = 0, fresh = 0, expansion = 0, contraction = 0, churned = 0, reactivation = 0;
            double c_start = 0, c_end = 0;
            for (std::size_t c = 0; c < customers; ++c) {
                const double p = m > first ? std::max(0.0, grid[c][m - 1]) : 0;
                const double v = std::max(0.0, grid[c][m]);
                start += p;
                end += v;
                c_start += p > 0;
                c_end += v > 0;
                if (p > 0 && v > 0) {
                    expansion += std::max(0.0, v - p);
                    contraction += std::max(0.0, p - v);
                } else if (p > 0) {
                    churned += p;
                } else if (v > 0) {
                    (seen[c] ? reactivation : fresh) += v;
                }
                if (v > 0)
                    seen[c] = true;
            }
            const auto& row = table[m - first];
            EXPECT_DOUBLE_EQ(row.month, cm::period_start(2024 * 12 + static_cast<std::int64_t>(m), cm::CohortPeriod::month));
            EXPECT_NEAR(row.mrr_start, start, 1e-9);
            EXPECT_NEAR(row.mrr_end, end, 1e-9);
            EXPECT_NEAR(row.new_mrr, fresh, 1e-9);
            EXPECT_NEAR(row.expansion, expansion, 1e-9);
            EXPECT_NEAR(row.contraction, contraction, 1e-9);
            EXPECT_NEAR(row.churned, churned, 1e-9);
            EXPECT_NEAR(row.reactivation, reactivation, 1e-9);
            EXPECT_DOUBLE_EQ(row.customers_start, c_start);
            EXPECT_DOUBLE_EQ(row.customers_end, c_end);
        }
        // Survival on the same grid: per cohort month a, customers whose first paying month
        // is a, alive k months later if they paid in every month a..a+k.
        bool any = false;
        std::map<std::size_t, std::vector<double>> alive;
        for (std::size_t c = 0; c < customers; ++c) {
            std::size_t a = 0;
            while (a < months && grid[c][a] <= 0)
                ++a;
            if (a == months)
                continue;
            any = true;
            auto& row = alive[a];
            row.resize(last - a + 1, 0);
            for (std::size_t k = 0; a + k <= last && grid[c][a + k] > 0; ++k)
                ++row[k];
        }
        if (!any) {
            EXPECT_THROW(log.survival(), cm::division_by_zero);
            continue;
        }
        const auto survival = log.survival();
        ASSERT_EQ(survival.alive.size(), alive.size());
        std::size_t r = 0;
        for (const auto& [a, row] : alive) {
            EXPECT_DOUBLE_EQ(survival.cohort_start[r],
                             cm::period_start(2024 * 12 + static_cast<std::int64_t>(a), cm::CohortPeriod::month));
            EXPECT_EQ(survival.alive[r], row);
            ++r;
        }
    }
}

TEST(Ratios, ChartMogulExample) {
    // ChartMogul Help Center, "Gross MRR Churn Rate" and "Net MRR Churn Rate": $100 at the
    // start, $10 churn, $10 contraction, $10 expansion -> gross MRR churn 20 %, net 10 %.
    EXPECT_DOUBLE_EQ(cm::grr(100, 10, 10), 0.80);
    EXPECT_DOUBLE_EQ(cm::nrr(100, 10, 10, 10), 0.90);
    EXPECT_DOUBLE_EQ(1 - cm::grr(100, 10, 10), 0.20);
    EXPECT_NEAR(1 - cm::nrr(100, 10, 10, 10), 0.10, 1e-15);
}

TEST(Ratios, HandWorkedMonths) {
    // April of the hand-worked log: start 350, new 40, contraction 30, churned 200.
    EXPECT_DOUBLE_EQ(cm::nrr(350, 0, 30, 200), 120.0 / 350);
    EXPECT_DOUBLE_EQ(cm::grr(350, 30, 200), 120.0 / 350);
    EXPECT_DOUBLE_EQ(cm::quick_ratio(40, 0, 30, 200), 40.0 / 230);
    // May: churned 160, reactivation 200.
    EXPECT_DOUBLE_EQ(cm::quick_ratio(0, 0, 0, 160, 200), 200.0 / 160);
    EXPECT_DOUBLE_EQ(cm::quick_ratio(0, 0, 0, 160), 0);
    // Expansion above the losses: NRR over 100 %.
    EXPECT_DOUBLE_EQ(cm::nrr(100, 30, 5, 5), 1.20);
    // Everything churned.
    EXPECT_DOUBLE_EQ(cm::grr(100, 0, 100), 0);
}

TEST(Ratios, Domains) {
    EXPECT_THROW(cm::nrr(0, 0, 0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::grr(0, 0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::nrr(-100, 0, 0, 0), cm::domain_error);
    EXPECT_THROW(cm::nrr(100, -1, 0, 0), cm::domain_error);
    EXPECT_THROW(cm::grr(100, -1, 0), cm::domain_error);
    EXPECT_THROW(cm::grr(100, 60, 50), cm::domain_error);  // loses more than it had
    EXPECT_THROW(cm::nrr(100, 0, 0, std::numeric_limits<double>::quiet_NaN()), cm::domain_error);
    EXPECT_THROW(cm::quick_ratio(10, 0, 0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::quick_ratio(-10, 0, 0, 5), cm::domain_error);
    EXPECT_THROW(cm::quick_ratio(10, 0, 0, 5, -1), cm::domain_error);
    EXPECT_THROW(cm::quick_ratio(1e308, 1e308, 0, 1e-300), cm::overflow);
}

}  // namespace
