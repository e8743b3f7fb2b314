// Tests for cm/pnbd.hpp (the Pareto/NBD model).
// - Published fit: P. S. Fader and B. G. S. Hardie, "A note on deriving the Pareto/NBD model
//   and related expressions", 2005 note (brucehardie.com), on the CDNOW sample: r 0.553,
//   alpha 10.578, s 0.606, beta 11.669, LL −9595.0.
// - Peers' figures: the BTYD R package 2.4.3 (github:cran/BTYD), its walkthrough vignette
//   inst/doc/BTYD-walkthrough.pdf, section 3 (Pareto/NBD on the same CDNOW sample), and the
//   pnbd.Expectation example of its manual as asserted by lifetimes' tests
//   (github:CamDavidsonPilon/lifetimes, tests/test_estimation.py,
//   test_expectation_returns_same_value_as_R_BTYD).
// - Reference values: tests/reference/pnbd_reference.py, Python's standard library only
//   (tanh-sinh quadrature of the model's integrals, and the note's hypergeometric closed form
//   summed term by term as a second opinion), run once and its printed output pasted here.
#include "cdnow.hpp"

#include <cm/pnbd.hpp>
#include <cm/rfm.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <random>
#include <vector>

namespace {

const cm::PnbdParams published{0.553, 10.578, 0.606, 11.669};

double round_to(double value, double unit) { return std::round(value / unit) * unit; }

cm::RfmSummary cdnow_sample() {
    const auto log = cdnow::read(true);
    return cm::rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), cdnow::calibration_end);
}

// Relative comparison: |actual − expected| <= tolerance · |expected|.
void expect_relative(double actual, double expected, double tolerance) {
    EXPECT_NEAR(actual, expected, tolerance * std::abs(expected)) << "expected " << expected;
}

TEST(PnbdFit, CdnowSamplePublishedFit) {
    const auto s = cdnow_sample();
    const auto fit = cm::pnbd_fit(s.x, s.t_x, s.T);
    // To the printed digits: r 0.553, alpha 10.578, s 0.606, beta 11.669, LL −9595.0.
    EXPECT_DOUBLE_EQ(round_to(fit.params.r, 0.001), 0.553);
    EXPECT_DOUBLE_EQ(round_to(fit.params.alpha, 0.001), 10.578);
    EXPECT_DOUBLE_EQ(round_to(fit.params.s, 0.001), 0.606);
    EXPECT_DOUBLE_EQ(round_to(fit.params.beta, 0.001), 11.669);
    EXPECT_DOUBLE_EQ(round_to(fit.log_likelihood, 0.1), -9595.0);
    // The sum of the per-customer function agrees, and the optimum is a maximum: not beaten
    // by the published (rounded) parameters, nor by a step of 0.1 % along any parameter.
    const auto total = [&](const cm::PnbdParams& p) {
        double sum = 0;
        for (std::size_t i = 0; i < s.x.size(); ++i)
            sum += cm::pnbd_log_likelihood(p, s.x[i], s.t_x[i], s.T[i]);
        return sum;
    };
    const double at_fit = total(fit.params);
    EXPECT_NEAR(at_fit, fit.log_likelihood, 1e-6);
    EXPECT_GE(at_fit, total(published));
    for (int i = 0; i < 4; ++i) {
        for (double factor : {0.999, 1.001}) {
            cm::PnbdParams p = fit.params;
            double* values[] = {&p.r, &p.alpha, &p.s, &p.beta};
            *values[i] *= factor;
            EXPECT_GE(at_fit, total(p)) << "parameter " << i << " × " << factor;
        }
    }
    std::printf("CDNOW sample: %.6f %.6f %.6f %.6f LL %.4f (%d evaluations)\n", fit.params.r, fit.params.alpha,
                fit.params.s, fit.params.beta, fit.log_likelihood, fit.evaluations);
}

TEST(PnbdLogLikelihood, CdnowSampleAtPublishedParameters) {
    // pnbd_reference.py, its own summary of data/cdnow/CDNOW_sample.txt: −9594.9762592726.
    const auto s = cdnow_sample();
    double sum = 0;
    for (std::size_t i = 0; i < s.x.size(); ++i)
        sum += cm::pnbd_log_likelihood(published, s.x[i], s.t_x[i], s.T[i]);
    EXPECT_NEAR(sum, -9594.9762592726, 1e-8);
}

TEST(PnbdLogLikelihood, AgainstReference) {
    // pnbd_reference.py: tanh-sinh integral (= the closed form to 15 digits where it converges).
    EXPECT_NEAR(cm::pnbd_log_likelihood(published, 0, 0, 38.86), -0.52104629408089, 1e-13);
    EXPECT_NEAR(cm::pnbd_log_likelihood(published, 2, 30.43, 38.86), -9.5542832451504, 1e-12);
    EXPECT_NEAR(cm::pnbd_log_likelihood(published, 7, 35, 38), -21.6917341508542, 1e-12);
    EXPECT_NEAR(cm::pnbd_log_likelihood(published, 7, 10, 38), -17.3805599898801, 1e-12);
    EXPECT_NEAR(cm::pnbd_log_likelihood(published, 26, 216.0 / 7, 31), -39.1316269761166, 1e-12);
    // T − t_x small: the difference of the two hypergeometric tails would lose digits, the
    // library integrates instead.
    EXPECT_NEAR(cm::pnbd_log_likelihood(published, 1, 38.9, 39), -6.23884105700619, 1e-12);
    // Bought at T (no time to die before T) and T = 0.
    EXPECT_NEAR(cm::pnbd_log_likelihood(published, 3, 20, 20),
                std::lgamma(3.553) - std::lgamma(0.553) + 0.553 * std::log(10.578) + 0.606 * std::log(11.669) -
                    3.553 * std::log(30.578) - 0.606 * std::log(31.669),
                1e-12);
    EXPECT_DOUBLE_EQ(cm::pnbd_log_likelihood(published, 0, 0, 0), 0);
}

TEST(PnbdLogLikelihood, BothRegimes) {
    // alpha < beta (2F1 in (β−α)/(β+τ)) and alpha > beta (in (α−β)/(α+τ)), and far apart,
    // where the series would converge slowly and the library integrates.
    EXPECT_NEAR(cm::pnbd_log_likelihood({0.5, 2, 0.8, 20}, 3, 10, 40), -10.3318651210203, 1e-12);
    EXPECT_NEAR(cm::pnbd_log_likelihood({0.5, 20, 0.8, 2}, 3, 10, 40), -12.2789126249824, 1e-12);
    EXPECT_NEAR(cm::pnbd_log_likelihood({0.5, 0.01, 0.8, 5}, 0, 0, 40), -2.82772375462183, 1e-12);
    EXPECT_NEAR(cm::pnbd_log_likelihood({1.2, 50, 0.3, 0.05}, 5, 2, 60), -16.8011489029593, 1e-12);
    // alpha = beta exactly, and on either side of it: continuous.
    const double at = cm::pnbd_log_likelihood({0.5, 5, 0.8, 5}, 3, 10, 40);
    EXPECT_NEAR(cm::pnbd_log_likelihood({0.5, 5 * (1 + 1e-12), 0.8, 5}, 3, 10, 40), at, 1e-10);
    EXPECT_NEAR(cm::pnbd_log_likelihood({0.5, 5, 0.8, 5 * (1 + 1e-12)}, 3, 10, 40), at, 1e-10);
}

TEST(PnbdLogLikelihood, Extremes) {
    // pnbd_reference.py: x in the hundreds (lifetimes issues #25, #445: overflow), T huge,
    // alpha tiny.
    const cm::PnbdParams p{0.55, 10.6, 0.6, 11.7};
    EXPECT_NEAR(cm::pnbd_log_likelihood(p, 300, 38, 39), 239.572810054575, 1e-10);
    EXPECT_NEAR(cm::pnbd_log_likelihood(p, 300, 5, 39), 580.965186018603, 1e-10);
    EXPECT_NEAR(cm::pnbd_log_likelihood(p, 2, 1e5, 1e6), -35.3066444028381, 1e-11);
    EXPECT_NEAR(cm::pnbd_log_likelihood({0.55, 1e-6, 0.6, 11.7}, 4, 20, 30), -21.3751941052756, 1e-11);
    // lifetimes' test_overflow_error case (where its ln A0 overflowed): finite.
    const cm::PnbdParams q{10.465, 7.98565181e-03, 3.0516, 2.820};
    for (const auto& [x, t_x, T] : {std::array<double, 3>{400, 5, 6}, {500, 1, 37}, {500, 4, 37}}) {
        EXPECT_TRUE(std::isfinite(cm::pnbd_log_likelihood(q, x, t_x, T)));
        const double alive = cm::pnbd_p_alive(q, x, t_x, T);
        EXPECT_TRUE(alive >= 0 && alive <= 1);
    }
    // Tiny and huge parameters, x up to 10^6, T up to 10^9: a number or a clean error.
    for (const cm::PnbdParams& e : {cm::PnbdParams{1e-8, 1e-8, 1e-8, 1e-8}, cm::PnbdParams{1e8, 1e8, 1e8, 1e8},
                                    cm::PnbdParams{1e-8, 1e8, 1e8, 1e-8}, cm::PnbdParams{1e8, 1e-8, 1e-8, 1e8},
                                    cm::PnbdParams{1e300, 1e-300, 1e300, 1e-300}}) {
        for (const auto& [x, t_x, T] : {std::array<double, 3>{0, 0, 10}, {1, 5, 10}, {300, 5, 10}, {1e6, 1, 1e9}}) {
            try {
                EXPECT_TRUE(std::isfinite(cm::pnbd_log_likelihood(e, x, t_x, T)));
                const double alive = cm::pnbd_p_alive(e, x, t_x, T);
                EXPECT_TRUE(alive >= 0 && alive <= 1);
                const double expected = cm::pnbd_expected(e, x, t_x, T, 10);
                EXPECT_TRUE(std::isfinite(expected) && expected >= 0);
            } catch (const cm::overflow&) {
            }
        }
    }
}

TEST(PnbdPAlive, AgainstReference) {
    EXPECT_NEAR(cm::pnbd_p_alive(published, 0, 0, 38.86), 0.295286604616894, 1e-14);
    EXPECT_NEAR(cm::pnbd_p_alive(published, 2, 30.43, 38.86), 0.869167559153011, 1e-14);
    EXPECT_NEAR(cm::pnbd_p_alive(published, 7, 35, 38), 0.952839625687501, 1e-14);
    EXPECT_NEAR(cm::pnbd_p_alive(published, 7, 10, 38), 0.0127849979049464, 1e-15);
    EXPECT_NEAR(cm::pnbd_p_alive({0.5, 2, 0.8, 20}, 3, 10, 40), 0.0703912633118241, 1e-15);
    EXPECT_NEAR(cm::pnbd_p_alive({0.5, 20, 0.8, 2}, 3, 10, 40), 0.094379018067051, 1e-15);
    EXPECT_DOUBLE_EQ(cm::pnbd_p_alive(published, 4, 20, 20), 1);  // bought at T
    const double gone = cm::pnbd_p_alive(published, 300, 5, 39);  // 300 purchases, none for 34 periods
    EXPECT_TRUE(gone > 0 && gone < 1e-140);
}

TEST(PnbdExpected, AgainstReference) {
    const auto rel = [](double value) { return 1e-12 * value; };
    EXPECT_NEAR(cm::pnbd_expected(published, 0, 0, 38.86, 39), 0.107081468215309, rel(0.11));
    EXPECT_NEAR(cm::pnbd_expected(published, 2, 30.43, 38.86, 39), 1.4551231932576, rel(1.5));
    EXPECT_NEAR(cm::pnbd_expected(published, 7, 35, 38, 39), 4.79055424926174, rel(4.8));
    EXPECT_NEAR(cm::pnbd_expected(published, 7, 10, 38, 39), 0.0642786303058626, rel(0.064));
    EXPECT_NEAR(cm::pnbd_expected(published, 26, 216.0 / 7, 31, 52), 25.4573384405797, rel(25));
    EXPECT_NEAR(cm::pnbd_expected({0.5, 2, 0.8, 20}, 3, 10, 40, 10), 0.0550993006908696, rel(0.055));
    EXPECT_NEAR(cm::pnbd_expected({0.5, 20, 0.8, 2}, 3, 10, 40, 10), 0.0504543418868448, rel(0.05));
    // s = 1, where the closed form's 1/(s−1) is 0/0 (the reference integrates), and s > 1.
    EXPECT_NEAR(cm::pnbd_expected({0.5, 2, 1, 20}, 3, 10, 40, 10), 0.0395399875003787, rel(0.04));
    EXPECT_NEAR(cm::pnbd_expected({0.5, 2, 1 + 1e-13, 20}, 3, 10, 40, 10), 0.0395399875003787, 1e-11);
    EXPECT_NEAR(cm::pnbd_expected({0.5, 2, 1.7, 20}, 3, 10, 40, 10), 0.0152211904421175, rel(0.015));
    EXPECT_EQ(cm::pnbd_expected(published, 3, 1, 2, 0), 0);
    // Long horizons: finite and increasing (s < 1: E grows like t^(1−s)).
    double previous = 0;
    for (double t : {1e2, 1e4, 1e6, 1e8, 1e12}) {
        const double e = cm::pnbd_expected(published, 0, 0, 38, t);
        EXPECT_GT(e, previous);
        previous = e;
    }
}

TEST(PnbdExpectedNew, AgainstReferenceAndBtydManual) {
    EXPECT_NEAR(cm::pnbd_expected_new(published, 1), 0.050979843245991, 1e-14);
    EXPECT_NEAR(cm::pnbd_expected_new(published, 39), 1.21300284428102, 1e-13);
    EXPECT_NEAR(cm::pnbd_expected_new(published, 52), 1.47299680337511, 1e-13);
    EXPECT_NEAR(cm::pnbd_expected_new(published, 78), 1.90939812931369, 1e-13);
    EXPECT_NEAR(cm::pnbd_expected_new({0.5, 2, 1, 20}, 30), 4.58145365937078, 1e-12);
    EXPECT_EQ(cm::pnbd_expected_new(published, 0), 0);
    // BTYD manual, pnbd.Expectation(params = c(0.55, 10.56, 0.61, 11.64), t = 1:9), 8 digits
    // (as asserted by lifetimes' test_expectation_returns_same_value_as_R_BTYD).
    const double btyd[] = {0.05077821, 0.09916088, 0.14542507, 0.18979930, 0.23247466,
                           0.27361274, 0.31335159, 0.35181024, 0.38909211};
    for (int t = 1; t <= 9; ++t)
        EXPECT_NEAR(cm::pnbd_expected_new({0.55, 10.56, 0.61, 11.64}, t), btyd[t - 1], 5e-9) << "t = " << t;
}

TEST(PnbdBtydWalkthrough, CdnowFigures) {
    // BTYD-walkthrough.pdf, section 3, with the parameters our fit finds (the walkthrough
    // prints its own only to 3 decimals: 0.553 10.580 0.606 11.656, LL −9594.976).
    const auto s = cdnow_sample();
    const auto fit = cm::pnbd_fit(s.x, s.t_x, s.T);
    const cm::PnbdParams& p = fit.params;
    EXPECT_NEAR(fit.log_likelihood, -9594.976, 5e-4);
    // Section 3.3: pnbd.Expectation(params, t = 52) = 1.473434 — all 7 digits.
    EXPECT_NEAR(cm::pnbd_expected_new(p, 52), 1.473434, 5e-7);
    // Customer "1516" (x 26, t.x 30.85714, T.cal 31): ConditionalExpectedTransactions(T.star
    // = 52) 25.45647 and PAlive 0.997874. These depend on beta, along which the likelihood is
    // flat: the walkthrough's own table of three successive estimates moves beta from 11.656 to
    // 11.658 at the same LL, and its figures are reproduced to 5 and 6 significant digits.
    expect_relative(cm::pnbd_expected(p, 26, 216.0 / 7, 31, 52), 25.45647, 1e-4);
    EXPECT_NEAR(cm::pnbd_p_alive(p, 26, 216.0 / 7, 31), 0.997874, 2e-6);
    // The "increasing frequency paradox" (t.x 20, T.cal 39, T.star 52): x = 10, 15, 20, 25
    // give 0.7062289, 0.1442396, 0.02250658, 0.00309267 — to 3 significant digits (P(alive)
    // of these customers is small and most sensitive to where on the ridge beta lies).
    const double paradox[] = {0.7062289, 0.1442396, 0.02250658, 0.00309267};
    for (int i = 0; i < 4; ++i)
        expect_relative(cm::pnbd_expected(p, 10 + 5 * i, 20, 39, 52), paradox[i], 1e-3);
    // Section 3.4, pnbd.PlotFreqVsConditionalExpectedFrequency (T.star 39): the mean
    // conditional expectation of the customers with 0, 1, ..., 6, 7+ calibration purchases,
    // printed to 3 decimals, and the bin sizes.
    const double expected_bins[] = {0.138, 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403};
    const double bin_sizes[] = {1411, 439, 214, 100, 62, 38, 29, 64};
    double sum[8] = {}, count[8] = {};
    for (std::size_t i = 0; i < s.x.size(); ++i) {
        const int bin = std::min(7, static_cast<int>(s.x[i]));
        sum[bin] += cm::pnbd_expected(p, s.x[i], s.t_x[i], s.T[i], 39);
        ++count[bin];
    }
    for (int bin = 0; bin < 8; ++bin) {
        EXPECT_EQ(count[bin], bin_sizes[bin]);
        EXPECT_NEAR(sum[bin] / count[bin], expected_bins[bin], 1.5e-3) << "bin " << bin;
    }
    // pnbd.PlotTrackingCum / PlotTrackingInc, weeks 20..25 (births at max(T) − T, as
    // pnbd.ExpectedCumulativeTransactions): cumulative 1308.856 ... 1674.253 and weekly
    // 78.308 ... 69.933, to 4 and 3 significant digits.
    const double cumulative[] = {1308.856, 1385.275, 1459.923, 1532.906, 1604.32, 1674.253};
    const double weekly[] = {78.308, 76.419, 74.648, 72.983, 71.414, 69.933};
    const double last = *std::max_element(s.T.begin(), s.T.end());
    const auto cumulative_at = [&](double week) {
        double total = 0;
        for (double T : s.T)
            if (week > last - T)
                total += cm::pnbd_expected_new(p, week - (last - T));
        return total;
    };
    for (int i = 0; i < 6; ++i) {
        expect_relative(cumulative_at(20 + i), cumulative[i], 1e-4);
        expect_relative(cumulative_at(20 + i) - cumulative_at(19 + i), weekly[i], 1e-3);
    }
}

TEST(PnbdPmf, AgainstReference) {
    const double at_39[] = {0.593625031602384, 0.165562947277176, 0.0824871841163167, 0.0490399536428143,
                            0.0316957067442886, 0.021484828361821, 0.0150111837531498, 0.0107077507335146};
    const double at_10[] = {0.915194111012204, 0.0678122789379448, 0.0127200382785838, 0.00309355826171974,
                            0.000837948976906987, 0.000239962483181083, 7.10301893854712e-05, 2.14856828647537e-05};
    for (int k = 0; k < 8; ++k) {
        expect_relative(cm::pnbd_pmf(published, 39, k), at_39[k], 1e-12);
        expect_relative(cm::pnbd_pmf({0.5, 20, 0.8, 2}, 10, k), at_10[k], 1e-12);
    }
    EXPECT_EQ(cm::pnbd_pmf(published, 0, 0), 1);
    EXPECT_EQ(cm::pnbd_pmf(published, 0, 3), 0);
}

TEST(PnbdPmf, SumsToOneWithTheMeanOfExpectedNew) {
    for (const cm::PnbdParams& p : {published, cm::PnbdParams{0.5, 20, 0.8, 2}, cm::PnbdParams{2, 5, 1.5, 30}}) {
        for (double t : {1.0, 39.0, 200.0}) {
            double total = 0, mean = 0;
            for (int k = 0; k <= 3000; ++k) {
                const double pk = cm::pnbd_pmf(p, t, k);
                EXPECT_TRUE(pk >= 0 && pk <= 1);
                total += pk;
                mean += k * pk;
            }
            EXPECT_NEAR(total, 1, 1e-11) << "t = " << t;
            expect_relative(mean, cm::pnbd_expected_new(p, t), 1e-9);
        }
    }
    // Extremes: a number in [0, 1].
    for (double k : {0.0, 1.0, 1000.0, 1e6}) {
        for (double t : {1e-9, 1.0, 1e9}) {
            const double pk = cm::pnbd_pmf({0.55, 1e-6, 0.6, 1e6}, t, k);
            EXPECT_TRUE(pk >= 0 && pk <= 1);
        }
    }
}

TEST(PnbdDert, AgainstNumericalIntegral) {
    // pnbd_reference.py integrates e^(−δt) dE(t) numerically; the library uses FHL 2005b's
    // closed form with Tricomi's U. BTYD's pnbd.DERT example (params c(0.5629966, 12.5590370,
    // 0.4081095, 10.5148048), continuous d = 0.0027, x 7, t.x 35, T.cal 77.86).
    const auto discount = std::expm1(0.0027);
    EXPECT_NEAR(cm::pnbd_dert({0.5629966, 12.5590370, 0.4081095, 10.5148048}, 7, 35, 77.86, discount),
                1.86418332807132, 1e-12);
    EXPECT_NEAR(cm::pnbd_dert(published, 2, 30.43, 38.86, 0.01), 2.73457710870073, 1e-12);
    EXPECT_NEAR(cm::pnbd_dert(published, 0, 0, 38.86, 0.01), 0.201235560744587, 1e-13);
    EXPECT_NEAR(cm::pnbd_dert(published, 7, 35, 38, 0.002), 25.4274672233054, 1e-11);
    // s = 1, s > 1 (the power series and its recurrence), s an integer, just above one, and
    // s >= 10 (the continued fraction).
    EXPECT_NEAR(cm::pnbd_dert({0.5, 2, 1, 20}, 3, 10, 40, 0.05), 0.0685791982152585, 1e-13);
    EXPECT_NEAR(cm::pnbd_dert({0.5, 2, 1, 20}, 3, 10, 40, 0.001), 0.625267057646019, 1e-12);
    EXPECT_NEAR(cm::pnbd_dert({0.5, 2, 1.7, 20}, 3, 10, 40, 0.001), 0.114027095445545, 1e-13);
    EXPECT_NEAR(cm::pnbd_dert({0.5, 2, 3, 20}, 3, 10, 40, 0.2), 0.00203236496003307, 1e-15);
    EXPECT_NEAR(cm::pnbd_dert({0.5, 2, 3, 20}, 3, 10, 40, 0.001), 0.0132526385161448, 1e-15);
    EXPECT_NEAR(cm::pnbd_dert({0.5, 2, 3.0000001, 20}, 3, 10, 40, 0.001), 0.0132526366846934, 1e-15);
    expect_relative(cm::pnbd_dert({0.5, 20, 12, 2}, 3, 10, 40, 0.01), 6.27485189844251e-09, 1e-12);
    // Without discounting: E[X(∞)] = (r+x)(β+T)/((α+T)(s−1)) P(alive) for s > 1, else infinite.
    expect_relative(cm::pnbd_dert({0.5, 2, 1.7, 20}, 3, 10, 40, 0),
                    3.5 * 60 / (42 * 0.7) * cm::pnbd_p_alive({0.5, 2, 1.7, 20}, 3, 10, 40), 1e-14);
    EXPECT_THROW(cm::pnbd_dert(published, 2, 30.43, 38.86, 0), cm::overflow);
    // Continuous in the discount where the method changes (z = 0.5).
    const double edge = std::expm1(0.5 / 60);
    expect_relative(cm::pnbd_dert({0.5, 2, 1.7, 20}, 3, 10, 40, edge * (1 - 1e-9)),
                    cm::pnbd_dert({0.5, 2, 1.7, 20}, 3, 10, 40, edge * (1 + 1e-9)), 1e-9);
    // Tiny and huge discounts.
    EXPECT_GT(cm::pnbd_dert(published, 2, 30.43, 38.86, 1e-12), 0);
    EXPECT_GT(cm::pnbd_dert(published, 2, 30.43, 38.86, 1e12), 0);
    EXPECT_THROW(cm::pnbd_dert(published, 2, 30.43, 38.86, -0.01), cm::domain_error);
}

TEST(PnbdClv, AsBgnbdClv) {
    // Without discounting the sum telescopes to margin × spend × E(horizon).
    EXPECT_NEAR(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0, 39), 0.3 * 35 * 1.4551231932576, 1e-11);
    // Σ (E(k) − E(k−1)) / 1.01^k, summed here from pnbd_expected.
    double orders = 0;
    for (int k = 1; k <= 52; ++k)
        orders += (cm::pnbd_expected(published, 2, 30.43, 38.86, k) - cm::pnbd_expected(published, 2, 30.43, 38.86, k - 1)) /
                  std::pow(1.01, k);
    EXPECT_NEAR(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 52), 0.3 * 35 * orders, 1e-11);
    EXPECT_EQ(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 0), 0);
    EXPECT_LT(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, -0.2, 0.01, 52), 0);  // sold at a loss
    EXPECT_THROW(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, 1.2, 0.01, 52), cm::domain_error);
    EXPECT_THROW(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, -0.01, 52), cm::domain_error);
    EXPECT_THROW(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 2.5), cm::domain_error);
    EXPECT_THROW(cm::pnbd_clv(published, 2, 30.43, 38.86, 35, 0.3, 0.01, 10001), cm::domain_error);
    EXPECT_THROW(cm::pnbd_clv(published, 2, 30.43, 38.86, -35, 0.3, 0.01, 52), cm::domain_error);
}

TEST(Pnbd, DomainErrors) {
    EXPECT_THROW(cm::pnbd_p_alive({0, 1, 1, 1}, 1, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::pnbd_p_alive({1, 1, 1, 1.0 / 0.0}, 1, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::pnbd_p_alive({1, -1, 1, 1}, 1, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::pnbd_p_alive(published, 1.5, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::pnbd_p_alive(published, -1, 1, 2), cm::domain_error);
    EXPECT_THROW(cm::pnbd_p_alive(published, 1, 3, 2), cm::domain_error);  // t_x > T
    EXPECT_THROW(cm::pnbd_p_alive(published, 1, -1, 2), cm::domain_error);
    EXPECT_THROW(cm::pnbd_expected(published, 1, 1, 2, -1), cm::domain_error);
    EXPECT_THROW(cm::pnbd_expected(published, 1, 1, 2, 0.0 / 0.0), cm::domain_error);
    EXPECT_THROW(cm::pnbd_expected_new(published, -1), cm::domain_error);
    EXPECT_THROW(cm::pnbd_pmf(published, -1, 1), cm::domain_error);
    EXPECT_THROW(cm::pnbd_pmf(published, 1, 1.5), cm::domain_error);
    EXPECT_THROW(cm::pnbd_pmf(published, 1, -1), cm::domain_error);
    EXPECT_THROW(cm::pnbd_dert(published, 1, 1, 2, 0.0 / 0.0), cm::domain_error);
}

TEST(PnbdFit, Unidentifiable) {
    // No repeat buyer.
    EXPECT_THROW(cm::pnbd_fit({0, 0, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0}, {5, 6, 7, 8, 9, 10}), cm::domain_error);
    // Too few customers.
    EXPECT_THROW(cm::pnbd_fit({1, 2, 0}, {1, 2, 0}, {5, 6, 7}), cm::domain_error);
    // Nobody observed for any time.
    EXPECT_THROW(cm::pnbd_fit({0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}), cm::domain_error);
    // Everybody bought every period up to the end: no sign of dropout (s/β -> 0) and no
    // heterogeneity: the optimum is at the edge, an error, not numbers.
    std::vector<double> x(50, 10), t_x(50, 10), T(50, 10);
    EXPECT_THROW(cm::pnbd_fit(x, t_x, T), cm::domain_error);
    EXPECT_THROW(cm::pnbd_fit({1, 2}, {1}, {1, 2}), cm::domain_error);
    EXPECT_THROW(cm::pnbd_fit({1, 2, 1, 1, 1}, {1, 3, 1, 1, 1}, {2, 2, 2, 2, 2}), cm::domain_error);
}

// Thirteen customers (found by fitting random small data sets) where s and beta climb together
// to about 10^6 and every search stops there with its gradient of the mean log-likelihood near
// 10^-4, yet the likelihood is lower one step further out: not a ridge to the edge but a
// search that did not reach its optimum. Calc shows Err:523, not parameters. The test sheet's
// case (tests/integration/test_models.py) is the same data.
TEST(PnbdFit, ASearchThatDoesNotConvergeSaysSo) {
    const std::vector<double> x{46, 0, 1, 2, 38, 1, 1, 41, 0, 49, 38, 3, 11};
    const std::vector<double> t_x{1.06657, 0, 0.581431, 0.226391, 0.575962, 0.31071, 0.199525,
                                  0.589253, 0, 2.01523, 1.37551, 0.224021, 0.0940947};
    const std::vector<double> T{1.17031, 0.386137, 1.38876, 0.838671, 1.79004, 0.479641, 1.04816,
                                2.08022, 0.776048, 2.31019, 1.88727, 1.16737, 0.407265};
    EXPECT_THROW(cm::pnbd_fit(x, t_x, T), cm::no_convergence);
}

// Simulates the Pareto/NBD story for `customers` customers observed for T uniform in
// 13..52 periods (seeded) and returns their (x, t_x, T).
struct Simulated {
    std::vector<double> x, t_x, T;
};
Simulated simulate(const cm::PnbdParams& p, std::size_t customers, unsigned seed) {
    std::mt19937_64 random(seed);
    std::gamma_distribution<double> rate(p.r, 1 / p.alpha), death_rate(p.s, 1 / p.beta);
    std::uniform_real_distribution<double> uniform(0, 1);
    std::uniform_int_distribution<int> weeks(13, 52);
    Simulated s;
    for (std::size_t i = 0; i < customers; ++i) {
        const double lambda = rate(random), mu = death_rate(random);
        const double T = weeks(random), death = -std::log1p(-uniform(random)) / mu;
        const double end = std::min(T, death);
        double now = 0, last = 0, x = 0;
        for (;;) {
            now += -std::log1p(-uniform(random)) / lambda;
            if (now > end)
                break;
            ++x;
            last = now;
        }
        s.x.push_back(x);
        s.t_x.push_back(last);
        s.T.push_back(T);
    }
    return s;
}

TEST(PnbdFit, RecoversSimulatedParameters) {
    // 5·10^4 customers, seed 7: both regimes (alpha < beta, alpha > beta) and the CDNOW shape.
    // r and alpha come back within 10 %; s and beta, less well identified from 13..52 periods
    // (the walkthrough's flat beta), within 25 %.
    for (const cm::PnbdParams& truth : {cm::PnbdParams{0.55, 10.6, 0.6, 11.7}, cm::PnbdParams{1.5, 5, 0.8, 40},
                                        cm::PnbdParams{1.2, 12, 0.7, 5}}) {
        const Simulated s = simulate(truth, 50000, 7);
        const auto fit = cm::pnbd_fit(s.x, s.t_x, s.T);
        EXPECT_NEAR(fit.params.r, truth.r, 0.1 * truth.r);
        EXPECT_NEAR(fit.params.alpha, truth.alpha, 0.1 * truth.alpha);
        EXPECT_NEAR(fit.params.s, truth.s, 0.25 * truth.s);
        EXPECT_NEAR(fit.params.beta, truth.beta, 0.25 * truth.beta);
        std::printf("truth %g %g %g %g -> %.4g %.4g %.4g %.4g (%d evaluations)\n", truth.r, truth.alpha, truth.s,
                    truth.beta, fit.params.r, fit.params.alpha, fit.params.s, fit.params.beta, fit.evaluations);
    }
}

}  // namespace

namespace {

TEST(PnbdFit, ItsLikelihoodIsTheSumOfThePerCustomerFunction) {
    // The fit sums its likelihood from coefficients shared by the customers with the same x,
    // on two threads once there are 2 000 histories or more; pnbd_log_likelihood sums each
    // customer's series on its own. 20 000 simulated customers in the regime alpha < beta, and
    // three heavy buyers, whose shared coefficients (e)_n/n! overflow (e = r + x in the
    // thousands) where the customer's own running product does not: the fit falls back to it.
    Simulated s = simulate({1.5, 5, 0.8, 40}, 20000, 11);
    for (double x : {1500.0, 2500.0, 3000.0}) {
        s.x.push_back(x);
        s.t_x.push_back(40);
        s.T.push_back(52);
    }
    const auto fit = cm::pnbd_fit(s.x, s.t_x, s.T);
    ASSERT_LT(fit.params.alpha, fit.params.beta);
    double total = 0;
    for (std::size_t i = 0; i < s.x.size(); ++i)
        total += cm::pnbd_log_likelihood(fit.params, s.x[i], s.t_x[i], s.T[i]);
    EXPECT_NEAR(fit.log_likelihood, total, 1e-9 * std::abs(total));
    std::printf("%.6g %.6g %.6g %.6g LL %.6f, per customer %.6f\n", fit.params.r, fit.params.alpha, fit.params.s,
                fit.params.beta, fit.log_likelihood, total);
}

}  // namespace
