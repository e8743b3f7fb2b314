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
    // The time bound: at most this many objective evaluations per start (a fit usually needs
    // 30-100), so that no data can keep Calc busy for long: 3 × 1000 evaluations of 10^6
    // orders' 360 000 customers are about 15 s at worst.
    constexpr int max_evaluations = 1000;
    struct out_of_budget {};  // also: stuck
    // A ridge of 1e-12 |theta|^2 on the mean negative log-likelihood (a Gaussian prior with a
    // variance of 5e11 on each log-parameter: no effect on any printed digit): it keeps every
    // L-BFGS curvature pair positive where the likelihood is flat or linear along a step
    // (tiny data sets), where LBFGS++ would otherwise divide by a zero s'y (found by fuzz_models).
    constexpr double ridge = 1e-12;

    // The search must not wander where the objective is not finite: there it is +inf and
    // its gradient zero, so the line search backs off.
    // The best point of the current search is remembered: when LBFGS++ throws, its vector
    // holds a rejected trial point.
    Eigen::VectorXd lowest, previous;
    int evaluations = 0;
    double lowest_value = std::numeric_limits<double>::infinity();
    auto guarded = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        if (theta.cwiseAbs().maxCoeff() > 2 * edge) {
            gradient.setZero();
            return std::numeric_limits<double>::infinity();
        }
        if (++evaluations > max_evaluations)
            throw out_of_budget{};
        // A step too small to move theta at all: the search is stuck (and LBFGS++ would
        // divide by the zero curvature of a zero step, found by fuzz_models).
        if (evaluations > 1 && theta == previous)
            throw out_of_budget{};
        previous = theta;
        double value = objective(theta, gradient);
        if (!std::isfinite(value) || !gradient.allFinite()) {
            gradient.setZero();
            return std::numeric_limits<double>::infinity();
        }
        value += ridge * theta.squaredNorm();
        gradient += 2 * ridge * theta;
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
        {
            // A start where the objective is not finite is skipped: LBFGS++ would accept any
            // step from +inf and divide by a zero curvature pair.
            Eigen::VectorXd gradient(theta.size());
            if (!std::isfinite(guarded(theta, gradient)))
                continue;
            evaluations = 0;
        }
        LBFGSpp::LBFGSSolver<double> solver(settings);
        try {
            solver.minimize(guarded, theta, value);
        } catch (const std::exception&) {
        } catch (const out_of_budget&) {
        }
        theta = lowest;
        const int used = evaluations;
        evaluations = 0;  // the check below is not part of the search's budget
        Eigen::VectorXd gradient(theta.size());
        value = guarded(theta, gradient);
        const bool converged = std::isfinite(value) && gradient.norm() < gradient_tolerance &&
                               theta.cwiseAbs().maxCoeff() < edge;
        if (converged && value < best.value)
            best = {theta, value, used, true};
    }
    if (!best.converged)
        throw domain_error(failure);
    best.value -= ridge * best.theta.squaredNorm();  // the objective itself, without the ridge
    return best;
}

}  // namespace cm::detail
