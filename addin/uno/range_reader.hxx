// Reads cell ranges fast and correctly: lists of survey answers (NPS, CSAT and the survey
// statistics) and raw data (customer ids, order amounts and dates: CRR_IDS, RPR_ORDERS,
// ARPU_ORDERS, COHORT_RETENTION...). The survey functions' _ARRAY twins take an `any`
// instead, which accepts arrays but makes Calc copy a referenced range first: any_cells.hxx.
//
// Measured on 10^6 cells (docs/PERFORMANCE.md): if Calc passes the range as
// sequence<sequence<any>> it builds one Any per cell in its interpreter (about 3-7× the
// native COUNTIF formula); as sequence<sequence<double>> it is fast but turns empty cells
// and text into 0, a valid answer; XChartDataArray::getData and the chart2 data provider
// give doubles with a "missing" marker but cost 0.5 µs a cell. So the add-in receives the
// range itself (XCellRange) and
//   1. clips it to the sheet's used area, so a whole-column reference costs only its data;
//   2. reads it with XCellRangeData::getDataArray in blocks (bounded memory): numbers are
//      doubles, empty cells are empty strings, text is a string, and a cell whose formula
//      result is an error is a void Any;
//   3. looks up the first error cell of the range so that the error shows as itself
//      (e.g. #DIV/0!): for_each_number only when it meets such a void, so the common case
//      pays no query; the readers of several ranges side by side before reading.
#pragma once

#include "calc_errors.hxx"
#include "convert.hxx"

#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/container/XEnumerationAccess.hpp>
#include <com/sun/star/sheet/FormulaResult.hpp>
#include <com/sun/star/sheet/XCellRangesQuery.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSheetCellRanges.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/table/CellRangeAddress.hpp>
#include <com/sun/star/table/XCell.hpp>
#include <com/sun/star/table/XCellRange.hpp>

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <vector>

namespace cm::uno {

namespace css = ::com::sun::star;

// The error code of the first formula cell in `range` whose result is an error, if any.
std::optional<sal_Int32> first_error_in(const css::uno::Reference<css::table::XCellRange>& range);

// Bounds on what one call reads, so that a reference to a whole sheet with data in its far
// corner is an error (Err:502) rather than minutes of work or a failed allocation that
// takes the office down: 10^8 cells streamed (answers: about 10 s), 10^7 cells held in
// memory (ids, amounts, dates: about 160 MB of Any).
constexpr double max_streamed_cells = 1e8;
constexpr double max_held_cells = 1e7;

// Cells read with one getDataArray call: bounds the memory of a block (about 3 MB).
constexpr sal_Int32 block_cells = 1 << 16;

// Throws the illegal-argument error when `area` has more than `limit` cells.
void require_readable(const css::table::CellRangeAddress& area, double limit);

// The part of `range` inside its sheet's used area; std::nullopt when they do not meet. A
// range left out (null) or through several sheets is an illegal argument: every reader
// below starts here, so no caller checks it again.
std::optional<css::table::CellRangeAddress> used_part_of(const css::uno::Reference<css::table::XCellRange>& range);

// Calls add(value) for every number in `range` (see the file comment), block by block.
// Returns the code of the first error inside the range, if there is one; the caller then
// discards what it added and shows that error.
template <class Add>
std::optional<sal_Int32> for_each_number(const css::uno::Reference<css::table::XCellRange>& range, Add&& add) {
    const auto area = used_part_of(range);
    if (!area)
        return std::nullopt;
    require_readable(*area, max_streamed_cells);
    css::uno::Reference<css::sheet::XSheetCellRange> sheet_range(range, css::uno::UNO_QUERY_THROW);
    css::uno::Reference<css::table::XCellRange> sheet(sheet_range->getSpreadsheet(), css::uno::UNO_QUERY_THROW);
    const sal_Int32 columns = area->EndColumn - area->StartColumn + 1;
    const sal_Int32 rows_per_block = std::max<sal_Int32>(1, block_cells / columns);
    for (sal_Int32 first_row = area->StartRow; first_row <= area->EndRow; first_row += rows_per_block) {
        const sal_Int32 last_row = std::min(area->EndRow, first_row + rows_per_block - 1);
        css::uno::Reference<css::sheet::XCellRangeData> block(
            sheet->getCellRangeByPosition(area->StartColumn, first_row, area->EndColumn, last_row),
            css::uno::UNO_QUERY_THROW);
        const auto values = block->getDataArray();
        for (const auto& row : values)
            for (const auto& value : row)
                switch (value.getValueTypeClass()) {
                    case css::uno::TypeClass_DOUBLE:
                        add(*static_cast<const double*>(value.getValue()));
                        break;
                    case css::uno::TypeClass_VOID:  // an error result
                        if (const auto error = first_error_in(range))
                            return error;
                        break;
                    default:  // empty cells and text
                        break;
                }
    }
    return std::nullopt;
}

// The rows (relative to each range) where any of `ranges` holds data, and their width.
struct AlignedWindow {
    sal_Int32 first_row, last_row, columns;
};

// Checks ranges that are read side by side: one shape (else an illegal argument), a window
// of at most max_held_cells in all (a whole-column reference costs only its data), and no
// error cell in any of them (else CellError with the first range's first error, as its
// error would show). std::nullopt when no range holds data.
std::optional<AlignedWindow> aligned_window(std::initializer_list<css::uno::Reference<css::table::XCellRange>> ranges);

// Calls visit(cells) for every cell of the window of `ranges` (see aligned_window), row by
// row, where cells[k] is the cell of the k-th range at that position. Reads in blocks with
// getDataArray and hands out the block's own Anys: nothing is copied per cell (copying an
// Any holding a text costs an atomic reference count twice, a third of CRR_IDS's time).
template <class Visit>
void for_each_aligned(std::initializer_list<css::uno::Reference<css::table::XCellRange>> ranges, Visit&& visit) {
    const auto window = aligned_window(ranges);
    if (!window)
        return;
    const sal_Int32 rows_per_block = std::max<sal_Int32>(1, block_cells / window->columns);
    std::vector<css::uno::Sequence<css::uno::Sequence<css::uno::Any>>> blocks(ranges.size());
    std::vector<const css::uno::Any*> cells(ranges.size());
    for (sal_Int32 first = window->first_row; first <= window->last_row; first += rows_per_block) {
        const sal_Int32 last = std::min(window->last_row, first + rows_per_block - 1);
        std::size_t k = 0;
        for (const auto& range : ranges) {
            css::uno::Reference<css::sheet::XCellRangeData> block(
                range->getCellRangeByPosition(0, first, window->columns - 1, last), css::uno::UNO_QUERY_THROW);
            blocks[k] = block->getDataArray();
            if (blocks[k].getLength() != last - first + 1)
                throw_illegal("the office returned a block of another size");
            ++k;
        }
        for (sal_Int32 row = 0; row <= last - first; ++row)
            for (sal_Int32 column = 0; column < window->columns; ++column) {
                for (k = 0; k < blocks.size(); ++k) {
                    const css::uno::Sequence<css::uno::Any>& cells_of_row = blocks[k].getConstArray()[row];
                    if (cells_of_row.getLength() != window->columns)
                        throw_illegal("the office returned a block of another size");
                    cells[k] = cells_of_row.getConstArray() + column;
                }
                visit(cells.data());
            }
    }
}

}  // namespace cm::uno
