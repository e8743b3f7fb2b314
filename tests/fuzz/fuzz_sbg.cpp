// libFuzzer target: the sBG model (cm/sbg.hpp) with arbitrary cohort tables and parameters.
// The library's promise (errors.hpp): a finite result or one of cm's exceptions, nothing else,
// in bounded time. Checked besides: a fit returns parameters inside its search box with a
// log-likelihood <= 0 that no nearby point beats; survival is a probability consistent with
// retention; DERL lies between 0 and the sum of the discount factors.
#include "fuzz_input.hpp"

#include <cm/sbg.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <vector>

namespace {

template <class Compute>
bool attempt(Compute compute) {
    return refusal(compute) == Refusal::none;
}

// A cohort table: mostly survival-like rows (a size, then losses), sometimes anything, with
// blanks wherever the bytes say.
std::vector<std::vector<std::optional<double>>> table(FuzzInput& in) {
    std::vector<std::vector<std::optional<double>>> rows(1 + in.byte() % 3);
    for (auto& row : rows) {
        const int length = 1 + in.byte() % 16;
        double alive = 1 + in.byte() * 10.0;
        for (int t = 0; t < length && !in.empty(); ++t) {
            const std::uint8_t tag = in.byte();
            if (tag % 16 == 0) {
                row.push_back(std::nullopt);
            } else if (tag % 16 == 1) {
                row.push_back(in.number());
            } else {
                if (t > 0)
                    alive = std::max(0.0, alive - alive * (in.byte() % 101) / 100.0);
                row.push_back(alive);
            }
        }
    }
    return rows;
}

cm::SbgParams params(FuzzInput& in) { return {in.number(), in.number()}; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    switch (in.byte() % 5) {
        case 0: {
            std::vector<cm::SbgCohort> cohorts;
            if (!attempt([&] { cohorts = cm::sbg_cohorts(table(in)); }))
                break;
            cm::SbgFit fit{};
            if (!attempt([&] { fit = cm::sbg_fit(cohorts); }))
                break;
            require(std::isfinite(fit.alpha) && std::isfinite(fit.beta) && std::isfinite(fit.log_likelihood));
            // inside the edge of the one fitting path's parameter space (optimise.hpp: log-parameters
            // within ±ln 1e8; the sBG fit's own box of 1e-6..1e6 went with its driver)
            require(fit.alpha > 1e-8 && fit.alpha < 1e8 && fit.beta > 1e-8 && fit.beta < 1e8);
            require(fit.log_likelihood <= 0);
            const double slack = 1e-6 * std::max(1.0, std::abs(fit.log_likelihood));
            for (const double f : {0.98, 1.02}) {
                require(cm::sbg_log_likelihood(cohorts, {fit.alpha * f, fit.beta}) <= fit.log_likelihood + slack);
                require(cm::sbg_log_likelihood(cohorts, {fit.alpha, fit.beta * f}) <= fit.log_likelihood + slack);
            }
            break;
        }
        case 1: {
            std::vector<cm::SbgCohort> cohorts;
            if (!attempt([&] { cohorts = cm::sbg_cohorts(table(in)); }))
                break;
            const cm::SbgParams p = params(in);
            double ll = 0;
            if (attempt([&] { ll = cm::sbg_log_likelihood(cohorts, p); }))
                require(std::isfinite(ll) && ll <= 0);
            break;
        }
        case 2: {
            const cm::SbgParams p = params(in);
            const double t = in.number();
            double s = 0, previous = 0, r = 0;
            if (!attempt([&] { s = cm::sbg_survival(p, t); }))
                break;
            require(s >= 0 && s <= 1);
            if (t >= 1 && t <= 1e6 && attempt([&] { previous = cm::sbg_survival(p, t - 1); }) &&
                attempt([&] { r = cm::sbg_retention(p, t); })) {
                require(r >= 0 && r <= 1 && s <= previous);
                if (previous > 1e-200 && s > 1e-200)
                    require(std::abs(s / previous - r) <= 1e-9);
            }
            break;
        }
        case 3: {  // DERL's 2F1(1, b; c; z): >= 1 and rising in z, or a clean refusal
            const double b = in.number(), c = in.number(), z = in.number();
            double f = 0;
            if (attempt([&] { f = cm::hyp2f1_1bcz(b, c, z); }))
                require(std::isfinite(f) && f >= 1);
            break;
        }
        default: {
            const cm::SbgParams p = params(in);
            const double discount = in.number(), renewals = in.number();
            double derl = 0;
            if (attempt([&] { derl = cm::sbg_derl(p, discount, renewals); })) {
                require(std::isfinite(derl) && derl >= 0);
                if (discount > 0)
                    require(derl <= (1 + discount) / discount * (1 + 1e-9));
            }
            break;
        }
    }
    return 0;
}
