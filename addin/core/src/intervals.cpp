// Intervals for the models' predictions: cm/intervals.hpp says what each is.
#include "cm/intervals.hpp"

#include "checks.hpp"

#include <Eigen/Cholesky>
#include <Eigen/Core>

#include <algorithm>
#include <cmath>
#include <map>
#include <random>
#include <tuple>

namespace cm {
namespace {

std::vector<double> as_vector(const BgnbdParams& p) { return {p.r, p.alpha, p.a, p.b}; }
BgnbdParams bgnbd_of(const std::vector<double>& p) { return {p[0], p[1], p[2], p[3]}; }
std::vector<double> as_vector(const GgParams& p) { return {p.p, p.q, p.v}; }
GgParams gg_of(const std::vector<double>& p) { return {p[0], p[1], p[2]}; }

// The interval of a CLV, clv(params, spend) of a purchase model (BG/NBD, Pareto/NBD) valued at
// the Gamma-Gamma spend: the two fits are independent, so their variances add. A negative margin
// makes the CLV negative: the interval of −CLV on the log scale, mirrored.
template <class Clv>
Interval clv_interval(const Clv& clv, const std::vector<double>& params, const ParameterCovariance& covariance,
                      const GgParams& gg_params, const ParameterCovariance& gg_covariance, double x,
                      double average_value, double margin, double level) {
    detail::require_finite(margin, "margin");
    const double sign = margin < 0 ? -1 : 1;
    const auto value = [&](const std::vector<double>& p, const std::vector<double>& g) {
        return sign * clv(p, gg_spend(gg_of(g), x, average_value));
    };
    const Interval i =
        delta_interval(value, params, covariance, as_vector(gg_params), gg_covariance, level, Scale::positive);
    return sign > 0 ? i : Interval{-i.upper, -i.lower};
}

}  // namespace

Interval bgnbd_p_alive_interval(const BgnbdParams& params, const ParameterCovariance& covariance, double x, double t_x,
                                double T, double level) {
    return delta_interval([&](const std::vector<double>& p) { return bgnbd_p_alive(bgnbd_of(p), x, t_x, T); },
                          as_vector(params), covariance, level, Scale::probability);
}

Interval bgnbd_expected_interval(const BgnbdParams& params, const ParameterCovariance& covariance, double x,
                                 double t_x, double T, double t, double level) {
    return delta_interval([&](const std::vector<double>& p) { return bgnbd_expected(bgnbd_of(p), x, t_x, T, t); },
                          as_vector(params), covariance, level, Scale::positive);
}

Interval bgnbd_clv_interval(const BgnbdParams& params, const ParameterCovariance& covariance,
                            const GgParams& gg_params, const ParameterCovariance& gg_covariance, double x, double t_x,
                            double T, double average_value, double margin, double discount, double horizon,
                            double level) {
    const auto clv = [&](const std::vector<double>& p, double spend) {
        return bgnbd_clv(bgnbd_of(p), x, t_x, T, spend, margin, discount, horizon);
    };
    return clv_interval(clv, as_vector(params), covariance, gg_params, gg_covariance, x, average_value, margin, level);
}

std::vector<CohortForecast> bgnbd_cohort_forecast(const BgnbdParams& params, const ParameterCovariance& covariance,
                                                  const std::vector<double>& x, const std::vector<double>& t_x,
                                                  const std::vector<double>& T, const std::vector<double>& horizons,
                                                  double level, int draws) {
    if (x.size() != t_x.size() || x.size() != T.size())
        throw domain_error("x, t_x and T differ in length");
    if (x.empty())
        throw domain_error("the cohort has no customers");
    if (horizons.empty() || horizons.size() > 1000)
        throw domain_error("the forecast needs from 1 to 1 000 horizons");
    for (double t : horizons)
        detail::require_non_negative(t, "periods");
    if (draws < 2)
        throw domain_error("the forecast needs at least 2 draws");
    normal_critical_value(level);  // checks the level
    if (!covariance.available() || covariance.size() != 4)
        throw domain_error("the fit has no covariance (its information matrix is singular): no interval");
    // Distinct histories and their counts: a cohort of 10^5 customers has a few thousand.
    std::map<std::tuple<double, double, double>, double> histories;
    for (std::size_t i = 0; i < x.size(); ++i) {
        bgnbd_p_alive(params, x[i], t_x[i], T[i]);  // checks the history
        ++histories[{x[i], x[i] > 0 ? t_x[i] : 0.0, T[i]}];
    }
    const std::vector<double> p_hat = as_vector(params);
    std::vector<CohortForecast> forecasts(horizons.size());
    for (std::size_t k = 0; k < horizons.size(); ++k) {
        const double t = horizons[k];
        const auto total = [&](const std::vector<double>& p) {
            double sum = 0;
            for (const auto& [h, n] : histories)
                sum += n * bgnbd_expected(bgnbd_of(p), std::get<0>(h), std::get<1>(h), std::get<2>(h), t);
            return sum;
        };
        forecasts[k].expected = total(p_hat);
        forecasts[k].parameters = delta_interval(total, p_hat, covariance, level, Scale::positive);
    }

    // The horizons in increasing order: a purchase at time s counts for every horizon >= s.
    std::vector<std::size_t> order(horizons.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return horizons[a] < horizons[b]; });
    std::vector<double> sorted(horizons.size());
    for (std::size_t k = 0; k < order.size(); ++k)
        sorted[k] = horizons[order[k]];
    const double longest = sorted.back();

    // The parametric draw: θ = ln p ~ N(ln p̂, Σ_log).
    Eigen::Matrix4d log_covariance;
    for (int i = 0; i < 4; ++i)
        for (int j = 0; j < 4; ++j)
            log_covariance(i, j) = covariance.matrix[static_cast<std::size_t>(i * 4 + j)] / (p_hat[i] * p_hat[j]);
    const Eigen::LLT<Eigen::Matrix4d> factor(log_covariance);
    if (factor.info() != Eigen::Success)
        throw domain_error("the covariance is not positive definite");
    const Eigen::Matrix4d lower = factor.matrixL();
    std::mt19937_64 random(20261206);
    std::normal_distribution<double> normal;
    std::uniform_real_distribution<double> uniform(0, 1);
    // The time bound: at most 3·10^7 simulated purchases in all (about a second), so that no
    // parameters typed by hand (a tiny alpha: thousands of purchases a period) keep Calc busy.
    double budget = 3e7;
    // What the draws will simulate, at the fitted parameters: beyond the bound, refused at once
    // rather than after a second of simulation (found by fuzz_intervals: r 1.4e5, alpha 8e-9).
    const double expected_longest = forecasts[order.back()].expected;
    if (!(expected_longest * draws <= budget))
        throw overflow("too many purchases to simulate: the forecast is beyond the model's range");
    std::vector<double> sum(sorted.size()), square(sorted.size()), counts(sorted.size());
    for (int d = 0; d < draws; ++d) {
        Eigen::Vector4d e;
        for (int i = 0; i < 4; ++i)
            e[i] = normal(random);
        const Eigen::Vector4d theta = lower * e;
        const BgnbdParams p{p_hat[0] * std::exp(theta[0]), p_hat[1] * std::exp(theta[1]),
                            p_hat[2] * std::exp(theta[2]), p_hat[3] * std::exp(theta[3])};
        std::fill(counts.begin(), counts.end(), 0.0);  // purchases first counted at horizon k
        for (const auto& [h, n] : histories) {
            const auto& [hx, ht, hT] = h;
            const double alive = bgnbd_p_alive(p, hx, ht, hT);
            std::gamma_distribution<double> rate(p.r + hx, 1 / (p.alpha + hT));
            std::gamma_distribution<double> ga(p.a, 1), gb(p.b + hx, 1);
            for (double c = 0; c < n; ++c) {
                if (uniform(random) >= alive)
                    continue;
                const double lambda = rate(random), u = ga(random), v = gb(random);
                if (!(lambda > 0))  // a shape so small that the rate's draw underflows: no purchase
                    continue;
                // Beta(a, b + x) as u/(u + v); with shapes so small that both draws underflow it
                // is 0 or 1, 1 with probability a/(a + b + x) (found by fuzz_intervals)
                const double dropout = u + v > 0 ? u / (u + v) : (uniform(random) * (p.a + p.b + hx) < p.a ? 1.0 : 0.0);
                double now = 0;
                for (;;) {
                    now += -std::log1p(-uniform(random)) / lambda;
                    if (!(now <= longest))
                        break;
                    ++counts[static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), now) -
                                                      sorted.begin())];
                    if (--budget < 0)
                        throw overflow("too many purchases to simulate: the forecast is beyond the model's range");
                    if (uniform(random) < dropout)
                        break;
                }
            }
        }
        double running = 0;
        for (std::size_t k = 0; k < sorted.size(); ++k) {
            running += counts[k];
            sum[k] += running;
            square[k] += running * running;
        }
    }
    // The totals of the draws are close to normal (each a sum over many independent customers,
    // the parameters' spread small beside it), so the band is the expected total ± z times
    // their standard deviation: 200 draws give that deviation to about 5 %, where quantiles of
    // 200 draws would be much rougher.
    const double z = normal_critical_value(level);
    for (std::size_t k = 0; k < sorted.size(); ++k) {
        const double n = draws, mean = sum[k] / n;
        const double variance = std::max(0.0, (square[k] - n * mean * mean) / (n - 1));
        CohortForecast& f = forecasts[order[k]];
        const double half = z * std::sqrt(variance);
        f.predictive = {std::max(0.0, f.expected - half), f.expected + half};
    }
    return forecasts;
}

ParameterCovariance sbg_covariance(const std::vector<SbgCohort>& cohorts, const SbgFit& fit) {
    const double h = 1e-3;
    const auto ll = [&](double da, double db) {
        return sbg_log_likelihood(cohorts, {fit.alpha * std::exp(da), fit.beta * std::exp(db)});
    };
    const double centre = ll(0, 0);
    // −∂²LL/∂θ_i∂θ_j in θ = (ln alpha, ln beta).
    const double aa = -(ll(h, 0) - 2 * centre + ll(-h, 0)) / (h * h);
    const double bb = -(ll(0, h) - 2 * centre + ll(0, -h)) / (h * h);
    const double ab = -(ll(h, h) - ll(h, -h) - ll(-h, h) + ll(-h, -h)) / (4 * h * h);
    const double determinant = aa * bb - ab * ab;
    if (!std::isfinite(determinant) || !(aa > 0) || !(bb > 0) || !(determinant > 1e-9 * aa * bb))
        return {};
    // The inverse of the 2 × 2 information, scaled to the parameters themselves.
    const double a = fit.alpha, b = fit.beta;
    const double off = -ab / determinant * a * b;
    return ParameterCovariance{{bb / determinant * a * a, off, off, aa / determinant * b * b}};
}

namespace {
std::vector<double> as_vector(SbgParams p) { return {p.alpha, p.beta}; }
SbgParams sbg_of(const std::vector<double>& p) { return {p[0], p[1]}; }
}  // namespace

Interval sbg_survival_interval(SbgParams params, const ParameterCovariance& covariance, double t, double level) {
    return delta_interval([&](const std::vector<double>& p) { return sbg_survival(sbg_of(p), t); }, as_vector(params),
                          covariance, level, Scale::probability);
}

Interval sbg_retention_interval(SbgParams params, const ParameterCovariance& covariance, double t, double level) {
    return delta_interval([&](const std::vector<double>& p) { return sbg_retention(sbg_of(p), t); }, as_vector(params),
                          covariance, level, Scale::probability);
}

Interval sbg_derl_interval(SbgParams params, const ParameterCovariance& covariance, double discount, double renewals,
                           double level) {
    return delta_interval([&](const std::vector<double>& p) { return sbg_derl(sbg_of(p), discount, renewals); },
                          as_vector(params), covariance, level, Scale::positive);
}

namespace {
std::vector<double> as_vector(const PnbdParams& p) { return {p.r, p.alpha, p.s, p.beta}; }
PnbdParams pnbd_of(const std::vector<double>& p) { return {p[0], p[1], p[2], p[3]}; }
}  // namespace

Interval pnbd_p_alive_interval(const PnbdParams& params, const ParameterCovariance& covariance, double x, double t_x,
                               double T, double level) {
    return delta_interval([&](const std::vector<double>& p) { return pnbd_p_alive(pnbd_of(p), x, t_x, T); },
                          as_vector(params), covariance, level, Scale::probability);
}

Interval pnbd_expected_interval(const PnbdParams& params, const ParameterCovariance& covariance, double x, double t_x,
                                double T, double t, double level) {
    return delta_interval([&](const std::vector<double>& p) { return pnbd_expected(pnbd_of(p), x, t_x, T, t); },
                          as_vector(params), covariance, level, Scale::positive);
}

Interval pnbd_clv_interval(const PnbdParams& params, const ParameterCovariance& covariance, const GgParams& gg_params,
                           const ParameterCovariance& gg_covariance, double x, double t_x, double T,
                           double average_value, double margin, double discount, double horizon, double level) {
    const auto clv = [&](const std::vector<double>& p, double spend) {
        return pnbd_clv(pnbd_of(p), x, t_x, T, spend, margin, discount, horizon);
    };
    return clv_interval(clv, as_vector(params), covariance, gg_params, gg_covariance, x, average_value, margin, level);
}

namespace {
std::vector<double> as_vector(const BgbbParams& p) { return {p.alpha, p.beta, p.gamma, p.delta}; }
BgbbParams bgbb_of(const std::vector<double>& p) { return {p[0], p[1], p[2], p[3]}; }
}  // namespace

Interval bgbb_p_alive_interval(const BgbbParams& params, const ParameterCovariance& covariance, double x, double t_x,
                               double n, double level) {
    return delta_interval([&](const std::vector<double>& p) { return bgbb_p_alive(bgbb_of(p), x, t_x, n); },
                          as_vector(params), covariance, level, Scale::probability);
}

Interval bgbb_expected_interval(const BgbbParams& params, const ParameterCovariance& covariance, double x, double t_x,
                                double n, double n_future, double level) {
    return delta_interval([&](const std::vector<double>& p) { return bgbb_expected(bgbb_of(p), x, t_x, n, n_future); },
                          as_vector(params), covariance, level, Scale::positive);
}

}  // namespace cm
