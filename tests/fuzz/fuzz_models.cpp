// libFuzzer target: the customer-base models (cm/rfm.hpp, cm/bgnbd.hpp, cm/gamma_gamma.hpp,
// cm/pnbd.hpp, cm/bgbb.hpp) with arbitrary parameters and histories, from plausible to hostile (NaN, ±inf,
// 1e-300, 1e300, x in the hundreds, t -> 0; for the Pareto/NBD also T up to 2^40 and alpha,
// beta 2^±60 apart, where its hypergeometric likelihood overflows in the peers' code). The promise: a finite result in its range, or one of
// cm's exceptions; never NaN, infinity, a crash or a hang. Small fits too (a handful of
// customers), which must converge or refuse, within their bounded iterations.
#include "fuzz_input.hpp"

#include <cm/bgbb.hpp>
#include <cm/bgnbd.hpp>
#include <cm/gamma_gamma.hpp>
#include <cm/pnbd.hpp>
#include <cm/rfm.hpp>

#include <cmath>
#include <cstdlib>
#include <vector>

namespace {

// A new customer's forecasts (BG/NBD, Pareto/NBD): the expected purchases in his first t
// periods, finite and >= 0, and P(exactly k of them), a probability.
template <class Params, class Expected, class Pmf>
void new_customer(FuzzInput& in, const Params& p, double t, Expected expected_new, Pmf pmf) {
    tolerate_refusal([&] {
        const double e = expected_new(p, t);
        require(std::isfinite(e) && e >= 0);
    });
    const double k = in.byte() % 4 == 0 ? in.number() : in.byte() % 16;
    tolerate_refusal([&] {
        const double probability = pmf(p, t, k);
        require(probability >= 0 && probability <= 1);
    });
}

// A Pareto/NBD history: history() or, one time in four, one at the extremes — x up to 10^4,
// T up to 2^40 periods, t_x anywhere in [0, T] including T itself.
void extreme_history(FuzzInput& in, double& x, double& t_x, double& T) {
    if (in.byte() % 4 != 0)
        return history(in, x, t_x, T);
    x = in.byte() % 2 == 0 ? in.byte() * 40.0 : in.byte();
    T = std::ldexp(1.0 + in.byte() / 256.0, static_cast<int>(in.byte() % 80) - 40);
    const std::uint8_t where = in.byte();
    t_x = x == 0 ? 0 : where == 255 ? T : T * (where / 255.0);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    const int which = in.byte() % 10;
    if (which <= 2) {  // per-customer predictions and likelihood
        const cm::BgnbdParams p{parameter(in), parameter(in), parameter(in), parameter(in)};
        double x, t_x, T;
        history(in, x, t_x, T);
        const double t = in.byte() % 3 == 0 ? in.number() : in.byte() / 4.0;
        tolerate_refusal([&] {
            const double alive = cm::bgnbd_p_alive(p, x, t_x, T);
            require(alive >= 0 && alive <= 1);
        });
        tolerate_refusal([&] {
            const double e = cm::bgnbd_expected(p, x, t_x, T, t);
            require(std::isfinite(e) && e >= 0);
        });
        tolerate_refusal([&] { require(std::isfinite(cm::bgnbd_log_likelihood(p, x, t_x, T))); });
        if (which == 2) {
            const double horizon = in.byte() % 60;
            tolerate_refusal([&] { require(std::isfinite(cm::bgnbd_clv(p, x, t_x, T, in.number(), in.number() / 300, in.number() / 300, horizon))); });
        }
    } else if (which == 3) {  // Gamma-Gamma per customer
        const cm::GgParams p{parameter(in), parameter(in), parameter(in)};
        const double x = in.byte() % 4 == 0 ? in.number() : in.byte() % 20;
        const double m = in.number();
        tolerate_refusal([&] {
            const double spend = cm::gg_spend(p, x, m);
            require(std::isfinite(spend) && spend >= 0);
        });
        tolerate_refusal([&] { require(std::isfinite(cm::gg_log_likelihood(p, x, m))); });
    } else if (which == 4) {  // small fits
        const std::size_t n = in.byte() % 24;
        std::vector<double> x(n), t_x(n), T(n), m(n);
        for (std::size_t i = 0; i < n; ++i) {
            history(in, x[i], t_x[i], T[i]);
            m[i] = in.number();
        }
        tolerate_refusal([&] {
            const auto fit = cm::bgnbd_fit(x, t_x, T);
            require(std::isfinite(fit.log_likelihood) && fit.params.r > 0 && fit.params.alpha > 0 && fit.params.a > 0 &&
                    fit.params.b > 0);
        });
        tolerate_refusal([&] {
            const auto fit = cm::gg_fit(x, m);
            require(std::isfinite(fit.log_likelihood) && fit.params.p > 0 && fit.params.q > 0 && fit.params.v > 0);
        });
    } else if (which == 6) {  // Pareto/NBD per customer
        const cm::PnbdParams p{parameter(in), parameter(in), parameter(in), parameter(in)};
        double x, t_x, T;
        extreme_history(in, x, t_x, T);
        const double t = in.byte() % 3 == 0 ? in.number() : in.byte() / 4.0;
        tolerate_refusal([&] { require(std::isfinite(cm::pnbd_log_likelihood(p, x, t_x, T))); });
        tolerate_refusal([&] {
            const double alive = cm::pnbd_p_alive(p, x, t_x, T);
            require(alive >= 0 && alive <= 1);
        });
        tolerate_refusal([&] {
            const double e = cm::pnbd_expected(p, x, t_x, T, t);
            require(std::isfinite(e) && e >= 0);
        });
        new_customer(in, p, t, cm::pnbd_expected_new, cm::pnbd_pmf);
        const double discount = in.byte() % 3 == 0 ? in.number() : in.byte() / 1000.0;
        tolerate_refusal([&] {
            const double dert = cm::pnbd_dert(p, x, t_x, T, discount);
            require(std::isfinite(dert) && dert >= 0);
        });
        const double horizon = in.byte() % 60;
        tolerate_refusal([&] {
            require(std::isfinite(cm::pnbd_clv(p, x, t_x, T, in.number(), in.number() / 300, discount, horizon)));
        });
    } else if (which == 7) {  // small Pareto/NBD fits
        const std::size_t n = in.byte() % 24;
        std::vector<double> x(n), t_x(n), T(n);
        for (std::size_t i = 0; i < n; ++i)
            extreme_history(in, x[i], t_x[i], T[i]);
        tolerate_refusal([&] {
            const auto fit = cm::pnbd_fit(x, t_x, T);
            require(std::isfinite(fit.log_likelihood) && fit.params.r > 0 && fit.params.alpha > 0 && fit.params.s > 0 &&
                    fit.params.beta > 0);
        });
    } else if (which == 8) {  // BG/BB per history, and the new-customer forecasts of BG/NBD
        const cm::BgbbParams p{parameter(in), parameter(in), parameter(in), parameter(in)};
        // a discrete history: mostly valid whole numbers, n up to 2^16 opportunities, sometimes anything
        double n = in.byte() % 4 == 0 ? std::ldexp(1.0, in.byte() % 17) : in.byte() % 12;
        double t_x = std::floor(n * (in.byte() / 255.0)), x = t_x > 0 ? 1 + std::floor((t_x - 1) * (in.byte() / 255.0)) : 0;
        if (in.byte() % 8 == 0) {
            x = in.number();
            t_x = in.number();
            n = in.number();
        }
        const double future = in.byte() % 3 == 0 ? in.number() : in.byte() % 40;
        tolerate_refusal([&] { require(std::isfinite(cm::bgbb_log_likelihood(p, x, t_x, n)) && cm::bgbb_log_likelihood(p, x, t_x, n) <= 1e-12); });
        tolerate_refusal([&] {
            const double alive = cm::bgbb_p_alive(p, x, t_x, n);
            require(alive >= 0 && alive <= 1);
        });
        tolerate_refusal([&] {
            const double e = cm::bgbb_expected(p, x, t_x, n, future);
            require(std::isfinite(e) && e >= 0 && e <= future + 1e-9 * future);
        });
        tolerate_refusal([&] {
            const double e = cm::bgbb_expected_new(p, future);
            require(std::isfinite(e) && e >= 0 && e <= future + 1e-9 * future);
        });
        const double discount = in.byte() % 3 == 0 ? in.number() : in.byte() / 100.0;
        tolerate_refusal([&] {
            const double dert = cm::bgbb_dert(p, x, t_x, n, discount);
            require(std::isfinite(dert) && dert >= 0);
        });
        const cm::BgnbdParams q{parameter(in), parameter(in), parameter(in), parameter(in)};
        const double t = in.byte() % 3 == 0 ? in.number() : in.byte() / 4.0;
        new_customer(in, q, t, cm::bgnbd_expected_new, cm::bgnbd_pmf);
    } else if (which == 9) {  // small BG/BB fits, with weights
        const std::size_t rows = in.byte() % 24;
        std::vector<double> x(rows), t_x(rows), n(rows), weights(rows);
        for (std::size_t i = 0; i < rows; ++i) {
            n[i] = 1 + in.byte() % 12;
            t_x[i] = std::floor(n[i] * (in.byte() / 255.0));
            x[i] = t_x[i] > 0 ? 1 + std::floor((t_x[i] - 1) * (in.byte() / 255.0)) : 0;
            weights[i] = in.byte() % 8 == 0 ? in.number() : std::ldexp(1.0 + in.byte(), in.byte() % 24);
        }
        tolerate_refusal([&] {
            const auto fit = cm::bgbb_fit(x, t_x, n, weights);
            require(std::isfinite(fit.log_likelihood) && fit.params.alpha > 0 && fit.params.beta > 0 &&
                    fit.params.gamma > 0 && fit.params.delta > 0);
        });
    } else {  // RFM summary of a small log
        const std::size_t n = in.byte() % 40, customers = 1 + in.byte() % 8;
        std::vector<std::size_t> who(n);
        std::vector<double> when(n), amount(n);
        for (std::size_t i = 0; i < n; ++i) {
            who[i] = in.byte() % customers;
            when[i] = in.number();
            amount[i] = in.number();
        }
        const double end = in.number(), days = in.byte() % 5 == 0 ? in.number() : 1 + in.byte() % 31;
        tolerate_refusal([&] {
            const auto s = cm::rfm_summary(who, when, amount, customers, end, days);
            for (std::size_t i = 0; i < s.x.size(); ++i)
                require(s.x[i] >= 0 && s.t_x[i] >= 0 && s.t_x[i] <= s.T[i] && std::isfinite(s.T[i]) &&
                        std::isfinite(s.average_value[i]));
        });
    }
    return 0;
}
