#include "cm/pnbd.hpp"

#include "checks.hpp"
#include "histories.hpp"
#include "information.hpp"
#include "optimise.hpp"
#include "quadrature.hpp"
#include "special.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <vector>

namespace cm {
namespace {

using detail::check_customer;
using detail::Histories;

void check(const PnbdParams& params) {
    const double values[] = {params.r, params.alpha, params.s, params.beta};
    for (double value : values) {
        detail::require_finite(value, "a Pareto/NBD parameter");
        if (value <= 0)
            throw domain_error("the Pareto/NBD parameters r, alpha, s, beta must be positive");
    }
}

// 1 / (1 + e^d), without overflow for large |d|.
double logistic_of_minus(double d) { return d > 0 ? std::exp(-d) / (1 + std::exp(-d)) : 1 / (1 + std::exp(d)); }

using Gradient = std::array<double, 4>;  // ∂/∂(r, α, s, β)

// ln I and ∂ ln I/∂(r, α, s, β) of I = ∫_{t_x}^{T} (α+τ)^−A (β+τ)^−(s+1) dτ, A = r + x.
struct Integral {
    double log_value = 0;
    Gradient d{};
    bool ok = false;
};

// The tail G(τ) = ∫_τ^∞ (α+u)^−A (β+u)^−(s+1) du = (P+τ)^−k Σ_n (e)_n/n! z^n/(k+n), with
// P = max(α, β), z = |α−β|/(P+τ), k = r+s+x, e = s+1 when α >= β and r+x when α < β: FH 2005's
// 2F1(k, e; k+1; z)/(k (P+τ)^k), as a series (Euler's integral, ∫_0^1 y^(k−1) (1−zy)^−e dy).
// The series for ∂/∂k, ∂/∂e (the digamma differences of the Pochhammer symbol, Σ_{j<n} 1/(e+j))
// and ∂/∂z are summed with it. Not ok when it needs more than 2 000 terms or overflows.
Integral tail_series(const PnbdParams& p, double A, double tau) {
    Integral tail;
    const bool alpha_larger = p.alpha >= p.beta;
    const double big = alpha_larger ? p.alpha : p.beta, small = alpha_larger ? p.beta : p.alpha;
    const double k = A + p.s, e = alpha_larger ? p.s + 1 : A;
    const double base = big + tau, z = (big - small) / base;
    double S = 1 / k, S_k = -1 / (k * k), S_e = 0, S_z = 0;
    double q = e;        // (e)_n/n! z^(n−1), from n = 1
    double psi = 1 / e;  // Σ_{j<n} 1/(e+j)
    bool converged = false;  // z = 0 (α = β) too: the first term of ∂/∂z is e/(k+1)
    for (int n = 1; n <= 2000 && !converged; ++n) {
        const double kn = k + n, term = q * z / kn, slope = n * q / kn;
        S += term;
        S_k -= term / kn;
        S_e += term * psi;
        S_z += slope;
        if (!std::isfinite(S + S_e + S_z))
            return tail;
        const double ratio = (e + n) / (n + 1) * z;
        converged = ratio < 1 && term <= 1e-17 * S && term * psi <= 1e-17 * S_e && slope <= 1e-17 * S_z;
        q *= ratio;
        psi += 1 / (e + n);
    }
    if (!converged)
        return tail;
    const double log_base = std::log(base), shape = S_k / S, slope = S_z / S;
    tail.log_value = -k * log_base + std::log(S);
    if (alpha_larger) {
        tail.d = {-log_base + shape, -k / base + slope * (small + tau) / base / base, -log_base + shape + S_e / S,
                  -slope / base};
    } else {
        tail.d = {-log_base + shape + S_e / S, -slope / base, -log_base + shape,
                  -k / base + slope * (small + tau) / base / base};
    }
    tail.ok = std::isfinite(tail.log_value);
    return tail;
}

// G(T), which customers with the same x and T share: computed once per fit evaluation.
struct TailCache {
    Integral tail;
    bool known = false;
};

// I = G(t_x) − G(T) from the series, when both converge fast (z <= 0.9) and the difference
// keeps at least 15 of the 16 digits (G(T) <= 0.9 G(t_x)).
Integral integral_by_series(const PnbdParams& p, double A, double t_x, double T, TailCache& at_T) {
    Integral result;
    const double z = std::abs(p.alpha - p.beta) / (std::max(p.alpha, p.beta) + t_x);
    if (!(z <= 0.9))
        return result;
    if (!at_T.known)
        at_T = {tail_series(p, A, T), true};
    const Integral from = tail_series(p, A, t_x), &to = at_T.tail;
    if (!from.ok || !to.ok)
        return result;
    const double ratio = std::exp(to.log_value - from.log_value);
    if (!(ratio <= 0.9))
        return result;
    result.log_value = from.log_value + std::log1p(-ratio);
    for (int i = 0; i < 4; ++i)
        result.d[i] = (from.d[i] - ratio * to.d[i]) / (1 - ratio);
    result.ok = std::isfinite(result.log_value);
    return result;
}

// The same integral by quadrature in v = ln((m+τ)/(m+t_x)), m = min(α, β), where the
// integrand is e^h(v) with h concave (its second derivative is −A(α−m)e^u/(α−m+e^u)² or the
// same with s+1 and β, u = ln(m+τ)), so log-concave and unimodal: it is scaled by its maximum,
// and its power-law tails are smooth in v. Components: the integrand, times ln(α+τ), 1/(α+τ),
// ln(β+τ), 1/(β+τ) (the gradient).
Integral integral_by_quadrature(const PnbdParams& p, double A, double t_x, double T) {
    Integral result;
    const double m = std::min(p.alpha, p.beta), alpha_off = p.alpha - m, beta_off = p.beta - m;
    const double start = m + t_x, log_start = std::log(start), width = std::log1p((T - t_x) / start);
    const double s1 = p.s + 1, k = A + p.s;
    // h(v) = −k ln(m+τ) − A ln((α+τ)/(m+τ)) − (s+1) ln((β+τ)/(m+τ)), m+τ = start·e^v: the
    // integrand's logarithm with the Jacobian, its large common part −k ln(m+τ) taken apart
    // so that h(v) − h(v_top) is computed without cancellation for x in the thousands.
    const auto excess = [&](double v, double offset) { return std::log1p(offset / (start * std::exp(v))); };
    // The maximum: at v = 0 unless α < β and A < 1, where h'(v) = 1 − A − (s+1) w/(w+β−α) = 0
    // at w = (β−α) c/(1−c), c = (1−A)/(s+1).
    double v_top = 0;
    if (alpha_off == 0 && A < 1) {
        const double c = (1 - A) / s1;
        if (c < 1)
            v_top = std::clamp(std::log(beta_off * c / (1 - c)) - log_start, 0.0, width);
        else
            v_top = width;
    }
    const double a_top = excess(v_top, alpha_off), b_top = excess(v_top, beta_off);
    const double h_top = -k * (log_start + v_top) - A * a_top - s1 * b_top;
    const auto integrand = [&](double v) {
        const double w = start * std::exp(v), at_alpha = w + alpha_off, at_beta = w + beta_off;
        const double log_alpha = std::log(at_alpha), log_beta = std::log(at_beta);
        const double f = std::exp(-k * (v - v_top) - A * (excess(v, alpha_off) - a_top) - s1 * (excess(v, beta_off) - b_top));
        return std::array<double, 5>{f, f * log_alpha, f / at_alpha, f * log_beta, f / at_beta};
    };
    // The rounding of the exponent's terms sets how closely the two rules can agree.
    const double magnitude = A * a_top + s1 * b_top + 16;
    const double tolerance = std::max(1e-13, 4e-16 * magnitude);
    if (tolerance > 1e-8)  // not even 8 digits are within reach
        return result;
    const auto q = detail::integrate<5>(integrand, 0, width, tolerance, 400);
    if (!q.ok || !(q.value[0] > 0))
        return result;
    const auto& v = q.value;
    result.log_value = h_top + std::log(v[0]);
    result.d = {-v[1] / v[0], -A * v[2] / v[0], -v[3] / v[0], -s1 * v[4] / v[0]};
    result.ok = std::isfinite(result.log_value);
    return result;
}

// ln B of the likelihood (pnbd.hpp), P(alive) and ∂ ln B/∂(r, α, s, β).
struct Bracket {
    double log_value = 0, alive = 1;
    Gradient d{};
    bool ok = false;
};

Bracket bracket(const PnbdParams& p, double x, double t_x, double T, TailCache& at_T) {
    Bracket b;
    const double A = p.r + x;
    const double log_alpha_T = std::log(p.alpha + T), log_beta_T = std::log(p.beta + T);
    const double log_alive_term = -A * log_alpha_T - p.s * log_beta_T;
    const Gradient d_alive = {-log_alpha_T, -A / (p.alpha + T), -log_beta_T, -p.s / (p.beta + T)};
    if (!(t_x < T)) {  // died before T is impossible: bought at T (or T = 0)
        b.log_value = log_alive_term;
        b.d = d_alive;
        b.ok = std::isfinite(b.log_value);
        return b;
    }
    Integral integral = integral_by_series(p, A, t_x, T, at_T);
    if (!integral.ok)
        integral = integral_by_quadrature(p, A, t_x, T);
    if (!integral.ok)
        return b;
    // B = alive term + s·I; d = ln(s·I) − ln(alive term).
    const double d = std::log(p.s) + integral.log_value - log_alive_term;
    b.log_value = log_alive_term + (d > 0 ? d + std::log1p(std::exp(-d)) : std::log1p(std::exp(d)));
    b.alive = logistic_of_minus(d);
    const double dead = logistic_of_minus(-d);
    for (int i = 0; i < 4; ++i)
        b.d[i] = b.alive * d_alive[i] + dead * integral.d[i];
    b.d[2] += dead / p.s;
    b.ok = std::isfinite(b.log_value);
    return b;
}

Bracket checked_bracket(const PnbdParams& params, double x, double t_x, double T) {
    check(params);
    check_customer(x, t_x, T);
    TailCache at_T;
    const Bracket b = bracket(params, x, t_x, T, at_T);
    if (!b.ok)
        throw overflow("the Pareto/NBD likelihood cannot be computed accurately for this customer");
    return b;
}

// (1 − e^(−εL))/ε, and its limit L at ε = 0.
double one_minus_power_over(double epsilon, double L) {
    if (epsilon == 0)
        return L;
    return -std::expm1(-epsilon * L) / epsilon;
}

// Expected purchases in (T, T+t] of a customer alive at T: (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)].
double expected_if_alive(const PnbdParams& p, double x, double T, double t) {
    const double L = std::log1p(t / (p.beta + T));
    return (p.r + x) / (p.alpha + T) * (p.beta + T) * one_minus_power_over(p.s - 1, L);
}

// e^z E_s(z) = ∫_0^∞ e^(−zt) (1+t)^−s dt = U(1, 2−s, z) (DLMF 8.19.1, 13.4.4), z > 0, s > 0.
double exp_times_expint(double s, double z) {
    if (z >= 0.5 || s >= 10) {
        // E_s(z) = e^−z / (z+s − 1·s/(z+s+2 − 2(s+1)/(z+s+4 − ...))) (DLMF 8.19.17, the
        // continued fraction of Γ(1−s, z)), by the modified Lentz method.
        constexpr double tiny = 1e-300;
        double b = z + s, c = 1 / tiny, d = 1 / b, value = d;
        for (int i = 1; i <= 100000; ++i) {
            const double a = -i * (s - 1 + i);
            b += 2;
            d = a * d + b;
            d = 1 / (d == 0 ? tiny : d);
            c = b + a / c;
            if (c == 0)
                c = tiny;
            const double delta = c * d;
            value *= delta;
            if (std::abs(delta - 1) <= 1e-16)
                return value;
        }
        throw overflow("the discounted expected purchases cannot be computed accurately");
    }
    // z < 0.5, s < 10: the power series of E_p at p = s − n in (0, 1.5] (DLMF 8.19.10, its
    // singular pair Γ(1−p) z^(p−1) − 1/(1−p) combined without cancellation through
    // Γ(1+ε) − 1, ε = 1−p), then E_{p+1}(z) = (e^−z − z E_p(z))/p (DLMF 8.19.12) up to s.
    const int steps = s > 1.5 ? static_cast<int>(std::ceil(s - 1.5)) : 0;
    double p = s - steps;
    const double epsilon = 1 - p, L = std::log(z);
    double E;
    if (epsilon == 0) {
        E = -0.57721566490153286061 - L;  // Euler's γ
    } else {
        const double g = boost::math::tgamma1pm1(epsilon, detail::special_policy());
        E = (g * std::exp(-epsilon * L) + std::expm1(-epsilon * L)) / epsilon;
    }
    double term = 1;
    for (int k = 1; k <= 200; ++k) {
        term *= -z / k;
        const double part = term / (k + epsilon);
        E -= part;
        if (std::abs(part) <= 1e-17 * std::abs(E))
            break;
    }
    double W = std::exp(z) * E;
    for (int i = 0; i < steps; ++i, ++p)
        W = (1 - z * W) / p;
    return W;
}

// −(mean log-likelihood per customer) at θ = ln(r, α, s, β), and its gradient in θ.
struct NegativeLogLikelihood {
    const Histories& h;
    std::vector<std::size_t> tail_of;  // per history, its (x, T) among the distinct pairs
    std::vector<TailCache> tails;

    explicit NegativeLogLikelihood(const Histories& histories) : h(histories), tail_of(h.x.size()) {
        std::vector<std::size_t> order(h.x.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return h.x[a] != h.x[b] ? h.x[a] < h.x[b] : h.T[a] < h.T[b];
        });
        std::size_t pairs = 0;
        for (std::size_t i = 0; i < order.size(); ++i) {
            if (i > 0 && (h.x[order[i]] != h.x[order[i - 1]] || h.T[order[i]] != h.T[order[i - 1]]))
                ++pairs;
            tail_of[order[i]] = pairs;
        }
        tails.resize(order.empty() ? 0 : pairs + 1);
    }

    double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        for (TailCache& tail : tails)
            tail.known = false;
        const PnbdParams p{std::exp(theta[0]), std::exp(theta[1]), std::exp(theta[2]), std::exp(theta[3])};
        const double N = h.customers;
        // The terms that depend on x only, weighted by the customers with that x.
        double value = N * (p.r * theta[1] + p.s * theta[3]);
        Gradient d = {N * theta[1], N * p.r / p.alpha, N * theta[3], N * p.s / p.beta};
        const double lg_r = detail::log_gamma(p.r), dg_r = detail::digamma(p.r);
        for (std::size_t j = 0; j < h.distinct_x.size(); ++j) {
            const double x = h.distinct_x[j], n = h.count_of_x[j];
            value += n * (detail::log_gamma(p.r + x) - lg_r);
            d[0] += n * (detail::digamma(p.r + x) - dg_r);
        }
        for (std::size_t i = 0; i < h.x.size(); ++i) {
            const Bracket b = bracket(p, h.x[i], h.t_x[i], h.T[i], tails[tail_of[i]]);
            if (!b.ok) {
                gradient.setZero(4);
                return std::numeric_limits<double>::infinity();
            }
            const double n = h.count[i];
            value += n * b.log_value;
            for (int k = 0; k < 4; ++k)
                d[k] += n * b.d[k];
        }
        const double scale = -1 / N;
        gradient.resize(4);
        gradient << scale * d[0] * p.r, scale * d[1] * p.alpha, scale * d[2] * p.s, scale * d[3] * p.beta;
        return scale * value;
    }
};

}  // namespace

double pnbd_log_likelihood(const PnbdParams& params, double x, double t_x, double T) {
    const Bracket b = checked_bracket(params, x, t_x, T);
    const auto& [r, alpha, s, beta] = params;
    return detail::finite_result(detail::log_gamma(r + x) - detail::log_gamma(r) + r * std::log(alpha) +
                                 s * std::log(beta) + b.log_value);
}

PnbdFit pnbd_fit(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& T) {
    if (x.size() != t_x.size() || x.size() != T.size())
        throw domain_error("x, t_x and T differ in length");
    const Histories h = detail::group(x, t_x, T);
    if (h.customers < 5)
        throw domain_error("Pareto/NBD needs at least 5 customers");
    double repeat_buyers = 0, mean_x = 0, mean_T = 0, longest = 0;
    for (std::size_t i = 0; i < h.x.size(); ++i) {
        repeat_buyers += h.x[i] > 0 ? h.count[i] : 0;
        mean_x += h.count[i] * h.x[i] / h.customers;
        mean_T += h.count[i] * h.T[i] / h.customers;
        longest = std::max(longest, h.T[i]);
    }
    if (repeat_buyers == 0)
        throw domain_error("no customer has a repeat purchase: the Pareto/NBD model cannot be fitted");
    if (longest == 0)
        throw domain_error("no customer was observed for any time (every T is 0)");

    // Starts: the time scale of the data for both rates (α and β are in its unit), the shape
    // of the published CDNOW fit (r ≈ s ≈ 0.55, α ≈ β), and BTYD's default (1, 1, 1, 1).
    const double scale = std::clamp(mean_T / (mean_x + 1), 1e-4, 1e4);
    std::vector<Eigen::VectorXd> starts;
    for (const auto& s : {std::array<double, 4>{1, scale, 1, scale}, std::array<double, 4>{0.5, 0.6 * scale, 0.5, 0.7 * scale},
                          std::array<double, 4>{1, 1, 1, 1}}) {
        Eigen::VectorXd theta(4);
        theta << std::log(s[0]), std::log(s[1]), std::log(s[2]), std::log(s[3]);
        starts.push_back(theta);
    }
    NegativeLogLikelihood objective(h);
    const detail::Optimum best = detail::minimise(
        objective, starts, "the Pareto/NBD fit has its maximum at the edge of the parameter space: the data cannot identify the model");
    PnbdFit fit;
    fit.params = {std::exp(best.theta[0]), std::exp(best.theta[1]), std::exp(best.theta[2]), std::exp(best.theta[3])};
    fit.log_likelihood = -best.value * h.customers;
    fit.evaluations = best.evaluations;
    fit.covariance = detail::covariance_at_optimum(objective, best.theta, h.customers);
    fit.customers = h.customers;
    return fit;
}

double pnbd_p_alive(const PnbdParams& params, double x, double t_x, double T) {
    return detail::finite_result(checked_bracket(params, x, t_x, T).alive);
}

double pnbd_expected(const PnbdParams& params, double x, double t_x, double T, double t) {
    const double alive = pnbd_p_alive(params, x, t_x, T);
    detail::require_finite(t, "t");
    if (t < 0)
        throw domain_error("t (the horizon) must not be negative");
    if (alive == 0)
        return 0;
    return detail::finite_result(alive * expected_if_alive(params, x, T, t));
}

double pnbd_expected_new(const PnbdParams& params, double t) { return pnbd_expected(params, 0, 0, 0, t); }

double pnbd_pmf(const PnbdParams& params, double t, double k) {
    check(params);
    detail::require_finite(t, "t");
    detail::require_finite(k, "k");
    if (t < 0)
        throw domain_error("t (the period) must not be negative");
    if (k < 0 || k != std::floor(k))
        throw domain_error("k (the number of purchases) must be a non-negative whole number");
    if (t == 0)
        return k == 0 ? 1 : 0;
    // (plain names, not a structured binding: the lambdas below capture them)
    const double r = params.r, alpha = params.alpha, s = params.s, beta = params.beta;
    const double log_coefficient = detail::log_gamma(r + k) - detail::log_gamma(r) - detail::log_gamma(k + 1);
    // Alive at t, k purchases: the NBD term times the survival (β/(β+t))^s.
    const double alive = std::exp(log_coefficient - r * std::log1p(t / alpha) - k * std::log1p(alpha / t) -
                                  s * std::log1p(t / beta));
    // Dead at τ <= t: ∫_0^t τ^k (α+τ)^−(r+k) (β+τ)^−(s+1) dτ in v = ln τ, where the integrand
    // is e^h(v), h(v) = (k+1)v − (r+k) ln(α+e^v) − (s+1) ln(β+e^v), concave; computed as
    // −(r+s)v − (r+k) ln(1 + α e^−v) − (s+1) ln(1 + β e^−v), without the cancellation of its
    // large terms for k in the thousands.
    const auto excess = [&](double v, double rate) { return std::log1p(rate * std::exp(-v)); };
    const auto slope = [&](double v) {
        const double w = std::exp(v);
        return (k + 1) - (r + k) * w / (alpha + w) - (s + 1) * w / (beta + w);
    };
    // Below w1 = m (k+1)/(2(r+k+s+1)), m = min(α, β), h rises at a rate of at least (k+1)/2:
    // what lies more than 80/(k+1) below min(w1, t) is below e^−40 of the integral.
    const double top = std::log(t);
    const double w1 = std::min(alpha, beta) * (k + 1) / (2 * (r + k + s + 1));
    const double bottom = std::min(std::log(w1), top) - 80 / (k + 1);
    double v_top = top;
    if (slope(top) < 0) {  // the maximum is inside: bisect the decreasing slope
        double lo = bottom, hi = top;
        for (int i = 0; i < 200 && lo < hi; ++i) {
            const double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi)
                break;
            (slope(mid) > 0 ? lo : hi) = mid;
        }
        v_top = 0.5 * (lo + hi);
    }
    const double a_top = excess(v_top, alpha), b_top = excess(v_top, beta);
    const double h_top = -(r + s) * v_top - (r + k) * a_top - (s + 1) * b_top;
    const auto integrand = [&](double v) {
        return std::array<double, 1>{
            std::exp(-(r + s) * (v - v_top) - (r + k) * (excess(v, alpha) - a_top) - (s + 1) * (excess(v, beta) - b_top))};
    };
    const double magnitude = (r + k) * a_top + (s + 1) * b_top + (r + s) * (top - bottom) + 16;
    const double tolerance = std::max(1e-13, 4e-16 * magnitude);
    const auto q = detail::integrate<1>(integrand, bottom, top, tolerance, 400);
    if (!q.ok || tolerance > 1e-8)
        throw overflow("the Pareto/NBD probability cannot be computed accurately");
    const double dead = q.value[0] > 0 ? std::exp(log_coefficient + r * std::log(alpha) + std::log(s) +
                                                  s * std::log(beta) + h_top + std::log(q.value[0]))
                                       : 0;
    return detail::finite_result(std::min(1.0, alive + dead));
}

double pnbd_dert(const PnbdParams& params, double x, double t_x, double T, double discount) {
    const double alive = pnbd_p_alive(params, x, t_x, T);
    detail::require_non_negative(discount, "discount");
    const auto& [r, alpha, s, beta] = params;
    const double z = std::log1p(discount) * (beta + T);
    double W;
    if (z == 0) {
        if (s <= 1)
            throw overflow("without discounting the expected residual purchases are infinite when s <= 1");
        W = 1 / (s - 1);
    } else {
        W = exp_times_expint(s, z);
    }
    return detail::finite_result((r + x) / (alpha + T) * (beta + T) * alive * W);
}

double pnbd_clv(const PnbdParams& params, double x, double t_x, double T, double spend, double margin,
                double discount, double horizon) {
    const double alive = pnbd_p_alive(params, x, t_x, T);
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

}  // namespace cm
