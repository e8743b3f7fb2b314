// Argument checks shared by every metric family. Private to the library: each public
// function documents its own domain, these only enforce it. `what` is the user-facing
// argument name used in the error message.
//
// The same five kinds of argument are mirrored, deliberately and independently, by
// tests/reference/reference.py (the differential tests' second implementation); users read
// each function's domain in docs/FUNCTIONS.md. Change all three together.
#pragma once

#include "cm/errors.hpp"

#include <cmath>

namespace cm::detail {

inline void require_finite(double value, const char* what) {
    if (!std::isfinite(value))
        throw domain_error(std::string(what) + " is not a finite number");
}

// Counts may be averages (non-integers) but never negative (docs/FUNCTIONS.md, conventions).
inline void require_count(double value, const char* what) {
    require_finite(value, what);
    if (value < 0)
        throw domain_error(std::string(what) + " must not be negative");
}

// A money amount that cannot be negative: revenue, cost, MRR, average order value.
inline void require_non_negative(double value, const char* what) {
    require_count(value, what);
}

// A rate that is a share of a whole: 0 <= value <= 1 (0.9, never 90).
inline void require_fraction(double value, const char* what) {
    require_finite(value, what);
    if (value < 0 || value > 1)
        throw domain_error(std::string(what) + " must be a fraction between 0 and 1");
}

// A margin: profit / revenue, at most 1 (all revenue is profit); negative when
// goods are sold at a loss.
inline void require_margin(double value, const char* what) {
    require_finite(value, what);
    if (value > 1)
        throw domain_error(std::string(what) + " must be a fraction not above 1");
}

// A denominator: zero is a division error, a negative value is outside the domain.
inline void require_positive_denominator(double value, const char* what) {
    require_finite(value, what);
    if (value < 0)
        throw domain_error(std::string(what) + " must not be negative");
    if (value == 0)
        throw division_by_zero(std::string(what) + " is zero");
}

// Every formula ends here: a quotient of finite numbers can still overflow.
inline double finite_result(double value) {
    if (!std::isfinite(value))
        throw overflow("the result is too large to represent");
    return value;
}

}  // namespace cm::detail
