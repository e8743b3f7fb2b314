// Tests for cm/sbg.hpp: the shifted-beta-geometric model.
// Sources of the expected numbers:
// - [FH2007] Fader & Hardie (2007), "How to project customer retention", Journal of Interactive
//   Marketing 21(1): the data (data/fader_hardie_2007.csv) and the published fits on years 1..7.
// - [SciPy] SciPy 1.10 (Debian 12 python3-scipy): scipy.special.hyp2f1, and the sBG written
//   independently with scipy.special.betaln (LL = sum lost_t ln B(a+1, b+t-1)/B(a, b) +
//   survivors ln B(a, b+T)/B(a, b)) maximised with scipy.optimize.minimize(Nelder-Mead,
//   xatol = fatol = 1e-12) on ln a, ln b; DERL as (b+n-1)/(a+b+n-1) * hyp2f1(1, b+n; a+b+n;
//   1/(1+d)). The script: tests/reference/sbg_reference.py.
#include <cm/sbg.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace {

using cm::SbgCohort;
using cm::SbgParams;

struct Cohorts {
    SbgCohort regular, high_end;  // percent alive at the start of years 0..12
};

Cohorts read_fader_hardie_2007() {
    std::ifstream file(CM_DATA_DIR "/fader_hardie_2007.csv");
    EXPECT_TRUE(file.good()) << "cannot read " CM_DATA_DIR "/fader_hardie_2007.csv";
    Cohorts cohorts;
    std::string line;
    std::getline(file, line);  // header
    while (std::getline(file, line)) {
        std::istringstream fields(line);
        std::string year, regular, high_end;
        std::getline(fields, year, ',');
        std::getline(fields, regular, ',');
        std::getline(fields, high_end, ',');
        cohorts.regular.push_back(std::stod(regular));
        cohorts.high_end.push_back(std::stod(high_end));
    }
    EXPECT_EQ(cohorts.regular.size(), 13u);
    return cohorts;
}

// Years 0..last, scaled (10 = counts of the paper's 1 000 customers, 1 = percentages).
SbgCohort years(const SbgCohort& percent, std::size_t last, double scale) {
    SbgCohort out(percent.begin(), percent.begin() + static_cast<long>(last) + 1);
    for (double& value : out)
        value *= scale;
    return out;
}

TEST(SbgFit, PublishedFitsOnYears1To7) {
    const Cohorts data = read_fader_hardie_2007();
    // [FH2007]: regular 0.704, 1.182; high end 0.668, 3.806 (printed to 3 decimals).
    const cm::SbgFit regular = cm::sbg_fit({years(data.regular, 7, 10)});
    EXPECT_NEAR(regular.alpha, 0.704, 0.0005);
    EXPECT_NEAR(regular.beta, 1.182, 0.0005);
    const cm::SbgFit high_end = cm::sbg_fit({years(data.high_end, 7, 10)});
    EXPECT_NEAR(high_end.alpha, 0.668, 0.0005);
    EXPECT_NEAR(high_end.beta, 3.806, 0.0005);
    // [SciPy] maximum of the betaln likelihood on the counts: regular a 0.7040773, b 1.1820431,
    // LL -1680.26519; high end a 0.6680884, b 3.8060955, LL -1611.15815.
    EXPECT_NEAR(regular.alpha, 0.7040773, 2e-6);
    EXPECT_NEAR(regular.beta, 1.1820431, 2e-6);
    EXPECT_NEAR(regular.log_likelihood, -1680.2651884632862, 1e-6);
    EXPECT_NEAR(high_end.alpha, 0.6680884, 2e-6);
    EXPECT_NEAR(high_end.beta, 3.8060955, 4e-6);
    EXPECT_NEAR(high_end.log_likelihood, -1611.1581473911551, 1e-6);
}

TEST(SbgFit, PercentagesGiveTheSameParametersAndATenthOfTheLogLikelihood) {
    const Cohorts data = read_fader_hardie_2007();
    const cm::SbgFit counts = cm::sbg_fit({years(data.regular, 7, 10)});
    const cm::SbgFit percent = cm::sbg_fit({years(data.regular, 7, 1)});
    EXPECT_NEAR(percent.alpha, counts.alpha, 1e-6);
    EXPECT_NEAR(percent.beta, counts.beta, 1e-6);
    EXPECT_NEAR(percent.log_likelihood * 10, counts.log_likelihood, 1e-6);
}

TEST(SbgFit, LogLikelihoodMatchesSciPyAtThePublishedParameters) {
    const Cohorts data = read_fader_hardie_2007();
    // [SciPy] betaln likelihood of the counts at the printed parameters.
    EXPECT_NEAR(cm::sbg_log_likelihood({years(data.regular, 7, 10)}, {0.704, 1.182}), -1680.2651905533528, 1e-8);
    EXPECT_NEAR(cm::sbg_log_likelihood({years(data.high_end, 7, 10)}, {0.668, 3.806}), -1611.158150354921, 1e-8);
}

TEST(SbgFit, OneCohortInAMultiCohortTableIsTheSingleCohortFit) {
    const Cohorts data = read_fader_hardie_2007();
    std::vector<std::vector<std::optional<double>>> rows(1);
    for (std::size_t t = 0; t <= 7; ++t)
        rows[0].push_back(data.regular[t]);
    rows[0].push_back(std::nullopt);  // a trailing blank: not observed yet
    rows.push_back({std::nullopt, std::nullopt});  // an empty row is skipped
    const cm::SbgFit multi = cm::sbg_fit(cm::sbg_cohorts(rows));
    const cm::SbgFit single = cm::sbg_fit({years(data.regular, 7, 1)});
    EXPECT_DOUBLE_EQ(multi.alpha, single.alpha);
    EXPECT_DOUBLE_EQ(multi.beta, single.beta);
    EXPECT_DOUBLE_EQ(multi.log_likelihood, single.log_likelihood);
}

TEST(SbgFit, MultiCohortMatchesSciPy) {
    // Three cohorts of the regular table observed for 7, 4 and 2 years (as cohorts acquired in
    // successive years are), blanks after their last year. [SciPy] a 0.73699311, b 1.24437589,
    // LL -4101.12056333.
    const Cohorts data = read_fader_hardie_2007();
    std::vector<std::vector<std::optional<double>>> rows(3);
    const std::size_t last[] = {7, 4, 2};
    for (std::size_t c = 0; c < 3; ++c)
        for (std::size_t t = 0; t <= 7; ++t)
            rows[c].push_back(t <= last[c] ? std::optional<double>(data.regular[t] * 10) : std::nullopt);
    const cm::SbgFit fit = cm::sbg_fit(cm::sbg_cohorts(rows));
    EXPECT_NEAR(fit.alpha, 0.73699311, 2e-6);
    EXPECT_NEAR(fit.beta, 1.24437589, 4e-6);
    EXPECT_NEAR(fit.log_likelihood, -4101.1205633340305, 1e-6);
}

TEST(SbgFit, TwoIdenticalCohortsDoubleTheLogLikelihood) {
    const Cohorts data = read_fader_hardie_2007();
    const SbgCohort cohort = years(data.high_end, 7, 10);
    const cm::SbgFit one = cm::sbg_fit({cohort});
    const cm::SbgFit two = cm::sbg_fit({cohort, cohort});
    EXPECT_NEAR(two.alpha, one.alpha, 1e-6);
    EXPECT_NEAR(two.beta, one.beta, 1e-6);
    EXPECT_NEAR(two.log_likelihood, 2 * one.log_likelihood, 1e-6);
}

TEST(SbgProjection, YearsEightToTwelveFromTheFitOnOneToSeven) {
    // Out of sample as in [FH2007]: the projection of the fit on years 1..7 stays within 1.7
    // points of the actual percentages of years 8..12 (largest gap: high end, year 12, 37.80
    // projected against 39.4 actual; the table is in docs/FUNCTIONS.md).
    const Cohorts data = read_fader_hardie_2007();
    for (const SbgCohort* cohort : {&data.regular, &data.high_end}) {
        const cm::SbgFit fit = cm::sbg_fit({years(*cohort, 7, 10)});
        for (int t = 8; t <= 12; ++t) {
            const double projected = 100 * cm::sbg_survival({fit.alpha, fit.beta}, t);
            EXPECT_NEAR(projected, (*cohort)[static_cast<std::size_t>(t)], 1.7) << "year " << t;
        }
    }
}

TEST(SbgSurvival, MatchesSciPyBetaFunctions) {
    // [SciPy] exp(betaln(a, b + t) - betaln(a, b)).
    const SbgParams regular{0.704, 1.182}, high_end{0.668, 3.806};
    EXPECT_NEAR(cm::sbg_survival(regular, 1), 0.6267232237539767, 1e-14);
    EXPECT_NEAR(cm::sbg_survival(regular, 7), 0.23905064169324422, 1e-14);
    EXPECT_NEAR(cm::sbg_survival(regular, 12), 0.17006257680605036, 1e-14);
    EXPECT_NEAR(cm::sbg_survival(regular, 100), 0.040226799145214716, 1e-14);
    EXPECT_NEAR(cm::sbg_survival(high_end, 1), 0.8506928922664281, 1e-14);
    EXPECT_NEAR(cm::sbg_survival(high_end, 7), 0.4889446208937267, 1e-14);
    EXPECT_NEAR(cm::sbg_survival(high_end, 12), 0.3780404201820915, 1e-14);
    EXPECT_NEAR(cm::sbg_survival(high_end, 100), 0.10689141008114601, 1e-14);
}

TEST(SbgSurvival, IdentitiesWithRetention) {
    // S(0) = 1, r(1) = beta/(alpha + beta), S(t) = S(t-1) r(t) [FH2007]; both sides of the
    // Boost (t > 1000) and the product (t <= 1000) paths agree.
    for (const SbgParams p : {SbgParams{0.704, 1.182}, SbgParams{0.668, 3.806}, SbgParams{25, 0.3}, SbgParams{0.01, 200},
                              SbgParams{1e6, 1e7}, SbgParams{5e3, 1e5}}) {
        EXPECT_EQ(cm::sbg_survival(p, 0), 1.0);
        EXPECT_NEAR(cm::sbg_retention(p, 1), p.beta / (p.alpha + p.beta), 1e-15);
        for (double t : {1.0, 2.0, 5.0, 30.0, 1000.0, 1001.0, 5000.0}) {
            const double ratio = cm::sbg_survival(p, t) / cm::sbg_survival(p, t - 1);
            // 1e-10: ln S of alpha 1e6, beta 1e7, t 5000 is a difference of two ~8e4 log-gamma shifts
            EXPECT_NEAR(ratio, cm::sbg_retention(p, t), 1e-10 * cm::sbg_retention(p, t)) << t;
        }
    }
    // Retention rises with tenure towards 1 (the sorting effect of heterogeneity).
    EXPECT_LT(cm::sbg_retention({0.704, 1.182}, 2), cm::sbg_retention({0.704, 1.182}, 3));
}

TEST(SbgSurvival, ExtremesAreFiniteOrCleanErrors) {
    for (const SbgParams p : {SbgParams{1e-300, 1e-300}, SbgParams{1e300, 1e300}, SbgParams{1e300, 1e-300},
                              SbgParams{1e-300, 1e300}, SbgParams{0.7, 1.2}}) {
        for (double t : {0.0, 1.0, 2.0, 999.0, 1e6, 1e15, 1e300}) {
            const double s = cm::sbg_survival(p, t);
            EXPECT_TRUE(s >= 0 && s <= 1) << p.alpha << " " << p.beta << " " << t;
            const double r = cm::sbg_retention(p, std::max(t, 1.0));
            EXPECT_TRUE(r >= 0 && r <= 1);
        }
    }
    // huge t: S(t) ~ t^-alpha Gamma(a+b)/Gamma(b); alpha 0.7, beta 1.2, t 1e15 [SciPy betaln:
    // exp(betaln(0.7, 1.2 + 1e15) - betaln(0.7, 1.2)) = 3.3124e-11 to 5 digits]
    EXPECT_NEAR(cm::sbg_survival({0.7, 1.2}, 1e15) / 3.3124e-11, 1, 1e-3);
    // beyond t = 1000, every branch of the gamma-function ratios: shifts by t with Stirling
    // differences, shifts by alpha through Boost. Reference: ln S(t) as the exact sum of
    // -log1p(alpha/(beta + k)), k < t, with math.fsum (tests/reference/sbg_reference.py; SciPy's
    // betaln is only good to ~1e-8 here).
    EXPECT_NEAR(cm::sbg_survival({1e6, 1e7}, 2000) / 1.6692484999956042e-83, 1, 1e-10);
    EXPECT_NEAR(cm::sbg_survival({5e3, 1e5}, 3000) / 2.2113271625707343e-63, 1, 1e-10);
    EXPECT_NEAR(cm::sbg_survival({0.7, 1.2}, 5000) / 0.0026965222141657626, 1, 1e-12);
    // found by fuzz_sbg: alpha 1.8e29 gave S = 1 (two log-gammas of 1e31 cancelled); it is 0
    EXPECT_EQ(cm::sbg_survival({1.783407369095501e29, 1.91}, 45292), 0.0);
    // alpha and t near 1e306: Boost's lgamma overflowed with its default, throwing policy and
    // SBG_SURVIVAL({1E306;1};1E306) showed #VALUE!; S is below e^-750 there, 0 in double
    EXPECT_EQ(cm::sbg_survival({1e306, 1}, 1e306), 0.0);
    for (const double alpha : {1.0, 1e5, 1e306, 1.7e308})
        for (const double beta : {1e-300, 1.0, 1e306, 1.7e308})
            for (const double t : {1001.0, 1e6, 1e306, 1.7e308}) {
                try {
                    const double s = cm::sbg_survival({alpha, beta}, t);
                    EXPECT_TRUE(s >= 0 && s <= 1) << alpha << " " << beta << " " << t;
                } catch (const cm::overflow&) {  // #NUM!: a clean refusal
                }
            }
    // found by fuzz_sbg: alpha 1.3e301, beta 1.3e304, t 45 292, two Stirling shifts of 1e7 whose
    // difference is ln S = -44.3; S(t)/S(t-1) must be the retention of period t
    {
        const SbgParams p{1.2807876320273352e+301, 1.3072405007672461e+304};
        EXPECT_NEAR(cm::sbg_survival(p, 45292) / cm::sbg_survival(p, 45291) / cm::sbg_retention(p, 45292), 1, 1e-11);
    }
    EXPECT_THROW(cm::sbg_survival({0, 1}, 1), cm::domain_error);
    EXPECT_THROW(cm::sbg_survival({1, -1}, 1), cm::domain_error);
    EXPECT_THROW(cm::sbg_survival({1, 1}, -1), cm::domain_error);
    EXPECT_THROW(cm::sbg_survival({1, 1}, 1.5), cm::domain_error);
    EXPECT_THROW(cm::sbg_survival({std::nan(""), 1}, 1), cm::domain_error);
    EXPECT_THROW(cm::sbg_retention({1, 1}, 0), cm::domain_error);
    EXPECT_THROW(cm::sbg_retention({1, std::numeric_limits<double>::infinity()}, 1), cm::domain_error);
}

TEST(Hyp2F1, MatchesSciPy) {
    // [SciPy] scipy.special.hyp2f1(1, b, c, z).
    struct Case { double b, c, z, expected; };
    const Case cases[] = {
        {1.182, 1.886, 0.9, 3.532025951586331},
        {4.806, 5.474, 1 / 1.1, 6.36523015250274},
        {2.5, 10.0, 0.5, 1.1496496871844157},
        {0.3, 0.35, 0.99, 69.96351656502492},
        {50.0, 51.0, 0.999, 130.2015019660411},
        {1.0, 2.0, 0.5, 1.3862943611198901},  // = -ln(1 - z)/z = 2 ln 2
    };
    for (const Case& c : cases)
        EXPECT_NEAR(cm::hyp2f1_1bcz(c.b, c.c, c.z), c.expected, 1e-12 * c.expected) << c.b << " " << c.c << " " << c.z;
    EXPECT_EQ(cm::hyp2f1_1bcz(2, 3, 0), 1.0);
    EXPECT_THROW(cm::hyp2f1_1bcz(2, 2, 0.5), cm::domain_error);
    EXPECT_THROW(cm::hyp2f1_1bcz(2, 3, 1), cm::domain_error);
}

TEST(SbgDerl, MatchesSciPy) {
    // [SciPy] (b + n - 1)/(a + b + n - 1) * hyp2f1(1, b + n, a + b + n, 1/(1 + d)).
    EXPECT_NEAR(cm::sbg_derl({0.704, 1.182}, 0.1), 2.9646621461320284, 1e-12);
    EXPECT_NEAR(cm::sbg_derl({0.704, 1.182}, 0.1, 4), 5.894422859844158, 1e-12);
    EXPECT_NEAR(cm::sbg_derl({0.704, 1.182}, 0.05), 4.156466978212047, 1e-12);
    EXPECT_NEAR(cm::sbg_derl({0.704, 1.182}, 0.05, 4), 8.92944854952349, 1e-12);
    EXPECT_NEAR(cm::sbg_derl({0.668, 3.806}, 0.1), 5.414856048374033, 1e-12);
    EXPECT_NEAR(cm::sbg_derl({0.668, 3.806}, 0.1, 4), 6.89705739774609, 1e-12);
    EXPECT_NEAR(cm::sbg_derl({0.668, 3.806}, 0.05), 8.129095085167032, 1e-12);
    EXPECT_NEAR(cm::sbg_derl({0.668, 3.806}, 0.05, 4), 10.826136051910892, 1e-12);
}

TEST(SbgDerl, IsTheDiscountedSumOfSurvivalBeyondTheNextRenewal) {
    // The definition behind [Fader & Hardie 2010, eq. 6]: DERL = sum_{k>=0} S(n+k)/S(n-1) / (1+d)^k
    // with n - 1 = renewals; the k = 0 term (the next renewal) is not discounted.
    const SbgParams p{0.704, 1.182};
    for (double renewals : {0.0, 3.0}) {
        double sum = 0;
        for (int k = 0; k < 2000; ++k)
            sum += cm::sbg_survival(p, renewals + 1 + k) / cm::sbg_survival(p, renewals) / std::pow(1.1, k);
        EXPECT_NEAR(cm::sbg_derl(p, 0.1, renewals), sum, 1e-10);
    }
}

TEST(SbgDerl, ConstantRetentionLimitIsGeometric) {
    // alpha, beta -> inf with beta/(alpha + beta) = r: every customer renews with probability r,
    // so DERL -> sum_k r^(k+1)/(1+d)^k = r (1 + d)/(1 + d - r) (geometric series). Then
    // margin * DERL = (1 + d) * LTV_SUBSCRIPTION(margin, 1, r, r, d).
    for (double r : {0.5, 0.8, 0.95}) {
        for (double d : {0.01, 0.1, 1.0}) {
            const double size = 1e9;
            const double expected = r * (1 + d) / (1 + d - r);
            EXPECT_NEAR(cm::sbg_derl({(1 - r) * size, r * size}, d), expected, 1e-6 * expected) << r << " " << d;
        }
    }
}

TEST(SbgDerl, DiscountZeroIsGaussSumAndTheLimitOfSmallDiscounts) {
    // d = 0, alpha > 1: 2F1(1, b; c; 1) = (c - 1)/(c - b - 1), DERL = (beta + renewals)/(alpha - 1).
    EXPECT_NEAR(cm::sbg_derl({3, 4}, 0), 2.0, 1e-15);
    EXPECT_NEAR(cm::sbg_derl({3, 4}, 0, 2), 3.0, 1e-15);
    EXPECT_NEAR(cm::sbg_derl({3, 4}, 1e-5), 2.0, 2e-3);  // continuous at d -> 0
    EXPECT_THROW(cm::sbg_derl({0.7, 1.2}, 0), cm::overflow);  // alpha <= 1: infinite lifetime
}

TEST(SbgDerl, ExtremesAreFiniteOrCleanErrors) {
    for (const SbgParams p : {SbgParams{1e-300, 1e-300}, SbgParams{1e300, 1e300}, SbgParams{1e300, 1e-300},
                              SbgParams{1e-300, 1e300}, SbgParams{0.7, 1.2}, SbgParams{1e-6, 1e6}}) {
        for (double d : {1e-4, 0.1, 1e6, 1e300}) {
            for (double renewals : {0.0, 10.0, 1e12}) {
                try {
                    const double derl = cm::sbg_derl(p, d, renewals);
                    EXPECT_TRUE(std::isfinite(derl) && derl >= 0);
                    EXPECT_LE(derl, (1 + d) / d * (1 + 1e-12));  // never above sum (1+d)^-k
                } catch (const cm::overflow&) {
                    ADD_FAILURE() << "overflow at " << p.alpha << " " << p.beta << " " << d << " " << renewals;
                }
            }
        }
    }
    // a discount so small that the series would need more than 10^7 terms: overflow (#NUM!)
    EXPECT_THROW(cm::sbg_derl({0.7, 1.2}, 1e-7), cm::overflow);
    EXPECT_THROW(cm::sbg_derl({1e-6, 1e6}, 1e-7, 1e12), cm::overflow);
    // a huge discount leaves only the next renewal: DERL -> r(n)
    EXPECT_NEAR(cm::sbg_derl({0.704, 1.182}, 1e12), 1.182 / 1.886, 1e-9);
    EXPECT_THROW(cm::sbg_derl({1, 1}, -0.1), cm::domain_error);
    EXPECT_THROW(cm::sbg_derl({1, 1}, 0.1, -1), cm::domain_error);
    EXPECT_THROW(cm::sbg_derl({1, 1}, 0.1, 0.5), cm::domain_error);
    EXPECT_THROW(cm::sbg_derl({1, 1}, std::numeric_limits<double>::infinity()), cm::domain_error);
}

// Cohorts simulated from known parameters: theta ~ Beta(alpha, beta) (as X/(X+Y) of gammas),
// lifetime geometric in theta; alive[t] = customers whose lifetime exceeds t periods.
SbgCohort simulate(double alpha, double beta, int customers, int periods, std::mt19937_64& rng) {
    std::gamma_distribution<double> x(alpha, 1.0), y(beta, 1.0);
    SbgCohort alive(static_cast<std::size_t>(periods) + 1, 0.0);
    for (int i = 0; i < customers; ++i) {
        const double gx = x(rng), gy = y(rng);
        const double theta = gx / (gx + gy);
        int t = 0;  // renewals made
        std::uniform_real_distribution<double> u(0, 1);
        alive[0] += 1;
        while (t < periods && u(rng) >= theta)
            alive[static_cast<std::size_t>(++t)] += 1;
    }
    return alive;
}

TEST(SbgFit, RecoversSimulatedParameters) {
    std::mt19937_64 rng(20261125);
    struct Case { double alpha, beta; int customers; double tolerance; };
    const Case cases[] = {
        {0.704, 1.182, 10'000, 0.15}, {0.668, 3.806, 100'000, 0.08},
        {2.0, 8.0, 100'000, 0.08}, {0.3, 0.5, 1'000'000, 0.03},
    };
    for (const Case& c : cases) {
        const cm::SbgFit fit = cm::sbg_fit({simulate(c.alpha, c.beta, c.customers, 12, rng)});
        EXPECT_NEAR(fit.alpha / c.alpha, 1, c.tolerance) << c.alpha << " " << c.beta << " N " << c.customers;
        EXPECT_NEAR(fit.beta / c.beta, 1, c.tolerance) << c.alpha << " " << c.beta << " N " << c.customers;
    }
}

TEST(SbgFit, UnidentifiableDataAreErrors) {
    using Rows = std::vector<SbgCohort>;
    // fewer than two observed retention rates
    EXPECT_THROW(cm::sbg_fit(Rows{{100, 60}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{100, 60}, {100, 50}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{100}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{}), cm::domain_error);
    // nobody lost; everybody lost in period 1; nobody lost after period 1
    EXPECT_THROW(cm::sbg_fit(Rows{{100, 100, 100}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{100, 0, 0}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{100, 60, 60, 60}}), cm::domain_error);
    // constant retention (exactly geometric) and falling retention: no heterogeneity
    EXPECT_THROW(cm::sbg_fit(Rows{{1000, 900, 810, 729, 656.1}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{1000, 900, 700, 400, 100}}), cm::domain_error);
    // everybody lost eventually: the sBG puts no mass on certain churn, the fit runs to beta -> 0
    EXPECT_THROW(cm::sbg_fit(Rows{{100, 50, 0}}), cm::domain_error);
    // found by fuzz_sbg: 1e87 customers, 1 199 left after period 1, none after period 2; the
    // gradient test alone accepted a point that was not the maximum (1e87 next to 1 199: the
    // gradient per customer is tiny anywhere). The search stopped inside the parameter space
    // and a point 1 % away is better: it did not converge (Err:523), not parameters.
    EXPECT_THROW(cm::sbg_fit(Rows{{1.4919697092293599e87, 1198.97, 0}}), cm::no_convergence);
    // not a survival column
    EXPECT_THROW(cm::sbg_fit(Rows{{100, 60, 70}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{0, 0, 0}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{100, -1, -2}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_fit(Rows{{100, std::nan(""), 20}}), cm::domain_error);
    // two exact retention rates that rise: identified (beta/(a+b) = 0.6, (b+1)/(a+b+1) = 0.75,
    // so a + b = 5/3, a = 2/3, b = 1)
    const cm::SbgFit exact = cm::sbg_fit(Rows{{1000, 600, 450}});
    EXPECT_NEAR(exact.alpha, 2.0 / 3, 1e-5);
    EXPECT_NEAR(exact.beta, 1.0, 1e-5);
}

TEST(SbgCohorts, BlanksOnlyAfterTheLastObservedPeriod) {
    using Row = std::vector<std::optional<double>>;
    const auto cohorts = cm::sbg_cohorts({Row{100, 50, 40}, Row{80, 30, std::nullopt}, Row{std::nullopt}});
    ASSERT_EQ(cohorts.size(), 2u);
    EXPECT_EQ(cohorts[1], (SbgCohort{80, 30}));
    EXPECT_THROW(cm::sbg_cohorts({Row{std::nullopt, 50, 40}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_cohorts({Row{100, std::nullopt, 40}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_cohorts({Row{std::nullopt}}), cm::domain_error);
    EXPECT_THROW(cm::sbg_cohorts({Row{100, 120}}), cm::domain_error);
    // at most 10 000 periods (a fit stays well under a second): a million-row column is refused
    Row long_row(cm::max_sbg_periods + 2, 1.0);
    EXPECT_THROW(cm::sbg_cohorts({long_row}), cm::domain_error);
    long_row.pop_back();
    EXPECT_EQ(cm::sbg_cohorts({long_row})[0].size(), cm::max_sbg_periods + 1);
}

}  // namespace
