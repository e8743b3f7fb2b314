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

// optional_number() with its default applied.
double number_or(const css::uno::Any& argument, double default_value, const char* what);

// An optional flag: void is `default_value`; a boolean or a number (Calc stores TRUE as 1)
// is its truth value; text is an illegal argument.
bool flag_or(const css::uno::Any& argument, bool default_value, const char* what);

// Runs a library computation and maps its outcome for Calc:
//   domain_error -> IllegalArgumentException (Err:502)
//   division_by_zero -> #DIV/0!, overflow -> #NUM! (as NaN-coded error values)
//   anything else -> RuntimeException (Err:519); nothing escapes to crash the office.
template <class Compute>
double guarded(Compute&& compute) {
    try {
        return compute();
    } catch (const division_by_zero&) {
        return calc_error_value(CalcError::DivisionByZero);
    } catch (const overflow&) {
        return calc_error_value(CalcError::IllegalFPOperation);
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
