// The BG/NBD model of repeat buying ("buy till you die") and the per-customer CLV built on it.
// Source: P. S. Fader, B. G. S. Hardie and K. L. Lee, "'Counting your customers' the easy
// way: an alternative to the Pareto/NBD model", Marketing Science 24(2), 275-284, 2005
// (INFORMS) — FHL 2005 below; P. S. Fader, B. G. S. Hardie and K. L. Lee, "Computing
// P(alive) using the BG/NBD model", 2008 note (brucehardie.com).
//
// While alive a customer buys at Poisson rate λ, λ ~ Gamma(r, α) across customers; after
// every purchase he drops out with probability p, p ~ Beta(a, b). A customer's history is
// (x, t_x, T) of cm/rfm.hpp: x repeat purchases, the last at t_x, observed until T, all in
// periods from his first purchase.
//
// Log-likelihood of one customer (FHL 2005, eq. 6), in log space:
//   ln L = lnΓ(r+x) − lnΓ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
//          + ln[ (α+T)^−(r+x) + δ_{x>0} a/(b+x−1) (α+t_x)^−(r+x) ]   (log-sum-exp)
// P(alive) (FHL 2008 note "Computing P(alive) using the BG/NBD model"):
//   P = 1 / (1 + δ_{x>0} a/(b+x−1) ((α+T)/(α+t_x))^(r+x))
// Expected repeat purchases in (T, T+t] (FHL 2005, eq. 10):
//   E = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x−1; t/(α+T+t))] · P
// computed without the 1/(a−1) and without cancellation (bgnbd.cpp: Pfaff's and Euler's
// transformations of 2F1, series with a loss-of-accuracy check), so a = 1, t → 0, x in the
// hundreds and a+b < 1 are all fine. With x = t_x = T = 0 it is the unconditional E[X(t)]
// of a customer t periods after his first purchase (FHL 2005, eq. 9).
// Every function throws the errors of errors.hpp and never returns NaN or infinity.
#pragma once

#include "cm/errors.hpp"
#include "cm/uncertainty.hpp"

#include <cstddef>
#include <vector>

namespace cm {

struct BgnbdParams {
    double r, alpha, a, b;  // all > 0 and finite, else domain_error
};

struct BgnbdFit {
    BgnbdParams params;
    double log_likelihood;  // the sum over customers of ln L at params
    int evaluations;        // likelihood evaluations of the search that found it
    ParameterCovariance covariance;  // of (r, alpha, a, b): the inverse observed information
    double customers;                // the number of customers fitted
};

// ln L of one customer. x a non-negative integer; 0 <= t_x <= T (t_x is not used when x = 0).
double bgnbd_log_likelihood(const BgnbdParams& params, double x, double t_x, double T);

// Maximum-likelihood fit on customers (x[i], t_x[i], T[i]) (FHL 2005, section 3): L-BFGS
// (LBFGS++) with the analytic gradient in log-parameters, from three starts, at most 1 000
// likelihood evaluations each (src/optimise.hpp). A fit the data cannot identify — fewer than 5 customers, no repeat
// buyer, no customer with T > 0, or an optimum at the edge of the parameter space (a
// parameter beyond 1e-8 .. 1e8): domain_error. A search that does not converge: no_convergence.
// Rows outside the domain of bgnbd_log_likelihood: domain_error.
BgnbdFit bgnbd_fit(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& T);

double bgnbd_p_alive(const BgnbdParams& params, double x, double t_x, double T);

// Expected repeat purchases in the next t >= 0 periods. A series that cannot reach full
// accuracy (a horizon ~10^5 times longer than α + T) is an overflow error, never a rough number.
double bgnbd_expected(const BgnbdParams& params, double x, double t_x, double T, double t);

// Per-customer CLV over a finite horizon, discounted per period of the model's time unit:
//   CLV = margin · spend · Σ_{k=1..horizon} (E(k) − E(k−1)) / (1 + discount)^k
// where E(k) = bgnbd_expected(params, x, t_x, T, k) (the purchases of period k, valued at
// its end) and spend = the expected value of the customer's future orders
// (cm::gg_spend). margin <= 1 (a fraction); discount >= 0 per period; horizon a
// whole number of periods from 0 to 10 000 (else domain_error); spend >= 0.
double bgnbd_clv(const BgnbdParams& params, double x, double t_x, double T, double spend, double margin,
                 double discount, double horizon);

// A new customer (FHL 2005, "Counting your customers" the easy way, eq. 9): the expected
// repeat purchases in the first t >= 0 periods after the first purchase, E[X(t)];
// bgnbd_expected(params, 0, 0, 0, t), with its errors.
double bgnbd_expected_new(const BgnbdParams& params, double t);

// P(X(t) = k), the probability of exactly k repeat purchases in the first t >= 0 periods of a
// new customer (FHL 2005, eq. 8):
//   P = B(a, b+k)/B(a, b) · NB(k) + δ_{k>0} B(a+1, b+k−1)/B(a, b) · P(NB >= k)
// where NB(k) = Γ(r+k)/(Γ(r) k!) (α/(α+t))^r (t/(α+t))^k is the negative binomial of the
// purchases of a customer who never drops out, and its upper tail, eq. 8's
// 1 − Σ_{j<k} NB(j), is the regularised incomplete beta I_{t/(α+t)}(k, r) (Boost's ibeta;
// no cancellation). Each term in log space. k a non-negative whole number; t = 0 gives
// P(X = 0) = 1. A probability too small for a double is 0.
double bgnbd_pmf(const BgnbdParams& params, double t, double k);

}  // namespace cm
