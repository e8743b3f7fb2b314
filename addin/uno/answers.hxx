// Survey answers passed as an `any` parameter, for the _ARRAY twins of the survey functions
// (NPS_ARRAY, CSAT_ARRAY, NPS_CI_ARRAY...): a cell range, an inline array ({10;9;0}) or an
// array expression ({=NPS_ARRAY(IF(Region="North";Score))}), all in one parameter type. The
// plain functions take an XCellRange instead (survey.hxx says why both).
//
// What Calc builds for an `any` parameter (LibreOffice 7.4, sc/source/core/tool/interpr4.cxx,
// ScInterpreter::ScExternal, case SC_ADDINARG_VALUE_OR_ARRAY; sc/source/core/tool/rangeseq.cxx):
// - a range reference: ScRangeToSequence::FillMixedArray over every cell of the reference, a
//   sequence<sequence<any>>: a number as double, a text as string, an empty cell as an empty
//   string. If any cell of the range holds an error, FillMixedArray fails and Calc shows
//   Err:504 without calling the add-in (so such an error cannot show as itself);
// - an inline array or an array expression (a matrix): FillMixedArray over the matrix,
//   without data types: a number as double, a text or an empty element as a string, a
//   boolean as the double 0 or 1, an error as a NaN carrying the error code;
// - a single cell or a single value: the double or the string itself.
// An `XCellRange` parameter is only filled from a reference: Calc answers any array with
// Err:504 before calling the add-in.
//
// The rules applied here: numbers are answers, texts (and so empty cells) are skipped, an
// error value inside an array shows as itself (CellError), an omitted argument is illegal.
// FALSE from IF(...) without an else branch: see docs/FUNCTIONS.md § 1.5.
#pragma once

#include "calc_errors.hxx"
#include "convert.hxx"

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>

namespace cm::uno {

// The FormulaError code carried by a NaN (calc_errors.hxx); a NaN without one is #NUM!.
inline std::int32_t error_code_of(double nan) {
    std::uint64_t bits;
    std::memcpy(&bits, &nan, sizeof bits);
    const auto code = static_cast<std::int32_t>(bits & 0xFFFFu);
    return code != 0 ? code : static_cast<std::int32_t>(CalcError::IllegalFPOperation);
}

// The array of an `any` argument: a sequence<sequence<any>> for ranges and arrays, a
// one-element view of a single value. Throws the illegal-argument error for an omitted
// argument or a type Calc never passes.
class AnswerArray {
public:
    AnswerArray(const css::uno::Any& argument, const char* what);
    sal_Int32 rows() const { return rows_; }
    sal_Int32 columns() const { return columns_; }
    // The element at (row, column); rows of another length than the first are illegal.
    const css::uno::Any& at(sal_Int32 row, sal_Int32 column) const;

    // Calls add(number) for every number, row by row; see the file comment.
    template <class Add>
    void for_each_number(Add&& add) const {
        for (sal_Int32 row = 0; row < rows_; ++row) {
            const css::uno::Any* cells = row_of(row);
            for (sal_Int32 column = 0; column < columns_; ++column) {
                const css::uno::Any& cell = cells[column];
                if (cell.getValueTypeClass() != css::uno::TypeClass_DOUBLE)
                    continue;  // text, an empty cell (an empty string), void
                const double number = *static_cast<const double*>(cell.getValue());
                if (std::isnan(number))
                    throw CellError{error_code_of(number)};
                add(number);
            }
        }
    }

private:
    const css::uno::Any* row_of(sal_Int32 row) const;

    css::uno::Sequence<css::uno::Sequence<css::uno::Any>> array_;
    const css::uno::Any* single_ = nullptr;
    sal_Int32 rows_ = 1, columns_ = 1;
};

// A number of an answer cell (std::nullopt for text and empty); an error value throws
// CellError. For functions that read two arrays side by side (NPS_BY).
std::optional<double> answer_number(const css::uno::Any& cell);

}  // namespace cm::uno
