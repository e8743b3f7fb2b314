#include "cm/gamma_gamma.hpp"

#include "checks.hpp"
#include "information.hpp"
#include "optimise.hpp"
#include "special.hpp"

#include <array>
#include <cmath>

namespace cm {
namespace {

void check(const GgParams& params) {
    const double values[] = {params.p, params.q, params.v};
    for (double value : values) {
        detail::require_finite(value, "a Gamma-Gamma parameter");
        if (value <= 0)
            throw domain_error("the Gamma-Gamma parameters p, q, v must be positive");
    }
}

void check_frequency(double x) {
    detail::require_finite(x, "frequency");
    if (x < 0 || x != std::floor(x))
        throw domain_error("the frequency (repeat purchases) must be a non-negative whole number");
}

// −(mean log-likelihood per repeat buyer) at θ = ln(p, q, γ) and its gradient in θ.
struct NegativeLogLikelihood {
    const std::vector<double>& x;
    const std::vector<double>& m;
    std::vector<double> log_m;

    double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        const double p = std::exp(theta[0]), q = std::exp(theta[1]), v = std::exp(theta[2]), log_v = theta[2];
        const double lg_q = detail::log_gamma(q), dg_q = detail::digamma(q);
        double value = 0, d_p = 0, d_q = 0, d_v = 0;
        for (std::size_t i = 0; i < x.size(); ++i) {
            const double px = p * x[i], total = v + x[i] * m[i], log_total = std::log(total);
            const double dg_pxq = detail::digamma(px + q), log_x = std::log(x[i]);
            value += detail::log_gamma(px + q) - detail::log_gamma(px) - lg_q + q * log_v + px * log_x +
                     (px - 1) * log_m[i] - (px + q) * log_total;
            d_p += x[i] * (dg_pxq - detail::digamma(px) + log_x + log_m[i] - log_total);
            d_q += dg_pxq - dg_q + log_v - log_total;
            d_v += q / v - (px + q) / total;
        }
        const double scale = -1 / static_cast<double>(x.size());
        gradient.resize(3);
        gradient << scale * d_p * p, scale * d_q * q, scale * d_v * v;
        return scale * value;
    }
};

}  // namespace

double gg_log_likelihood(const GgParams& params, double x, double average_value) {
    check(params);
    check_frequency(x);
    detail::require_finite(average_value, "average value");
    if (x == 0 || average_value <= 0)
        throw domain_error("the Gamma-Gamma likelihood needs x >= 1 and an average value above 0");
    const auto& [p, q, v] = params;
    const double px = p * x;
    return detail::finite_result(detail::log_gamma(px + q) - detail::log_gamma(px) - detail::log_gamma(q) +
                                 q * std::log(v) + px * std::log(x) + (px - 1) * std::log(average_value) -
                                 (px + q) * std::log(v + x * average_value));
}

GgFit gg_fit(const std::vector<double>& x, const std::vector<double>& average_value) {
    if (x.size() != average_value.size())
        throw domain_error("frequencies and average values differ in length");
    std::vector<double> buyers_x, buyers_m;
    for (std::size_t i = 0; i < x.size(); ++i) {
        check_frequency(x[i]);
        if (x[i] == 0)
            continue;
        detail::require_finite(average_value[i], "average value");
        if (average_value[i] <= 0)
            throw domain_error("the average value of a repeat buyer must be above 0");
        buyers_x.push_back(x[i]);
        buyers_m.push_back(average_value[i]);
    }
    if (buyers_x.size() < 3)
        throw domain_error("the Gamma-Gamma fit needs at least 3 customers with repeat purchases");
    double mean = 0;
    bool varies = false;
    for (double m : buyers_m) {
        mean += m / static_cast<double>(buyers_m.size());
        varies = varies || m != buyers_m.front();
    }
    if (!varies)
        throw domain_error("every average value is the same: the Gamma-Gamma model cannot be fitted");

    NegativeLogLikelihood objective{buyers_x, buyers_m, {}};
    for (double m : buyers_m)
        objective.log_m.push_back(std::log(m));
    std::vector<Eigen::VectorXd> starts;
    for (const auto& s : {std::array<double, 3>{1, 2, mean}, std::array<double, 3>{5, 4, 0.6 * mean},
                          std::array<double, 3>{1, 1, 1}}) {
        Eigen::VectorXd theta(3);
        theta << std::log(s[0]), std::log(s[1]), std::log(s[2]);
        starts.push_back(theta);
    }
    const detail::Optimum best = detail::minimise(
        objective, starts, "the Gamma-Gamma fit has its maximum at the edge of the parameter space: the data cannot identify the model");
    GgFit fit;
    fit.params = {std::exp(best.theta[0]), std::exp(best.theta[1]), std::exp(best.theta[2])};
    fit.log_likelihood = -best.value * static_cast<double>(buyers_x.size());
    fit.evaluations = best.evaluations;
    fit.covariance = detail::covariance_at_optimum(objective, best.theta, static_cast<double>(buyers_x.size()));
    fit.customers = static_cast<double>(buyers_x.size());
    return fit;
}

double gg_spend(const GgParams& params, double x, double average_value) {
    check(params);
    check_frequency(x);
    const double m = x == 0 ? 0.0 : average_value;
    detail::require_non_negative(m, "average value");
    const double denominator = params.p * x + params.q - 1;
    if (denominator <= 0)
        throw overflow("the expected spend is infinite for these parameters (p x + q <= 1)");
    return detail::finite_result(params.p * (params.v + x * m) / denominator);
}

}  // namespace cm
