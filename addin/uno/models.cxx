#include "models.hxx"

#include "any_cells.hxx"
#include "calc_errors.hxx"
#include "range_reader.hxx"

#include <com/sun/star/sheet/XCellRangeAddressable.hpp>
#include <rtl/ustring.hxx>

#include <algorithm>
#include <cmath>

#include <string>

namespace cm::uno {

double date_argument(const css::uno::Any& argument, const DateOrigin& origin, const char* what) {
    if (argument.getValueTypeClass() != css::uno::TypeClass_VOID)
        if (const auto date = origin.read_cell(single_cell(argument, what), what))
            return *date;
    throw_illegal((std::string(what) + " is required").c_str());
}

namespace {

constexpr sal_Int32 not_available = 32767;  // FormulaError::NotAvailable: #N/A

// The cells of one column argument, flattened; std::nullopt for an empty cell, an error value
// kept as its NaN (summary_columns tells padding from an error shown as itself).
std::vector<std::optional<double>> column_cells(const css::uno::Any& argument, const char* what) {
    const std::string must = std::string(what) + " must be one row or one column of numbers";
    if (argument.getValueTypeClass() != css::uno::TypeClass_DOUBLE &&
        argument.getValueTypeClass() != css::uno::TypeClass_SEQUENCE)
        throw_illegal(must.c_str());
    const AnyCells cells(argument, what);
    if (!cells.is_line())
        throw_illegal(must.c_str());
    std::vector<std::optional<double>> column;
    column.reserve(static_cast<std::size_t>(cells.rows()) * static_cast<std::size_t>(cells.columns()));
    cells.for_each([&](const css::uno::Any& cell) { column.push_back(number_or_empty(cell, must.c_str())); });
    return column;
}

}  // namespace

std::vector<std::vector<double>> summary_columns(std::initializer_list<const css::uno::Any*> columns,
                                                 std::initializer_list<const char*> names) {
    std::vector<std::vector<std::optional<double>>> cells;
    auto name = names.begin();
    for (const css::uno::Any* column : columns)
        cells.push_back(column_cells(*column, *name++));
    for (const auto& column : cells)
        if (column.size() != cells.front().size())
            throw_illegal("the columns of the summary differ in length");
    // An array expression carries an error as a NaN with its code: rows at the end that are
    // #N/A in every column are padding, as in the range form below; any other shows as itself.
    std::size_t end = cells.front().size();
    while (end > 0) {
        bool missing = true;
        for (const auto& column : cells) {
            const auto& cell = column[end - 1];
            missing = missing && cell && std::isnan(*cell) && error_code_of(*cell) == not_available;
        }
        if (!missing)
            break;
        --end;
    }
    std::vector<std::vector<double>> values(cells.size());
    for (std::size_t row = 0; row < end; ++row) {
        std::size_t empty = 0;
        for (const auto& column : cells) {
            empty += !column[row].has_value();
            if (column[row] && std::isnan(*column[row]))
                throw CellError{error_code_of(*column[row])};
        }
        if (empty == cells.size())
            continue;
        if (empty != 0)
            throw_illegal("a row of the summary has an empty cell");
        for (std::size_t k = 0; k < cells.size(); ++k)
            values[k].push_back(*cells[k][row]);
    }
    return values;
}

namespace {

// One column of a summary read from its range: its cells along its length, from `first`
// to `last` (positions along the range), as getDataArray gives them.
std::vector<css::uno::Any> range_cells(const CellRange& range, sal_Int32 first, sal_Int32 last, bool is_row) {
    std::vector<css::uno::Any> cells;
    cells.reserve(static_cast<std::size_t>(last - first + 1));
    for (sal_Int32 start = first; start <= last; start += block_cells) {
        const sal_Int32 end = std::min(last, start + block_cells - 1);
        css::uno::Reference<css::sheet::XCellRangeData> block(
            is_row ? range->getCellRangeByPosition(start, 0, end, 0) : range->getCellRangeByPosition(0, start, 0, end),
            css::uno::UNO_QUERY_THROW);
        for (const auto& row : block->getDataArray())
            for (const auto& cell : row)
                cells.push_back(cell);
    }
    if (cells.size() != static_cast<std::size_t>(last - first + 1))
        throw_illegal("the office returned a block of another size");
    return cells;
}

bool is_empty_cell(const css::uno::Any& cell) {
    return cell.getValueTypeClass() == css::uno::TypeClass_STRING &&
           static_cast<const rtl::OUString*>(cell.getValue())->isEmpty();
}

// getDataArray gives an error result as a void Any; its code is the cell's own.
sal_Int32 error_at(const CellRange& range, sal_Int32 position, bool is_row) {
    return (is_row ? range->getCellByPosition(position, 0) : range->getCellByPosition(0, position))->getError();
}

}  // namespace

std::vector<std::vector<double>> summary_columns(std::initializer_list<CellRange> columns,
                                                 std::initializer_list<const char*> names) {
    struct Column {
        const CellRange* range;
        const char* name;
        bool is_row;
    };
    std::vector<Column> read;
    sal_Int32 length = -1, first = SAL_MAX_INT32, last = -1;
    auto name = names.begin();
    for (const CellRange& range : columns) {
        const auto used = used_part_of(range);  // first: it refuses a range left out
        css::uno::Reference<css::sheet::XCellRangeAddressable> addressable(range, css::uno::UNO_QUERY_THROW);
        const auto address = addressable->getRangeAddress();
        const sal_Int32 rows = address.EndRow - address.StartRow + 1;
        const sal_Int32 width = address.EndColumn - address.StartColumn + 1;
        if (rows > 1 && width > 1)
            throw_illegal((std::string(*name) + " must be one row or one column of numbers").c_str());
        const bool is_row = rows == 1 && width > 1;
        const sal_Int32 range_length = is_row ? width : rows;
        if (length >= 0 && range_length != length)
            throw_illegal("the columns of the summary differ in length");
        length = range_length;
        if (used) {
            first = std::min(first, is_row ? used->StartColumn - address.StartColumn : used->StartRow - address.StartRow);
            last = std::max(last, is_row ? used->EndColumn - address.StartColumn : used->EndRow - address.StartRow);
        }
        read.push_back({&range, *name++, is_row});
    }
    std::vector<std::vector<double>> values(read.size());
    if (last < first)
        return values;
    css::table::CellRangeAddress window;
    window.StartColumn = 0;
    window.EndColumn = 0;
    window.StartRow = first;
    window.EndRow = last;
    require_readable(window, max_held_cells / static_cast<double>(read.size()));
    std::vector<std::vector<css::uno::Any>> cells;
    for (const Column& column : read)
        cells.push_back(range_cells(*column.range, first, last, column.is_row));

    // The padding: the rows at the end that are empty, or #N/A, in every column.
    const sal_Int32 count = last - first + 1;
    sal_Int32 end = count;
    while (end > 0) {
        const std::size_t row = static_cast<std::size_t>(end - 1);
        bool empty = true, missing = true;
        for (std::size_t k = 0; k < read.size() && (empty || missing); ++k) {
            const css::uno::Any& cell = cells[k][row];
            empty = empty && is_empty_cell(cell);
            missing = missing && cell.getValueTypeClass() == css::uno::TypeClass_VOID &&
                      error_at(*read[k].range, first + end - 1, read[k].is_row) == not_available;
        }
        if (!empty && !missing)
            break;
        --end;
    }
    for (std::size_t row = 0; row < static_cast<std::size_t>(end); ++row) {
        std::size_t empty = 0;
        for (std::size_t k = 0; k < read.size(); ++k) {
            const css::uno::Any& cell = cells[k][row];
            switch (cell.getValueTypeClass()) {
                case css::uno::TypeClass_DOUBLE:
                    break;
                case css::uno::TypeClass_VOID:
                    throw CellError{error_at(*read[k].range, first + static_cast<sal_Int32>(row), read[k].is_row)};
                default:
                    if (!is_empty_cell(cell))
                        throw_illegal((std::string(read[k].name) + " must be one row or one column of numbers").c_str());
                    ++empty;
            }
        }
        if (empty == read.size())
            continue;
        if (empty != 0)
            throw_illegal("a row of the summary has an empty cell");
        for (std::size_t k = 0; k < read.size(); ++k)
            values[k].push_back(*static_cast<const double*>(cells[k][row].getValue()));
    }
    return values;
}

Range fit_block(std::initializer_list<double> parameters, double log_likelihood, const ParameterCovariance& covariance,
                double observations) {
    const auto k = static_cast<sal_Int32>(parameters.size());
    const bool known = covariance.available() && covariance.size() == parameters.size();
    const double unknown = calc_error_value(CalcError::IllegalFPOperation);
    const std::vector<double> errors = known ? standard_errors(covariance) : std::vector<double>();
    Range block(k + 2);
    for (sal_Int32 row = 0; row < k + 2; ++row) {
        css::uno::Sequence<css::uno::Any> cells(k + 1);
        css::uno::Any* cell = cells.getArray();
        for (sal_Int32 column = 0; column < k; ++column) {
            const auto c = static_cast<std::size_t>(column);
            if (row == 0)
                cell[column] <<= *(parameters.begin() + column);
            else if (!known)
                cell[column] <<= unknown;
            else if (row == 1)
                cell[column] <<= errors[c];
            else
                cell[column] <<= covariance.matrix[static_cast<std::size_t>(row - 2) * parameters.size() + c];
        }
        if (row == 0)
            cell[k] <<= log_likelihood;
        else if (row == 1)
            cell[k] <<= observations;
        block.getArray()[row] = cells;
    }
    return block;
}

FittedParameters fit_argument(const css::uno::Any& fit, std::size_t k, const char* what) {
    const auto wrong = [&] {
        throw_illegal((std::string(what) + " must be the fit's result entered over " + std::to_string(k + 2) +
                       " rows: parameters, standard errors and covariance")
                          .c_str());
    };
    if (fit.getValueTypeClass() != css::uno::TypeClass_SEQUENCE)
        wrong();
    const AnyCells cells(fit, what);
    if (cells.rows() < static_cast<sal_Int32>(k + 2) || cells.columns() < static_cast<sal_Int32>(k))
        wrong();
    std::vector<double> numbers;
    for (sal_Int32 row = 0; row < static_cast<sal_Int32>(k + 2); ++row) {
        if (row == 1)
            continue;  // the standard errors: the covariance below holds them
        for (sal_Int32 column = 0; column < static_cast<sal_Int32>(k); ++column) {
            const css::uno::Any& cell = cells.at(row, column);
            if (!holds_double(cell))
                wrong();
            numbers.push_back(number_of(cell));
        }
    }
    FittedParameters result;
    result.parameters.assign(numbers.begin(), numbers.begin() + static_cast<std::ptrdiff_t>(k));
    result.covariance = covariance_from_cells(
        result.parameters, std::vector<double>(numbers.begin() + static_cast<std::ptrdiff_t>(k), numbers.end()));
    return result;
}

Range values_row(std::initializer_list<double> values) {
    css::uno::Sequence<css::uno::Any> row(static_cast<sal_Int32>(values.size()));
    sal_Int32 k = 0;
    for (double value : values)
        row.getArray()[k++] <<= value;
    return Range(&row, 1);
}

Range rfm_matrix(const RfmSummary& summary, const std::vector<css::uno::Any>& id_cells) {
    Range matrix(static_cast<sal_Int32>(summary.customer.size()));
    for (std::size_t i = 0; i < summary.customer.size(); ++i) {
        css::uno::Sequence<css::uno::Any> row(5);
        css::uno::Any* cells = row.getArray();
        cells[0] = id_cells.at(summary.customer[i]);
        cells[1] <<= summary.x[i];
        cells[2] <<= summary.t_x[i];
        cells[3] <<= summary.T[i];
        cells[4] <<= summary.average_value[i];
        matrix.getArray()[i] = row;
    }
    return matrix;
}

}  // namespace cm::uno
