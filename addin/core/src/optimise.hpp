// The one maximum-likelihood search of the library: every model fit (sBG, BG/NBD,
// Gamma-Gamma, Pareto/NBD, BG/BB) calls minimise(), so that all follow the same convergence
// rules. L-BFGS from LBFGS++ (Y. Qiu, MIT licence, header-only, Debian liblbfgspp-dev) on
// Eigen, in log-parameters so that every point the search visits is a valid parameter
// vector. Private to the library.
#pragma once

#include "cm/errors.hpp"
#include "information.hpp"

#include <Eigen/Core>
#include <Eigen/Eigenvalues>
#include <LBFGS.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace cm::detail {

struct Optimum {
    Eigen::VectorXd theta;  // log-parameters
    double value;           // the objective there
    int evaluations;        // objective evaluations of the search that found it
    bool converged;
};

// The objective with the search's ridge (see minimise): what the search, its checks and the
// final Newton steps all evaluate.
template <class Objective>
auto with_ridge(Objective& objective, double ridge) {
    return [&objective, ridge](const Eigen::VectorXd& theta, Eigen::VectorXd& gradient) {
        double value = objective(theta, gradient);
        value += ridge * theta.squaredNorm();
        gradient += 2 * ridge * theta;
        return value;
    };
}

// Newton steps from a converged L-BFGS point, with the Hessian from central differences of the
// analytic gradient: L-BFGS stops once the objective is flat to rounding, which leaves the
// parameters correct to about half the digits of a double (the sBG fit of Fader & Hardie's
// premium cohort from its percentages stopped at beta 3.80609504, the maximum is at 3.80609496);
// two Newton steps there bring them to the rounding of the gradient. A step is kept only when
// it lowers the gradient and does not raise the objective beyond its rounding.
template <class Objective>
void polish(Objective&& objective, Optimum& best) {
    const Eigen::Index k = best.theta.size();
    Eigen::VectorXd gradient(k), trial_gradient(k);
    double value = objective(best.theta, gradient);
    if (!std::isfinite(value) || !gradient.allFinite())
        return;
    for (int iteration = 0; iteration < 3 && gradient.norm() > 1e-13; ++iteration) {
        Eigen::MatrixXd hessian;
        if (!hessian_by_differences(objective, best.theta, hessian))
            return;
        const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(hessian);
        if (eigen.info() != Eigen::Success || !(eigen.eigenvalues().minCoeff() > 0))
            return;
        const Eigen::VectorXd newton = -(eigen.eigenvectors() *
                                         eigen.eigenvalues().cwiseInverse().asDiagonal() *
                                         eigen.eigenvectors().transpose() * gradient);
        // From a converged point the step is tiny; a long one means a flat direction (a weakly
        // identified parameter), where L-BFGS's point stands.
        if (!(newton.norm() < 0.01))
            return;
        const Eigen::VectorXd trial = best.theta + newton;
        const double trial_value = objective(trial, trial_gradient);
        if (!std::isfinite(trial_value) || !trial_gradient.allFinite() ||
            !(trial_gradient.norm() < gradient.norm()) ||
            trial_value > value + 1e-14 * std::max(1.0, std::abs(value)))
            return;
        best.theta = trial;
        best.value = value = trial_value;
        gradient = trial_gradient;
    }
}

// Minimises objective(theta, gradient) (a mean negative log-likelihood per customer, so the
// tolerances do not depend on the number of customers) from each start and keeps the best
// point that converged: gradient norm below 1e-6 and no log-parameter beyond ±ln 1e8.
// LBFGS++ throws when its line search cannot make progress; that happens at the optimum
// itself once the objective is flat to rounding, so the lowest point reached is kept and
// judged by its gradient like any other. The outcome, the same for every fit:
//  - the best converged point, unless a search that ran to the edge of the parameter space
//    (a log-parameter beyond ±ln 1e8) found a lower objective: then the likelihood rises
//    towards the edge, the data cannot identify the model (domain_error(`failure`), Err:502);
//  - no start converged and one ran to the edge: the same domain_error;
//  - no start converged, none ran to the edge, each stopped inside the parameter space with
//    its gradient not small after its bounded evaluations: no_convergence (Err:523).
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
    constexpr double large = 9.210340371976184;  // ln 1e4: a parameter that may be running to the edge
    // The time bound: at most this many objective evaluations per start (a fit usually needs
    // 30-100), so that no data can keep Calc busy for long: 3 × 1000 evaluations of 10^6
    // orders' 360 000 customers are about 15 s at worst.
    constexpr int max_evaluations = 1000;
    struct out_of_budget {};
    struct stuck {};
    // A ridge of 1e-12 |theta|^2 on the mean negative log-likelihood (a Gaussian prior with a
    // variance of 5e11 on each log-parameter: no effect on any printed digit): it keeps every
    // L-BFGS curvature pair positive where the likelihood is flat or linear along a step
    // (tiny data sets), where LBFGS++ would otherwise divide by a zero s'y (found by fuzz_models).
    constexpr double ridge = 1e-12;
    const auto penalised = with_ridge(objective, ridge);

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
        if (previous.size() == theta.size() && theta == previous)
            throw stuck{};
        previous = theta;
        const double value = penalised(theta, gradient);
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
    double lowest_at_edge = std::numeric_limits<double>::infinity();  // of the searches that ran to the edge
    bool searched = false;  // some start had a finite objective
    for (const Eigen::VectorXd& start : starts) {
        Eigen::VectorXd theta = start;
        lowest = start;
        lowest_value = std::numeric_limits<double>::infinity();
        evaluations = 0;
        previous.resize(0);
        double value = 0;
        {
            // A start where the objective is not finite is skipped: LBFGS++ would accept any
            // step from +inf and divide by a zero curvature pair.
            Eigen::VectorXd gradient(theta.size());
            if (!std::isfinite(guarded(theta, gradient)))
                continue;
            evaluations = 0;
            searched = true;
        }
        // L-BFGS stops where its line search makes no more progress, or where 5 iterations
        // improved the objective by less than 1e-13 (relative): on a long flat ridge of the
        // likelihood (two parameters running to infinity together, e.g. BG/NBD's a and b) that
        // happens before the gradient is small. The search then restarts from the lowest point,
        // with a fresh memory, as long as each restart still lowers the objective and the budget
        // lasts: it ends at the optimum, at the edge, or stuck.
        bool converged = false, at_edge = false;
        Eigen::VectorXd gradient(theta.size());
        for (int restart = 0; restart < 20; ++restart) {
            const double before = lowest_value;
            bool exhausted = false;
            previous.resize(0);  // a restart's first point may be the last one evaluated
            LBFGSpp::LBFGSSolver<double> solver(settings);
            try {
                solver.minimize(guarded, theta, value);
            } catch (const std::exception&) {
            } catch (const stuck&) {
            } catch (const out_of_budget&) {
                exhausted = true;
            }
            theta = lowest;
            value = penalised(theta, gradient);  // the check is not part of the search's budget
            at_edge = std::isfinite(value) && theta.cwiseAbs().maxCoeff() >= edge;
            converged = std::isfinite(value) && gradient.allFinite() && gradient.norm() < gradient_tolerance && !at_edge;
            const bool progressed = lowest_value < before - 1e-15 * std::max(1.0, std::abs(before));
            if (converged || at_edge || exhausted || !progressed)
                break;
        }
        // Stopped inside, the gradient not small, with parameters already large: the search may
        // have stalled on a ridge that runs to the edge, where the rounding of the likelihood
        // hides the direction. Pushing the large log-parameters outwards together (which keeps
        // their ratios, the direction of such ridges) tells: if the objective there is lower, or
        // higher by no more than its own rounding at such parameters (1e-8 relative: the
        // Pareto/NBD's terms grow with s ln β, found in simulated CDNOW-sized data), the
        // likelihood rises (or stays) towards the edge, and the data cannot identify the model.
        if (!converged && !at_edge && std::isfinite(value)) {
            Eigen::VectorXd outwards = Eigen::VectorXd::Zero(theta.size());
            for (Eigen::Index i = 0; i < theta.size(); ++i)
                if (std::abs(theta[i]) > large)
                    outwards[i] = theta[i] > 0 ? 1 : -1;
            for (double step = 0.25; outwards.any() && step <= 8; step *= 2) {
                const Eigen::VectorXd further = theta + step * outwards;
                if (further.cwiseAbs().maxCoeff() > 2 * edge)
                    break;
                Eigen::VectorXd ignored(theta.size());
                const double there = penalised(further, ignored);
                if (std::isfinite(there) && there <= value + 1e-8 * std::max(1.0, std::abs(value))) {
                    at_edge = true;
                    value = std::min(value, there);
                    break;
                }
            }
        }
        if (converged && value < best.value)
            best = {theta, value, std::min(evaluations, max_evaluations), true};
        else if (at_edge)
            lowest_at_edge = std::min(lowest_at_edge, value);
    }
    // The edge wins only when clearly lower: not by rounding of a flat objective.
    const bool edge_is_lower =
        lowest_at_edge < best.value - 1e-9 * std::max(1.0, std::abs(best.value));
    if (edge_is_lower || (!best.converged && std::isfinite(lowest_at_edge)) || !searched)
        throw domain_error(failure);
    if (!best.converged)
        throw no_convergence("the fit did not converge: from every start the search stopped inside the "
                             "parameter space with its gradient not small");
    polish(penalised, best);
    best.value -= ridge * best.theta.squaredNorm();  // the objective itself, without the ridge
    return best;
}

}  // namespace cm::detail
