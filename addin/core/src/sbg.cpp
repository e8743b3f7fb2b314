#include "cm/sbg.hpp"

#include "checks.hpp"
#include "optimise.hpp"
#include "special.hpp"

#include <boost/math/special_functions/gamma.hpp>

#include <Eigen/Core>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <string>

namespace cm {
namespace {

using detail::finite_result;
using detail::require_finite;

void require_params(SbgParams params) {
    require_finite(params.alpha, "alpha");
    require_finite(params.beta, "beta");
    if (params.alpha <= 0)
        throw domain_error("alpha must be greater than 0");
    if (params.beta <= 0)
        throw domain_error("beta must be greater than 0");
}

void require_whole(double value, double minimum, const char* what) {
    require_finite(value, what);
    if (value < minimum || value != std::floor(value))
        throw domain_error(std::string(what) + " must be a whole number of periods, at least " +
                           std::to_string(static_cast<int>(minimum)));
}

// ln r = ln((beta + k)/(alpha + beta + k)) = -ln(1 + alpha/(beta + k)): renewal at step k;
// no alpha + beta is formed, so nothing overflows for any finite positive parameters.
double log_renewal(double alpha, double beta_k) { return -std::log1p(alpha / beta_k); }
// ln(alpha/(alpha + beta + k)) = -ln(1 + (beta + k)/alpha): churn at step k.
double log_churn(double alpha, double beta_k) { return -std::log1p(beta_k / alpha); }

void check_cohort(const SbgCohort& cohort) {
    if (cohort.empty())
        throw domain_error("a cohort has no values");
    if (cohort.size() > max_sbg_periods + 1)
        throw domain_error("a cohort has more than 10 000 periods");
    for (std::size_t t = 0; t < cohort.size(); ++t) {
        require_finite(cohort[t], "alive");
        if (cohort[t] < 0)
            throw domain_error("customers alive must not be negative");
        if (t == 0 && cohort[t] == 0)
            throw domain_error("a cohort starts with its size at period 0, which must be greater than 0");
        if (t > 0 && cohort[t] > cohort[t - 1])
            throw domain_error("customers alive must not increase from one period to the next");
    }
}

// The data summed over cohorts: lost[t] customers lost in period t (t >= 1) and
// survivors[t] customers still alive when their cohort's observation ends at period t.
struct Tallies {
    std::vector<double> lost, survivors;
    double customers = 0;  // sum of the cohort sizes (scale of the objective)
    std::size_t periods = 0;
};

Tallies tally(const std::vector<SbgCohort>& cohorts) {
    Tallies tallies;
    for (const auto& cohort : cohorts) {
        check_cohort(cohort);
        tallies.periods = std::max(tallies.periods, cohort.size() - 1);
    }
    tallies.lost.assign(tallies.periods + 1, 0.0);
    tallies.survivors.assign(tallies.periods + 1, 0.0);
    for (const auto& cohort : cohorts) {
        const std::size_t last = cohort.size() - 1;
        if (last == 0)
            continue;  // only its size is known: it says nothing about retention yet
        tallies.customers += cohort[0];
        for (std::size_t t = 1; t <= last; ++t)
            tallies.lost[t] += cohort[t - 1] - cohort[t];
        tallies.survivors[last] += cohort[last];
    }
    return tallies;
}

// LL and its gradient with respect to ln alpha and ln beta.
double log_likelihood(const Tallies& data, double alpha, double beta, double* d_log_alpha = nullptr,
                      double* d_log_beta = nullptr) {
    double ll = 0, ga = 0, gb = 0;
    double log_s = 0, ds_a = 0, ds_b = 0;  // ln S(t-1) and its derivatives
    for (std::size_t t = 1; t <= data.periods; ++t) {
        const double beta_k = beta + static_cast<double>(t - 1);
        const double q = 1 / (1 + beta_k / alpha);  // alpha/(alpha + beta + k)
        const double w = 1 / (1 + alpha / beta_k);  // (beta + k)/(alpha + beta + k)
        // ln P(t) = ln S(t-1) + ln(alpha/(alpha + beta + t - 1))
        if (data.lost[t] > 0) {
            ll += data.lost[t] * (log_s + log_churn(alpha, beta_k));
            ga += data.lost[t] * (ds_a + w);
            gb += data.lost[t] * (ds_b - beta / beta_k * w);
        }
        // ln S(t) = ln S(t-1) + ln((beta + t - 1)/(alpha + beta + t - 1))
        log_s += log_renewal(alpha, beta_k);
        ds_a -= q;
        ds_b += beta / beta_k * q;
        if (data.survivors[t] > 0) {
            ll += data.survivors[t] * log_s;
            ga += data.survivors[t] * ds_a;
            gb += data.survivors[t] * ds_b;
        }
    }
    if (d_log_alpha)
        *d_log_alpha = ga;
    if (d_log_beta)
        *d_log_beta = gb;
    return ll;
}

// The constant-retention limit (alpha, beta -> inf, beta/(alpha + beta) fixed) at its own
// maximum: a geometric lifetime with churn theta = lost / (periods at risk).
double geometric_log_likelihood(const Tallies& data) {
    double lost = 0, trials = 0, renewals = 0;
    for (std::size_t t = 1; t <= data.periods; ++t) {
        lost += data.lost[t];
        trials += data.lost[t] * static_cast<double>(t) + data.survivors[t] * static_cast<double>(t);
        renewals += data.lost[t] * static_cast<double>(t - 1) + data.survivors[t] * static_cast<double>(t);
    }
    const double theta = lost / trials;
    return lost * std::log(theta) + (renewals > 0 ? renewals * std::log1p(-theta) : 0.0);
}

class Objective {
public:
    explicit Objective(const Tallies& data) : data_(data) {}
    double operator()(const Eigen::VectorXd& x, Eigen::VectorXd& gradient) {
        double ga = 0, gb = 0;
        const double ll = log_likelihood(data_, std::exp(x[0]), std::exp(x[1]), &ga, &gb);
        gradient[0] = -ga / data_.customers;
        gradient[1] = -gb / data_.customers;
        return -ll / data_.customers;
    }

private:
    const Tallies& data_;
};

}  // namespace

std::vector<SbgCohort> sbg_cohorts(const std::vector<std::vector<std::optional<double>>>& rows) {
    std::vector<SbgCohort> cohorts;
    for (const auto& row : rows) {
        SbgCohort cohort;
        bool ended = false;
        for (const auto& cell : row) {
            if (!cell) {
                ended = true;
                continue;
            }
            if (ended)
                throw domain_error(cohort.empty()
                    ? "a cohort's row starts with its size at period 0: no empty cell before it"
                    : "an empty cell inside a cohort's row: blanks only after its last observed period");
            cohort.push_back(*cell);
        }
        if (cohort.empty())
            continue;
        check_cohort(cohort);
        cohorts.push_back(std::move(cohort));
    }
    if (cohorts.empty())
        throw domain_error("no cohort: alive is empty");
    return cohorts;
}

double sbg_log_likelihood(const std::vector<SbgCohort>& cohorts, SbgParams params) {
    require_params(params);
    const Tallies data = tally(cohorts);
    return finite_result(log_likelihood(data, params.alpha, params.beta));
}

SbgFit sbg_fit(const std::vector<SbgCohort>& cohorts) {
    if (cohorts.empty())
        throw domain_error("no cohort: alive is empty");
    const Tallies data = tally(cohorts);
    if (data.periods < 2)
        throw domain_error("the sBG needs a cohort observed for at least 2 periods (3 values): "
                           "two parameters need two retention rates");
    double lost = 0, lost_later = 0;
    for (std::size_t t = 1; t <= data.periods; ++t) {
        lost += data.lost[t];
        if (t >= 2)
            lost_later += data.lost[t];
    }
    if (lost == 0)
        throw domain_error("nobody was lost: retention is 100 %, the sBG is not identified");
    double alive_after_first = 0;
    for (const auto& cohort : cohorts)
        if (cohort.size() >= 2)
            alive_after_first += cohort[1];
    if (alive_after_first == 0)
        throw domain_error("everybody was lost in period 1: retention is 0, the sBG is not identified");
    if (lost_later == 0)
        throw domain_error("nobody was lost after period 1: the sBG is not identified");

    // Starts: the moment solution of the first two pooled retention rates (r1 = beta/(alpha +
    // beta), r2 = (beta + 1)/(alpha + beta + 1)) when it exists, and a few fixed points.
    std::vector<std::array<double, 2>> starts;
    double at_risk1 = 0, at_risk2 = 0;
    for (const auto& cohort : cohorts) {
        if (cohort.size() >= 2)
            at_risk1 += cohort[0];
        if (cohort.size() >= 3)
            at_risk2 += cohort[1];
    }
    const double r1 = 1 - data.lost[1] / at_risk1;
    const double r2 = at_risk2 > 0 ? 1 - data.lost[2] / at_risk2 : 0;
    if (r1 > 0 && r1 < 1 && r2 > r1 && r2 < 1) {
        const double size = (1 - r2) / (r2 - r1);
        starts.push_back({(1 - r1) * size, r1 * size});
    }
    starts.push_back({1, 1});
    starts.push_back({1, 5});
    starts.push_back({5, 1});

    std::vector<Eigen::VectorXd> log_starts;
    for (const auto& start : starts)
        log_starts.push_back(Eigen::Vector2d(std::log(start[0]), std::log(start[1])));
    Objective objective(data);
    const detail::Optimum optimum = detail::minimise(
        objective, log_starts, "the sBG fit runs to the edge (alpha or beta towards 0 or infinity): the data do not identify the model");
    const double alpha = std::exp(optimum.theta[0]), beta = std::exp(optimum.theta[1]);
    const double ll = -optimum.value * data.customers;
    const double tolerance = 1e-9 * std::max(1.0, std::abs(ll));
    // The gradient test is relative to the cohort sizes; data whose later periods are tiny
    // next to the first (1e87 customers, then 1 199) could pass it away from the maximum. A
    // maximum is one: no point 1 % away in either parameter does better.
    for (const double factor : {0.99, 1.01}) {
        if (log_likelihood(data, alpha * factor, beta) > ll + 1e-7 * std::max(1.0, std::abs(ll)) ||
            log_likelihood(data, alpha, beta * factor) > ll + 1e-7 * std::max(1.0, std::abs(ll)))
            throw no_convergence("the sBG fit did not converge (the data are too uneven to locate the maximum)");
    }
    if (ll <= geometric_log_likelihood(data) + tolerance)
        throw domain_error("retention does not rise with tenure: a constant retention rate fits as well, "
                           "the sBG is not identified");
    return {alpha, beta, finite_result(ll)};
}

namespace {

// ln Gamma(x + a) - ln Gamma(x) for x > 0, a >= 0, accurate in every regime the survival
// function meets: for large x by the difference of Stirling's series, written without
// cancellation, (x - 1/2) ln(1 + a/x) + a ln(x + a) - a + 1/(12(x+a)) - 1/(12x)
// - 1/(360(x+a)^3) + 1/(360x^3) (error below 1e-25 for x >= 1e5); otherwise Boost.Math's
// ratio of gamma functions, or, where that ratio leaves double range (the result is then
// above 700 in magnitude), the difference of the log-gammas.
// The series terms of Stirling's difference from x to y = x + a: 1/(12y) - 1/(12x) - 1/(360y^3) + 1/(360x^3).
double stirling_terms(double x, double y) {
    return (1 / (12 * y) - 1 / (12 * x)) - (1 / (360 * y * y * y) - 1 / (360 * x * x * x));
}

double log_gamma_shift(double x, double a) {
    if (a == 0)
        return 0;
    if (x >= 1e5) {
        const double y = x + a;
        return (x - 0.5) * std::log1p(a / x) + a * std::log(y) - a + stirling_terms(x, y);
    }
    // Boost.Math with the library's non-throwing policy (special.hpp): an overflow is ±inf or
    // NaN, which the callers check, never an exception (SBG_SURVIVAL({1E306;1};1E306) showed
    // #VALUE! when lgamma's overflow escaped with Boost's default policy).
    if (a > 1e5)  // beyond Boost's Lanczos range; the result is above 1e5 in magnitude here
        return detail::log_gamma(x + a) - detail::log_gamma(x);
    const double ratio = boost::math::tgamma_delta_ratio(x, a, detail::special_policy());  // Gamma(x)/Gamma(x + a)
    if (std::isnormal(ratio))
        return -std::log(ratio);
    return detail::log_gamma(x + a) - detail::log_gamma(x);
}

// ln Gamma(x + a) - ln Gamma(x) - (ln Gamma(x + gap + a) - ln Gamma(x + gap)): the difference of
// two shifts by a, which is ln S. For x >= 1e5 both shifts are Stirling differences whose large
// terms a ln(x + a) and a ln(x + gap + a) are taken together as -a ln(1 + gap/(x + a)), so that
// the difference keeps its digits when the shifts are 1e7 and it is 40 (alpha 1.3e301, beta
// 1.3e304, t 45 292: found by fuzz_sbg, S(t)/S(t-1) was off the retention by 6e-9).
double log_gamma_shift_difference(double x, double gap, double a) {
    if (a == 0 || gap == 0)
        return 0;
    if (x < 1e5)
        return log_gamma_shift(x, a) - log_gamma_shift(x + gap, a);
    const double x2 = x + gap, y1 = x + a, y2 = x2 + a;
    return ((x - 0.5) * std::log1p(a / x) - (x2 - 0.5) * std::log1p(a / x2)) - a * std::log1p(gap / y1) +
           (stirling_terms(x, y1) - stirling_terms(x2, y2));
}

}  // namespace

double sbg_survival(SbgParams params, double t) {
    require_params(params);
    require_whole(t, 0, "t");
    const double alpha = params.alpha, beta = params.beta;
    double log_s = 0;
    if (t <= 1000) {
        for (double k = 0; k < t; ++k)
            log_s += log_renewal(alpha, beta + k);
    } else if (!std::isfinite(alpha + beta)) {
        // alpha, beta both near the largest double: t (< 1e308) is nothing beside them and
        // every period's retention is beta/(alpha + beta)
        log_s = -t * std::log1p(alpha / beta);
    } else if (alpha <= t) {
        // ln S = ln Gamma(beta + t) - ln Gamma(alpha + beta + t) - (ln Gamma(beta) - ln Gamma(alpha + beta)):
        // two shifts by alpha, small next to t
        log_s = log_gamma_shift_difference(beta, t, alpha);
    } else {
        // the same as two shifts by t, small next to alpha
        log_s = log_gamma_shift_difference(beta, alpha, t);
    }
    if (std::isnan(log_s)) {
        // Both shifts beyond double range (alpha or t near 1e306): every period's retention
        // (beta + k)/(alpha + beta + k), k < t, is at most (beta + t)/(alpha + beta + t), so
        // ln S <= -t ln(1 + alpha/(beta + t)); below -750 the survival is 0 in double.
        const double bound = -t * std::log1p(alpha / (beta + t));
        if (bound < -750)
            return 0;
        throw overflow("the survival cannot be computed for these parameters");
    }
    return finite_result(std::exp(std::min(log_s, 0.0)));
}

double sbg_retention(SbgParams params, double t) {
    require_params(params);
    require_whole(t, 1, "t");
    return finite_result(1 / (1 + params.alpha / (params.beta + (t - 1))));  // beta + t - 1 = 0 for beta 1e-300, t 1
}

namespace {

// 2F1(1, b; b + gap; z), gap > 0 given apart so that a tiny gap survives a huge b;
// tail_factor = z/(1 - z) (= 1/d for z = 1/(1 + d), exact even where 1 + d rounds to 1).
double hyp2f1_series(double b, double gap, double z, double tail_factor) {
    constexpr long max_terms = 10'000'000;
    double sum = 1, compensation = 0, term = 1;
    for (long k = 0; k < max_terms; ++k) {
        term *= z / (1 + gap / (b + static_cast<double>(k)));  // (b + k)/(c + k) z
        // Kahan summation: up to 10^7 positive terms
        const double y = term - compensation;
        const double next = sum + y;
        compensation = (next - sum) - y;
        sum = next;
        if (term * tail_factor <= 1e-17 * sum)
            return finite_result(sum);
    }
    throw overflow("2F1 series did not converge in 10^7 terms (discount too close to 0)");
}

}  // namespace

double hyp2f1_1bcz(double b, double c, double z) {
    require_finite(b, "b");
    require_finite(c, "c");
    require_finite(z, "z");
    if (!(b > 0 && c > b))
        throw domain_error("2F1(1, b; c; z) is summed here only for 0 < b < c");
    if (z < 0 || z >= 1)
        throw domain_error("2F1(1, b; c; z) is summed here only for 0 <= z < 1");
    return hyp2f1_series(b, c - b, z, z / (1 - z));
}

double sbg_derl(SbgParams params, double discount, double renewals) {
    require_params(params);
    require_finite(discount, "discount");
    if (discount < 0)
        throw domain_error("discount must not be negative");
    require_whole(renewals, 0, "renewals");
    const double beta_n = params.beta + renewals;  // beta + n - 1
    if (discount == 0) {
        // Gauss: 2F1(1, b; c; 1) = (c - 1)/(c - b - 1) when c - b = alpha > 1.
        if (params.alpha <= 1)
            throw overflow("with discount 0 and alpha <= 1 the expected lifetime is infinite");
        return finite_result(beta_n / (params.alpha - 1));
    }
    const double retention = 1 / (1 + params.alpha / beta_n);
    const double z = 1 / (1 + discount);
    return finite_result(retention * hyp2f1_series(beta_n + 1, params.alpha, z, 1 / discount));
}

}  // namespace cm
