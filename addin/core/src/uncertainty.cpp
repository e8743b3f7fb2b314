// Parameter covariance and delta-method intervals (cm/uncertainty.hpp has the formulas and
// their sources).
#include "cm/uncertainty.hpp"

#include "checks.hpp"
#include "special.hpp"

#include <cmath>

namespace cm {
namespace {

// Relative step of the central differences of g in each parameter (a step of 1e-5 in its
// logarithm): truncation ~1e-10, rounding ~1e-11 for a g accurate to 1e-16.
constexpr double log_step = 1e-5;

std::size_t side(const ParameterCovariance& covariance, std::size_t parameters) {
    if (!covariance.available())
        throw domain_error("the fit has no covariance (its information matrix is singular): no interval");
    if (covariance.size() != parameters)
        throw domain_error("the covariance does not match the parameters");
    return parameters;
}

// ∇ of link(g) in the log-parameters, by central differences; `value` is g(params).
std::vector<double> link_gradient(const std::function<double(const std::vector<double>&)>& g,
                                  const std::vector<double>& params, double value, Scale scale) {
    std::vector<double> gradient(params.size());
    std::vector<double> moved = params;
    const double derivative_of_link = scale == Scale::probability ? 1 / (value * (1 - value)) : 1 / value;
    for (std::size_t j = 0; j < params.size(); ++j) {
        moved[j] = params[j] * std::exp(log_step);
        const double up = g(moved);
        moved[j] = params[j] * std::exp(-log_step);
        const double down = g(moved);
        moved[j] = params[j];
        gradient[j] = (up - down) / (2 * log_step) * derivative_of_link;
    }
    return gradient;
}

// ∇' Σ_log ∇ with Σ_log = Σ / (p_i p_j).
double quadratic_form(const std::vector<double>& gradient, const std::vector<double>& params,
                      const ParameterCovariance& covariance) {
    const std::size_t k = params.size();
    double sum = 0;
    // Each gradient component divided by its own parameter: the product p_i p_j underflows to 0
    // for parameters below 1e-154 (found by fuzz_intervals, a division by zero).
    for (std::size_t i = 0; i < k; ++i)
        for (std::size_t j = 0; j < k; ++j)
            sum += (gradient[i] / params[i]) * (gradient[j] / params[j]) * covariance.matrix[i * k + j];
    if (!std::isfinite(sum))
        throw overflow("the interval cannot be computed for these parameters and covariance");
    return std::max(sum, 0.0);
}

Interval from_link(double value, double variance, double level, Scale scale) {
    const double half = normal_critical_value(level) * std::sqrt(variance);
    if (scale == Scale::probability) {
        const double h = std::log(value / (1 - value));
        const auto inverse = [](double t) { return t >= 0 ? 1 / (1 + std::exp(-t)) : std::exp(t) / (1 + std::exp(t)); };
        return {inverse(h - half), inverse(h + half)};
    }
    const double h = std::log(value);
    const double upper = h + half;
    if (upper > 709)
        throw overflow("the interval's upper bound is beyond the largest number");
    return {std::exp(h - half), std::exp(upper)};
}

bool at_boundary(double value, Scale scale) {
    return value == 0 || (scale == Scale::probability && value == 1);
}

}  // namespace

std::size_t ParameterCovariance::size() const {
    std::size_t k = 0;
    while (k * k < matrix.size())
        ++k;
    return k;
}

std::vector<double> standard_errors(const ParameterCovariance& covariance) {
    const std::size_t k = side(covariance, covariance.size());
    std::vector<double> errors(k);
    for (std::size_t i = 0; i < k; ++i)
        errors[i] = std::sqrt(covariance.matrix[i * k + i]);
    return errors;
}

Interval delta_interval(const std::function<double(const std::vector<double>&)>& g, const std::vector<double>& params,
                        const ParameterCovariance& covariance, double level, Scale scale) {
    side(covariance, params.size());
    normal_critical_value(level);
    const double value = g(params);
    if (at_boundary(value, scale))
        return {value, value};
    const std::vector<double> gradient = link_gradient(g, params, value, scale);
    return from_link(value, quadratic_form(gradient, params, covariance), level, scale);
}

Interval delta_interval(const std::function<double(const std::vector<double>&, const std::vector<double>&)>& g,
                        const std::vector<double>& first, const ParameterCovariance& first_covariance,
                        const std::vector<double>& second, const ParameterCovariance& second_covariance,
                        double level, Scale scale) {
    side(first_covariance, first.size());
    side(second_covariance, second.size());
    normal_critical_value(level);
    const double value = g(first, second);
    if (at_boundary(value, scale))
        return {value, value};
    const double variance =
        quadratic_form(link_gradient([&](const std::vector<double>& p) { return g(p, second); }, first, value, scale),
                       first, first_covariance) +
        quadratic_form(link_gradient([&](const std::vector<double>& p) { return g(first, p); }, second, value, scale),
                       second, second_covariance);
    return from_link(value, variance, level, scale);
}

ParameterCovariance covariance_from_cells(const std::vector<double>& params, const std::vector<double>& cells) {
    const std::size_t k = params.size();
    if (cells.size() != k * k)
        throw domain_error("the covariance must be a square of as many rows and columns as parameters");
    for (double cell : cells)
        detail::require_finite(cell, "covariance");
    for (std::size_t i = 0; i < k; ++i) {
        if (!(cells[i * k + i] > 0))
            throw domain_error("a variance of the covariance is not above 0");
        for (std::size_t j = 0; j < i; ++j) {
            const double a = cells[i * k + j], b = cells[j * k + i];
            if (std::abs(a - b) > 1e-9 * std::sqrt(cells[i * k + i] * cells[j * k + j]))
                throw domain_error("the covariance is not symmetric");
            if (a * a > cells[i * k + i] * cells[j * k + j] * (1 + 1e-9))
                throw domain_error("the covariance has a correlation beyond ±1");
        }
    }
    return ParameterCovariance{cells};
}

}  // namespace cm
