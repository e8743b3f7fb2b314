// Intervals for the models' predictions (cm/uncertainty.hpp has the method and its sources).
// Each takes the fitted parameters with their covariance (the rows a fit returns) and a
// confidence level strictly between 0 and 1.
//
// Parameter intervals: the delta method on the log-parameters, on the logit scale for a
// probability and the log scale for a positive quantity. They say how sure the *model* is
// (what more data would tighten), not what this customer will do: a customer with P(alive) 0.6
// is alive or not, but 0.6 itself is known to within the interval.
//
// Predictive interval (bgnbd_cohort_forecast): what a whole cohort will actually buy, with both
// the parameters' uncertainty and every customer's own randomness, from a seeded parametric
// draw (the same numbers at every recalculation): parameters drawn from the normal
// approximation of the fit in log-parameters, then every customer's future simulated from the
// model given his history (FHL 2005, section 2: given alive at T, λ ~ Gamma(r + x, α + T) and
// p ~ Beta(a, b + x)).
#pragma once

#include "cm/bgbb.hpp"
#include "cm/bgnbd.hpp"
#include "cm/gamma_gamma.hpp"
#include "cm/pnbd.hpp"
#include "cm/sbg.hpp"
#include "cm/uncertainty.hpp"

#include <vector>

namespace cm {

Interval bgnbd_p_alive_interval(const BgnbdParams& params, const ParameterCovariance& covariance, double x, double t_x,
                                double T, double level);

Interval bgnbd_expected_interval(const BgnbdParams& params, const ParameterCovariance& covariance, double x,
                                 double t_x, double T, double t, double level);

// bgnbd_clv's interval: the BG/NBD and Gamma-Gamma fits are independent (fitted to
// different likelihoods), so their covariances add.
Interval bgnbd_clv_interval(const BgnbdParams& params, const ParameterCovariance& covariance,
                            const GgParams& gg_params, const ParameterCovariance& gg_covariance, double x, double t_x,
                            double T, double average_value, double margin, double discount, double horizon,
                            double level);

struct CohortForecast {
    double expected;                        // Σ over customers of bgnbd_expected
    Interval parameters;                    // its parameter interval
    Interval predictive;                    // what the cohort will buy: both uncertainties
};

// The cohort (x[i], t_x[i], T[i]) over the next t periods, for each t of `horizons` (one
// forecast per horizon, in their order: a tracking chart's weeks in one call). `draws`
// parametric draws, each a simulation of every customer up to the longest horizon, seeded; the
// predictive band is the expected total ± z times the standard deviation of the drawn totals
// (normal: each is a sum over many customers). 200 draws give that deviation to about 5 % (the
// band's width to about 5 %); at most 3·10^7 simulated purchases in all (about a second), else
// overflow; at most 1 000 horizons.
std::vector<CohortForecast> bgnbd_cohort_forecast(const BgnbdParams& params, const ParameterCovariance& covariance,
                                                  const std::vector<double>& x, const std::vector<double>& t_x,
                                                  const std::vector<double>& T, const std::vector<double>& horizons,
                                                  double level, int draws = 200);

// The sBG fit's covariance (alpha, beta): the inverse observed information of
// sbg_log_likelihood at the fit, by central second differences in the log-parameters (step
// 1e-3: truncation ~1e-6, rounding ~1e-10 relative). The numbers count customers: a table of
// percentages is a cohort of 100, and its standard errors are those of 100 customers. Not
// available (empty) when the information matrix is not clearly positive definite.
ParameterCovariance sbg_covariance(const std::vector<SbgCohort>& cohorts, const SbgFit& fit);

// Intervals of S(t), r(t) (probabilities: logit scale) and DERL (positive: log scale).
Interval sbg_survival_interval(SbgParams params, const ParameterCovariance& covariance, double t, double level);
Interval sbg_retention_interval(SbgParams params, const ParameterCovariance& covariance, double t, double level);
Interval sbg_derl_interval(SbgParams params, const ParameterCovariance& covariance, double discount, double renewals,
                           double level);

// The Pareto/NBD's, as BG/NBD's above (cm/pnbd.hpp).
Interval pnbd_p_alive_interval(const PnbdParams& params, const ParameterCovariance& covariance, double x, double t_x,
                               double T, double level);
Interval pnbd_expected_interval(const PnbdParams& params, const ParameterCovariance& covariance, double x, double t_x,
                                double T, double t, double level);
Interval pnbd_clv_interval(const PnbdParams& params, const ParameterCovariance& covariance, const GgParams& gg_params,
                           const ParameterCovariance& gg_covariance, double x, double t_x, double T,
                           double average_value, double margin, double discount, double horizon, double level);

// The BG/BB's P(alive at n + 1) (logit scale) and expected transactions (log scale).
Interval bgbb_p_alive_interval(const BgbbParams& params, const ParameterCovariance& covariance, double x, double t_x,
                               double n, double level);
Interval bgbb_expected_interval(const BgbbParams& params, const ParameterCovariance& covariance, double x, double t_x,
                                double n, double n_future, double level);

}  // namespace cm
