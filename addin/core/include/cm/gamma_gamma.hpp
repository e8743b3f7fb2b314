// The Gamma-Gamma model of a customer's average order value.
// Source: P. S. Fader and B. G. S. Hardie, "The Gamma-Gamma model of monetary value", 2013
// note (brucehardie.com) — FH 2013 below; used for CLV in P. S. Fader, B. G. S. Hardie and
// K. L. Lee, "RFM and CLV: using iso-value curves for customer base analysis", Journal of
// Marketing Research 42(4), 415-430, 2005 (American Marketing Association).
//
// The value of each order of a customer is Gamma(p, ν); ν ~ Gamma(q, γ) across customers
// (γ is "v" in the functions' texts). A customer with x repeat orders of mean value m_x:
// Log-likelihood of one customer (FH 2013: the marginal density of m_x):
//   ln f = lnΓ(px+q) − lnΓ(px) − lnΓ(q) + q ln γ + px ln x + (px−1) ln m_x − (px+q) ln(γ + x m_x)
// Expected value of the customer's orders (FH 2013: the conditional expectation of M):
//   E(M | p, q, γ, m_x, x) = p (γ + x m_x) / (px + q − 1)
//   = (q−1)/(px+q−1) · pγ/(q−1) + px/(px+q−1) · m_x, a weighted mean of the population
//   mean pγ/(q−1) and the customer's own.
#pragma once

#include "cm/errors.hpp"
#include "cm/uncertainty.hpp"

#include <vector>

namespace cm {

struct GgParams {
    double p, q, v;  // all > 0 and finite, else domain_error
};

struct GgFit {
    GgParams params;
    double log_likelihood;
    int evaluations;        // likelihood evaluations of the search that found it
    ParameterCovariance covariance;  // of (p, q, v): the inverse observed information
    double customers;                // the repeat buyers fitted
};

// ln f of one customer: x >= 1 a whole number, m_x > 0.
double gg_log_likelihood(const GgParams& params, double x, double average_value);

// Maximum-likelihood fit (as in FH 2013) on the customers with x > 0 (rows with x = 0
// are skipped, their average value is not read). L-BFGS in log-parameters from three
// starts, at most 1 000 evaluations each. Fewer than 3 repeat buyers, all of one average
// value, an optimum at the edge of the parameter space: domain_error; a search that does not
// converge: no_convergence.
// Rows outside the domain: domain_error.
GgFit gg_fit(const std::vector<double>& x, const std::vector<double>& average_value);

// E(M | p, q, γ, m_x, x), x >= 0 a whole number, m_x >= 0 (not read when x = 0).
// px + q <= 1 (the mean does not exist): overflow.
double gg_spend(const GgParams& params, double x, double average_value);

}  // namespace cm
