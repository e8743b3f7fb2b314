// The one reader of `any` arguments: every parameter declared `any` in the IDL (the lists of
// answers of the _ARRAY functions, the columns of a summary, the sBG cohort table, a model's
// `params`, a fit's block, optional numbers and dates) is read here, as a grid of cells, and
// each caller applies its own rule per kind of cell (numbers, empty cells, text, errors).
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
// - a single cell or a single value: the double or the string itself;
// - an argument left out (`=F(1;;2)`, or missing at the end): a void Any.
// Never a sequence<sequence<double>>: that is what a parameter declared so receives, and none
// of ours is. An `XCellRange` parameter is only filled from a reference: Calc answers any
// array with Err:504 before calling the add-in (range_reader.hxx reads those).
#pragma once

#include "calc_errors.hxx"
#include "convert.hxx"

#include <com/sun/star/uno/Any.hxx>
#include <com/sun/star/uno/Sequence.hxx>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <vector>

namespace cm::uno {

// The FormulaError code carried by a NaN (calc_errors.hxx); a NaN without one is #NUM!.
inline std::int32_t error_code_of(double nan) {
    std::uint64_t bits;
    std::memcpy(&bits, &nan, sizeof bits);
    const auto code = static_cast<std::int32_t>(bits & 0xFFFFu);
    return code != 0 ? code : static_cast<std::int32_t>(CalcError::IllegalFPOperation);
}

// What one cell of an `any` argument holds.
enum class CellKind {
    number,  // a double (a boolean of an array expression arrives as 0 or 1)
    error,   // a NaN carrying an error code: an error inside an inline array or array expression
    empty,   // an empty cell, an empty text ("" from a formula), or nothing (void)
    text,    // any other text
    other,   // a boolean given as itself, or a type Calc does not pass
};

CellKind kind_of(const css::uno::Any& cell);

// The double of a cell whose kind is number or error.
inline double number_of(const css::uno::Any& cell) { return *static_cast<const double*>(cell.getValue()); }

// Whether a cell holds a double: its kind is number or error (a NaN the library refuses).
inline bool holds_double(const css::uno::Any& cell) { return cell.getValueTypeClass() == css::uno::TypeClass_DOUBLE; }

// The cells of an `any` argument: rows × columns of a range or an array, or one cell for a
// single value. An omitted argument ("`what` is required"), a type Calc never passes, or rows
// of different lengths are illegal arguments naming `what`.
class AnyCells {
public:
    AnyCells(const css::uno::Any& argument, const char* what);
    sal_Int32 rows() const { return rows_; }
    sal_Int32 columns() const { return columns_; }
    bool is_single() const { return single_ != nullptr; }
    // One row or one column (a single value is both).
    bool is_line() const { return rows_ <= 1 || columns_ <= 1; }
    const css::uno::Any& at(sal_Int32 row, sal_Int32 column) const { return row_of(row)[column]; }

    // Calls visit(cell) for every cell, row by row.
    template <class Visit>
    void for_each(Visit&& visit) const {
        for (sal_Int32 row = 0; row < rows_; ++row) {
            const css::uno::Any* cells = row_of(row);
            for (sal_Int32 column = 0; column < columns_; ++column)
                visit(cells[column]);
        }
    }

private:
    const css::uno::Any* row_of(sal_Int32 row) const {
        return single_ ? single_ : array_.getConstArray()[row].getConstArray();
    }

    Range array_;
    const css::uno::Any* single_ = nullptr;
    sal_Int32 rows_ = 1, columns_ = 1;
};

// The one cell of an argument that must be a single value (an optional number, a date): the
// argument itself, or the cell of a 1×1 range; a larger range is an illegal argument saying
// `what` must be a single value.
css::uno::Any single_cell(const css::uno::Any& argument, const char* what);

// The rule for a block of numbers with gaps (a summary's columns, the sBG cohort table): a
// number, or an error value as its NaN, is itself; an empty cell is std::nullopt; text or
// anything else is an illegal argument with the message `must`.
std::optional<double> number_or_empty(const css::uno::Any& cell, const char* must);

// The rule for survey answers: a number is an answer (std::nullopt for anything else: text, an
// empty cell, a boolean are skipped); an error value throws CellError.
std::optional<double> answer_number(const css::uno::Any& cell);

// Calls add(number) for every answer of `cells`, row by row, as the range reader's
// for_each_number does for a cell range (range_reader.hxx); returns the code of the first
// error value met, after which the caller discards what it added and shows that error.
template <class Add>
std::optional<sal_Int32> for_each_number(const AnyCells& cells, Add&& add) {
    std::optional<sal_Int32> error;
    cells.for_each([&](const css::uno::Any& cell) {
        if (error)
            return;
        switch (kind_of(cell)) {
            case CellKind::number:
                add(number_of(cell));
                break;
            case CellKind::error:
                error = error_code_of(number_of(cell));
                break;
            default:
                break;
        }
    });
    return error;
}

// Calls visit(cells) for every position of `grids` (one shape, else an illegal argument), row by
// row, where cells[k] is the cell of the k-th grid there: the array form of range_reader.hxx's
// for_each_aligned.
template <class Visit>
void for_each_aligned(std::initializer_list<AnyCells> grids, Visit&& visit) {
    const AnyCells& first = *grids.begin();
    for (const AnyCells& grid : grids)
        if (grid.rows() != first.rows() || grid.columns() != first.columns())
            throw_illegal("the arrays must have the same size");
    std::vector<const css::uno::Any*> cells(grids.size());
    for (sal_Int32 row = 0; row < first.rows(); ++row)
        for (sal_Int32 column = 0; column < first.columns(); ++column) {
            std::size_t k = 0;
            for (const AnyCells& grid : grids)
                cells[k++] = &grid.at(row, column);
            visit(cells.data());
        }
}

}  // namespace cm::uno
