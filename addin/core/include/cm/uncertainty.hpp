// How sure a fitted model is: the covariance of its parameters and intervals for what is
// computed from them.
//
// Every fit (sBG, BG/NBD, Gamma-Gamma, ...) estimates its parameters by maximum likelihood;
// their covariance is the inverse of the observed information — the Hessian of the negative
// log-likelihood at the optimum (Y. Pawitan, "In All Likelihood", Oxford University Press,
// 2001, ch. 2 and 9; the practice of the peers: lifetimes' and CLVTools' standard errors). The
// fits compute it in log-parameters, where the search runs and where the likelihood is close
// to quadratic, and report it on the parameters' own scale:
//   Cov(p_i, p_j) = p_i p_j Cov(ln p_i, ln p_j),  SE(p_i) = p_i sd(ln p_i)   (delta method).
// An interval for a prediction g(p) (P(alive), expected purchases, CLV, survival...) is the
// delta method on the log-parameters, on the scale where g is unbounded: logit for a
// probability, log for a positive quantity (so it never leaves [0, 1] or (0, ∞)):
//   h = link(g), Var h ≈ ∇h' Σ ∇h,  interval = link⁻¹(h ± z sd h),  z = Φ⁻¹((1 + level) / 2).
// It is the uncertainty of the parameters only, not the randomness of the customer's own
// future (a predictive interval adds that: cm/bgnbd.hpp bgnbd_cohort_forecast).
#pragma once

#include "cm/errors.hpp"
#include "cm/survey.hpp"  // Interval, normal_critical_value

#include <cstddef>
#include <functional>
#include <vector>

namespace cm {

// k×k, row-major, on the parameters' own scale. An empty matrix: the information matrix was
// singular (the likelihood is flat in some direction: a parameter the data cannot pin down),
// so there is no finite covariance.
struct ParameterCovariance {
    std::vector<double> matrix;
    std::size_t size() const;
    bool available() const { return !matrix.empty(); }
};

// sqrt of the diagonal. Not available: domain_error.
std::vector<double> standard_errors(const ParameterCovariance& covariance);

enum class Scale { positive, probability };

// The delta-method interval of g at params (see above). g throws the library's errors for
// parameters outside its domain; a value at the boundary of its scale (a probability of exactly
// 0 or 1, a value of 0) is exact whatever the parameters: its interval is that point.
// covariance not available or not matching params: domain_error.
Interval delta_interval(const std::function<double(const std::vector<double>&)>& g, const std::vector<double>& params,
                        const ParameterCovariance& covariance, double level, Scale scale);

// The same for a function of two independent fits' parameters (CLV: BG/NBD and Gamma-Gamma):
// their covariance is block-diagonal.
Interval delta_interval(const std::function<double(const std::vector<double>&, const std::vector<double>&)>& g,
                        const std::vector<double>& first, const ParameterCovariance& first_covariance,
                        const std::vector<double>& second, const ParameterCovariance& second_covariance,
                        double level, Scale scale);

// A covariance read back from a spreadsheet (the rows a fit returned): k×k numbers for k
// parameters, symmetric, with a positive diagonal, else domain_error.
ParameterCovariance covariance_from_cells(const std::vector<double>& params, const std::vector<double>& cells);

}  // namespace cm
