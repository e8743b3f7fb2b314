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
#include <system_error>
#include <thread>
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
// and ∂/∂z are summed with it: S, S_k, S_e, S_z. At most 2 000 terms.
struct Sums {
    double S, S_k, S_e, S_z;
    bool converged = false;
};

// The terms stop when the next one would be smaller (ratio < 1) and each of the four series'
// last term is below 1e-17 of its sum.
bool last_term(double ratio, double term, double term_e, double slope, const Sums& sums) {
    return ratio < 1 && term <= 1e-17 * sums.S && term_e <= 1e-17 * sums.S_e && slope <= 1e-17 * sums.S_z;
}

// The coefficients of the four series for one k and e, which every customer with the same x
// shares in a fit evaluation (only z = |α−β|/(P+τ) differs): for n >= 1, a_n = (e)_n/n!/(k+n),
// a_n/(k+n), a_n Σ_{j<n} 1/(e+j), n a_n and the ratio of successive terms' factors (e+n)/(n+1).
// Made as far as a series needs them; not usable (`overflow`) once (e)_n/n! overflows, where
// sums_directly's running product with z^n does not.
struct SeriesTerms {
    double k = 0, e = 0;
    std::vector<std::array<double, 5>> c;
    double pochhammer = 0, psi = 0;  // (e)_n/n! and Σ_{j<n} 1/(e+j) of the next n
    bool overflow = false;

    void reset(double k_, double e_) {
        k = k_, e = e_, c.clear(), pochhammer = e, psi = 1 / e, overflow = false;
    }
    bool extend() {  // one more n
        const double n = static_cast<double>(c.size() + 1), a = pochhammer / (k + n);
        c.push_back({a, a / (k + n), a * psi, n * a, (e + n) / (n + 1)});
        pochhammer *= (e + n) / (n + 1);
        psi += 1 / (e + n);
        overflow = !std::isfinite(a * psi + n * a + pochhammer);
        return !overflow;
    }
};

Sums sums_directly(double k, double e, double z) {
    Sums sums{1 / k, -1 / (k * k), 0, 0};
    double q = e;        // (e)_n/n! z^(n−1), from n = 1
    double psi = 1 / e;  // Σ_{j<n} 1/(e+j)
    for (int n = 1; n <= 2000 && !sums.converged; ++n) {  // z = 0 (α = β) too: the first term of ∂/∂z is e/(k+1)
        const double inverse = 1 / (k + n), q_k = q * inverse, term = q_k * z, slope = n * q_k;
        sums.S += term;
        sums.S_k -= term * inverse;
        sums.S_e += term * psi;
        sums.S_z += slope;
        if (!std::isfinite(sums.S + sums.S_e + sums.S_z))
            return sums;
        const double e_n = e + n, ratio = e_n * z / (n + 1);
        sums.converged = last_term(ratio, term, term * psi, slope, sums);
        q *= ratio;
        psi += 1 / e_n;
    }
    return sums;
}

// The same sums from the shared coefficients: a multiplication and an addition per term and series.
Sums sums_from(SeriesTerms& terms, double z) {
    Sums sums{1 / terms.k, -1 / (terms.k * terms.k), 0, 0};
    double power = 1;  // z^(n−1)
    for (std::size_t n = 1; n <= 2000 && !sums.converged; ++n) {
        if (n > terms.c.size() && !terms.extend())
            return sums_directly(terms.k, terms.e, z);
        const auto& c = terms.c[n - 1];
        const double zn = power * z, term = c[0] * zn, term_e = c[2] * zn, slope = c[3] * power;
        sums.S += term;
        sums.S_k -= c[1] * zn;
        sums.S_e += term_e;
        sums.S_z += slope;
        if (!std::isfinite(sums.S + sums.S_e + sums.S_z))
            return sums;
        sums.converged = last_term(c[4] * z, term, term_e, slope, sums);
        power = zn;
    }
    return sums;
}

// G(τ) = (P+τ)^−k S from the sums, kept as ln (P+τ)^−k and S (its logarithm only when needed),
// with ∂ ln G/∂(r, α, s, β); not ok when the sums did not converge in 2 000 terms or overflowed.
// `terms`, when given, are the shared coefficients of this k and e.
struct Tail {
    double log_power = 0, sum = 0;
    Gradient d{};
    bool ok = false;
    double log_value() const { return log_power + std::log(sum); }
};

Tail tail_series(const PnbdParams& p, double A, double tau, SeriesTerms* terms) {
    Tail tail;
    const bool alpha_larger = p.alpha >= p.beta;
    const double big = alpha_larger ? p.alpha : p.beta, small = alpha_larger ? p.beta : p.alpha;
    const double k = A + p.s, e = alpha_larger ? p.s + 1 : A;
    const double base = big + tau, z = (big - small) / base;
    const bool shared = terms && !terms->overflow && terms->k == k && terms->e == e;
    const Sums sums = shared ? sums_from(*terms, z) : sums_directly(k, e, z);
    if (!sums.converged)
        return tail;
    const double log_base = std::log(base), shape = sums.S_k / sums.S, slope = sums.S_z / sums.S;
    tail.log_power = -k * log_base;
    tail.sum = sums.S;
    if (alpha_larger) {
        tail.d = {-log_base + shape, -k / base + slope * (small + tau) / base / base,
                  -log_base + shape + sums.S_e / sums.S, -slope / base};
    } else {
        tail.d = {-log_base + shape + sums.S_e / sums.S, -slope / base, -log_base + shape,
                  -k / base + slope * (small + tau) / base / base};
    }
    tail.ok = std::isfinite(tail.log_power) && sums.S > 0 && std::isfinite(sums.S);
    return tail;
}

// What customers with the same x and T share, computed once per fit evaluation: the alive
// term (α+T)^−(r+x) (β+T)^−s in logarithms, with its gradient, the tail G(T) and s G(T) over the
// alive term.
struct AtT {
    double log_alive_term = 0;
    Gradient d_alive{};
    bool alive_known = false;
    Tail tail;
    double scaled_tail = 0;
    bool tail_known = false;
};

// I = G(t_x) − G(T) from the series, when both converge fast (z <= 0.9) and the difference
// keeps at least 15 of the 16 digits (G(T) <= 0.9 G(t_x)): in ratios to the alive term a = (α+T)^−(r+x)
// (β+T)^−s, w = s G(t_x)/a and w_T = s G(T)/a, which customers with the same x and T share, so that
// B/a = 1 + w − w_T costs one exponential and one logarithm (bracket); where w over- or underflows,
// ln I itself (`log_value`).
struct SeriesIntegral {
    double w = 0, w_T = 0, log_value = 0;
    Gradient d{};
    bool scaled = false, ok = false;
};

SeriesIntegral integral_by_series(const PnbdParams& p, double log_s, double A, double t_x, double T, AtT& at_T,
                                  SeriesTerms* terms) {
    SeriesIntegral result;
    const double z = std::abs(p.alpha - p.beta) / (std::max(p.alpha, p.beta) + t_x);
    if (!(z <= 0.9))
        return result;
    if (!at_T.tail_known) {
        at_T.tail = tail_series(p, A, T, terms);
        if (at_T.tail.ok)
            at_T.scaled_tail = std::exp(log_s + at_T.tail.log_value() - at_T.log_alive_term);
        at_T.tail_known = true;
    }
    const Tail from = tail_series(p, A, t_x, terms), &to = at_T.tail;
    if (!from.ok || !to.ok)
        return result;
    const double w = from.sum * std::exp(log_s + from.log_power - at_T.log_alive_term);
    result.scaled = std::isfinite(w) && w > 1e-300 && std::isfinite(at_T.scaled_tail);
    const double ratio = result.scaled ? at_T.scaled_tail / w : std::exp(to.log_value() - from.log_value());
    if (!(ratio <= 0.9))
        return result;
    result.w = w;
    result.w_T = at_T.scaled_tail;
    if (!result.scaled)
        result.log_value = from.log_value() + std::log1p(-ratio);
    for (int i = 0; i < 4; ++i)
        result.d[i] = (from.d[i] - ratio * to.d[i]) / (1 - ratio);
    result.ok = result.scaled || std::isfinite(result.log_value);
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
    // ln(α+τ) = ln(m+τ) + ln(1 + (α−m)/(m+τ)), and the same for β, one of which is ln(m+τ): two
    // exponentials and one log1p per node.
    const auto integrand = [&](double v) {
        const double w = start * std::exp(v);
        const double a = alpha_off == 0 ? 0.0 : std::log1p(alpha_off / w), b = beta_off == 0 ? 0.0 : std::log1p(beta_off / w);
        const double log_w = log_start + v;
        const double f = std::exp(-k * (v - v_top) - A * (a - a_top) - s1 * (b - b_top));
        return std::array<double, 5>{f, f * (log_w + a), f / (w + alpha_off), f * (log_w + b), f / (w + beta_off)};
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

Bracket bracket(const PnbdParams& p, double log_s, double x, double t_x, double T, AtT& at_T,
                SeriesTerms* terms = nullptr) {
    Bracket b;
    const double A = p.r + x;
    if (!at_T.alive_known) {
        const double log_alpha_T = std::log(p.alpha + T), log_beta_T = std::log(p.beta + T);
        at_T.log_alive_term = -A * log_alpha_T - p.s * log_beta_T;
        at_T.d_alive = {-log_alpha_T, -A / (p.alpha + T), -log_beta_T, -p.s / (p.beta + T)};
        at_T.alive_known = true;
    }
    const double log_alive_term = at_T.log_alive_term;
    const Gradient& d_alive = at_T.d_alive;
    if (!(t_x < T)) {  // died before T is impossible: bought at T (or T = 0)
        b.log_value = log_alive_term;
        b.d = d_alive;
        b.ok = std::isfinite(b.log_value);
        return b;
    }
    // B = a + s·I, a the alive term; P(alive) = a/B.
    const SeriesIntegral series = integral_by_series(p, log_s, A, t_x, T, at_T, terms);
    Integral integral;
    double dead;
    if (series.ok && series.scaled) {  // B/a = 1 + D, D = s·I/a = w − w_T
        const double D = series.w - series.w_T;
        b.log_value = log_alive_term + std::log1p(D);
        b.alive = 1 / (1 + D);
        dead = D / (1 + D);
        integral.d = series.d;
    } else {
        if (series.ok) {
            integral.log_value = series.log_value;
            integral.d = series.d;
            integral.ok = true;
        } else {
            integral = integral_by_quadrature(p, A, t_x, T);
        }
        if (!integral.ok)
            return b;
        // d = ln(s·I) − ln a; with e = e^−|d|, P(alive) = 1/(1 + e^d) is e/(1+e) or 1/(1+e), and
        // ln B = ln a + max(d, 0) + ln(1 + e).
        const double d = log_s + integral.log_value - log_alive_term, e = std::exp(-std::abs(d));
        b.log_value = log_alive_term + std::max(d, 0.0) + std::log1p(e);
        b.alive = d > 0 ? e / (1 + e) : 1 / (1 + e);
        dead = d > 0 ? 1 / (1 + e) : e / (1 + e);
    }
    for (int i = 0; i < 4; ++i)
        b.d[i] = b.alive * d_alive[i] + dead * integral.d[i];
    b.d[2] += dead / p.s;
    b.ok = std::isfinite(b.log_value);
    return b;
}

Bracket checked_bracket(const PnbdParams& params, double x, double t_x, double T) {
    check(params);
    check_customer(x, t_x, T);
    AtT at_T;
    const Bracket b = bracket(params, std::log(params.s), x, t_x, T, at_T);
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

// −(mean log-likelihood per customer) at θ = ln(r, α, s, β), and its gradient in θ. The sum
// over the histories runs in two parts, the second on a thread of its own when the machine has
// two cores and the data enough histories to pay for it; the parts take whole values of x, so
// that each x's series coefficients and each (x, T)'s shared terms belong to one part. The sum
// is the same whether or not the thread runs.
struct NegativeLogLikelihood {
    const Histories& h;
    std::vector<std::size_t> tail_of;  // per history, its (x, T) among the distinct pairs
    std::vector<AtT> tails;
    std::vector<SeriesTerms> series;  // per distinct x
    // The histories of each value of x, [begin, end): the first part sums the even ones, the
    // second the odd ones, so that both get a like mix of short and long series.
    std::vector<std::array<std::size_t, 2>> groups;
    bool threads = false;

    struct Part {
        double value = 0;
        Gradient d{};
        bool ok = true;
    };

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
        series.resize(h.distinct_x.size());
        for (std::size_t i = 0; i < h.x.size(); ++i) {
            if (i == 0 || h.x[i] != h.x[i - 1])
                groups.push_back({i, i});
            groups.back()[1] = i + 1;
        }
        // A thread costs some 50 µs to start; 2 000 histories take about 0.2 ms.
        threads = h.x.size() >= 2000 && std::thread::hardware_concurrency() >= 2;
    }

    Part sum(const PnbdParams& p, double log_s, std::size_t which) {
        Part part;
        for (std::size_t g = which; g < groups.size(); g += 2) {
            for (std::size_t i = groups[g][0]; i < groups[g][1]; ++i) {
                const Bracket b = bracket(p, log_s, h.x[i], h.t_x[i], h.T[i], tails[tail_of[i]], &series[h.x_index[i]]);
                if (!b.ok) {
                    part.ok = false;
                    return part;
                }
                const double n = h.count[i];
                part.value += n * b.log_value;
                for (int k = 0; k < 4; ++k)
                    part.d[k] += n * b.d[k];
            }
        }
        return part;
    }

    double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        for (AtT& tail : tails)
            tail = AtT{};
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
            series[j].reset(p.r + x + p.s, p.alpha >= p.beta ? p.s + 1 : p.r + x);
        }
        // The thread's part; should it throw (out of memory), or no thread be had, the part runs
        // here again and throws here. (No std::exception_ptr: it would raise the libstdc++ the
        // add-in needs to GCC 11's, README.)
        Part second;
        bool second_done = false;
        std::thread worker;
        if (threads) {
            try {
                worker = std::thread([&] {
                    try {
                        second = sum(p, theta[2], 1);
                        second_done = true;
                    } catch (...) {
                    }
                });
            } catch (const std::system_error&) {
            }
        }
        Part first;
        try {
            first = sum(p, theta[2], 0);
        } catch (...) {
            if (worker.joinable())
                worker.join();
            throw;
        }
        if (worker.joinable())
            worker.join();
        if (!second_done)
            second = sum(p, theta[2], 1);
        if (!first.ok || !second.ok) {
            gradient.setZero(4);
            return std::numeric_limits<double>::infinity();
        }
        value += first.value + second.value;
        for (int k = 0; k < 4; ++k)
            d[k] += first.d[k] + second.d[k];
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
