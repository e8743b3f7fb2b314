// The Pareto/NBD model of repeat buying and the per-customer forecasts built on it.
// Sources: D. C. Schmittlein, D. G. Morrison and R. Colombo, "Counting your customers: who
// are they and what will they do next?", Management Science 33(1), 1-24, 1987 (the model);
// P. S. Fader and B. G. S. Hardie, "A note on deriving the Pareto/NBD model and related
// expressions", 2005 note (brucehardie.com, note 009) — FH 2005 below: the likelihood, P(alive),
// E[X(t)] and the conditional expectation; P. S. Fader and B. G. S. Hardie, "Deriving an
// expression for P(X(t) = x) under the Pareto/NBD model", 2006 note (note 012) — the PMF;
// P. S. Fader, B. G. S. Hardie and K. L. Lee, "RFM and CLV: using iso-value curves for
// customer base analysis", Journal of Marketing Research 42(4), 415-430, 2005 — FHL 2005b: DERT.
//
// While alive a customer buys at Poisson rate λ, λ ~ Gamma(r, α); he lives an exponential
// time of rate μ, μ ~ Gamma(s, β), independent of λ. A customer's history is (x, t_x, T) of
// cm/rfm.hpp: x repeat purchases, the last at t_x, observed until T, in periods from his
// first purchase (t_x is not read when x = 0).
//
// Log-likelihood of one customer (FH 2005, in its integral form, before the hypergeometric closed form):
//   ln L = lnΓ(r+x) − lnΓ(r) + r ln α + s ln β + ln B,
//   B = (α+T)^−(r+x) (β+T)^−s + s ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ
// (the integral over the moment of death τ between the last purchase and T). FH 2005 write the
// integral as A₀/(r+s+x) with two Gaussian hypergeometric functions, 2F1(r+s+x, s+1; r+s+x+1;
// (α−β)/(α+τ)) when α >= β and 2F1(r+s+x, r+x; r+s+x+1; (β−α)/(β+τ)) when α < β, at τ = t_x
// and τ = T. pnbd.cpp sums those series, in log space, where their argument is at most 0.9
// and the difference of the two loses at most one digit; elsewhere (α and β far apart, T close
// to t_x) it integrates the same integral by adaptive Gauss–Kronrod quadrature in ln(min(α,β)+τ).
// P(alive) = (α+T)^−(r+x) (β+T)^−s / B (FH 2005). Expected purchases in (T, T+t]:
//   E = (r+x)(β+T) / ((α+T)(s−1)) · [1 − ((β+T)/(β+T+t))^(s−1)] · P(alive)   (FH 2005)
// (s = 1: its limit, (r+x)(β+T)/(α+T) · ln(1 + t/(β+T)) · P(alive)); x = t_x = T = 0 gives
// the new customer's E[X(t)] = rβ/(α(s−1)) [1 − (β/(β+t))^(s−1)] (FH 2005).
// Every function throws the errors of errors.hpp and never returns NaN or infinity.
#pragma once

#include "cm/errors.hpp"
#include "cm/uncertainty.hpp"

#include <vector>

namespace cm {

struct PnbdParams {
    double r, alpha, s, beta;  // all > 0 and finite, else domain_error
};

struct PnbdFit {
    PnbdParams params;
    double log_likelihood;  // the sum over customers of ln L at params
    int evaluations;        // likelihood evaluations of the search that found it
    ParameterCovariance covariance;  // of (r, alpha, s, beta): the inverse observed information
    double customers;                // the number of customers fitted
};

// ln L of one customer. x a non-negative whole number; 0 <= t_x <= T (else domain_error).
// A customer whose integral cannot be computed to 13 digits (no known case): overflow.
double pnbd_log_likelihood(const PnbdParams& params, double x, double t_x, double T);

// Maximum-likelihood fit on customers (x[i], t_x[i], T[i]): L-BFGS with the analytic gradient
// in log-parameters from three starts (src/optimise.hpp), customers with one history summed
// once. Data that cannot identify the model — fewer than 5 customers, no repeat buyer, no
// customer with T > 0, an optimum at the edge of the parameter space: domain_error. A search
// that does not converge: no_convergence. Rows outside the domain of pnbd_log_likelihood: domain_error.
PnbdFit pnbd_fit(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& T);

double pnbd_p_alive(const PnbdParams& params, double x, double t_x, double T);

// Expected repeat purchases in the next t >= 0 periods.
double pnbd_expected(const PnbdParams& params, double x, double t_x, double T, double t);

// Expected repeat purchases of a new customer in his first t >= 0 periods, E[X(t)].
double pnbd_expected_new(const PnbdParams& params, double t);

// P(X(t) = k): the probability that a new customer makes exactly k repeat purchases in his
// first t >= 0 periods (Fader & Hardie 2006 note: alive at t with k Poisson purchases, or
// dead at τ <= t with k purchases before):
//   P = Γ(r+k)/(Γ(r) k!) (α/(α+t))^r (t/(α+t))^k (β/(β+t))^s
//       + Γ(r+k)/(Γ(r) k!) α^r s β^s ∫_0^t τ^k (α+τ)^−(r+k) (β+τ)^−(s+1) dτ
// (the note's closed form of the integral, B₁ − Σ B₂ of 2F1s, loses digits to cancellation
// for large k; the integral is computed by adaptive quadrature instead). k a whole number >= 0.
double pnbd_pmf(const PnbdParams& params, double t, double k);

// Discounted expected residual transactions at a continuous rate δ = ln(1 + discount) per
// period, ∫_0^∞ e^(−δt) dE(t) (FHL 2005b, eq. 2, there "DET"):
//   DERT = α^r β^s δ^(s−1) Γ(r+x+1) Ψ(s, s; δ(β+T)) / (Γ(r) (α+T)^(r+x+1) L)
//        = (r+x)(β+T)/(α+T) · P(alive) · Ψ(1, 2−s; δ(β+T))
// with Ψ Tricomi's confluent hypergeometric function U (z^(s−1) Ψ(s, s; z) = Ψ(1, 2−s; z),
// DLMF 13.2.40), evaluated as e^z E_s(z), the generalised exponential integral (DLMF 8.19):
// by its continued fraction for z >= 0.5 or s >= 10, else by its power series and the
// recurrence in s. discount >= 0 per period; discount = 0 is the undiscounted E[X(∞)],
// finite only for s > 1 (else overflow).
double pnbd_dert(const PnbdParams& params, double x, double t_x, double T, double discount);

// Per-customer CLV over a finite horizon, as bgnbd_clv (cm/bgnbd.hpp) with the Pareto/NBD
// expectation: margin · spend · Σ_{k=1..horizon} (E(k) − E(k−1)) / (1 + discount)^k, E(k) =
// pnbd_expected(params, x, t_x, T, k). margin <= 1; discount >= 0 per period; horizon a whole
// number of periods from 0 to 10 000 (else domain_error); spend >= 0.
double pnbd_clv(const PnbdParams& params, double x, double t_x, double T, double spend, double margin,
                double discount, double horizon);

}  // namespace cm
