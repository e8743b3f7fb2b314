// libFuzzer target: the billing-export functions of subscription.hpp — MRR movements and
// the survival table on random exports (any customers, dates, MRR including refunds, zeros,
// NaN and huge values), and the NRR / GRR / quick-ratio formulas on any doubles. Either a
// cm error or a table that holds together: the MRR bridge closes every month, counts are
// whole and consistent, survival never rises within a cohort, and nothing is NaN or inf.
#include "fuzz_input.hpp"

#include <cm/subscription.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace {

bool whole(double count) { return std::isfinite(count) && count >= 0 && count == std::floor(count); }

void check_movements(const std::vector<cm::MrrMonth>& table, std::size_t rows) {
    require(!table.empty() && table.size() <= cm::max_subscription_months);
    double scale = 0;
    for (const auto& row : table)
        scale = std::max({scale, row.mrr_start, row.mrr_end, row.new_mrr, row.expansion, row.contraction,
                          row.churned, row.reactivation});
    double previous_end = 0, previous_customers = 0;
    for (std::size_t m = 0; m < table.size(); ++m) {
        const auto& row = table[m];
        for (double v : {row.month, row.mrr_start, row.new_mrr, row.expansion, row.contraction, row.churned,
                         row.reactivation, row.mrr_end})
            require(std::isfinite(v));
        for (double v : {row.mrr_start, row.new_mrr, row.expansion, row.contraction, row.churned, row.reactivation,
                         row.mrr_end})
            require(v >= 0);
        for (double v : {row.customers_start, row.new_customers, row.churned_customers, row.reactivated_customers,
                         row.customers_end})
            require(whole(v) && v <= static_cast<double>(rows));
        require(m == 0 || row.month > table[m - 1].month);
        require(row.mrr_start == previous_end && row.customers_start == previous_customers);
        const double bridge =
            row.mrr_start + row.new_mrr + row.expansion + row.reactivation - row.contraction - row.churned;
        require(std::abs(bridge - row.mrr_end) <= 1e-9 * std::max(1.0, scale) * static_cast<double>(rows + 1));
        require(row.customers_start + row.new_customers + row.reactivated_customers - row.churned_customers ==
                row.customers_end);
        require(row.churned <= row.mrr_start * (1 + 1e-12) + 1e-300);
        previous_end = row.mrr_end;
        previous_customers = row.customers_end;
    }
}

void check_survival(const cm::SurvivalTable& table, const std::vector<cm::MrrMonth>* movements) {
    require(!table.alive.empty() && table.alive.size() == table.cohort_start.size());
    for (std::size_t c = 0; c < table.alive.size(); ++c) {
        const auto& row = table.alive[c];
        require(!row.empty() && row[0] >= 1);
        require(c == 0 || table.cohort_start[c] > table.cohort_start[c - 1]);
        for (std::size_t k = 0; k < row.size(); ++k)
            require(whole(row[k]) && (k == 0 || row[k] <= row[k - 1]));
        // The cohort sizes are the new customers of their month.
        if (movements) {
            const auto month = std::find_if(movements->begin(), movements->end(),
                                            [&](const cm::MrrMonth& m) { return m.month == table.cohort_start[c]; });
            require(month != movements->end() && month->new_customers == row[0]);
            require(static_cast<std::size_t>(movements->end() - month) == row.size());
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    const int mode = in.byte() % 3;
    if (mode == 0) {
        const double a = in.number(), b = in.number(), c = in.number(), d = in.number(), e = in.number();
        tolerate_refusal([&] {
            const double value = cm::nrr(a, b, c, d);
            require(std::isfinite(value) && value >= 0);
        });
        tolerate_refusal([&] {
            const double value = cm::grr(a, c, d);
            require(std::isfinite(value) && value >= 0 && value <= 1);
        });
        tolerate_refusal([&] {
            const double value = cm::quick_ratio(a, b, c, d, e);
            require(std::isfinite(value) && value >= 0);
        });
        return 0;
    }
    const std::size_t customers = 1 + in.byte() % 16;
    const int rows = in.byte();
    std::vector<std::size_t> who;
    std::vector<double> months, mrr;
    for (int i = 0; i < rows && !in.empty(); ++i) {
        who.push_back(in.byte() % customers);
        // Mostly dates within a few years, sometimes anything.
        const std::uint8_t kind = in.byte();
        months.push_back(kind < 240 ? 45292 + kind * 9.5 : in.number());
        mrr.push_back(mode == 1 ? in.byte() % 7 * 10.0 - 20 : in.number());
    }
    std::vector<cm::MrrMonth> table;
    bool movements_ok = false;
    tolerate_refusal([&] {
        table = cm::mrr_movements(who, months, mrr, customers);
        check_movements(table, who.size());
        movements_ok = true;
    });
    tolerate_refusal([&] {
        const auto survival = cm::subscription_survival(who, months, mrr, customers);
        check_survival(survival, movements_ok ? &table : nullptr);
    });
    return 0;
}
