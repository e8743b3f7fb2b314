// Coverage of the intervals of cm/uncertainty.hpp and cm/intervals.hpp by simulation: data
// sets drawn from known parameters at the size of the CDNOW sample (Fader, Hardie & Lee 2005),
// fitted, and each 95 % interval checked against the truth. A separate program (label
// "coverage"): it takes a minute or two, too long to repeat under the sanitizers.
#include <cm/bgbb.hpp>
#include <cm/bgnbd.hpp>
#include <cm/intervals.hpp>
#include <cm/pnbd.hpp>
#include <cm/sbg.hpp>
#include <cm/uncertainty.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

namespace {

// One simulated CDNOW-sized data set: 2 357 customers whose first purchase falls in the first
// 12 weeks of a 39-week calibration period (T from 27 to 39 weeks), and their purchases in a
// 39-week holdout. The BG/NBD story (FHL 2005, section 2).
struct Simulated {
    std::vector<double> x, t_x, T;
    double holdout = 0;
};

Simulated simulate(const cm::BgnbdParams& p, std::size_t customers, double holdout, std::mt19937_64& random) {
    std::gamma_distribution<double> rate(p.r, 1 / p.alpha);
    std::gamma_distribution<double> ga(p.a, 1), gb(p.b, 1);
    std::uniform_real_distribution<double> uniform(0, 1);
    Simulated s;
    for (std::size_t i = 0; i < customers; ++i) {
        const double lambda = rate(random), u = ga(random), v = gb(random), dropout = u / (u + v);
        const double T = std::round(27 + 12 * uniform(random));
        double now = 0, last = 0, x = 0;
        for (;;) {
            now += -std::log1p(-uniform(random)) / lambda;
            if (now > T + holdout)
                break;
            if (now <= T) {
                ++x;
                last = now;
            } else {
                ++s.holdout;
            }
            if (uniform(random) < dropout)
                break;
        }
        s.x.push_back(x);
        s.t_x.push_back(last);
        s.T.push_back(T);
    }
    return s;
}

// Counts how often an interval covers the truth, and prints the share.
struct Coverage {
    const char* what;
    int covered = 0, total = 0;
    void add(bool inside) {
        covered += inside;
        ++total;
    }
    double share() const { return static_cast<double>(covered) / total; }
    ~Coverage() { std::printf("coverage %-40s %5.1f %% of %d\n", what, 100 * share(), total); }
};

// 1 000 data sets from the published CDNOW fit: each 95 % interval must cover the truth in
// 93-97 % of them (with 1 000 sets a correct 95 % interval falls outside that band with
// probability 0.4 %; a too-narrow 90 % interval inside it almost never).
TEST(Coverage, BgnbdParametersPredictionsAndCohortForecast) {
    const cm::BgnbdParams truth{0.243, 4.414, 0.793, 2.426};
    const std::vector<double> true_params{truth.r, truth.alpha, truth.a, truth.b};
    constexpr int sets = 1000;
    const double z = cm::normal_critical_value(0.95);
    Coverage params[] = {{"BG/NBD r (log-scale Wald)"}, {"BG/NBD alpha"}, {"BG/NBD a"}, {"BG/NBD b"}};
    Coverage alive{"P(alive) x=2 t_x=10 T=38"}, alive2{"P(alive) x=5 t_x=35 T=38"};
    Coverage expected{"E[X(39)] x=2 t_x=30 T=38"}, expected0{"E[X(39)] x=0 T=33"};
    Coverage cohort{"cohort expected holdout total (params)"}, predictive{"cohort holdout actual (predictive)"};
    std::mt19937_64 random(2026);
    for (int set = 0; set < sets; ++set) {
        const Simulated s = simulate(truth, 2357, 39, random);
        const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
        ASSERT_TRUE(fit.covariance.available());
        const auto se = cm::standard_errors(fit.covariance);
        const std::vector<double> p{fit.params.r, fit.params.alpha, fit.params.a, fit.params.b};
        for (int i = 0; i < 4; ++i) {
            const double half = z * se[i] / p[i];
            params[i].add(std::abs(std::log(true_params[i] / p[i])) <= half);
        }
        const auto inside = [](const cm::Interval& i, double value) { return i.lower <= value && value <= i.upper; };
        alive.add(inside(cm::bgnbd_p_alive_interval(fit.params, fit.covariance, 2, 10, 38, 0.95),
                         cm::bgnbd_p_alive(truth, 2, 10, 38)));
        alive2.add(inside(cm::bgnbd_p_alive_interval(fit.params, fit.covariance, 5, 35, 38, 0.95),
                          cm::bgnbd_p_alive(truth, 5, 35, 38)));
        expected.add(inside(cm::bgnbd_expected_interval(fit.params, fit.covariance, 2, 30, 38, 39, 0.95),
                            cm::bgnbd_expected(truth, 2, 30, 38, 39)));
        expected0.add(inside(cm::bgnbd_expected_interval(fit.params, fit.covariance, 0, 0, 33, 39, 0.95),
                             cm::bgnbd_expected(truth, 0, 0, 33, 39)));
        const auto forecast = cm::bgnbd_cohort_forecast(fit.params, fit.covariance, s.x, s.t_x, s.T, {39}, 0.95)[0];
        double true_total = 0;
        for (std::size_t i = 0; i < s.x.size(); ++i)
            true_total += cm::bgnbd_expected(truth, s.x[i], s.t_x[i], s.T[i], 39);
        cohort.add(inside(forecast.parameters, true_total));
        predictive.add(inside(forecast.predictive, s.holdout));
    }
    for (const Coverage* c : {&params[0], &params[1], &params[2], &params[3], &alive, &alive2, &expected, &expected0,
                              &cohort, &predictive}) {
        EXPECT_GE(c->share(), 0.93) << c->what;
        EXPECT_LE(c->share(), 0.97) << c->what;
    }
}

// 1 000 cohorts of 1 000 customers simulated from Fader & Hardie's (2007) "high end" fit
// (alpha 0.668, beta 3.806), observed for 7 years as in the paper, each refitted: the 95 %
// intervals of alpha, beta (log scale, from the standard errors), of the survival at year 12
// (the projection the paper checks against years 8-12), of the retention rate of year 10 and of
// DERL at 10 % must cover the truth in 93-97 % of them.
TEST(Coverage, SbgParametersAndProjection) {
    const cm::SbgParams truth{0.668, 3.806};
    constexpr int sets = 1000;
    const double z = cm::normal_critical_value(0.95);
    Coverage alpha{"sBG alpha (log-scale Wald)"}, beta{"sBG beta"}, survival{"sBG S(12)"},
        retention{"sBG r(10)"}, derl{"sBG DERL(10 %)"};
    std::mt19937_64 random(2007);
    std::gamma_distribution<double> ga(truth.alpha, 1), gb(truth.beta, 1);
    std::uniform_real_distribution<double> uniform(0, 1);
    const auto inside = [](const cm::Interval& i, double value) { return i.lower <= value && value <= i.upper; };
    for (int set = 0; set < sets; ++set) {
        cm::SbgCohort alive(8, 0.0);
        for (int customer = 0; customer < 1000; ++customer) {
            const double u = ga(random), v = gb(random), churn = u / (u + v);
            alive[0] += 1;
            for (int t = 1; t <= 7; ++t) {
                if (uniform(random) < churn)
                    break;
                alive[t] += 1;
            }
        }
        const std::vector<cm::SbgCohort> cohorts{alive};
        const auto fit = cm::sbg_fit(cohorts);
        const auto covariance = cm::sbg_covariance(cohorts, fit);
        ASSERT_TRUE(covariance.available());
        const auto se = cm::standard_errors(covariance);
        alpha.add(std::abs(std::log(truth.alpha / fit.alpha)) <= z * se[0] / fit.alpha);
        beta.add(std::abs(std::log(truth.beta / fit.beta)) <= z * se[1] / fit.beta);
        const cm::SbgParams p{fit.alpha, fit.beta};
        survival.add(inside(cm::sbg_survival_interval(p, covariance, 12, 0.95), cm::sbg_survival(truth, 12)));
        retention.add(inside(cm::sbg_retention_interval(p, covariance, 10, 0.95), cm::sbg_retention(truth, 10)));
        derl.add(inside(cm::sbg_derl_interval(p, covariance, 0.1, 0, 0.95), cm::sbg_derl(truth, 0.1, 0)));
    }
    for (const Coverage* c : {&alpha, &beta, &survival, &retention, &derl}) {
        EXPECT_GE(c->share(), 0.93) << c->what;
        EXPECT_LE(c->share(), 0.97) << c->what;
    }
}

// 1 000 CDNOW-sized data sets from the published Pareto/NBD fit (Fader, Hardie & Lee 2005 note:
// r 0.553, alpha 10.578, s 0.606, beta 11.669): each customer buys at rate λ ~ Gamma(r, α) until
// his lifetime τ ~ Exp(μ), μ ~ Gamma(s, β), ends (Schmittlein, Morrison & Colombo 1987); refitted,
// the 95 % intervals of the parameters (log scale), of P(alive) and of expected purchases must
// cover the truth in 93-97 % of them.
TEST(Coverage, PnbdParametersAndPredictions) {
    const cm::PnbdParams truth{0.553, 10.578, 0.606, 11.669};
    const std::vector<double> true_params{truth.r, truth.alpha, truth.s, truth.beta};
    constexpr int sets = 1000;
    const double z = cm::normal_critical_value(0.95);
    Coverage params[] = {{"Pareto/NBD r (log-scale Wald)"}, {"Pareto/NBD alpha"}, {"Pareto/NBD s"},
                         {"Pareto/NBD beta"}};
    Coverage alive{"Pareto/NBD P(alive) x=2 t_x=10 T=38"}, expected{"Pareto/NBD E[X(39)] x=2 t_x=30 T=38"};
    std::mt19937_64 random(1987);
    int unidentified = 0, singular = 0;
    std::gamma_distribution<double> rate(truth.r, 1 / truth.alpha), death(truth.s, 1 / truth.beta);
    std::uniform_real_distribution<double> uniform(0, 1);
    const auto inside = [](const cm::Interval& i, double value) { return i.lower <= value && value <= i.upper; };
    for (int set = 0; set < sets; ++set) {
        std::vector<double> x, t_x, T;
        for (int i = 0; i < 2357; ++i) {
            const double lambda = rate(random), mu = death(random);
            const double age = std::round(27 + 12 * uniform(random));
            const double lifetime = -std::log1p(-uniform(random)) / mu;
            const double end = std::min(age, lifetime);
            double now = 0, last = 0, n = 0;
            for (;;) {
                now += -std::log1p(-uniform(random)) / lambda;
                if (now > end)
                    break;
                ++n;
                last = now;
            }
            x.push_back(n);
            t_x.push_back(last);
            T.push_back(age);
        }
        // beta is weakly identified (the papers say so): in a few samples the maximum runs to
        // the edge of the parameter space (s and beta -> infinity together, an exponential
        // lifetime), which the fit reports as data that cannot identify the model (Err:502).
        // Those are counted, and the coverage is over the fits that returned numbers.
        cm::PnbdFit fit;
        try {
            fit = cm::pnbd_fit(x, t_x, T);
        } catch (const cm::domain_error&) {
            ++unidentified;
            continue;
        }
        // Near that edge the fit may return numbers whose information matrix is singular: the
        // standard errors show #NUM! (guide 9) and there is no interval; counted with the others.
        if (!fit.covariance.available()) {
            ++singular;
            continue;
        }
        const auto se = cm::standard_errors(fit.covariance);
        const std::vector<double> p{fit.params.r, fit.params.alpha, fit.params.s, fit.params.beta};
        for (int i = 0; i < 4; ++i)
            params[i].add(std::abs(std::log(true_params[i] / p[i])) <= z * se[i] / p[i]);
        alive.add(inside(cm::pnbd_p_alive_interval(fit.params, fit.covariance, 2, 10, 38, 0.95),
                         cm::pnbd_p_alive(truth, 2, 10, 38)));
        expected.add(inside(cm::pnbd_expected_interval(fit.params, fit.covariance, 2, 30, 38, 39, 0.95),
                            cm::pnbd_expected(truth, 2, 30, 38, 39)));
    }
    std::printf("Pareto/NBD: of %d simulated data sets, %d at the edge of the parameter space (Err:502), %d with a "
                "singular information matrix (#NUM! standard errors)\n",
                sets, unidentified, singular);
    EXPECT_LE(unidentified + singular, sets / 20);
    for (const Coverage* c : {&params[0], &params[1], &params[2], &params[3], &alive, &expected}) {
        EXPECT_GE(c->share(), 0.93) << c->what;
        EXPECT_LE(c->share(), 0.97) << c->what;
    }
}

// 1 000 data sets of 2 357 customers (the CDNOW sample's size) with 6 yearly opportunities each,
// simulated from the published donations fit (Fader, Hardie & Shang 2010: alpha 1.204, beta 0.750,
// gamma 0.657, delta 2.783): at each opportunity an alive customer transacts with probability p ~
// Beta(alpha, beta), and before it dies with probability θ ~ Beta(gamma, delta). Refitted, the
// 95 % intervals of the parameters (log scale), of P(alive) and of the expected transactions in
// the next 5 opportunities must cover the truth in 93-97 % of them.
TEST(Coverage, BgbbParametersAndPredictions) {
    const cm::BgbbParams truth{1.204, 0.750, 0.657, 2.783};
    const std::vector<double> true_params{truth.alpha, truth.beta, truth.gamma, truth.delta};
    constexpr int sets = 1000;
    const double z = cm::normal_critical_value(0.95);
    Coverage params[] = {{"BG/BB alpha (log-scale Wald)"}, {"BG/BB beta"}, {"BG/BB gamma"}, {"BG/BB delta"}};
    Coverage alive{"BG/BB P(alive) x=3 t_x=5 n=6"}, expected{"BG/BB E[X(5)] x=3 t_x=5 n=6"};
    std::mt19937_64 random(2010);
    std::gamma_distribution<double> ga(truth.alpha, 1), gb(truth.beta, 1), gg(truth.gamma, 1), gd(truth.delta, 1);
    std::uniform_real_distribution<double> uniform(0, 1);
    const auto inside = [](const cm::Interval& i, double value) { return i.lower <= value && value <= i.upper; };
    int unidentified = 0;
    for (int set = 0; set < sets; ++set) {
        std::vector<double> x, t_x, n;
        for (int i = 0; i < 2357; ++i) {
            const double u = ga(random), v = gb(random), transact = u / (u + v);
            const double g = gg(random), d = gd(random), die = g / (g + d);
            double count = 0, last = 0;
            for (int t = 1; t <= 6; ++t) {
                if (uniform(random) < die)
                    break;
                if (uniform(random) < transact) {
                    ++count;
                    last = t;
                }
            }
            x.push_back(count);
            t_x.push_back(last);
            n.push_back(6);
        }
        cm::BgbbFit fit;
        try {
            fit = cm::bgbb_fit(x, t_x, n);
        } catch (const cm::domain_error&) {
            ++unidentified;  // a maximum at the edge of the parameter space: Err:502, counted
            continue;
        }
        ASSERT_TRUE(fit.covariance.available());
        const auto se = cm::standard_errors(fit.covariance);
        const std::vector<double> p{fit.params.alpha, fit.params.beta, fit.params.gamma, fit.params.delta};
        for (int i = 0; i < 4; ++i)
            params[i].add(std::abs(std::log(true_params[i] / p[i])) <= z * se[i] / p[i]);
        alive.add(inside(cm::bgbb_p_alive_interval(fit.params, fit.covariance, 3, 5, 6, 0.95),
                         cm::bgbb_p_alive(truth, 3, 5, 6)));
        expected.add(inside(cm::bgbb_expected_interval(fit.params, fit.covariance, 3, 5, 6, 5, 0.95),
                            cm::bgbb_expected(truth, 3, 5, 6, 5)));
    }
    std::printf("BG/BB: %d of %d simulated data sets at the edge of the parameter space (Err:502)\n", unidentified,
                sets);
    EXPECT_LE(unidentified, sets / 20);
    for (const Coverage* c : {&params[0], &params[1], &params[2], &params[3], &alive, &expected}) {
        EXPECT_GE(c->share(), 0.93) << c->what;
        EXPECT_LE(c->share(), 0.97) << c->what;
    }
}

}  // namespace
