#include "cm/bgbb.hpp"

#include "checks.hpp"
#include "information.hpp"
#include "optimise.hpp"
#include "special.hpp"

#include <boost/math/special_functions/gamma.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

namespace cm {
namespace {

constexpr double epsilon = std::numeric_limits<double>::epsilon();

void check(const BgbbParams& params) {
    const double values[] = {params.alpha, params.beta, params.gamma, params.delta};
    for (double value : values) {
        detail::require_finite(value, "a BG/BB parameter");
        if (value <= 0)
            throw domain_error("the BG/BB parameters alpha, beta, gamma, delta must be positive");
    }
}

void require_whole(double value, const char* what) {
    detail::require_finite(value, what);
    if (value < 0 || value != std::floor(value))
        throw domain_error(std::string(what) + " must be a non-negative whole number");
}

// Checks a history and returns its t_x (0 when x = 0, where it is not used).
double check_history(double x, double t_x, double n) {
    require_whole(x, "x (repeat transactions)");
    require_whole(t_x, "t_x (the opportunity of the last transaction)");
    require_whole(n, "n (opportunities)");
    if (n > max_bgbb_opportunities)
        throw domain_error("n (opportunities) must not exceed 1 000 000");
    if (t_x > n)
        throw domain_error("t_x (the last transaction) must not be after n (the opportunities)");
    if (x > 0 && x > t_x)
        throw domain_error("x transactions need x opportunities: x must not exceed t_x");
    return x > 0 ? t_x : 0;
}

// ln Γ(z + a) − ln Γ(z), z > 0, z + a > 0, and a bound on its absolute error: for z >= 1e5
// by the difference of Stirling's series written without cancellation (error below 1e-25);
// else Boost's ratio of gamma functions (accurate for large z and small a), or, where that
// ratio leaves double range (the result is then above 650 in magnitude), the difference of
// the log-gammas.
struct Shift {
    double value, error;
};

Shift log_gamma_shift(double z, double a) {
    if (a == 0)
        return {0, 0};
    if (z >= 1e5 && z + a >= 1e5) {
        const double y = z + a;
        const double value = (z - 0.5) * std::log1p(a / z) + a * std::log(y) - a + (1 / (12 * y) - 1 / (12 * z)) -
                             (1 / (360 * y * y * y) - 1 / (360 * z * z * z));
        return {value, 8 * epsilon * (std::abs((z - 0.5) * std::log1p(a / z)) + std::abs(a * std::log(y)) + std::abs(a))};
    }
    if (std::abs(a) < 1e5) {
        const double ratio = boost::math::tgamma_delta_ratio(z, a, detail::special_policy());  // Γ(z)/Γ(z + a)
        if (std::isnormal(ratio) && ratio > 1e-280 && ratio < 1e280) {
            const double value = -std::log(ratio);
            return {value, 8 * epsilon * (1 + std::abs(value))};
        }
    }
    const double high = detail::log_gamma(z + a), low = detail::log_gamma(z);
    return {high - low, 4 * epsilon * (std::abs(high) + std::abs(low))};
}

double shift(double z, double a) { return log_gamma_shift(z, a).value; }

// ln(e^a + e^b) without overflow.
double log_add(double a, double b) {
    const double top = std::max(a, b);
    if (top == -std::numeric_limits<double>::infinity())
        return top;
    return top + std::log1p(std::exp(std::min(a, b) - top));
}

// The likelihood of one history split as the paper writes it: ln L, and w = the probability
// of being alive at opportunity n given the history (the first term over L).
struct Posterior {
    double log_likelihood, alive;
};

Posterior posterior(const BgbbParams& p, double x, double t_x, double n) {
    const auto& [alpha, beta, gamma, delta] = p;
    // ln B(α+x, β+n−x)/B(α, β) + ln B(γ, δ+n)/B(γ, δ)
    const double head = shift(alpha, x) + shift(beta, n - x) - shift(alpha + beta, n);
    const double log_alive = head + shift(delta, n) - shift(gamma + delta, n);
    const double m = n - t_x;
    if (m == 0)
        return {detail::finite_result(log_alive), 1};
    // ln of the i = 0 term: ln B(α+x, β+t_x−x)/B(α, β) + ln B(γ+1, δ+t_x)/B(γ, δ), with
    // B(γ+1, δ)/B(γ, δ) = γ/(γ+δ).
    const double first = shift(alpha, x) + shift(beta, t_x - x) - shift(alpha + beta, t_x) - std::log1p(delta / gamma) +
                         shift(delta, t_x) - shift(gamma + delta + 1, t_x);
    // Σ_i T_i/T_0 by the ratio of consecutive terms, each factor written as 1/(1 + small) so
    // that tiny parameters survive beside large counts. The terms fall: stop once the rest
    // (at most the current term times the terms left) cannot move the sum.
    double sum = 0, term = 1;
    for (double i = 0; i < m; ++i) {
        sum += term;
        if (term * (m - i) <= 1e-17 * sum)
            break;
        term /= (1 + (alpha + x) / (beta + (t_x - x) + i)) * (1 + (gamma + 1) / (delta + t_x + i));
    }
    const double log_dead = first + std::log(sum);
    const double log_l = log_add(log_alive, log_dead);
    if (!std::isfinite(log_l))
        throw overflow("the BG/BB likelihood cannot be computed for these parameters");
    return {log_l, 1 / (1 + std::exp(log_dead - log_alive))};
}

// Σ_{k=1}^{count} B(γ, δ+n+k)/B(γ, δ+n) = Σ_k Π_{j<k} (δ+n+j)/(γ+δ+n+j): the expected
// opportunities alive among the next `count`, relative to being alive at n.
// It telescopes (with f(m) = Γ(1+δ+m)/Γ(γ+δ+m), f(m−1) − f(m) = (γ−1) Γ(δ+m)/Γ(γ+δ+m)) to
//   (δ+n) (1 − f(n+count)/f(n)) / (γ−1),   and to (δ+n) (ψ(δ+n+count+1) − ψ(δ+n+1)) for γ = 1.
// The sum itself for up to 10^5 terms; the closed form beyond, where its error bound allows
// (not for γ near 1, where it is 0/0 to rounding); the sum again up to 10^7 terms; then overflow.
double alive_opportunities(double gamma, double delta, double n, double count) {
    const double base = delta + n;
    const auto sum_directly = [&] {
        double sum = 0, compensation = 0, term = 1;
        for (double k = 1; k <= count; ++k) {
            term /= 1 + gamma / (base + (k - 1));
            const double y = term - compensation, next = sum + y;  // Kahan: up to 10^7 terms
            compensation = (next - sum) - y;
            sum = next;
            if (term * (count - k) <= 1e-17 * sum)  // the terms fall: the rest is below this
                break;
        }
        return sum;
    };
    if (count == 0)
        return 0;
    if (count <= 1e5)
        return sum_directly();
    if (gamma == 1) {
        const double value = base * (detail::digamma(base + count + 1) - detail::digamma(base + 1));
        return detail::finite_result(value);
    }
    // ln f(N) − ln f(n) = ln Γ(1+δ+n+γ−1)/Γ(1+δ+n) − ln Γ(1+δ+N+γ−1)/Γ(1+δ+N)
    const Shift at_n = log_gamma_shift(1 + base, gamma - 1), at_end = log_gamma_shift(1 + base + count, gamma - 1);
    const double L = at_n.value - at_end.value, error = at_n.error + at_end.error;
    const double drop = -std::expm1(L);  // 1 − f(N)/f(n), same sign as γ − 1
    if (std::isfinite(L) && error * std::exp(std::min(L, 700.0)) <= 1e-12 * std::abs(drop))
        return detail::finite_result(base * drop / (gamma - 1));
    if (count <= 1e7)
        return sum_directly();
    throw overflow("the expected transactions cannot be computed accurately for so long a horizon");
}

// Σ_{k>=1} B(γ, δ+n+k)/B(γ, δ+n) z^k, z = 1/(1 + discount) > 0: the paper's
// (δ+n)/(γ+δ+n) 2F1(1, δ+n+1; γ+δ+n+1; z) z, summed as its series. The ratio of consecutive
// terms, z/(1 + γ/(δ+n+k)), rises to z, so after a term the rest is at most the term times
// z/(1 − z) = 1/discount; summed until that bound is below 1e-17 of the sum.
double discounted_alive_opportunities(double gamma, double delta, double n, double discount) {
    const double base = delta + n;
    if (discount == 0) {
        // Gauss's 2F1(1, b; c; 1) = (c−1)/(c−b−1): (δ+n)/(γ−1) for γ > 1.
        if (gamma <= 1)
            throw overflow("with discount 0 and gamma <= 1 the expected residual transactions are infinite");
        return detail::finite_result(base / (gamma - 1));
    }
    const double z = 1 / (1 + discount), tail = 1 / discount;
    constexpr double max_terms = 1e7;
    double sum = 0, compensation = 0, term = 1;
    for (double k = 1; k <= max_terms; ++k) {
        term *= z / (1 + gamma / (base + (k - 1)));
        const double y = term - compensation, next = sum + y;
        compensation = (next - sum) - y;
        sum = next;
        if (term * tail <= 1e-17 * sum || term == 0)
            return detail::finite_result(sum);
    }
    throw overflow("the DERT series did not converge in 10^7 terms (discount too close to 0)");
}

// The fit: customers grouped by history, each with its total weight.
struct Histories {
    std::vector<double> x, t_x, n, weight;
    double customers = 0;
    double terms = 0;  // Σ (n − t_x + 1): the work of one evaluation
};

Histories group(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& n,
                const std::vector<double>& weights) {
    if (x.size() != t_x.size() || x.size() != n.size() || (!weights.empty() && weights.size() != x.size()))
        throw domain_error("x, t_x, n and the weights differ in length");
    std::map<std::tuple<double, double, double>, double> counts;
    for (std::size_t i = 0; i < x.size(); ++i) {
        const double t = check_history(x[i], t_x[i], n[i]);
        const double w = weights.empty() ? 1.0 : weights[i];
        detail::require_count(w, "a weight");
        if (w > 0)
            counts[{x[i], t, n[i]}] += w;
    }
    Histories h;
    for (const auto& [history, weight] : counts) {
        const auto& [xi, ti, ni] = history;
        h.x.push_back(xi);
        h.t_x.push_back(ti);
        h.n.push_back(ni);
        h.weight.push_back(weight);
        h.customers += weight;
        h.terms += ni - ti + 1;
    }
    if (!std::isfinite(h.customers))
        throw domain_error("the weights add up to more than a double holds");
    return h;
}

// −(mean log-likelihood per customer) at θ = ln(α, β, γ, δ), and its gradient in θ. The
// digammas of the sum's arguments by ψ(z+1) = ψ(z) + 1/z along it.
struct NegativeLogLikelihood {
    const Histories& h;

    double operator()(const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) const {
        const double alpha = std::exp(theta[0]), beta = std::exp(theta[1]), gamma = std::exp(theta[2]),
                     delta = std::exp(theta[3]);
        using detail::digamma;
        using detail::log_gamma;
        const double log_b_ab = log_gamma(alpha) + log_gamma(beta) - log_gamma(alpha + beta);
        const double lg_gd = log_gamma(gamma + delta), lg_d = log_gamma(delta);
        const double dg_a = digamma(alpha), dg_b = digamma(beta), dg_ab = digamma(alpha + beta);
        const double dg_d = digamma(delta), dg_gd = digamma(gamma + delta);
        double value = 0;
        std::array<double, 4> total{0, 0, 0, 0};
        for (std::size_t k = 0; k < h.x.size(); ++k) {
            const double x = h.x[k], t = h.t_x[k], n = h.n[k];
            const double lg_ax = log_gamma(alpha + x), dg_ax = digamma(alpha + x);
            // Alive through n: ln B(α+x, β+n−x)/B(α, β) + ln B(γ, δ+n)/B(γ, δ).
            const double log_alive = lg_ax + log_gamma(beta + (n - x)) - log_gamma(alpha + beta + n) - log_b_ab +
                                     log_gamma(delta + n) - log_gamma(gamma + delta + n) - lg_d + lg_gd;
            const double dg_abn = digamma(alpha + beta + n), dg_gdn = digamma(gamma + delta + n);
            const std::array<double, 4> d_alive{dg_ax - dg_abn - dg_a + dg_ab, digamma(beta + (n - x)) - dg_abn - dg_b + dg_ab,
                                                dg_gd - dg_gdn, digamma(delta + n) - dg_gdn - dg_d + dg_gd};
            const double m = n - t;
            if (m == 0) {
                value += h.weight[k] * log_alive;
                for (int j = 0; j < 4; ++j)
                    total[j] += h.weight[k] * d_alive[j];
                continue;
            }
            // Dead at the start of t+i+1: ln B(α+x, β+t−x+i)/B(α, β) + ln B(γ+1, δ+t+i)/B(γ, δ).
            const double log_first = lg_ax + log_gamma(beta + (t - x)) - log_gamma(alpha + beta + t) - log_b_ab +
                                     std::log(gamma) + log_gamma(delta + t) - log_gamma(gamma + delta + t + 1) - lg_d + lg_gd;
            double p1 = digamma(alpha + beta + t), p2 = digamma(beta + (t - x)), p3 = digamma(gamma + delta + t + 1),
                   p4 = digamma(delta + t);
            double sum = 0, term = 1;
            std::array<double, 4> d_sum{0, 0, 0, 0};
            for (double i = 0; i < m; ++i) {
                const double z1 = alpha + beta + t + i, z2 = beta + (t - x) + i, z3 = gamma + delta + t + i + 1,
                             z4 = delta + t + i;
                sum += term;
                d_sum[0] += term * (dg_ax - p1 - dg_a + dg_ab);
                d_sum[1] += term * (p2 - p1 - dg_b + dg_ab);
                d_sum[2] += term * (1 / gamma - p3 + dg_gd);
                d_sum[3] += term * (p4 - p3 - dg_d + dg_gd);
                term *= (z2 / z1) * (z4 / z3);
                p1 += 1 / z1;
                p2 += 1 / z2;
                p3 += 1 / z3;
                p4 += 1 / z4;
            }
            const double log_dead = log_first + std::log(sum);
            const double log_l = log_add(log_alive, log_dead);
            const double w_alive = std::exp(log_alive - log_l), w_dead = std::exp(log_dead - log_l);
            value += h.weight[k] * log_l;
            for (int j = 0; j < 4; ++j)
                total[j] += h.weight[k] * (w_alive * d_alive[j] + w_dead * d_sum[j] / sum);
        }
        const double scale = -1 / h.customers;
        gradient.resize(4);
        gradient << scale * total[0] * alpha, scale * total[1] * beta, scale * total[2] * gamma, scale * total[3] * delta;
        return scale * value;
    }
};

}  // namespace

double bgbb_log_likelihood(const BgbbParams& params, double x, double t_x, double n) {
    check(params);
    return posterior(params, x, check_history(x, t_x, n), n).log_likelihood;
}

BgbbFit bgbb_fit(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& n,
                 const std::vector<double>& weights) {
    const Histories h = group(x, t_x, n, weights);
    if (h.customers < 5)
        throw domain_error("BG/BB needs at least 5 customers");
    if (h.x.size() < 2)
        throw domain_error("every customer has the same history: the BG/BB model cannot be fitted");
    double repeat = 0, missed = 0, mean_x = 0, mean_n = 0, possible = 0, previous_n = -1;
    std::vector<double> distinct_n(h.n);
    std::sort(distinct_n.begin(), distinct_n.end());
    for (double value : distinct_n) {
        if (value != previous_n)
            possible += value * (value + 1) / 2;  // histories with x >= 1, besides x = 0
        previous_n = value;
    }
    for (std::size_t i = 0; i < h.x.size(); ++i) {
        repeat += h.x[i] > 0 ? h.weight[i] : 0;
        missed += h.x[i] < h.n[i] ? h.weight[i] : 0;
        mean_x += h.weight[i] * h.x[i] / h.customers;
        mean_n += h.weight[i] * h.n[i] / h.customers;
    }
    if (repeat == 0)
        throw domain_error("no customer has a repeat transaction: the BG/BB model cannot be fitted");
    if (missed == 0)
        throw domain_error("every customer transacted at every opportunity: no sign of dropout, the BG/BB model "
                           "cannot be fitted");
    if (possible < 4)
        throw domain_error("one or two opportunities allow too few histories to identify the four BG/BB parameters");
    if (h.terms > 1e6)
        throw domain_error("too many distinct histories and opportunities for a fit in a spreadsheet "
                           "(the likelihood would need more than 10^6 terms)");

    // Starts: (1, 1, 1, 1) (BTYD's default), a share of opportunities taken from the data, and
    // a slow-dropout shape.
    const double share = std::clamp(mean_x / std::max(mean_n, 1.0), 0.05, 0.95);
    std::vector<Eigen::VectorXd> starts;
    for (const auto& s : {std::array<double, 4>{1, 1, 1, 1}, std::array<double, 4>{2 * share, 2 * (1 - share), 0.5, 3},
                          std::array<double, 4>{0.5, 0.5, 0.5, 5}}) {
        Eigen::VectorXd theta(4);
        theta << std::log(s[0]), std::log(s[1]), std::log(s[2]), std::log(s[3]);
        starts.push_back(theta);
    }
    NegativeLogLikelihood objective{h};
    const detail::Optimum best = detail::minimise(
        objective, starts, "the BG/BB fit has its maximum at the edge of the parameter space: the data cannot identify the model");
    BgbbFit fit;
    fit.params = {std::exp(best.theta[0]), std::exp(best.theta[1]), std::exp(best.theta[2]), std::exp(best.theta[3])};
    fit.log_likelihood = detail::finite_result(-best.value * h.customers);
    fit.evaluations = best.evaluations;
    fit.covariance = detail::covariance_at_optimum(objective, best.theta, h.customers);
    fit.customers = h.customers;
    return fit;
}

double bgbb_p_alive(const BgbbParams& params, double x, double t_x, double n) {
    check(params);
    const double t = check_history(x, t_x, n);
    const Posterior post = posterior(params, x, t, n);
    return detail::finite_result(post.alive / (1 + params.gamma / (params.delta + n)));
}

double bgbb_expected(const BgbbParams& params, double x, double t_x, double n, double n_future) {
    check(params);
    const double t = check_history(x, t_x, n);
    require_whole(n_future, "n_future (opportunities ahead)");
    const Posterior post = posterior(params, x, t, n);
    if (post.alive == 0 || n_future == 0)
        return 0;
    const double rate = 1 / (1 + (params.beta + (n - x)) / (params.alpha + x));  // (α+x)/(α+β+n)
    return detail::finite_result(post.alive * rate *
                                 alive_opportunities(params.gamma, params.delta, n, n_future));
}

double bgbb_dert(const BgbbParams& params, double x, double t_x, double n, double discount) {
    check(params);
    const double t = check_history(x, t_x, n);
    detail::require_non_negative(discount, "discount");
    const Posterior post = posterior(params, x, t, n);
    if (post.alive == 0)
        return 0;
    const double rate = 1 / (1 + (params.beta + (n - x)) / (params.alpha + x));
    return detail::finite_result(post.alive * rate *
                                 discounted_alive_opportunities(params.gamma, params.delta, n, discount));
}

double bgbb_expected_new(const BgbbParams& params, double n) {
    check(params);
    require_whole(n, "n (opportunities)");
    if (n == 0)
        return 0;
    const double rate = 1 / (1 + params.beta / params.alpha);  // α/(α+β)
    return detail::finite_result(rate * alive_opportunities(params.gamma, params.delta, 0, n));
}

}  // namespace cm
