// A block of numbers passed as an `any` argument (a cell range, an inline array or an array
// expression), read cell by cell with empty cells kept apart from the number 0: the cohort
// table of SBG_FIT, where a blank means "not observed yet".
#pragma once

#include "convert.hxx"

#include <optional>
#include <vector>

namespace cm::uno {

using NumberTable = std::vector<std::vector<std::optional<double>>>;

// Rows of the block as given: a number is a number, an empty cell or an empty text ("" from
// a formula) is std::nullopt, an error inside an array (a NaN carrying its code) shows as
// itself (CellError), anything else (text, TRUE/FALSE) is an illegal argument naming `what`.
// A single number is a 1x1 table; a void argument is an illegal argument. A referenced range
// holding an error cell never arrives: Calc shows Err:504 without calling the add-in
// (any_cells.hxx), so a table entered as an array formula over more cells than its result,
// whose extra cells show #N/A, is read as IFNA(range;"") (docs/FUNCTIONS.md, SBG_FIT).
NumberTable number_table(const css::uno::Any& block, const char* what);

// A table whose rows are series: one row stays one series, one column (several rows of one
// cell) becomes one series, a 2-D block is one series per row.
NumberTable series_by_row(NumberTable table);

}  // namespace cm::uno
