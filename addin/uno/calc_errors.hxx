// Mapping of the library's errors to what a Calc cell shows.
//
// Calc's interpreter reads an error code from a NaN result: when the low 32 bits of
// the mantissa hold a value below 0x10000 it is taken as the FormulaError code
// (LibreOffice: include/formula/errorcodes.hxx, GetDoubleErrorValue / CreateDoubleError).
// That is the only way an add-in can make a cell show #DIV/0!. A plain NaN or an
// infinity would show Err:503 (#NUM!), so we never return one by accident.
#pragma once

#include <cstdint>
#include <cstring>

namespace cm::uno {

enum class CalcError : std::uint32_t {
    IllegalFPOperation = 503,  // #NUM!
    NoConvergence = 523,       // Err:523, "the calculation does not converge"
    DivisionByZero = 532,      // #DIV/0!
};

// A result that Calc shows as the error with this code (any FormulaError below 0x10000).
inline double calc_error_value(std::int32_t code) {
    const std::uint64_t bits = 0x7FF8000000000000ULL | (static_cast<std::uint32_t>(code) & 0xFFFFu);
    double value;
    std::memcpy(&value, &bits, sizeof value);
    return value;
}

inline double calc_error_value(CalcError error) {
    return calc_error_value(static_cast<std::int32_t>(error));
}

// Thrown when a cell of an argument range holds an error: the function's result is that
// error (guarded() in convert.hxx turns it into the error value).
struct CellError {
    std::int32_t code;
};

}  // namespace cm::uno
