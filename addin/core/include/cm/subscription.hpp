// Subscription revenue from a billing export: one row per customer and month with that
// month's monthly recurring revenue (MRR). From it, month by month, the MRR movements, the
// ratios built on them, and the survival table of each acquisition cohort.
//
// MRR movements as ChartMogul documents them (ChartMogul, "MRR Movements" and "Net MRR
// Churn Rate" in the ChartMogul Help Center, ChartMogul Ltd.). With a customer's MRR
// last month p and this month c (a month without a row is 0):
//   new           = c, when p = 0 and the customer never had MRR before;
//   reactivation  = c, when p = 0 but the customer had MRR in an earlier month;
//   expansion     = c − p, when p > 0, c > p;
//   contraction   = p − c, when c > 0, c < p;
//   churned       = p, when p > 0 and c = 0.
// So MRR at the end = MRR at the start + new + expansion + reactivation − contraction
// − churned, exactly, every month; and the customer counts at the end = at the start + new
// + reactivated − churned.
//
// Decisions of this library (docs/FUNCTIONS.md, "Subscription revenue"):
//   * several rows of one customer in one month add up; a row may be any date in its month;
//   * a customer whose rows of a month add up to zero or less (a refund row that cancels or
//     exceeds the charge) is not paying that month: their MRR that month is 0, as if there
//     were no row. A negative MRR is never carried into the sums; a net 0 or negative month
//     ends an unbroken run of payments;
//   * the months are every calendar month from the first to the last month of any row; the
//     first month of the export counts everyone who pays in it as new (the export cannot
//     show who paid before it started).
//
// The ratios (ChartMogul's "Net MRR Churn Rate", "Gross MRR Churn Rate", and the SaaS
// quick ratio of M. Mahmoud, "Mamoon Hamid's SaaS Quick Ratio", Social Capital, 2015):
//   NRR = (start + expansion − contraction − churned) / start  = 1 − net MRR churn rate;
//   GRR = (start − contraction − churned) / start               = 1 − gross MRR churn rate;
//   quick ratio = (new + expansion + reactivation) / (contraction + churned).
// The articles' "MRR retention" (article A2 of docs/SOURCES.md: renewed MRR / MRR up for renewal, the fitness
// club's 95 %) is NRR when "renewed" counts upgrades and downgrades of the renewing
// customers, and GRR when it leaves upgrades out.
//
// Dates are spreadsheet serial numbers: days since 1899-12-30 (cm/cohort.hpp).
#pragma once

#include "cm/errors.hpp"

#include <cstddef>
#include <vector>

namespace cm {

// One calendar month of MRR movements. Amounts in the currency of the export, customers
// as counts.
struct MrrMonth {
    double month = 0;  // serial date of its first day
    double mrr_start = 0, new_mrr = 0, expansion = 0, contraction = 0, churned = 0, reactivation = 0,
           mrr_end = 0;
    double customers_start = 0, new_customers = 0, churned_customers = 0, reactivated_customers = 0,
           customers_end = 0;
};

// The survival table of acquisition cohorts: a customer's cohort is the first month with
// MRR > 0; alive[c][k] counts the customers of cohort c who paid in each of the k + 1
// months from their first one, without a break (alive[c][0] is the cohort size). Only
// months up to the last of the export are present, so row c has last − first(c) + 1
// entries. A cohort month with no new customer has no row.
struct SurvivalTable {
    std::vector<double> cohort_start;        // serial date of each cohort's first day, ascending
    std::vector<std::vector<double>> alive;  // see above
    std::size_t periods() const;             // the longest row of `alive`
};

// The most calendar months one export may span: 100 years. Bounds the tables (a survival
// table has up to months² / 2 cells) so that a mistyped year is an error, not gigabytes.
constexpr double max_subscription_months = 1200;

// The billing export, row for row: customer (index from CustomerIds), month (a serial
// date anywhere in the month), MRR (any finite number; see the decisions above).
// Lengths differ, a date or an MRR not finite, or the months span more than
// max_subscription_months: domain_error. No rows: division_by_zero.
std::vector<MrrMonth> mrr_movements(const std::vector<std::size_t>& customers, const std::vector<double>& months,
                                    const std::vector<double>& mrr, std::size_t customer_count);

// The same export; no customer ever paying (no month with MRR > 0): division_by_zero.
SurvivalTable subscription_survival(const std::vector<std::size_t>& customers, const std::vector<double>& months,
                                    const std::vector<double>& mrr, std::size_t customer_count);

// NRR = (start + expansion − contraction − churned) / start.
//   start > 0 (0: division_by_zero); expansion, contraction, churned >= 0;
//   contraction + churned <= start (no customer loses more than they paid).
// ChartMogul's example: 100, 10, 10, 10 -> 0.90 (net MRR churn 10 %).
double nrr(double start_mrr, double expansion, double contraction, double churned);

// GRR = (start − contraction − churned) / start; domain as nrr().
// ChartMogul's example: 100, 10, 10 -> 0.80 (gross MRR churn 20 %).
double grr(double start_mrr, double contraction, double churned);

// Quick ratio = (new + expansion + reactivation) / (contraction + churned).
//   every argument >= 0; contraction + churned = 0: division_by_zero.
double quick_ratio(double new_mrr, double expansion, double contraction, double churned, double reactivation = 0);

}  // namespace cm
