// Tests for cm/bgnbd.hpp. Published numbers: P. S. Fader, B. G. S. Hardie and K. L. Lee,
// "'Counting your customers' the easy way: an alternative to the Pareto/NBD model",
// Marketing Science 24(2), 2005 (FHL 2005). Reference values for P(alive), E and CLV come
// from tests/reference/bgnbd_reference.py, an independent SciPy implementation of the
// printed formulas (scipy.special.hyp2f1 and a numerical integral), run once and pasted here.
#include "cdnow.hpp"

#include <cm/bgnbd.hpp>
#include <cm/rfm.hpp>

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <vector>

namespace {

const cm::BgnbdParams published{0.243, 4.414, 0.793, 2.426};  // FHL 2005, section 4

double round_to(double value, double unit) { return std::round(value / unit) * unit; }

TEST(BgnbdFit, CdnowSamplePublishedFit) {
    const auto log = cdnow::read(true);
    const auto s = cm::rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), cdnow::calibration_end);
    const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
    // To the printed digits: r 0.243, alpha 4.414, a 0.793, b 2.426, LL −9582.4.
    EXPECT_DOUBLE_EQ(round_to(fit.params.r, 0.001), 0.243);
    EXPECT_DOUBLE_EQ(round_to(fit.params.alpha, 0.001), 4.414);
    EXPECT_DOUBLE_EQ(round_to(fit.params.a, 0.001), 0.793);
    EXPECT_DOUBLE_EQ(round_to(fit.params.b, 0.001), 2.426);
    EXPECT_DOUBLE_EQ(round_to(fit.log_likelihood, 0.1), -9582.4);
    // The maximum: the log-likelihood summed by the per-customer function agrees, and the
    // published (rounded) parameters are not better.
    double at_fit = 0, at_published = 0;
    for (std::size_t i = 0; i < s.x.size(); ++i) {
        at_fit += cm::bgnbd_log_likelihood(fit.params, s.x[i], s.t_x[i], s.T[i]);
        at_published += cm::bgnbd_log_likelihood(published, s.x[i], s.t_x[i], s.T[i]);
    }
    EXPECT_NEAR(at_fit, fit.log_likelihood, 1e-6);
    EXPECT_GE(at_fit, at_published);
}

TEST(BgnbdLogLikelihood, AgainstReference) {
    EXPECT_NEAR(cm::bgnbd_log_likelihood(published, 0, 0, 38.86), -0.554713276438158, 1e-12);
    EXPECT_NEAR(cm::bgnbd_log_likelihood(published, 2, 30.43, 38.86), -9.45860630706627, 1e-11);
    EXPECT_NEAR(cm::bgnbd_log_likelihood(published, 7, 10, 38), -16.7032000708376, 1e-11);
    EXPECT_NEAR(cm::bgnbd_log_likelihood(published, 20, 38, 39), -38.9606456498596, 1e-11);
    EXPECT_DOUBLE_EQ(cm::bgnbd_log_likelihood(published, 0, 0, 0), 0);
}

TEST(BgnbdPAlive, AgainstReference) {
    EXPECT_DOUBLE_EQ(cm::bgnbd_p_alive(published, 0, 0, 38.86), 1);
    EXPECT_NEAR(cm::bgnbd_p_alive(published, 2, 30.43, 38.86), 0.726578570080673, 1e-14);
    EXPECT_NEAR(cm::bgnbd_p_alive(published, 1, 1, 38), 0.191463662835315, 1e-14);
    EXPECT_NEAR(cm::bgnbd_p_alive(published, 7, 35, 38), 0.861991065093433, 1e-14);
    EXPECT_NEAR(cm::bgnbd_p_alive(published, 7, 10, 38), 0.00426108934180003, 1e-16);
    EXPECT_NEAR(cm::bgnbd_p_alive(published, 20, 38, 39), 0.944001612828521, 1e-14);
}

TEST(BgnbdExpected, AgainstReference) {
    const auto rel = [](double expected) { return 1e-12 * expected; };
    EXPECT_NEAR(cm::bgnbd_expected(published, 0, 0, 38.86, 39), 0.195098052011254, rel(0.2));
    EXPECT_NEAR(cm::bgnbd_expected(published, 2, 30.43, 38.86, 39), 1.22602817476714, rel(1.2));
    EXPECT_NEAR(cm::bgnbd_expected(published, 1, 1, 38, 39), 0.186639674698602, rel(0.19));
    EXPECT_NEAR(cm::bgnbd_expected(published, 7, 35, 38, 39), 4.55618527658978, rel(4.6));
    EXPECT_NEAR(cm::bgnbd_expected(published, 7, 10, 38, 39), 0.0225226377714699, rel(0.023));
    EXPECT_NEAR(cm::bgnbd_expected(published, 20, 38, 39, 39), 13.3435503420286, rel(13));
    // x = t_x = T = 0: the unconditional E[X(t)] of FHL 2005 eq. 9.
    EXPECT_NEAR(cm::bgnbd_expected(published, 0, 0, 0, 1), 0.0532678911716563, rel(0.053));
    EXPECT_NEAR(cm::bgnbd_expected(published, 0, 0, 0, 10), 0.43241336223442, rel(0.43));
    EXPECT_NEAR(cm::bgnbd_expected(published, 0, 0, 0, 39), 1.1967231933208, rel(1.2));
    EXPECT_NEAR(cm::bgnbd_expected(published, 0, 0, 0, 78), 1.86051905794275, rel(1.9));
}

TEST(BgnbdExpected, Extremes) {
    // t -> 0: E ≈ (r/α) t, where eq. 10 as printed loses digits to cancellation (the
    // reference integral gives 5.50521050229e-08 at t = 1e-6).
    EXPECT_NEAR(cm::bgnbd_expected(published, 0, 0, 0, 1e-6), 5.50521050229e-08, 1e-17);
    EXPECT_NEAR(cm::bgnbd_expected(published, 0, 0, 0, 1e-300), 0.243 / 4.414 * 1e-300, 1e-312);
    EXPECT_EQ(cm::bgnbd_expected(published, 3, 1, 2, 0), 0);
    // a = 1, where eq. 10's (a+b+x−1)/(a−1) is 0/0 (reference: the integral).
    EXPECT_NEAR(cm::bgnbd_expected({0.5, 3, 1, 2}, 3, 20, 30, 10), 0.507442701142493, 1e-12);
    EXPECT_NEAR(cm::bgnbd_expected({0.5, 3, 1 + 1e-12, 2}, 3, 20, 30, 10), 0.507442701142493, 1e-9);
    // a + b < 1 (a+b+x−1 < 0 for x = 0).
    EXPECT_NEAR(cm::bgnbd_expected({0.3, 2, 0.3, 0.4}, 0, 0, 10, 20), 0.375715037901997, 1e-12);
    // x in the hundreds.
    EXPECT_NEAR(cm::bgnbd_expected(published, 300, 99, 100, 5), 13.4762603888945, 1e-10);
    EXPECT_NEAR(cm::bgnbd_p_alive(published, 300, 1, 100), 0, 1e-300);
    EXPECT_EQ(cm::bgnbd_expected(published, 300, 1, 100, 5), 0);
    EXPECT_GT(cm::bgnbd_expected(published, 1e6, 1e6, 1e6, 1), 0);
    // Long horizons: finite, increasing, or a clean error; never NaN.
    double previous = 0;
    for (double t : {1e2, 1e3, 1e4, 1e5, 1e6, 1e8, 1e12}) {
        try {
            const double e = cm::bgnbd_expected(published, 0, 0, 38, t);
            EXPECT_TRUE(std::isfinite(e));
            EXPECT_GE(e, previous);
            previous = e;
        } catch (const cm::overflow&) {
        }
    }
    EXPECT_GT(previous, 1.8);  // at least up to t = 1e4 it is computed
    // a + b so small that a + b + x − 1 rounds to −1 for x = 0 (found by fuzz_models).
    {
        const double e = cm::bgnbd_expected({1, 1, 1e-17, 1e-17}, 0, 0, 10, 5);
        EXPECT_TRUE(std::isfinite(e) && e >= 0);
    }
    // Tiny and huge parameters.
    for (const cm::BgnbdParams& p : {cm::BgnbdParams{1e-8, 1e-8, 1e-8, 1e-8}, cm::BgnbdParams{1e8, 1e8, 1e8, 1e8},
                                     cm::BgnbdParams{1e-8, 1e8, 1e8, 1e-8}, cm::BgnbdParams{1e300, 1e-300, 1e300, 1e-300}}) {
        for (double x : {0.0, 1.0, 300.0}) {
            try {
                const double alive = cm::bgnbd_p_alive(p, x, x > 0 ? 5 : 0, 10);
                EXPECT_TRUE(alive >= 0 && alive <= 1);
                const double e = cm::bgnbd_expected(p, x, x > 0 ? 5 : 0, 10, 10);
                EXPECT_TRUE(std::isfinite(e) && e >= 0);
            } catch (const cm::overflow&) {
            }
            try {
                EXPECT_TRUE(std::isfinite(cm::bgnbd_log_likelihood(p, x, x > 0 ? 5 : 0, 10)));
            } catch (const cm::overflow&) {
            }
        }
    }
}

TEST(BgnbdClv, AgainstReference) {
    // Without discounting the sum telescopes to margin × spend × E(horizon).
    EXPECT_NEAR(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0, 39), 0.3 * 35 * 1.22602817476714, 1e-11);
    EXPECT_NEAR(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 52), 12.947842279366, 1e-11);
    EXPECT_EQ(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 0), 0);
    EXPECT_LT(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, -0.2, 0.01, 52), 0);  // sold at a loss
    EXPECT_THROW(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, 1.2, 0.01, 52), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, -0.01, 52), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 2.5), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 10001), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_clv(published, 2, 30.43, 38.86, -35, 0.3, 0.01, 52), cm::domain_error);
}

TEST(Bgnbd, DomainErrors) {
    EXPECT_THROW(cm::bgnbd_p_alive({0, 1, 1, 1}, 1, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_p_alive({1, 1, 1, 1.0 / 0.0}, 1, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_p_alive(published, 1.5, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_p_alive(published, -1, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_p_alive(published, 1, 3, 2), cm::domain_error);  // t_x > T
    EXPECT_THROW(cm::bgnbd_p_alive(published, 1, -1, 2), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_expected(published, 1, 1, 2, -1), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_expected(published, 1, 1, 2, 0.0 / 0.0), cm::domain_error);
}

TEST(BgnbdFit, Unidentifiable) {
    // No repeat buyer.
    EXPECT_THROW(cm::bgnbd_fit({0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {5, 6, 7, 8, 9, 10}), cm::domain_error);
    // Too few customers.
    EXPECT_THROW(cm::bgnbd_fit({1, 2, 0}, {1, 2, 0}, {5, 6, 7}), cm::domain_error);
    // Nobody observed for any time.
    EXPECT_THROW(cm::bgnbd_fit({0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}), cm::domain_error);
    // Everybody bought every period up to the end: no sign of dropout, the optimum is at the
    // edge (a -> 0): an error, not numbers.
    std::vector<double> x, t_x, T;
    for (int i = 0; i < 50; ++i) {
        x.push_back(10);
        t_x.push_back(10);
        T.push_back(10);
    }
    EXPECT_THROW(cm::bgnbd_fit(x, t_x, T), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_fit({1, 2}, {1}, {1, 2}), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_fit({1, 2, 1, 1, 1}, {1, 3, 1, 1, 1}, {2, 2, 2, 2, 2}), cm::domain_error);
    // Seven customers whose likelihood rises along a ridge with a and b growing together (the
    // limit without heterogeneity in the dropout probability): every search stalls on it near
    // a = 10^6, b = 10^8, where rounding hides the direction, its gradient not small. Not a
    // search that failed but a model the data cannot identify (optimise.hpp pushes the large
    // parameters outwards and finds the likelihood no lower): Err:502, not Err:523. (Found by
    // fitting random small data sets; before the outward probe it was reported as
    // no_convergence.)
    EXPECT_THROW(cm::bgnbd_fit({2, 3, 0, 1, 3, 46, 31}, {4700.29, 25101.7, 0, 5830.58, 3618.67, 19067.6, 20602},
                               {6987.01, 27140.4, 10420, 11849.2, 16479.9, 20451.4, 32023.2}),
                 cm::domain_error);
}

// Simulates the BG/NBD story (FHL 2005, section 2) for `customers` customers observed for
// T uniform in 13..52 periods and returns their (x, t_x, T).
struct Simulated {
    std::vector<double> x, t_x, T;
};
Simulated simulate(const cm::BgnbdParams& p, std::size_t customers, unsigned seed) {
    std::mt19937_64 random(seed);
    std::gamma_distribution<double> rate(p.r, 1 / p.alpha);
    std::gamma_distribution<double> ga(p.a, 1), gb(p.b, 1);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::uniform_int_distribution<int> weeks(13, 52);
    Simulated s;
    for (std::size_t i = 0; i < customers; ++i) {
        const double lambda = rate(random), u = ga(random), v = gb(random), dropout = u / (u + v);
        const double T = weeks(random);
        double now = 0, last = 0, x = 0;
        for (;;) {
            now += -std::log1p(-uniform(random)) / lambda;
            if (now > T)
                break;
            ++x;
            last = now;
            if (uniform(random) < dropout)
                break;
        }
        s.x.push_back(x);
        s.t_x.push_back(last);
        s.T.push_back(T);
    }
    return s;
}

TEST(BgnbdFit, RecoversSimulatedParameters) {
    // 10^5 customers: the estimates' standard errors are a few per cent at most, so each
    // parameter must come back within 10 % of the truth.
    for (const cm::BgnbdParams& truth : {cm::BgnbdParams{0.243, 4.414, 0.793, 2.426}, cm::BgnbdParams{1.5, 8, 0.4, 4},
                                         cm::BgnbdParams{0.6, 2, 2.5, 10}}) {
        const Simulated s = simulate(truth, 100000, 7);
        const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
        EXPECT_NEAR(fit.params.r, truth.r, 0.1 * truth.r);
        EXPECT_NEAR(fit.params.alpha, truth.alpha, 0.1 * truth.alpha);
        EXPECT_NEAR(fit.params.a, truth.a, 0.1 * truth.a);
        EXPECT_NEAR(fit.params.b, truth.b, 0.1 * truth.b);
        std::printf("truth %g %g %g %g -> %.4g %.4g %.4g %.4g (%d evaluations)\n", truth.r, truth.alpha, truth.a, truth.b,
                    fit.params.r, fit.params.alpha, fit.params.a, fit.params.b, fit.evaluations);
    }
}

// BGNBD_EXPECTED_NEW and BGNBD_PMF: a new customer's E[X(t)] (FHL 2005 eq. 9) and P(X(t) = k)
// (eq. 8). Reference values: tests/reference/bgnbd_reference.py (eq. 8 as printed, and with
// scipy.stats.nbinom's tail); the published ones are BTYD's (the R package's manual,
// bgnbd.pmf examples, asserted by lifetimes' tests/test_estimation.py,
// test_probability_of_n_purchases_up_to_time_same_as_R_BTYD) and Hardie's spreadsheet
// E[X(t)] (lifetimes' test_expectation_returns_same_value_Hardie_excel_sheet).
TEST(BgnbdExpectedNew, AgainstReference) {
    EXPECT_DOUBLE_EQ(cm::bgnbd_expected_new(published, 39), cm::bgnbd_expected(published, 0, 0, 0, 39));
    EXPECT_NEAR(cm::bgnbd_expected_new(published, 1), 0.0532678911716563, 1e-14);
    EXPECT_NEAR(cm::bgnbd_expected_new(published, 78), 1.86051905794275, 1e-12);
    EXPECT_EQ(cm::bgnbd_expected_new(published, 0), 0);
    EXPECT_THROW(cm::bgnbd_expected_new(published, -1), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_expected_new({0, 1, 1, 1}, 1), cm::domain_error);
}

TEST(BgnbdPmf, PublishedAndReference) {
    // BTYD: P(X(2) = 10) = 1.07869e-07, P(X(39) = 0) = 0.5737864, P(X(30) = 11) = 0.0019995214,
    // P(X(30) = 20) = 0.0002222260.
    EXPECT_NEAR(cm::bgnbd_pmf(published, 2, 10), 1.07869e-07, 5e-13);
    EXPECT_NEAR(cm::bgnbd_pmf(published, 39, 0), 0.5737864, 5e-8);
    EXPECT_NEAR(cm::bgnbd_pmf(published, 30, 11), 0.0019995214, 5e-11);
    EXPECT_NEAR(cm::bgnbd_pmf(published, 30, 20), 0.0002222260, 5e-11);
    // The reference script, to 12 digits.
    const auto near = [](double value, double expected) { EXPECT_NEAR(value, expected, 1e-12 * expected); };
    near(cm::bgnbd_pmf(published, 2, 10), 1.07868964036915e-07);
    near(cm::bgnbd_pmf(published, 39, 0), 0.573786352096009);
    near(cm::bgnbd_pmf(published, 30, 11), 0.00199952144747888);
    near(cm::bgnbd_pmf(published, 30, 20), 0.000222226048006637);
    near(cm::bgnbd_pmf(published, 39, 1), 0.199395280835912);
    near(cm::bgnbd_pmf(published, 39, 5), 0.017965493866579);
    near(cm::bgnbd_pmf(published, 78, 3), 0.0550466155214591);
    near(cm::bgnbd_pmf(published, 1, 0), 0.951588797733147);
    near(cm::bgnbd_pmf(published, 1, 1), 0.0441150660321774);
    near(cm::bgnbd_pmf(published, 200, 50), 0.000230815685884111);
    EXPECT_EQ(cm::bgnbd_pmf(published, 0, 0), 1);
    EXPECT_EQ(cm::bgnbd_pmf(published, 0, 3), 0);
}

TEST(BgnbdPmf, SumsToOneAndToTheExpectation) {
    // Σ_k P(X(t) = k) = 1 and Σ_k k P(X(t) = k) = E[X(t)], for the published fit and for
    // parameters far from it (a heavy tail: r large, alpha small; a + b < 1).
    for (const cm::BgnbdParams& p : {published, cm::BgnbdParams{2, 0.5, 0.3, 0.4}, cm::BgnbdParams{0.05, 30, 3, 1}}) {
        for (double t : {0.5, 10.0, 39.0, 200.0}) {
            double total = 0, mean = 0;
            for (double k = 0; k < 20000; ++k) {
                const double pk = cm::bgnbd_pmf(p, t, k);
                ASSERT_TRUE(pk >= 0 && pk <= 1);
                total += pk;
                mean += k * pk;
                if (k > 10 && pk < 1e-18 * total)
                    break;
            }
            EXPECT_NEAR(total, 1, 1e-12) << p.r << " " << t;
            EXPECT_NEAR(mean, cm::bgnbd_expected_new(p, t), 1e-9 * std::max(1.0, mean)) << p.r << " " << t;
        }
    }
}

TEST(BgnbdPmf, ExtremesAndDomain) {
    for (const cm::BgnbdParams& p : {cm::BgnbdParams{1e-8, 1e-8, 1e-8, 1e-8}, cm::BgnbdParams{1e8, 1e8, 1e8, 1e8},
                                     cm::BgnbdParams{1e-8, 1e8, 1e8, 1e-8}, cm::BgnbdParams{1e300, 1e-300, 1e300, 1e-300}}) {
        for (double t : {1e-300, 1.0, 1e300})
            for (double k : {0.0, 1.0, 300.0, 1e15}) {
                try {
                    const double pk = cm::bgnbd_pmf(p, t, k);
                    EXPECT_TRUE(pk >= 0 && pk <= 1);
                } catch (const cm::overflow&) {
                }
            }
    }
    EXPECT_THROW(cm::bgnbd_pmf(published, 1, -1), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_pmf(published, 1, 1.5), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_pmf(published, -1, 1), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_pmf(published, 1.0 / 0.0, 1), cm::domain_error);
    EXPECT_THROW(cm::bgnbd_pmf({1, 1, 0, 1}, 1, 1), cm::domain_error);
}

}  // namespace
