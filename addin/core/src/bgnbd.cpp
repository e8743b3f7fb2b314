#include "cm/bgnbd.hpp"

#include "checks.hpp"
#include "histories.hpp"
#include "information.hpp"
#include "optimise.hpp"
#include "special.hpp"

#include <boost/math/special_functions/beta.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <string>

namespace cm {
namespace {

void check(const BgnbdParams& params) {
    const double values[] = {params.r, params.alpha, params.a, params.b};
    for (double value : values) {
        detail::require_finite(value, "a BG/NBD parameter");
        if (value <= 0)
            throw domain_error("the BG/NBD parameters r, alpha, a, b must be positive");
    }
}

using detail::check_customer;

// ln of the second term of the likelihood's bracket over the first, a/(b+x−1) ((α+T)/(α+t_x))^(r+x),
// for x > 0; the ratio's log with log1p so that T − t_x small stays exact.
double log_alive_odds(const BgnbdParams& params, double x, double t_x, double T) {
    return std::log(params.a) - std::log(params.b + (x - 1)) +
           (params.r + x) * std::log1p((T - t_x) / (params.alpha + t_x));
}

// Sum of a series whose first term and ratio of consecutive terms are given; ok is false
// when it does not converge within max_terms or a term is not finite. `largest` is the
// largest partial sum's magnitude, to judge the cancellation.
struct Series {
    double sum = 0, largest = 0;
    bool ok = false;
};

template <class Ratio>
Series sum_series(double first, Ratio ratio) {
    constexpr long max_terms = 2'000'000;
    Series series;
    double term = first;
    for (long k = 1; k <= max_terms; ++k) {
        if (!std::isfinite(term))
            return series;
        series.sum += term;
        series.largest = std::max(series.largest, std::abs(series.sum));
        const double next = term * ratio(static_cast<double>(k));
        // Converged: the terms have started to shrink and no longer move the sum.
        if (std::abs(next) <= std::abs(term) && std::abs(next) <= 1e-17 * std::abs(series.sum)) {
            series.ok = std::isfinite(series.sum);
            return series;
        }
        if (next == 0) {
            series.ok = std::isfinite(series.sum);
            return series;
        }
        term = next;
    }
    return series;
}

// E[purchases in (T, T+t] | alive at T] = (a+b+x−1)/(a−1) [1 − (1+u)^−A 2F1(A, b+x; C; u/(1+u))]
// with A = r+x, C = a+b+x−1, u = t/(α+T). Two cancellation-free forms of the bracket over (a−1):
//  Pfaff:  (1−z)^A 2F1(A, B; C; z) = 2F1(A, a−1; C; −u), so
//          C·bracket/(a−1) = Σ_{k≥1} (A)_k (a)_{k−1} / ((C+1)_{k−1} k!) (−1)^{k+1} u^k   (u < 1)
//  Euler:  (1−z)^A 2F1(A, B; C; z) = (1−z)^(a−1) 2F1(D, a−1; C; z), D = a+b−1−r, so
//          C·bracket/(a−1) = C (1 − (1−z)^(a−1))/(a−1) − (1−z)^(a−1) Σ_{k≥1} (D)_k (a)_{k−1} / ((C+1)_{k−1} k!) z^k
// ((a−1)_k/(a−1) = (a)_{k−1} and C/(C)_k = 1/(C+1)_{k−1} take out both singular factors).
// Each is used where it converges fast; a result that lost more than 6 of its 16 digits to
// cancellation is rejected (the other form is tried, then overflow).
double expected_if_alive(const BgnbdParams& params, double x, double T, double t) {
    // C + 1 = a+b+x > 0 is kept as such: computed as C + 1 it can round to 0 (a+b ~ 1e-17, x = 0).
    const double A = params.r + x, a = params.a, C1 = (params.a + params.b) + x, C = C1 - 1;
    const double u = t / (params.alpha + T);
    if (u == 0)
        return 0;
    const auto accurate = [](const Series& series, double result) {
        return series.ok && std::isfinite(result) && result >= 0 && series.largest <= 1e6 * std::abs(result);
    };
    const auto pfaff = [&](double& result) {
        if (!(u < 1))
            return false;
        const Series series = sum_series(A * u, [&](double k) { return -(A + k) * (a + k - 1) / ((C1 + (k - 1)) * (k + 1)) * u; });
        result = series.sum;
        return accurate(series, result);
    };
    const auto euler = [&](double& result) {
        const double log_1_plus_u = std::log1p(u);
        const double z = u / (1 + u);
        const double power = std::exp(-(a - 1) * log_1_plus_u);  // (1−z)^(a−1)
        const double head = a == 1 ? log_1_plus_u : -std::expm1(-(a - 1) * log_1_plus_u) / (a - 1);
        const double D = a + params.b - 1 - params.r;
        Series series = sum_series(D * z, [&](double k) { return (D + k) * (a + k - 1) / ((C1 + (k - 1)) * (k + 1)) * z; });
        result = C * head - power * series.sum;
        series.largest = std::max(std::abs(C * head), power * series.largest);
        return accurate(series, result);
    };
    double result = 0;
    if (u < 0.75 ? (pfaff(result) || euler(result)) : (euler(result) || pfaff(result)))
        return result;
    throw overflow("the expected purchases cannot be computed accurately for so long a horizon");
}

using detail::group;
using detail::Histories;

// −(mean log-likelihood per customer) at θ = ln(r, α, a, b), and its gradient in θ.
struct NegativeLogLikelihood {
    const Histories& h;
    std::vector<double> log_b_x_1;  // per distinct x: ln(b + x − 1), refreshed per call

    double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        const double r = std::exp(theta[0]), alpha = std::exp(theta[1]), a = std::exp(theta[2]), b = std::exp(theta[3]);
        const double log_alpha = theta[1], log_a = theta[2];
        // Terms that depend on x only, weighted by the customers with that x.
        double value = 0, d_r = 0, d_alpha = 0, d_a = 0, d_b = 0;
        const double lg_r = detail::log_gamma(r), dg_r = detail::digamma(r);
        const double lg_b = detail::log_gamma(b), dg_b = detail::digamma(b);
        const double lg_ab = detail::log_gamma(a + b), dg_ab = detail::digamma(a + b);
        log_b_x_1.resize(h.distinct_x.size());
        for (std::size_t j = 0; j < h.distinct_x.size(); ++j) {
            const double x = h.distinct_x[j], n = h.count_of_x[j];
            value += n * (detail::log_gamma(r + x) - lg_r + r * log_alpha + lg_ab + detail::log_gamma(b + x) - lg_b -
                          detail::log_gamma(a + b + x));
            d_r += n * (detail::digamma(r + x) - dg_r + log_alpha);
            d_alpha += n * r / alpha;
            const double dg_abx = detail::digamma(a + b + x);
            d_a += n * (dg_ab - dg_abx);
            d_b += n * (dg_ab + detail::digamma(b + x) - dg_b - dg_abx);
            log_b_x_1[j] = x > 0 ? std::log(b + (x - 1)) : 0;
        }
        // The bracket (α+T)^−A + δ a/(b+x−1) (α+t_x)^−A, per history, by log-sum-exp.
        for (std::size_t i = 0; i < h.x.size(); ++i) {
            const double x = h.x[i], n = h.count[i], A = r + x;
            const double log_T = std::log(alpha + h.T[i]);
            const double first = -A * log_T;
            if (x == 0) {
                value += n * first;
                d_r -= n * log_T;
                d_alpha -= n * A / (alpha + h.T[i]);
                continue;
            }
            const double log_t = std::log(alpha + h.t_x[i]);
            const double second = log_a - log_b_x_1[h.x_index[i]] - A * log_t;
            const double top = std::max(first, second);
            const double e1 = std::exp(first - top), e2 = std::exp(second - top);
            const double w1 = e1 / (e1 + e2), w2 = e2 / (e1 + e2);
            value += n * (top + std::log(e1 + e2));
            d_r -= n * (w1 * log_T + w2 * log_t);
            d_alpha -= n * A * (w1 / (alpha + h.T[i]) + w2 / (alpha + h.t_x[i]));
            d_a += n * w2 / a;
            d_b -= n * w2 / (b + (x - 1));
        }
        const double scale = -1 / h.customers;
        gradient.resize(4);
        gradient << scale * d_r * r, scale * d_alpha * alpha, scale * d_a * a, scale * d_b * b;
        return scale * value;
    }
};

}  // namespace

double bgnbd_log_likelihood(const BgnbdParams& params, double x, double t_x, double T) {
    check(params);
    check_customer(x, t_x, T);
    const auto& [r, alpha, a, b] = params;
    const double A = r + x;
    double value = detail::log_gamma(A) - detail::log_gamma(r) + r * std::log(alpha) + detail::log_gamma(a + b) +
                   detail::log_gamma(b + x) - detail::log_gamma(b) - detail::log_gamma(a + b + x);
    const double first = -A * std::log(alpha + T);
    if (x == 0) {
        value += first;
    } else {
        const double second = std::log(a) - std::log(b + (x - 1)) - A * std::log(alpha + t_x);
        const double top = std::max(first, second);
        value += top + std::log(std::exp(first - top) + std::exp(second - top));
    }
    return detail::finite_result(value);
}

BgnbdFit bgnbd_fit(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& T) {
    if (x.size() != t_x.size() || x.size() != T.size())
        throw domain_error("x, t_x and T differ in length");
    const Histories h = group(x, t_x, T);
    if (h.customers < 5)
        throw domain_error("BG/NBD needs at least 5 customers");
    double repeat_buyers = 0, mean_x = 0, mean_T = 0, longest = 0;
    for (std::size_t i = 0; i < h.x.size(); ++i) {
        repeat_buyers += h.x[i] > 0 ? h.count[i] : 0;
        mean_x += h.count[i] * h.x[i] / h.customers;
        mean_T += h.count[i] * h.T[i] / h.customers;
        longest = std::max(longest, h.T[i]);
    }
    if (repeat_buyers == 0)
        throw domain_error("no customer has a repeat purchase: the BG/NBD model cannot be fitted");
    if (longest == 0)
        throw domain_error("no customer was observed for any time (every T is 0)");

    // Starts: the rate scale from the data (α is in the data's time unit), a default, and
    // the shape of the published fits.
    const double scale = std::clamp(mean_T / (mean_x + 1), 1e-4, 1e4);
    std::vector<Eigen::VectorXd> starts;
    for (const auto& s : {std::array<double, 4>{1, scale, 1, 1}, std::array<double, 4>{0.25, scale / 4, 0.8, 2.5},
                          std::array<double, 4>{1, 1, 1, 1}}) {
        Eigen::VectorXd theta(4);
        theta << std::log(s[0]), std::log(s[1]), std::log(s[2]), std::log(s[3]);
        starts.push_back(theta);
    }
    NegativeLogLikelihood objective{h, {}};
    const detail::Optimum best = detail::minimise(
        objective, starts, "the BG/NBD fit has its maximum at the edge of the parameter space: the data cannot identify the model");
    BgnbdFit fit;
    fit.params = {std::exp(best.theta[0]), std::exp(best.theta[1]), std::exp(best.theta[2]), std::exp(best.theta[3])};
    fit.log_likelihood = -best.value * h.customers;
    fit.evaluations = best.evaluations;
    fit.covariance = detail::covariance_at_optimum(objective, best.theta, h.customers);
    fit.customers = h.customers;
    return fit;
}

double bgnbd_p_alive(const BgnbdParams& params, double x, double t_x, double T) {
    check(params);
    check_customer(x, t_x, T);
    if (x == 0)
        return 1;
    const double odds = log_alive_odds(params, x, t_x, T);
    // 1 / (1 + e^odds), without overflow for large odds.
    return detail::finite_result(odds > 0 ? std::exp(-odds) / (1 + std::exp(-odds)) : 1 / (1 + std::exp(odds)));
}

double bgnbd_expected(const BgnbdParams& params, double x, double t_x, double T, double t) {
    const double alive = bgnbd_p_alive(params, x, t_x, T);
    detail::require_finite(t, "t");
    if (t < 0)
        throw domain_error("t (the horizon) must not be negative");
    if (alive == 0)
        return 0;
    return detail::finite_result(alive * expected_if_alive(params, x, T, t));
}

double bgnbd_clv(const BgnbdParams& params, double x, double t_x, double T, double spend, double margin,
                 double discount, double horizon) {
    const double alive = bgnbd_p_alive(params, x, t_x, T);
    detail::require_non_negative(spend, "spend");
    detail::require_margin(margin, "margin");
    detail::require_non_negative(discount, "discount");
    detail::require_finite(horizon, "horizon");
    if (horizon < 0 || horizon != std::floor(horizon) || horizon > 10000)
        throw domain_error("the horizon must be a whole number of periods from 0 to 10 000");
    double orders = 0, previous = 0, factor = 1;
    const double per_period = 1 / (1 + discount);
    for (double k = 1; k <= horizon && alive > 0; ++k) {
        const double expected = expected_if_alive(params, x, T, k);
        factor *= per_period;
        orders += (expected - previous) * factor;
        previous = expected;
    }
    return detail::finite_result(margin * spend * alive * orders);
}

double bgnbd_expected_new(const BgnbdParams& params, double t) { return bgnbd_expected(params, 0, 0, 0, t); }

double bgnbd_pmf(const BgnbdParams& params, double t, double k) {
    check(params);
    detail::require_finite(t, "t");
    detail::require_finite(k, "k");
    if (t < 0)
        throw domain_error("t (the periods since the first purchase) must not be negative");
    if (k < 0 || k != std::floor(k))
        throw domain_error("k (repeat purchases) must be a non-negative whole number");
    if (t == 0)
        return k == 0 ? 1 : 0;
    const auto& [r, alpha, a, b] = params;
    // ln B(a, b+k) − ln B(a, b) and ln B(a+1, b+k−1) − ln B(a, b), sharing Γ(a+b)/Γ(a+b+k).
    const double common = detail::log_gamma(a + b) - detail::log_gamma(a + b + k) - detail::log_gamma(b);
    const double log_z = std::log(t) - std::log(alpha + t);  // ln(t/(α+t))
    const double log_nb = detail::log_gamma(r + k) - detail::log_gamma(r) - detail::log_gamma(k + 1) -
                          r * std::log1p(t / alpha) + (k > 0 ? k * log_z : 0.0);
    const double first = common + detail::log_gamma(b + k) + log_nb;
    double value = std::exp(first);
    if (k > 0) {
        const double tail = boost::math::ibeta(k, r, t / (alpha + t), detail::special_policy());
        if (!(tail >= 0 && tail <= 1))
            throw overflow("the probability cannot be computed for these arguments");
        if (tail > 0) {
            const double second = common + std::log(a) + detail::log_gamma(b + (k - 1)) + std::log(tail);
            const double top = std::max(first, second);
            value = std::exp(top) * (std::exp(first - top) + std::exp(second - top));
        }
    }
    if (std::isnan(value))
        throw overflow("the probability cannot be computed for these arguments");
    return std::min(1.0, value);
}

}  // namespace cm
