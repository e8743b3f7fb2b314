// libFuzzer target: the intervals of the model predictions (cm/intervals.hpp) and the
// covariance they read back from a sheet (cm/uncertainty.hpp), with arbitrary parameters,
// histories and covariance cells — a covariance typed by hand, one from a fit, or anything. The
// promise: an interval of finite bounds, lower <= upper, inside its scale (a probability's in
// [0, 1], an expectation's >= 0), or one of cm's exceptions; never NaN, a crash or a hang.
#include "fuzz_input.hpp"

#include <cm/bgbb.hpp>
#include <cm/bgnbd.hpp>
#include <cm/gamma_gamma.hpp>
#include <cm/intervals.hpp>
#include <cm/pnbd.hpp>
#include <cm/sbg.hpp>
#include <cm/uncertainty.hpp>

#include <cmath>
#include <vector>

namespace {

// The k×k cells of a covariance: mostly a positive semi-definite one (A·Aᵀ of a small matrix,
// scaled across magnitudes), sometimes any numbers; read back as a sheet's cells are.
cm::ParameterCovariance covariance(FuzzInput& in, const std::vector<double>& params) {
    const std::size_t k = params.size();
    std::vector<double> cells(k * k);
    if (in.byte() % 4 == 0) {
        for (double& cell : cells)
            cell = in.number();
    } else {
        std::vector<double> a(k * k);
        for (double& value : a)
            value = (in.byte() - 128) / 64.0;
        const double scale = std::ldexp(1.0, static_cast<int>(in.byte() % 80) - 60);
        for (std::size_t i = 0; i < k; ++i)
            for (std::size_t j = 0; j < k; ++j) {
                double sum = 0;
                for (std::size_t m = 0; m < k; ++m)
                    sum += a[i * k + m] * a[j * k + m];
                cells[i * k + j] = scale * sum * params[i] * params[j];
            }
    }
    return cm::covariance_from_cells(params, cells);
}

double level(FuzzInput& in) { return in.byte() % 4 == 0 ? in.number() : 0.5 + in.byte() / 512.0; }

void check_bounds(const cm::Interval& interval) {
    require(std::isfinite(interval.lower) && std::isfinite(interval.upper) && interval.lower <= interval.upper);
}

void check(const cm::Interval& interval, bool probability) {
    check_bounds(interval);
    if (probability)
        require(interval.lower >= 0 && interval.upper <= 1);
    else
        require(interval.lower >= 0);
}

// Computes an interval; a clean refusal is fine, a returned one must keep the promise.
template <class Compute>
void interval(Compute compute, bool probability) {
    cm::Interval result{};
    if (refusal([&] { result = compute(); }) == Refusal::none)
        check(result, probability);
}


// A continuous-time purchase model (BG/NBD, Pareto/NBD): P(alive), the expected purchases and,
// with a Gamma-Gamma spend, the CLV, each with its interval.
template <class Params, class Alive, class Expected, class Clv>
void purchase_model(FuzzInput& in, const Params& p, const std::vector<double>& values, Alive alive,
                    Expected expected, Clv clv) {
    double x = 0, t_x = 0, T = 0;
    history(in, x, t_x, T);
    cm::ParameterCovariance c;
    if (refusal([&] { c = covariance(in, values); }) != Refusal::none)
        return;
    const double confidence = level(in), t = in.number();
    interval([&] { return alive(p, c, x, t_x, T, confidence); }, true);
    interval([&] { return expected(p, c, x, t_x, T, t, confidence); }, false);
    const cm::GgParams g{parameter(in), parameter(in), parameter(in)};
    cm::ParameterCovariance gc;
    if (refusal([&] { gc = covariance(in, {g.p, g.q, g.v}); }) != Refusal::none)
        return;
    const double value = in.number(), margin = in.number(), discount = in.number(), horizon = in.number();
    cm::Interval result{};
    if (refusal([&] { result = clv(p, c, g, gc, x, t_x, T, value, margin, discount, horizon, confidence); }) ==
        Refusal::none)
        check_bounds(result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    const int which = in.byte() % 6;
    double x = 0, t_x = 0, T = 0;
    if (which == 0) {  // BG/NBD
        const cm::BgnbdParams p{parameter(in), parameter(in), parameter(in), parameter(in)};
        purchase_model(in, p, {p.r, p.alpha, p.a, p.b}, cm::bgnbd_p_alive_interval, cm::bgnbd_expected_interval,
                       cm::bgnbd_clv_interval);
    } else if (which == 1) {  // a small cohort's forecast, few draws
        const cm::BgnbdParams p{parameter(in), parameter(in), parameter(in), parameter(in)};
        cm::ParameterCovariance c;
        if (refusal([&] { c = covariance(in, {p.r, p.alpha, p.a, p.b}); }) != Refusal::none)
            return 0;
        std::vector<double> xs, t_xs, Ts, horizons;
        for (int i = 1 + in.byte() % 6; i > 0; --i) {
            history(in, x, t_x, T);
            xs.push_back(x), t_xs.push_back(t_x), Ts.push_back(T);
        }
        for (int i = 1 + in.byte() % 3; i > 0; --i)
            horizons.push_back(in.byte() % 8 == 0 ? in.number() : in.byte() % 60);
        const double confidence = level(in);
        // The library bounds the simulation at 3·10^7 purchases (about a second in a release
        // build, over the fuzzer's 10 s under the sanitizers): the target keeps to cohorts that
        // buy at most 1 000 times on average and draws within e^±1 per log-parameter.
        const std::vector<double> p_vector{p.r, p.alpha, p.a, p.b};
        double expected = 0;
        for (std::size_t i = 0; i < xs.size(); ++i)
            for (const double h : horizons)
                tolerate_refusal([&] { expected += cm::bgnbd_expected(p, xs[i], t_xs[i], Ts[i], h); });
        bool modest = std::isfinite(expected) && expected <= 1000;
        for (std::size_t i = 0; i < 4 && c.available(); ++i)
            modest = modest && c.matrix[i * 5] / (p_vector[i] * p_vector[i]) <= 1;
        if (!modest)
            return 0;
        std::vector<cm::CohortForecast> forecast;
        if (refusal([&] { forecast = cm::bgnbd_cohort_forecast(p, c, xs, t_xs, Ts, horizons, confidence, 20); }) ==
            Refusal::none) {
            require(forecast.size() == horizons.size());
            for (const cm::CohortForecast& f : forecast) {
                require(std::isfinite(f.expected) && f.expected >= 0);
                check(f.parameters, false);
                check_bounds(f.predictive);
            }
        }
    } else if (which == 2) {  // sBG, its covariance from a fit or typed
        const cm::SbgParams p{parameter(in), parameter(in)};
        cm::ParameterCovariance c;
        if (in.byte() % 2 == 0) {
            cm::SbgCohort cohort{1000};
            for (int t = 1 + in.byte() % 8; t > 0; --t)
                cohort.push_back(cohort.back() * (in.byte() / 255.0));
            cm::SbgFit fit{};
            if (refusal([&] { fit = cm::sbg_fit({cohort}); }) != Refusal::none)
                return 0;
            tolerate_refusal([&] { c = cm::sbg_covariance({cohort}, fit); });
            if (!c.available())
                return 0;
            for (const double se : cm::standard_errors(c))
                require(std::isfinite(se) && se > 0);
        } else if (refusal([&] { c = covariance(in, {p.alpha, p.beta}); }) != Refusal::none) {
            return 0;
        }
        const double confidence = level(in), t = in.number(), discount = in.number(), renewals = in.number();
        interval([&] { return cm::sbg_survival_interval(p, c, t, confidence); }, true);
        interval([&] { return cm::sbg_retention_interval(p, c, t, confidence); }, true);
        interval([&] { return cm::sbg_derl_interval(p, c, discount, renewals, confidence); }, false);
    } else if (which == 3) {  // Pareto/NBD
        const cm::PnbdParams p{parameter(in), parameter(in), parameter(in), parameter(in)};
        purchase_model(in, p, {p.r, p.alpha, p.s, p.beta}, cm::pnbd_p_alive_interval, cm::pnbd_expected_interval,
                       cm::pnbd_clv_interval);
    } else if (which == 4) {  // BG/BB
        const cm::BgbbParams p{parameter(in), parameter(in), parameter(in), parameter(in)};
        const double n = in.byte() % 8 == 0 ? in.number() : in.byte() % 12;
        x = in.byte() % 8 == 0 ? in.number() : std::fmod(in.byte(), n + 1);
        t_x = x > 0 ? x + std::fmod(in.byte(), std::max(1.0, n - x + 1)) : 0;
        cm::ParameterCovariance c;
        if (refusal([&] { c = covariance(in, {p.alpha, p.beta, p.gamma, p.delta}); }) != Refusal::none)
            return 0;
        const double confidence = level(in), future = in.byte() % 8 == 0 ? in.number() : in.byte() % 20;
        interval([&] { return cm::bgbb_p_alive_interval(p, c, x, t_x, n, confidence); }, true);
        interval([&] { return cm::bgbb_expected_interval(p, c, x, t_x, n, future, confidence); }, false);
    } else {  // the standard errors of any cells
        std::vector<double> params(1 + in.byte() % 4), cells;
        for (double& value : params)
            value = parameter(in);
        for (std::size_t i = 0; i < params.size() * params.size(); ++i)
            cells.push_back(in.number());
        cm::ParameterCovariance c;
        if (refusal([&] { c = cm::covariance_from_cells(params, cells); }) == Refusal::none) {
            std::vector<double> se;
            if (refusal([&] { se = cm::standard_errors(c); }) == Refusal::none)
                for (const double value : se)
                    require(std::isfinite(value) && value >= 0);
        }
    }
    return 0;
}
