// Errors of the calculation library. The library never returns NaN or infinity:
// every argument outside its domain, every zero denominator and every overflow is
// reported by one of these exceptions, and the UNO layer maps each to a Calc error.
#pragma once

#include <stdexcept>
#include <string>

namespace cm {

// An argument outside its domain: a negative count, a rate of 90 instead of 0.9,
// new customers exceeding the customers at the end of the period... (Calc: Err:502)
class domain_error : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The formula's denominator is zero: no customers at the start, no answers in the
// survey, zero cost... (Calc: #DIV/0!)
class division_by_zero : public std::domain_error {
public:
    using std::domain_error::domain_error;
};

// Every argument is in its domain but the result does not fit in a double, e.g.
// 1e300 / 1e-300. (Calc: #NUM!)
class overflow : public std::overflow_error {
public:
    using std::overflow_error::overflow_error;
};

// A model fit whose search ended inside the parameter space without reaching an optimum
// (its gradient not small) within its bounded number of evaluations from every start: the
// data may identify the model, the search did not find it. (Calc: Err:523, the error
// LibreOffice's own analysis add-in raises for an iteration that does not converge.) Data
// that cannot identify a model (the likelihood rises towards the edge of the parameter
// space) are a domain_error.
class no_convergence : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

}  // namespace cm
