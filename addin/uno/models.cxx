#include "models.hxx"

#include "calc_errors.hxx"
#include "range_reader.hxx"

#include <rtl/ustring.hxx>

#include <string>

namespace cm::uno {

double date_argument(const css::uno::Any& argument, const DateOrigin& origin, const char* what) {
    if (argument.getValueTypeClass() == css::uno::TypeClass_SEQUENCE) {
        Range range;
        if (!(argument >>= range) || range.getLength() != 1 || range[0].getLength() != 1)
            throw_illegal((std::string(what) + " must be a single date").c_str());
        return date_argument(range[0][0], origin, what);
    }
    if (const auto date = origin.read_cell(argument, what))
        return *date;
    throw_illegal((std::string(what) + " is required").c_str());
}

namespace {

// The cells of one column argument, flattened; std::nullopt for an empty cell.
std::vector<std::optional<double>> column_cells(const css::uno::Any& argument, const char* what) {
    const std::string must = std::string(what) + " must be one row or one column of numbers";
    std::vector<std::optional<double>> cells;
    Range range;
    css::uno::Sequence<css::uno::Sequence<double>> numbers;
    double single = 0;
    if (argument >>= range) {
        if (range.getLength() > 1 && range[0].getLength() > 1)
            throw_illegal(must.c_str());
        for (const auto& row : range)
            for (const auto& cell : row) {
                switch (cell.getValueTypeClass()) {
                    case css::uno::TypeClass_DOUBLE:
                        cells.emplace_back(*static_cast<const double*>(cell.getValue()));
                        break;
                    case css::uno::TypeClass_VOID:
                        cells.emplace_back();
                        break;
                    case css::uno::TypeClass_STRING:
                        if (static_cast<const rtl::OUString*>(cell.getValue())->isEmpty()) {
                            cells.emplace_back();
                            break;
                        }
                        [[fallthrough]];
                    default:
                        throw_illegal(must.c_str());
                }
            }
    } else if (argument >>= numbers) {
        if (numbers.getLength() > 1 && numbers[0].getLength() > 1)
            throw_illegal(must.c_str());
        for (const auto& row : numbers)
            for (double number : row)
                cells.emplace_back(number);
    } else if (argument.getValueTypeClass() == css::uno::TypeClass_DOUBLE && (argument >>= single)) {
        cells.emplace_back(single);
    } else {
        throw_illegal(must.c_str());
    }
    return cells;
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
    std::vector<std::vector<double>> values(cells.size());
    for (std::size_t row = 0; row < cells.front().size(); ++row) {
        std::size_t empty = 0;
        for (const auto& column : cells)
            empty += !column[row].has_value();
        if (empty == cells.size())
            continue;
        if (empty != 0)
            throw_illegal("a row of the summary has an empty cell");
        for (std::size_t k = 0; k < cells.size(); ++k)
            values[k].push_back(*cells[k][row]);
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
    Range rows;
    if (!(fit >>= rows) || rows.getLength() < static_cast<sal_Int32>(k + 2))
        wrong();
    std::vector<double> numbers;
    for (std::size_t row = 0; row < k + 2; ++row) {
        const auto& cells = rows[static_cast<sal_Int32>(row)];
        if (cells.getLength() < static_cast<sal_Int32>(k))
            wrong();
        if (row == 1)
            continue;  // the standard errors: the covariance below holds them
        for (std::size_t column = 0; column < k; ++column) {
            const css::uno::Any& cell = cells[static_cast<sal_Int32>(column)];
            if (cell.getValueTypeClass() != css::uno::TypeClass_DOUBLE)
                wrong();
            numbers.push_back(*static_cast<const double*>(cell.getValue()));
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
