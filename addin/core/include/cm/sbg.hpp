// The shifted-beta-geometric (sBG) model of contractual retention, its fit from cohort
// survival counts and the discounted expected residual lifetime (DERL).
//
// Sources:
// - Fader, P. S. & Hardie, B. G. S. (2007), "How to project customer retention", Journal of
//   Interactive Marketing 21(1), 76-90: each customer renews at the end of every period with
//   her own probability 1 - theta, theta ~ Beta(alpha, beta) across customers; then
//   P(T = t) = B(alpha + 1, beta + t - 1) / B(alpha, beta), t = 1, 2, ... (lost in period t),
//   S(t) = B(alpha, beta + t) / B(alpha, beta) (still a customer after t renewal
//   opportunities), r(t) = S(t)/S(t-1) = (beta + t - 1)/(alpha + beta + t - 1), and the
//   log-likelihood of a cohort with n_t customers alive at the start of period t,
//   LL = sum_{t=1..T} (n_{t-1} - n_t) ln P(T = t) + n_T ln S(T) (the paper's section on the
//   sBG model; we cite the formulas, not equation numbers). Published fit on years 1..7
//   of their two cohorts: "high end" alpha 0.668, beta 3.806; "regular" alpha 0.704,
//   beta 1.182.
// - Fader, P. S. & Hardie, B. G. S. (2007), "Fitting the sBG model to multi-cohort data"
//   (a note on brucehardie.com): cohorts acquired at different times share alpha, beta; the
//   log-likelihood is the sum of the cohorts' LL, each over the periods it has been observed.
// - Fader, P. S. & Hardie, B. G. S. (2010), "Customer-base valuation in a contractual setting:
//   the perils of ignoring heterogeneity", Marketing Science 29(1), 85-93, eq. (6):
//   DERL(d | alpha, beta, n - 1 renewals) =
//       (beta + n - 1)/(alpha + beta + n - 1) * 2F1(1, beta + n; alpha + beta + n; 1/(1 + d)).
//
// Every function throws cm::domain_error / cm::division_by_zero / cm::overflow (errors.hpp)
// and never returns NaN or infinity.
#pragma once

#include "cm/errors.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace cm {

// alpha > 0 and beta > 0, finite (parameters typed by hand are checked by every function).
struct SbgParams {
    double alpha;
    double beta;
};

struct SbgFit {
    double alpha;
    double beta;
    double log_likelihood;  // of the numbers as given (percentages: a cohort of 100)
};

// One cohort: the customers alive at the start of period 0, 1, ..., T (n_0 = cohort size).
using SbgCohort = std::vector<double>;

// The most periods a cohort may have: a fit evaluates the likelihood, O(periods), a few
// thousand times at most, so this bounds a fit to well under a second (83 years of months
// is 1 000 periods).
constexpr std::size_t max_sbg_periods = 10'000;

// A sheet block as read from Calc, std::nullopt for an empty cell, into cohorts: each row is a
// cohort, empty cells only after its last observed period (a cohort not yet observed that
// far); a row of empty cells is skipped. Checks every value: finite, >= 0, the first one > 0
// (the cohort size), never increasing along the row, at most max_sbg_periods periods;
// anything else is a domain_error.
std::vector<SbgCohort> sbg_cohorts(const std::vector<std::vector<std::optional<double>>>& rows);

// The log-likelihood above summed over the cohorts (the multi-cohort likelihood), computed in log space by the
// exact recursions ln P(1) = ln(alpha/(alpha+beta)), ln P(t) = ln P(t-1) + ln((beta+t-2)/
// (alpha+beta+t-1)) and ln S(t) = ln S(t-1) + ln((beta+t-1)/(alpha+beta+t-1)), which are the
// ratios of the beta functions of P(T = t) and S(t) (B(a, b+1) = B(a, b) b/(a+b)); no beta
// function of a large argument is ever formed. Cohorts as from sbg_cohorts.
double sbg_log_likelihood(const std::vector<SbgCohort>& cohorts, SbgParams params);

// Maximum likelihood (alpha, beta) of the cohorts: the library's one fitting path
// (src/optimise.hpp: L-BFGS on ln alpha, ln beta with the analytic gradient) from several
// starts (the two-period moment solution, (1, 1), (1, 5), (5, 1)), at most 1 000 evaluations
// each; the best converged start is kept.
// Errors (domain_error, Err:502 in Calc), never parameters that only look right:
// - no cohort observed for 2 periods: two parameters need two retention rates;
// - nobody lost, or everybody lost in period 1, or no one lost after period 1 in any cohort:
//   the likelihood grows towards a boundary (beta -> inf, beta -> 0, alpha, beta -> 0);
// - the best point is at the edge (a parameter beyond 1e-8 .. 1e8), or is not better than the constant-retention
//   (geometric) limit alpha, beta -> inf: retention does not rise with tenure in the data, the
//   sBG is not identified (use a constant retention rate);
// A search that does not converge (no start reached a gradient of LL per customer below 1e-6,
// none ran to the edge; or a point 1 % away is better): no_convergence (Err:523).
SbgFit sbg_fit(const std::vector<SbgCohort>& cohorts);

// S(t) = B(alpha, beta + t)/B(alpha, beta) (Fader & Hardie 2007): the share of a cohort still a customer
// after t renewal opportunities (at the start of period t); t >= 0 whole.
double sbg_survival(SbgParams params, double t);

// r(t) = (beta + t - 1)/(alpha + beta + t - 1) (Fader & Hardie 2007): the share of those alive at the start
// of period t - 1 who renew at the start of period t; t >= 1 whole.
double sbg_retention(SbgParams params, double t);

// DERL (Fader & Hardie 2010, eq. 6) of a customer who has renewed `renewals` times (n - 1),
// evaluated just before her next renewal decision, at discount rate `discount` per period:
// sum_{k>=0} S(n + k)/S(n - 1) / (1 + discount)^k. The k = 0 term is the next renewal,
// undiscounted: the payment already made for the current period is NOT counted, and each
// renewal's payment is counted at the moment of that renewal. So a margin m per period gives
// the residual value m * DERL; with alpha, beta -> inf at retention r the sum is the geometric
// r (1 + d)/(1 + d - r).
//   discount >= 0 (0 with alpha <= 1: the expected lifetime is infinite, overflow;
//   0 with alpha > 1: Gauss's sum, (beta + renewals)/(alpha - 1)); renewals >= 0 whole.
//   A discount so small that the series needs more than 10^7 terms (about d < 5e-6 per
//   period) is an overflow error rather than a slow cell.
double sbg_derl(SbgParams params, double discount, double renewals = 0);

// 2F1(1, b; c; z) for 0 < b < c and 0 <= z < 1, the function of DERL: the series
// sum_k (b)_k/(c)_k z^k, whose term ratio (b + k)/(c + k) z rises to z, so after term k the
// rest is at most term_k z/(1 - z); summed until that bound is below 1e-17 of the sum, at most
// 10^7 terms (overflow error past that).
double hyp2f1_1bcz(double b, double c, double z);

}  // namespace cm
