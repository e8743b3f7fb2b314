// Maximum-likelihood search shared by the model fits: L-BFGS from LBFGS++ (Y. Qiu, MIT
// licence, header-only, Debian liblbfgspp-dev) on Eigen, in log-parameters so that every
// point the search visits is a valid parameter vector. Private to the library.
#pragma once

#include "cm/errors.hpp"

#include <Eigen/Core>
#include <LBFGS.h>

#include <cmath>
#include <limits>
#include <vector>

namespace cm::detail {

struct Optimum {
    Eigen::VectorXd theta;  // log-parameters
    double value;           // the objective there
    int evaluations;        // objective evaluations of the search that found it
    bool converged;
};

// Minimises objective(theta, gradient) (a mean negative log-likelihood per customer, so the
// tolerances do not depend on the number of customers) from each start and keeps the best
// point that converged: gradient norm below 1e-6 and no log-parameter beyond ±ln 1e8 (an
// optimum at the edge of the parameter space is a model the data cannot identify).
// LBFGS++ throws when its line search cannot make progress; that happens at the optimum
// itself once the objective is flat to rounding, so the lowest point reached is kept and
// judged by its gradient like any other. Not converged from any start: domain_error(`failure`).
template <class Objective>
Optimum minimise(Objective& objective, const std::vector<Eigen::VectorXd>& starts, const char* failure) {
    LBFGSpp::LBFGSParam<double> settings;
    settings.epsilon = 1e-10;
    settings.epsilon_rel = 0;
    settings.past = 5;        // or stop when 5 iterations improved the objective by < 1e-13
    settings.delta = 1e-13;   // relative: flat to rounding (it is a mean of many terms)
    settings.max_iterations = 400;
    settings.max_linesearch = 60;
    settings.linesearch = LBFGSpp::LBFGS_LINESEARCH_BACKTRACKING_WOLFE;
    constexpr double edge = 18.420680743952367;  // ln 1e8
    constexpr double gradient_tolerance = 1e-6;

    // The search must not wander where the objective is not finite: there it is +inf and
    // its gradient zero, so the line search backs off.
    // The best point of the current search is remembered: when LBFGS++ throws, its vector
    // holds a rejected trial point.
    Eigen::VectorXd lowest;
    int evaluations = 0;
    double lowest_value = std::numeric_limits<double>::infinity();
    auto guarded = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        if (theta.cwiseAbs().maxCoeff() > 2 * edge) {
            gradient.setZero();
            return std::numeric_limits<double>::infinity();
        }
        ++evaluations;
        const double value = objective(theta, gradient);
        if (!std::isfinite(value) || !gradient.allFinite()) {
            gradient.setZero();
            return std::numeric_limits<double>::infinity();
        }
        if (value < lowest_value) {
            lowest_value = value;
            lowest = theta;
        }
        return value;
    };

    Optimum best{Eigen::VectorXd(), std::numeric_limits<double>::infinity(), 0, false};
    for (const Eigen::VectorXd& start : starts) {
        Eigen::VectorXd theta = start;
        lowest = start;
        lowest_value = std::numeric_limits<double>::infinity();
        evaluations = 0;
        double value = 0;
        LBFGSpp::LBFGSSolver<double> solver(settings);
        try {
            solver.minimize(guarded, theta, value);
        } catch (const std::exception&) {
        }
        theta = lowest;
        Eigen::VectorXd gradient(theta.size());
        value = guarded(theta, gradient);
        const bool converged = std::isfinite(value) && gradient.norm() < gradient_tolerance &&
                               theta.cwiseAbs().maxCoeff() < edge;
        if (converged && value < best.value)
            best = {theta, value, evaluations, true};
    }
    if (!best.converged)
        throw domain_error(failure);
    return best;
}

}  // namespace cm::detail
