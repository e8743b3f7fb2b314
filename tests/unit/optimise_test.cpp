// The one fitting path (addin/core/src/optimise.hpp, private to the library): its three
// outcomes on objectives whose answer is known — an interior optimum is found; a likelihood
// that rises towards the edge of the parameter space is "the data cannot identify the model"
// (domain_error, Err:502 in Calc); a search that stops inside the space without reaching an
// optimum is "did not converge" (no_convergence, Err:523).
#include "optimise.hpp"

#include <cm/errors.hpp>

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace {

using Vector = Eigen::VectorXd;

std::vector<Vector> starts(std::initializer_list<std::initializer_list<double>> points) {
    std::vector<Vector> out;
    for (const auto& point : points) {
        Vector v(point.size());
        int i = 0;
        for (const double x : point)
            v[i++] = x;
        out.push_back(v);
    }
    return out;
}

TEST(Minimise, FindsAnInteriorOptimumFromEveryStart) {
    // a shifted Rosenbrock valley: minimum 0 at (1, 1)
    auto rosenbrock = [](const Vector& x, Vector& g) {
        const double a = 1 - x[0], b = x[1] - x[0] * x[0];
        g[0] = -2 * a - 400 * x[0] * b;
        g[1] = 200 * b;
        return a * a + 100 * b * b;
    };
    for (const auto& start : starts({{-1.2, 1}, {3, -2}, {0, 0}})) {
        const auto optimum = cm::detail::minimise(rosenbrock, {start}, "unused");
        EXPECT_TRUE(optimum.converged);
        EXPECT_NEAR(optimum.theta[0], 1, 1e-5);
        EXPECT_NEAR(optimum.theta[1], 1, 1e-5);
        EXPECT_LT(optimum.evaluations, 1000);
    }
}

TEST(Minimise, ALikelihoodRisingTowardsTheEdgeIsNotIdentified) {
    // the objective falls for ever as theta[0] grows (a parameter running to infinity)
    auto to_the_edge = [](const Vector& x, Vector& g) {
        g[0] = -std::exp(-x[0]) / (1 + std::exp(-x[0]));
        g[1] = 2 * x[1];
        return std::log1p(std::exp(-x[0])) + x[1] * x[1];
    };
    EXPECT_THROW(cm::detail::minimise(to_the_edge, starts({{0, 1}, {2, -1}}), "not identified"), cm::domain_error);
}

TEST(Minimise, AnInteriorOptimumBeatenAtTheEdgeIsNotIdentified) {
    // a local minimum near x = 0 and an objective that falls without end as x -> -inf:
    // 0.5 - 0.5 exp(-x^2) - 0.05 ln(1 + exp(-x)). The start near 0 converges there, the other
    // runs to the edge and finds lower values: the likelihood rises towards the edge.
    auto two_valleys = [](const Vector& x, Vector& g) {
        const double bump = std::exp(-x[0] * x[0]);
        const double softplus = x[0] < 0 ? -x[0] + std::log1p(std::exp(x[0])) : std::log1p(std::exp(-x[0]));
        const double sigmoid = 1 / (1 + std::exp(x[0]));  // of -x
        g[0] = x[0] * bump + 0.05 * sigmoid;
        return 0.5 - 0.5 * bump - 0.05 * softplus;
    };
    EXPECT_THROW(cm::detail::minimise(two_valleys, starts({{0.3}, {-8}}), "not identified"), cm::domain_error);
    // from the start near 0 alone the interior minimum is found (the search has not seen the edge)
    const auto local = cm::detail::minimise(two_valleys, starts({{0.3}}), "unused");
    EXPECT_TRUE(local.converged);
    EXPECT_LT(std::abs(local.theta[0]), 0.1);
}

TEST(Minimise, ASearchThatStopsInsideWithoutAnOptimumDidNotConverge) {
    // a gradient that disagrees with the objective (a constant 1, which never vanishes): no
    // line search can satisfy the Wolfe conditions, every search stops inside the parameter
    // space with a gradient of norm 1
    auto inconsistent = [](const Vector& x, Vector& g) {
        g[0] = 1;
        return x[0] * x[0];
    };
    EXPECT_THROW(cm::detail::minimise(inconsistent, starts({{1}, {-3}}), "unused"), cm::no_convergence);
}

TEST(Minimise, NoStartWhereTheObjectiveIsFiniteIsNotIdentified) {
    auto nowhere = [](const Vector&, Vector& g) {
        g.setZero();
        return std::nan("");
    };
    EXPECT_THROW(cm::detail::minimise(nowhere, starts({{0}, {1}}), "unused"), cm::domain_error);
}

}  // namespace
