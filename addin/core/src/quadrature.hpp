// Globally adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod; the nodes and
// weights are Boost.Math's, boost/math/quadrature/gauss_kronrod.hpp) of a vector of integrals
// that share one integrand's shape: f(u) returns N values, the first a positive function
// whose accuracy decides the refinement, the others that function times smooth weights (the
// likelihood's gradient). The panel with the largest error estimate |K15 − G7| is halved until
// the estimates sum to at most `tolerance` × the first integral (R. Piessens et al., QUADPACK,
// Springer 1983: the QAG strategy without extrapolation). Never throws; `ok` is false when
// `max_panels` panels do not reach the tolerance or a value is not finite. Private to the library.
#pragma once

#include <boost/math/quadrature/gauss.hpp>
#include <boost/math/quadrature/gauss_kronrod.hpp>

#include <array>
#include <cmath>
#include <cstddef>
#include <vector>

namespace cm::detail {

template <std::size_t N>
struct Quadrature {
    std::array<double, N> value{};
    bool ok = false;
};

template <std::size_t N, class F>
Quadrature<N> integrate(F&& f, double a, double b, double tolerance, int max_panels) {
    using kronrod = boost::math::quadrature::gauss_kronrod<double, 15>;
    using gauss = boost::math::quadrature::gauss<double, 7>;
    struct Panel {
        double a, b;
        std::array<double, N> value;
        double error;
    };
    const auto& nodes = kronrod::abscissa();  // 0 and the 7 positive nodes; even ones are Gauss's
    const auto& weights = kronrod::weights();
    const auto& gauss_weights = gauss::weights();
    bool finite = true;
    const auto panel = [&](double lo, double hi) {
        const double centre = 0.5 * (lo + hi), half = 0.5 * (hi - lo);
        Panel p{lo, hi, {}, 0};
        double coarse = 0;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            const int sides = i == 0 ? 1 : 2;
            for (int side = 0; side < sides; ++side) {
                const std::array<double, N> v = f(side == 0 ? centre + half * nodes[i] : centre - half * nodes[i]);
                for (std::size_t j = 0; j < N; ++j)
                    p.value[j] += weights[i] * v[j];
                if (i % 2 == 0)
                    coarse += gauss_weights[i / 2] * v[0];
            }
        }
        for (double& v : p.value)
            v *= half;
        p.error = std::abs(p.value[0] - coarse * half);
        for (double v : p.value)
            finite = finite && std::isfinite(v);
        return p;
    };
    std::vector<Panel> panels{panel(a, b)};
    Quadrature<N> result;
    for (;;) {
        double total = 0, error = 0;
        std::size_t worst = 0;
        for (std::size_t i = 0; i < panels.size(); ++i) {
            total += panels[i].value[0];
            error += panels[i].error;
            if (panels[i].error > panels[worst].error)
                worst = i;
        }
        if (!finite)
            return result;
        if (error <= tolerance * std::abs(total)) {
            for (const Panel& p : panels)
                for (std::size_t j = 0; j < N; ++j)
                    result.value[j] += p.value[j];
            result.ok = true;
            return result;
        }
        const Panel split = panels[worst];
        const double middle = 0.5 * (split.a + split.b);
        if (static_cast<int>(panels.size()) >= max_panels || !(split.a < middle && middle < split.b))
            return result;
        panels[worst] = panel(split.a, middle);
        panels.push_back(panel(middle, split.b));
    }
}

}  // namespace cm::detail
