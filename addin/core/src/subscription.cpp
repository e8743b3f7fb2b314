#include "cm/subscription.hpp"

#include "checks.hpp"
#include "cm/cohort.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>

namespace cm {
namespace {

// One customer's month: the month's index since the export's first month and the net of
// its rows.
struct CustomerMonth {
    std::uint32_t month;
    double mrr;
};

// The export regrouped by customer: for each customer, their months in ascending order,
// the rows of one month added up, only months with a net MRR > 0 kept (a month that nets
// to zero or less is not a paying month: subscription.hpp).
struct Export {
    std::int64_t first_month = 0;  // period index (cm/cohort.hpp) of the first month
    std::size_t month_count = 0;
    std::vector<std::size_t> begin;  // customer c's paying months: paying[begin[c] .. begin[c + 1])
    std::vector<CustomerMonth> paying;
};

Export regroup(const std::vector<std::size_t>& customers, const std::vector<double>& months,
               const std::vector<double>& mrr, std::size_t customer_count) {
    if (customers.size() != months.size() || customers.size() != mrr.size())
        throw domain_error("customer ids, months and MRR differ in length");
    if (customers.empty())
        throw division_by_zero("the billing export has no rows");

    const std::size_t rows = customers.size();
    std::vector<std::int64_t> month_index(rows);
    std::int64_t first = std::numeric_limits<std::int64_t>::max();
    std::int64_t last = std::numeric_limits<std::int64_t>::min();
    for (std::size_t i = 0; i < rows; ++i) {
        detail::require_finite(mrr[i], "an MRR");
        month_index[i] = period_index(months[i], CohortPeriod::month);
        first = std::min(first, month_index[i]);
        last = std::max(last, month_index[i]);
        if (customers[i] >= customer_count)
            throw domain_error("a customer index is out of range");
    }
    if (static_cast<double>(last - first + 1) > max_subscription_months)
        throw domain_error("the months span more than 100 years: check the dates");

    Export out;
    out.first_month = first;
    out.month_count = static_cast<std::size_t>(last - first + 1);

    // Counting sort of the rows by customer (stable, O(rows)).
    std::vector<std::size_t> start(customer_count + 1, 0);
    for (std::size_t c : customers)
        ++start[c + 1];
    for (std::size_t c = 0; c < customer_count; ++c)
        start[c + 1] += start[c];
    std::vector<CustomerMonth> rows_by_customer(rows);
    {
        std::vector<std::size_t> next(start.begin(), start.end() - 1);
        for (std::size_t i = 0; i < rows; ++i)
            rows_by_customer[next[customers[i]]++] = {static_cast<std::uint32_t>(month_index[i] - first), mrr[i]};
    }

    // Per customer: months ascending (a customer has few rows: insertion order is usually
    // already sorted), rows of a month added, non-paying months dropped. Compacts in place.
    out.begin.assign(customer_count + 1, 0);
    std::size_t kept = 0;
    for (std::size_t c = 0; c < customer_count; ++c) {
        const auto from = rows_by_customer.begin() + static_cast<std::ptrdiff_t>(start[c]);
        const auto to = rows_by_customer.begin() + static_cast<std::ptrdiff_t>(start[c + 1]);
        const auto by_month = [](const CustomerMonth& a, const CustomerMonth& b) { return a.month < b.month; };
        if (!std::is_sorted(from, to, by_month))
            std::stable_sort(from, to, by_month);
        out.begin[c] = kept;
        for (auto row = from; row != to;) {
            CustomerMonth month = *row++;
            while (row != to && row->month == month.month)
                month.mrr += (row++)->mrr;
            if (!std::isfinite(month.mrr))
                throw overflow("a customer's MRR in one month is too large to add up");
            if (month.mrr > 0)
                rows_by_customer[kept++] = month;
        }
    }
    out.begin[customer_count] = kept;
    rows_by_customer.resize(kept);
    out.paying = std::move(rows_by_customer);
    return out;
}

void require_movement(double value, const char* what) {
    detail::require_finite(value, what);
    if (value < 0)
        throw domain_error(std::string(what) + " must not be negative");
}

// start > 0, losses within it: shared by nrr() and grr().
void require_retention_inputs(double start_mrr, double contraction, double churned) {
    detail::require_positive_denominator(start_mrr, "MRR at the start");
    require_movement(contraction, "contraction MRR");
    require_movement(churned, "churned MRR");
    if (contraction + churned > start_mrr * (1 + 1e-9))
        throw domain_error("contraction and churned MRR exceed the MRR at the start");
}

}  // namespace

std::size_t SurvivalTable::periods() const {
    std::size_t longest = 0;
    for (const auto& row : alive)
        longest = std::max(longest, row.size());
    return longest;
}

std::vector<MrrMonth> mrr_movements(const std::vector<std::size_t>& customers, const std::vector<double>& months,
                                    const std::vector<double>& mrr, std::size_t customer_count) {
    const Export data = regroup(customers, months, mrr, customer_count);
    std::vector<MrrMonth> table(data.month_count);
    for (std::size_t m = 0; m < table.size(); ++m)
        table[m].month = period_start(data.first_month + static_cast<std::int64_t>(m), CohortPeriod::month);

    for (std::size_t c = 0; c < customer_count; ++c) {
        bool seen = false;
        std::uint32_t previous_month = 0;
        double previous_mrr = 0;
        for (std::size_t k = data.begin[c]; k < data.begin[c + 1]; ++k) {
            const auto [month, value] = data.paying[k];
            MrrMonth& row = table[month];
            row.mrr_end += value;
            row.customers_end += 1;
            if (seen && previous_month + 1 == month) {
                if (value > previous_mrr)
                    row.expansion += value - previous_mrr;
                else
                    row.contraction += previous_mrr - value;
            } else {
                if (seen) {  // a gap: churned the month after their last paying one
                    MrrMonth& churn = table[previous_month + 1];
                    churn.churned += previous_mrr;
                    churn.churned_customers += 1;
                    row.reactivation += value;
                    row.reactivated_customers += 1;
                } else {
                    row.new_mrr += value;
                    row.new_customers += 1;
                }
            }
            seen = true;
            previous_month = month;
            previous_mrr = value;
        }
        if (seen && previous_month + 1 < table.size()) {
            MrrMonth& churn = table[previous_month + 1];
            churn.churned += previous_mrr;
            churn.churned_customers += 1;
        }
    }
    for (std::size_t m = 1; m < table.size(); ++m) {
        table[m].mrr_start = table[m - 1].mrr_end;
        table[m].customers_start = table[m - 1].customers_end;
    }
    for (const MrrMonth& row : table)
        detail::finite_result(row.mrr_end + row.expansion + row.contraction + row.churned);
    return table;
}

SurvivalTable subscription_survival(const std::vector<std::size_t>& customers, const std::vector<double>& months,
                                    const std::vector<double>& mrr, std::size_t customer_count) {
    const Export data = regroup(customers, months, mrr, customer_count);
    // run[a][r]: customers acquired in month a whose unbroken run of paying months is r + 1 long.
    std::vector<std::vector<double>> runs(data.month_count);
    for (std::size_t c = 0; c < customer_count; ++c) {
        const std::size_t from = data.begin[c], to = data.begin[c + 1];
        if (from == to)
            continue;
        const std::uint32_t acquired = data.paying[from].month;
        std::size_t length = 1;
        while (from + length < to && data.paying[from + length].month == acquired + length)
            ++length;
        auto& run = runs[acquired];
        if (run.empty())
            run.assign(data.month_count - acquired, 0);
        ++run[length - 1];
    }
    SurvivalTable table;
    for (std::size_t a = 0; a < runs.size(); ++a) {
        if (runs[a].empty())
            continue;
        // Alive k months after acquisition = runs of length > k: a suffix sum.
        std::vector<double> alive(runs[a].size());
        double sum = 0;
        for (std::size_t k = alive.size(); k-- > 0;) {
            sum += runs[a][k];
            alive[k] = sum;
        }
        table.cohort_start.push_back(period_start(data.first_month + static_cast<std::int64_t>(a), CohortPeriod::month));
        table.alive.push_back(std::move(alive));
    }
    if (table.alive.empty())
        throw division_by_zero("no customer ever pays in the billing export (every MRR is zero or less)");
    return table;
}

double nrr(double start_mrr, double expansion, double contraction, double churned) {
    require_retention_inputs(start_mrr, contraction, churned);
    require_movement(expansion, "expansion MRR");
    return detail::finite_result(std::max(0.0, start_mrr + expansion - contraction - churned) / start_mrr);
}

double grr(double start_mrr, double contraction, double churned) {
    require_retention_inputs(start_mrr, contraction, churned);
    return detail::finite_result(std::max(0.0, start_mrr - contraction - churned) / start_mrr);
}

double quick_ratio(double new_mrr, double expansion, double contraction, double churned, double reactivation) {
    require_movement(new_mrr, "new MRR");
    require_movement(expansion, "expansion MRR");
    require_movement(reactivation, "reactivation MRR");
    require_movement(contraction, "contraction MRR");
    require_movement(churned, "churned MRR");
    detail::require_positive_denominator(contraction + churned, "contraction + churned MRR");
    return detail::finite_result((new_mrr + expansion + reactivation) / (contraction + churned));
}

}  // namespace cm
