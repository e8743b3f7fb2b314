// Tests for cm/gamma_gamma.hpp. Published fit: P. S. Fader and B. G. S. Hardie, "The
// Gamma-Gamma model of monetary value" (2013 note): p 6.25, q 3.74, γ 15.44 on the 946
// CDNOW sample customers with repeat purchases in the calibration period. E(M) reference
// values from tests/reference/bgnbd_reference.py (eq. as printed, SciPy-free arithmetic).
#include "cdnow.hpp"

#include <cm/gamma_gamma.hpp>
#include <cm/rfm.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <vector>

namespace {

double round_to(double value, double unit) { return std::round(value / unit) * unit; }

TEST(GgFit, CdnowSamplePublishedFit) {
    const auto log = cdnow::read(true);
    const auto s = cm::rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), cdnow::calibration_end);
    const auto fit = cm::gg_fit(s.x, s.average_value);
    EXPECT_DOUBLE_EQ(round_to(fit.params.p, 0.01), 6.25);
    EXPECT_DOUBLE_EQ(round_to(fit.params.q, 0.01), 3.74);
    EXPECT_DOUBLE_EQ(round_to(fit.params.v, 0.01), 15.44);
    double sum = 0;
    for (std::size_t i = 0; i < s.x.size(); ++i)
        if (s.x[i] > 0)
            sum += cm::gg_log_likelihood(fit.params, s.x[i], s.average_value[i]);
    EXPECT_NEAR(sum, fit.log_likelihood, 1e-6);
}

TEST(GgSpend, AgainstReference) {
    const cm::GgParams published{6.25, 3.74, 15.44};
    EXPECT_NEAR(cm::gg_spend(published, 1, 20), 24.6384872080089, 1e-12);
    EXPECT_NEAR(cm::gg_spend(published, 5, 35.5), 35.4773462783171, 1e-12);
    EXPECT_NEAR(cm::gg_spend(published, 0, 0), 35.2189781021898, 1e-12);  // p γ / (q − 1)
    EXPECT_NEAR(cm::gg_spend(published, 0, 123), 35.2189781021898, 1e-12);  // m not read when x = 0
    EXPECT_THROW(cm::gg_spend({1, 0.5, 10}, 0, 0), cm::overflow);           // q <= 1: no mean
    EXPECT_THROW(cm::gg_spend({1, 1, 10}, 1, -5), cm::domain_error);
    EXPECT_THROW(cm::gg_spend({0, 1, 10}, 1, 5), cm::domain_error);
    EXPECT_THROW(cm::gg_spend(published, 1.5, 5), cm::domain_error);
    EXPECT_TRUE(std::isfinite(cm::gg_spend({1e8, 1e-8, 1e8}, 300, 1e6)));
}

TEST(GgFit, Errors) {
    EXPECT_THROW(cm::gg_fit({1, 2}, {10, 20}), cm::domain_error);              // 2 buyers
    EXPECT_THROW(cm::gg_fit({0, 0, 0, 0}, {1, 2, 3, 4}), cm::domain_error);    // none
    EXPECT_THROW(cm::gg_fit({1, 2, 3, 4}, {10, 10, 10, 10}), cm::domain_error);  // no spread
    EXPECT_THROW(cm::gg_fit({1, 2, 3}, {10, 0, 30}), cm::domain_error);
    EXPECT_THROW(cm::gg_fit({1, 2, 3}, {10, 20}), cm::domain_error);
    // Seven buyers: the likelihood keeps rising towards q, γ -> ∞ (the spread between
    // customers is no larger than within them): not identifiable.
    EXPECT_THROW(cm::gg_fit({1, 2, 3, 1, 2, 4, 1}, {10, 22, 31, 14, 19, 25, 40}), cm::domain_error);
}

TEST(GgFit, SkipsCustomersWithoutRepeatPurchases) {
    const auto log = cdnow::read(true);
    const auto s = cm::rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), cdnow::calibration_end);
    std::vector<double> x, m;
    for (std::size_t i = 0; i < s.x.size(); ++i)
        if (s.x[i] > 0) {
            x.push_back(s.x[i]);
            m.push_back(s.average_value[i]);
        }
    const auto buyers_only = cm::gg_fit(x, m);
    x.insert(x.begin(), {0, 0});
    m.insert(m.begin(), {-7, 1e300});  // not read
    const auto with_zeros = cm::gg_fit(x, m);
    EXPECT_EQ(with_zeros.params.p, buyers_only.params.p);
    EXPECT_EQ(with_zeros.log_likelihood, buyers_only.log_likelihood);
}

TEST(GgFit, RecoversSimulatedParameters) {
    // 10^5 repeat buyers with 1..10 repeat orders each, values drawn from the model.
    const cm::GgParams truth{6.25, 3.74, 15.44};
    std::mt19937_64 random(11);
    std::gamma_distribution<double> nu_distribution(truth.q, 1 / truth.v);
    std::uniform_int_distribution<int> orders(1, 10);
    std::vector<double> x, m;
    for (int i = 0; i < 100000; ++i) {
        const double nu = nu_distribution(random);
        const int n = orders(random);
        std::gamma_distribution<double> value(truth.p, 1 / nu);
        double total = 0;
        for (int k = 0; k < n; ++k)
            total += value(random);
        x.push_back(n);
        m.push_back(total / n);
    }
    const auto fit = cm::gg_fit(x, m);
    EXPECT_NEAR(fit.params.p, truth.p, 0.05 * truth.p);
    EXPECT_NEAR(fit.params.q, truth.q, 0.05 * truth.q);
    EXPECT_NEAR(fit.params.v, truth.v, 0.05 * truth.v);
}

}  // namespace
