// Tests for cm/uncertainty.hpp and cm/intervals.hpp: the fits' standard errors against an
// independent computation and a peer's published ones, and the coverage of every interval
// by simulation.
//
// Independent standard errors: tests/reference/uncertainty_reference.py (SciPy fit, central-
// difference Hessian of the log-likelihood in the parameters, numpy inverse), run once:
//   BG/NBD, CDNOW sample: r 0.242595 se 0.012557, alpha 4.413602 se 0.378224,
//                         a 0.792922 se 0.185734, b 2.425907 se 0.705415
//   Gamma-Gamma (946 repeat buyers): p 6.249572 se 1.190049, q 3.744225 se 0.290132,
//                         v 15.443524 se 4.159400
// Published by lifetimes (docs/Quickstart.md, BetaGeoFitter.summary on the same CDNOW
// summary): r 0.242593 se 0.012557, alpha 4.413532 se 0.378221, a 0.792886 se 0.185719,
// b 2.425752 se 0.705345 — its optimum is a little short of the maximum (a and b differ in the
// 4th digit), which moves the standard errors by ~1e-4 of themselves.
//   Pareto/NBD (the note's closed form, pnbd_reference.py): r 0.553277 se 0.047625, alpha 10.577683
//   se 0.842705, s 0.606240 se 0.187233, beta 11.668735 se 6.209470 (s with beta correlated 0.9716:
//   beta is weakly identified, as the papers say). Bemmaor & Glady (2012, Table 2) print for
//   their GG/NBD on the same data, which becomes the Pareto/NBD as its b -> 0: r 0.049, alpha 0.949,
//   s 0.039 — close for r and alpha; CLVTools' tests note that their s and beta "diverge
//   substantially" from its own, as they do from these.
//   sBG, Fader & Hardie 2007, years 0..7 as counts of 1 000: regular alpha 0.704077 se 0.065599,
//   beta 1.182043 se 0.152476 (correlation 0.8889); high end alpha 0.668088 se 0.103735, beta
//   3.806096 se 0.785530 (correlation 0.953).
#include "cdnow.hpp"

#include <cm/bgnbd.hpp>
#include <cm/gamma_gamma.hpp>
#include <cm/pnbd.hpp>
#include <cm/intervals.hpp>
#include <cm/rfm.hpp>
#include <cm/sbg.hpp>
#include <cm/uncertainty.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

const cm::RfmSummary& cdnow_summary() {
    static const cm::RfmSummary s = [] {
        const auto log = cdnow::read(true);
        return cm::rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), cdnow::calibration_end);
    }();
    return s;
}

TEST(StandardErrors, BgnbdCdnowAgainstScipyAndLifetimes) {
    const auto& s = cdnow_summary();
    const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
    ASSERT_TRUE(fit.covariance.available());
    EXPECT_EQ(fit.customers, 2357);
    const auto se = cm::standard_errors(fit.covariance);
    const double scipy[] = {0.012557, 0.378224, 0.185734, 0.705415};
    const double lifetimes[] = {0.012557, 0.378221, 0.185719, 0.705345};
    for (int i = 0; i < 4; ++i) {
        EXPECT_NEAR(se[i], scipy[i], 2e-4 * scipy[i]) << i;
        EXPECT_NEAR(se[i], lifetimes[i], 5e-4 * lifetimes[i]) << i;
    }
    // The correlations the reference printed: r with alpha 0.7804, a with b 0.9405.
    const auto& c = fit.covariance.matrix;
    EXPECT_NEAR(c[0 * 4 + 1] / (se[0] * se[1]), 0.7804, 1e-3);
    EXPECT_NEAR(c[2 * 4 + 3] / (se[2] * se[3]), 0.9405, 1e-3);
}

TEST(StandardErrors, GammaGammaCdnowAgainstScipy) {
    const auto& s = cdnow_summary();
    const auto fit = cm::gg_fit(s.x, s.average_value);
    ASSERT_TRUE(fit.covariance.available());
    EXPECT_EQ(fit.customers, 946);
    const auto se = cm::standard_errors(fit.covariance);
    const double scipy[] = {1.190049, 0.290132, 4.159400};
    for (int i = 0; i < 3; ++i)
        EXPECT_NEAR(se[i], scipy[i], 1e-3 * scipy[i]) << i;
}

TEST(Intervals, BoundariesAndRefusals) {
    const auto& s = cdnow_summary();
    const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
    // x = 0: P(alive) is exactly 1 whatever the parameters.
    const auto one = cm::bgnbd_p_alive_interval(fit.params, fit.covariance, 0, 0, 30, 0.95);
    EXPECT_EQ(one.lower, 1);
    EXPECT_EQ(one.upper, 1);
    // Inside: the point estimate lies between the bounds, and a higher level is wider.
    const double p = cm::bgnbd_p_alive(fit.params, 2, 10, 38);
    const auto i95 = cm::bgnbd_p_alive_interval(fit.params, fit.covariance, 2, 10, 38, 0.95);
    const auto i50 = cm::bgnbd_p_alive_interval(fit.params, fit.covariance, 2, 10, 38, 0.5);
    EXPECT_LT(i95.lower, i50.lower);
    EXPECT_LT(i50.lower, p);
    EXPECT_LT(p, i50.upper);
    EXPECT_LT(i50.upper, i95.upper);
    EXPECT_GT(i95.lower, 0);
    EXPECT_LT(i95.upper, 1);
    for (double level : {0.0, 1.0, -0.5, 95.0, std::nan("")})
        EXPECT_THROW(cm::bgnbd_p_alive_interval(fit.params, fit.covariance, 2, 10, 38, level), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_p_alive_interval(fit.params, cm::ParameterCovariance{}, 2, 10, 38, 0.95), cm::domain_error);
    EXPECT_THROW(cm::covariance_from_cells({1, 2}, {1, 0.5, 0.4, 1}), cm::domain_error);   // not symmetric
    EXPECT_THROW(cm::covariance_from_cells({1, 2}, {1, 2, 2, 1}), cm::domain_error);       // correlation 2
    EXPECT_THROW(cm::covariance_from_cells({1, 2}, {0, 0, 0, 1}), cm::domain_error);       // zero variance
    EXPECT_THROW(cm::covariance_from_cells({1, 2}, {1, 0, 0}), cm::domain_error);          // not square
    EXPECT_NO_THROW(cm::covariance_from_cells({1, 2}, {1, 0.5, 0.5, 1}));
    // The two-sided normal quantile: 1.959964 for 95 %, 1.644854 for 90 %.
    EXPECT_NEAR(cm::normal_critical_value(0.95), 1.959963984540054, 1e-12);
    EXPECT_NEAR(cm::normal_critical_value(0.90), 1.644853626951472, 1e-12);
}

TEST(Intervals, ClvWithNegativeMarginMirrors) {
    const auto& s = cdnow_summary();
    const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
    const auto gg = cm::gg_fit(s.x, s.average_value);
    const auto plus = cm::bgnbd_clv_interval(fit.params, fit.covariance, gg.params, gg.covariance, 2, 30.43, 38.86,
                                             22.35, 0.3, 0.01, 52, 0.95);
    const auto minus = cm::bgnbd_clv_interval(fit.params, fit.covariance, gg.params, gg.covariance, 2, 30.43, 38.86,
                                              22.35, -0.3, 0.01, 52, 0.95);
    EXPECT_NEAR(minus.lower, -plus.upper, 1e-9 * plus.upper);
    EXPECT_NEAR(minus.upper, -plus.lower, 1e-9 * plus.upper);
    const double clv = cm::bgnbd_clv(fit.params, 2, 30.43, 38.86, cm::gg_spend(gg.params, 2, 22.35), 0.3, 0.01, 52);
    EXPECT_LT(plus.lower, clv);
    EXPECT_GT(plus.upper, clv);
}

TEST(CohortForecast, SeveralHorizonsInOneSimulation) {
    const auto& s = cdnow_summary();
    const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
    const auto one = cm::bgnbd_cohort_forecast(fit.params, fit.covariance, s.x, s.t_x, s.T, {39}, 0.95);
    const auto three = cm::bgnbd_cohort_forecast(fit.params, fit.covariance, s.x, s.t_x, s.T, {26, 39, 13}, 0.95);
    ASSERT_EQ(one.size(), 1u);
    ASSERT_EQ(three.size(), 3u);
    // The longest horizon: the same simulation, the same numbers.
    EXPECT_EQ(three[1].expected, one[0].expected);
    EXPECT_EQ(three[1].parameters.lower, one[0].parameters.lower);
    EXPECT_EQ(three[1].predictive.upper, one[0].predictive.upper);
    // In the order given; each a sum of BGNBD_EXPECTED; bands nested as the horizon grows.
    double at13 = 0;
    for (std::size_t i = 0; i < s.x.size(); ++i)
        at13 += cm::bgnbd_expected(fit.params, s.x[i], s.t_x[i], s.T[i], 13);
    EXPECT_NEAR(three[2].expected, at13, 1e-9 * at13);
    EXPECT_LT(three[2].expected, three[0].expected);
    EXPECT_LT(three[2].predictive.upper - three[2].predictive.lower, three[1].predictive.upper - three[1].predictive.lower);
    for (const auto& f : three) {
        EXPECT_LT(f.predictive.lower, f.parameters.lower);
        EXPECT_LT(f.parameters.lower, f.expected);
        EXPECT_LT(f.expected, f.parameters.upper);
        EXPECT_LT(f.parameters.upper, f.predictive.upper);
    }
    EXPECT_THROW(cm::bgnbd_cohort_forecast(fit.params, fit.covariance, s.x, s.t_x, s.T, {}, 0.95), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_cohort_forecast(fit.params, fit.covariance, s.x, s.t_x, s.T, {-1}, 0.95), cm::domain_error);
    // Parameters typed by hand that would need more than 3·10^7 simulated purchases (nobody drops
    // out, 10^5 periods ahead): #NUM! after the budget, not minutes of Calc.
    cm::BgnbdParams wild = fit.params;
    wild.b = 1e6;
    EXPECT_THROW(cm::bgnbd_cohort_forecast(wild, fit.covariance, s.x, s.t_x, s.T, {1e5}, 0.95), cm::overflow);
}

// Column `column` (1 regular, 2 high end) of data/fader_hardie_2007.csv, years 0..7, as counts
// of the paper's 1 000 customers.
cm::SbgCohort fader_hardie_2007(int column) {
    std::ifstream file(CM_DATA_DIR "/fader_hardie_2007.csv");
    std::string line;
    std::getline(file, line);
    cm::SbgCohort alive;
    while (std::getline(file, line) && alive.size() < 8) {
        std::istringstream fields(line);
        std::string field;
        for (int c = 0; c <= column; ++c)
            std::getline(fields, field, ',');
        alive.push_back(10 * std::stod(field));
    }
    return alive;
}

TEST(StandardErrors, SbgAgainstScipy) {
    const struct {
        int column;
        double se_alpha, se_beta, correlation;
    } cases[] = {{1, 0.065599, 0.152476, 0.8889}, {2, 0.103735, 0.785530, 0.953}};
    for (const auto& c : cases) {
        const std::vector<cm::SbgCohort> cohorts{fader_hardie_2007(c.column)};
        const auto fit = cm::sbg_fit(cohorts);
        const auto covariance = cm::sbg_covariance(cohorts, fit);
        ASSERT_TRUE(covariance.available());
        const auto se = cm::standard_errors(covariance);
        EXPECT_NEAR(se[0], c.se_alpha, 2e-4 * c.se_alpha) << c.column;
        EXPECT_NEAR(se[1], c.se_beta, 2e-4 * c.se_beta) << c.column;
        EXPECT_NEAR(covariance.matrix[1] / (se[0] * se[1]), c.correlation, 1e-3) << c.column;
        // The survival projection's interval holds the point, in [0, 1].
        const auto i = cm::sbg_survival_interval({fit.alpha, fit.beta}, covariance, 12, 0.95);
        const double s12 = cm::sbg_survival({fit.alpha, fit.beta}, 12);
        EXPECT_LT(i.lower, s12);
        EXPECT_GT(i.upper, s12);
        EXPECT_GT(i.lower, 0);
        EXPECT_LT(i.upper, 1);
        const auto d = cm::sbg_derl_interval({fit.alpha, fit.beta}, covariance, 0.1, 0, 0.95);
        const double derl = cm::sbg_derl({fit.alpha, fit.beta}, 0.1, 0);
        EXPECT_LT(d.lower, derl);
        EXPECT_GT(d.upper, derl);
    }
}

TEST(StandardErrors, PnbdCdnowAgainstScipy) {
    const auto& s = cdnow_summary();
    const auto fit = cm::pnbd_fit(s.x, s.t_x, s.T);
    ASSERT_TRUE(fit.covariance.available());
    EXPECT_EQ(fit.customers, 2357);
    const auto se = cm::standard_errors(fit.covariance);
    const double scipy[] = {0.047625, 0.842705, 0.187233, 6.209470};
    for (int i = 0; i < 4; ++i)
        EXPECT_NEAR(se[i], scipy[i], 2e-3 * scipy[i]) << i;
    EXPECT_NEAR(fit.covariance.matrix[2 * 4 + 3] / (se[2] * se[3]), 0.9716, 2e-3);
}

}  // namespace
