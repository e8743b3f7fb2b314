#include "range_reader.hxx"

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

std::optional<css::table::CellRangeAddress> used_part_of(const css::uno::Reference<css::table::XCellRange>& range) {
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

}  // namespace cm::uno
