// Argument conversion at the UNO boundary: optional arguments, booleans, and the one
// place where library errors become Calc errors. (Ranges of answers: range_reader.hxx.)
#pragma once

#include "calc_errors.hxx"

#include <cm/errors.hpp>

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/RuntimeException.hpp>
#include <com/sun/star/uno/Sequence.hxx>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cm::uno {

namespace css = ::com::sun::star;
using Range = css::uno::Sequence<css::uno::Sequence<css::uno::Any>>;

// Throws the IllegalArgumentException that Calc shows as Err:502.
[[noreturn]] void throw_illegal(const char* message);

// An optional number: omitted or left empty (`=F(1;2;)`) arrives as a void Any and gives
// std::nullopt. A number, or a 1×1 range holding one, gives the number; text or a larger
// range is an illegal argument. Calc itself turns a reference to an empty cell into 0
// before we see it, as it does everywhere (docs/FUNCTIONS.md tells users to leave the
// argument out instead).
std::optional<double> optional_number(const css::uno::Any& argument, const char* what);

// The `params` argument of a model function (SBG_SURVIVAL, BGNBD_P_ALIVE...): the row a fit
// returned or the parameters typed as an inline array, one row or one column of `count`
// numbers, or of `count + 1` when it is a fit's row with its log-likelihood last (ignored), or
// a fit's whole block (rows of `count + 1` cells: its first row is the parameters).
// Anything else (text, an empty cell, another length, a 2-D block) is an illegal argument.
std::vector<double> parameter_row(const css::uno::Any& params, std::size_t count, const char* what);

// UTF-8 of a UNO string, for the library's text arguments.
std::string utf8(const rtl::OUString& text);

// The same into `buffer`, reused from call to call: no allocation for a text per cell of
// a million-row range (ASCII, the usual customer id, is copied without a converter).
std::string_view utf8_into(const rtl::OUString& text, std::string& buffer);

// optional_number() with its default applied.
double number_or(const css::uno::Any& argument, double default_value, const char* what);

// An optional flag: void is `default_value`; a boolean or a number (Calc stores TRUE as 1)
// is its truth value; text is an illegal argument.
bool flag_or(const css::uno::Any& argument, bool default_value, const char* what);

// The result that shows a NaN-coded error value, as a number or as a 1×1 array.
inline double error_result(double coded, double*) { return coded; }
Range error_result(double coded, Range*);

// Runs a library computation and maps its outcome for Calc:
//   domain_error -> IllegalArgumentException (Err:502)
//   division_by_zero -> #DIV/0!, overflow -> #NUM!, no_convergence -> Err:523, an error cell
//   in a range -> that error (as NaN-coded error values), anything else -> RuntimeException (Err:519):
//   nothing escapes to crash the office.
template <class Compute>
auto guarded(Compute&& compute) -> decltype(compute()) {
    using Result = decltype(compute());
    try {
        return compute();
    } catch (const CellError& error) {
        return error_result(calc_error_value(error.code), static_cast<Result*>(nullptr));
    } catch (const division_by_zero&) {
        return error_result(calc_error_value(CalcError::DivisionByZero), static_cast<Result*>(nullptr));
    } catch (const overflow&) {
        return error_result(calc_error_value(CalcError::IllegalFPOperation), static_cast<Result*>(nullptr));
    } catch (const no_convergence&) {
        return error_result(calc_error_value(CalcError::NoConvergence), static_cast<Result*>(nullptr));
    } catch (const domain_error& error) {
        throw_illegal(error.what());
    } catch (const css::uno::Exception&) {
        throw;
    } catch (const std::exception& error) {
        throw css::uno::RuntimeException(rtl::OUString::createFromAscii(error.what()),
                                         css::uno::Reference<css::uno::XInterface>());
    } catch (...) {
        throw css::uno::RuntimeException(rtl::OUString("unexpected error in CustomerMetrics"),
                                         css::uno::Reference<css::uno::XInterface>());
    }
}

}  // namespace cm::uno
