#include "range_reader.hxx"

#include "convert.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>

namespace cm::uno {

std::optional<sal_Int32> first_error_in(const css::uno::Reference<css::table::XCellRange>& range) {
    css::uno::Reference<css::sheet::XCellRangesQuery> query(range, css::uno::UNO_QUERY_THROW);
    const auto errors = query->queryFormulaCells(css::sheet::FormulaResult::ERROR);
    const auto cells = errors->getCells()->createEnumeration();
    while (cells->hasMoreElements()) {
        css::uno::Reference<css::table::XCell> cell(cells->nextElement(), css::uno::UNO_QUERY);
        if (cell.is() && cell->getError() != 0)
            return cell->getError();
    }
    return std::nullopt;
}

void require_readable(const css::table::CellRangeAddress& area, double limit) {
    const double cells = (static_cast<double>(area.EndColumn) - area.StartColumn + 1) *
                         (static_cast<double>(area.EndRow) - area.StartRow + 1);
    if (cells > limit)
        throw_illegal("the range holds too many cells: refer to the data only");
}

namespace {

// A reference through several sheets (Sheet1.A1:Sheet3.A9) reaches the add-in as a range
// whose address names only its first sheet: reading it would silently drop the others.
// Its AbsoluteName shows the second sheet after the colon ("$S1.$A$1:$S3.$A$9"; a sheet
// name cannot contain a colon), so such a range is refused.
void require_one_sheet(const css::uno::Reference<css::table::XCellRange>& range) {
    css::uno::Reference<css::beans::XPropertySet> properties(range, css::uno::UNO_QUERY_THROW);
    rtl::OUString name;
    properties->getPropertyValue("AbsoluteName") >>= name;
    const sal_Int32 colon = name.lastIndexOf(':');
    if (colon >= 0 && name.indexOf('.', colon) >= 0)
        throw_illegal("a range through several sheets is not supported: give one sheet's range");
}

}  // namespace

std::optional<css::table::CellRangeAddress> used_part_of(const css::uno::Reference<css::table::XCellRange>& range) {
    if (!range.is())  // a range argument left out: Calc passes nothing
        throw_illegal("a cell range is required");
    require_one_sheet(range);
    css::uno::Reference<css::sheet::XCellRangeAddressable> addressable(range, css::uno::UNO_QUERY_THROW);
    css::uno::Reference<css::sheet::XSheetCellRange> sheet_range(range, css::uno::UNO_QUERY_THROW);
    const css::uno::Reference<css::sheet::XSheetCellCursor> cursor = sheet_range->getSpreadsheet()->createCursor();
    css::uno::Reference<css::sheet::XUsedAreaCursor> used(cursor, css::uno::UNO_QUERY_THROW);
    used->gotoStartOfUsedArea(false);
    used->gotoEndOfUsedArea(true);
    css::uno::Reference<css::sheet::XCellRangeAddressable> used_area(cursor, css::uno::UNO_QUERY_THROW);
    const auto wanted = addressable->getRangeAddress();
    const auto data = used_area->getRangeAddress();
    css::table::CellRangeAddress part = wanted;
    part.StartColumn = std::max(wanted.StartColumn, data.StartColumn);
    part.StartRow = std::max(wanted.StartRow, data.StartRow);
    part.EndColumn = std::min(wanted.EndColumn, data.EndColumn);
    part.EndRow = std::min(wanted.EndRow, data.EndRow);
    if (part.StartColumn > part.EndColumn || part.StartRow > part.EndRow)
        return std::nullopt;
    return part;
}

std::optional<AlignedWindow> aligned_window(std::initializer_list<css::uno::Reference<css::table::XCellRange>> ranges) {
    sal_Int32 rows = -1, columns = -1, first = SAL_MAX_INT32, last = -1;
    for (const auto& range : ranges) {
        const auto used = used_part_of(range);  // first: it refuses a range left out
        css::uno::Reference<css::sheet::XCellRangeAddressable> addressable(range, css::uno::UNO_QUERY_THROW);
        const auto address = addressable->getRangeAddress();
        const sal_Int32 range_rows = address.EndRow - address.StartRow + 1;
        const sal_Int32 range_columns = address.EndColumn - address.StartColumn + 1;
        if (rows >= 0 && (range_rows != rows || range_columns != columns))
            throw_illegal("the ranges must have the same number of rows and columns");
        rows = range_rows;
        columns = range_columns;
        if (used) {
            first = std::min(first, used->StartRow - address.StartRow);
            last = std::max(last, used->EndRow - address.StartRow);
        }
    }
    if (last < first)
        return std::nullopt;
    AlignedWindow window{first, last, columns};
    css::table::CellRangeAddress area;
    area.StartColumn = 0;
    area.EndColumn = columns - 1;
    area.StartRow = first;
    area.EndRow = last;
    require_readable(area, max_held_cells / static_cast<double>(ranges.size()));
    for (const auto& range : ranges)
        if (const auto error = first_error_in(range))
            throw CellError{*error};
    return window;
}

}  // namespace cm::uno
