// The observed information of a fit and the covariance it gives (cm/uncertainty.hpp).
// Private to the library.
#pragma once

#include "cm/uncertainty.hpp"

#include <Eigen/Core>
#include <Eigen/Eigenvalues>

#include <algorithm>
#include <cmath>

namespace cm::detail {

// objective(theta, gradient): the mean negative log-likelihood per customer (or per cohort
// member) in log-parameters theta, with its analytic gradient — the one the fit minimised.
// The Hessian is the central difference of that gradient (step 1e-4 in each log-parameter:
// truncation error ~1e-8 relative, rounding ~1e-12), made symmetric and multiplied by the
// number of observations n. Inverted through its eigen-decomposition: an eigenvalue that is not
// clearly positive (below 1e-9 of the largest, or a non-finite entry) means a direction in which
// the likelihood is flat or not a maximum, and the covariance is reported as not available
// rather than as a huge or negative variance.
// The Hessian of objective at theta by central differences of its gradient (step 1e-4 in each
// log-parameter), made symmetric; false when a value or gradient there is not finite. Used for
// the covariance below and for the fits' final Newton steps (optimise.hpp).
template <class Objective>
bool hessian_by_differences(Objective& objective, const Eigen::VectorXd& theta, Eigen::MatrixXd& hessian) {
    const Eigen::Index k = theta.size();
    hessian.resize(k, k);
    Eigen::VectorXd up(k), down(k);
    constexpr double step = 1e-4;
    for (Eigen::Index j = 0; j < k; ++j) {
        Eigen::VectorXd moved = theta;
        moved[j] = theta[j] + step;
        const double a = objective(moved, up);
        moved[j] = theta[j] - step;
        const double b = objective(moved, down);
        if (!std::isfinite(a) || !std::isfinite(b) || !up.allFinite() || !down.allFinite())
            return false;
        hessian.col(j) = (up - down) / (2 * step);
    }
    hessian = 0.5 * (hessian + hessian.transpose());
    return true;
}

template <class Objective>
ParameterCovariance covariance_at_optimum(Objective& objective, const Eigen::VectorXd& theta, double n) {
    const Eigen::Index k = theta.size();
    Eigen::MatrixXd hessian;
    if (!hessian_by_differences(objective, theta, hessian))
        return {};
    hessian *= n;
    if (!hessian.allFinite())
        return {};
    const Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> eigen(hessian);
    if (eigen.info() != Eigen::Success)
        return {};
    const Eigen::VectorXd values = eigen.eigenvalues();
    if (values.minCoeff() <= 1e-9 * std::max(values.maxCoeff(), 0.0) || values.maxCoeff() <= 0)
        return {};
    const Eigen::MatrixXd log_covariance =
        eigen.eigenvectors() * values.cwiseInverse().asDiagonal() * eigen.eigenvectors().transpose();
    ParameterCovariance result;
    result.matrix.resize(static_cast<std::size_t>(k * k));
    for (Eigen::Index i = 0; i < k; ++i)
        for (Eigen::Index j = i; j < k; ++j)
            result.matrix[static_cast<std::size_t>(i * k + j)] = result.matrix[static_cast<std::size_t>(j * k + i)] =
                log_covariance(i, j) * std::exp(theta[i]) * std::exp(theta[j]);
    for (double value : result.matrix)
        if (!std::isfinite(value))
            return {};
    return result;
}

}  // namespace cm::detail
