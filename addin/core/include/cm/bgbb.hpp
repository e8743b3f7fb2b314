// The beta-geometric/beta-Bernoulli (BG/BB) model of repeat transactions in discrete time.
// Source: P. S. Fader, B. G. S. Hardie and J. Shang, "Customer-base analysis in a
// discrete-time noncontractual setting", Marketing Science 29(6), 1086-1108, 2010 (INFORMS)
// — FHS 2010 below.
//
// Transactions can happen only at discrete opportunities 1, 2, ... after the first one (a
// yearly appeal, an annual event). While alive a customer transacts at each opportunity with
// probability p, p ~ Beta(α, β) across customers; at the start of each opportunity an alive
// customer dies with probability θ, θ ~ Beta(γ, δ). A customer's history is (x, t_x, n): x
// repeat transactions in n opportunities, the last at opportunity t_x (0 when x = 0).
//
// Likelihood of one history (FHS 2010, the model's likelihood):
//   L = B(α+x, β+n−x)/B(α, β) · B(γ, δ+n)/B(γ, δ)
//       + Σ_{i=0}^{n−t_x−1} B(α+x, β+t_x−x+i)/B(α, β) · B(γ+1, δ+t_x+i)/B(γ, δ)
// (alive through opportunity n, or dead at the start of opportunity t_x+i+1), computed in log
// space: each beta ratio as a ratio of gamma functions (Boost's tgamma_delta_ratio, accurate
// for large n), the sum by the exact ratio of consecutive terms.
// The paper's conditional expressions, written with w = the first term over L (the
// probability of being alive at opportunity n):
//   P(alive at n+1)            = w (δ+n)/(γ+δ+n)
//   E[transactions in n+1 .. n+n*] = w (α+x)/(α+β+n) Σ_{k=1}^{n*} B(γ, δ+n+k)/B(γ, δ+n)
//   DERT(d)                    = w (α+x)/(α+β+n) Σ_{k>=1} B(γ, δ+n+k)/B(γ, δ+n) / (1+d)^k
//                              = w (α+x)/(α+β+n) (δ+n)/(γ+δ+n) 2F1(1, δ+n+1; γ+δ+n+1; 1/(1+d)) / (1+d)   (eq. 14)
//   E[X(n)] of a new customer  = α/(α+β) Σ_{m=1}^{n} B(γ, δ+m)/B(γ, δ)
//                              = α/(α+β) δ/(γ−1) [1 − Γ(γ+δ)Γ(1+δ+n)/(Γ(γ+δ+n)Γ(1+δ))]
// The finite sums telescope (bgbb.cpp: the closed form for long horizons, the sum itself for
// short ones and for γ near 1, where the closed form is 0/0).
// Every function throws the errors of errors.hpp and never returns NaN or infinity.
#pragma once

#include "cm/errors.hpp"
#include "cm/uncertainty.hpp"

#include <vector>

namespace cm {

struct BgbbParams {
    double alpha, beta, gamma, delta;  // all > 0 and finite, else domain_error
};

struct BgbbFit {
    BgbbParams params;
    double log_likelihood;  // Σ weight · ln L at params
    int evaluations;        // likelihood evaluations of the search that found it
    ParameterCovariance covariance;  // of (alpha, beta, gamma, delta): the inverse observed information
    double customers;                // the customers fitted (the weights' sum)
};

// The most opportunities a history may have: the likelihood and the predictions sum
// O(n − t_x) terms.
constexpr double max_bgbb_opportunities = 1e6;

// ln L of one history. x, t_x, n whole numbers, 0 <= x <= n, 0 <= t_x <= n, x <= t_x when
// x > 0 (x transactions need x opportunities), n <= max_bgbb_opportunities; t_x is not used
// when x = 0. Else domain_error.
double bgbb_log_likelihood(const BgbbParams& params, double x, double t_x, double n);

// Maximum-likelihood fit on histories (x[i], t_x[i], n[i]), each counted weights[i] times
// (weights empty: once each; a weight >= 0, not necessarily whole, 0 skips the row): L-BFGS
// in log-parameters with the analytic gradient from three starts (src/optimise.hpp).
// Data that cannot identify the model is a domain_error: fewer than 5 customers, fewer than 2
// distinct histories, no repeat transaction, every customer transacting at every
// opportunity, fewer than 4 possible histories (a single n of 1 or 2), or an optimum at the
// edge of the parameter space (a parameter beyond 1e-8 .. 1e8); so is a data set whose
// likelihood needs more than 10^6 terms per evaluation (Σ over distinct histories of
// n − t_x + 1), too slow for a spreadsheet. Rows outside bgbb_log_likelihood's domain, or
// columns of different lengths: domain_error. A search that does not converge: no_convergence.
BgbbFit bgbb_fit(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& n,
                 const std::vector<double>& weights = {});

// P(alive at opportunity n + 1 | x, t_x, n).
double bgbb_p_alive(const BgbbParams& params, double x, double t_x, double n);

// Expected transactions in the next n_future opportunities (n+1 .. n+n_future); n_future a
// whole number >= 0. A horizon the sums cannot reach accurately (γ within ~1e-6 of 1 and more
// than 10^7 opportunities) is an overflow error, never a rough number.
double bgbb_expected(const BgbbParams& params, double x, double t_x, double n, double n_future);

// Discounted expected residual transactions at discount >= 0 per opportunity: the transaction
// at opportunity n + k counts 1/(1 + discount)^k. discount = 0 is Gauss's sum,
// (δ+n)/(γ−1) times w (α+x)/(α+β+n), finite only for γ > 1 (else overflow: infinite); a
// discount so small that the series needs more than 10^7 terms (about discount < 4e-6) is
// an overflow error.
double bgbb_dert(const BgbbParams& params, double x, double t_x, double n, double discount);

// Expected transactions of a new customer in his first n opportunities; n a whole
// number >= 0, with bgbb_expected's limits.
double bgbb_expected_new(const BgbbParams& params, double n);

}  // namespace cm
