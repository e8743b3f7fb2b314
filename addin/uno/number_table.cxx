#include "number_table.hxx"

#include "any_cells.hxx"

#include <cmath>
#include <string>

namespace cm::uno {

NumberTable number_table(const css::uno::Any& block, const char* what) {
    if (block.getValueTypeClass() != css::uno::TypeClass_DOUBLE &&
        block.getValueTypeClass() != css::uno::TypeClass_SEQUENCE)
        throw_illegal((std::string(what) + " must be a range or an array of numbers").c_str());
    const AnyCells cells(block, what);
    const std::string must = std::string(what) + " must hold only numbers and empty cells";
    NumberTable table(static_cast<std::size_t>(cells.rows()));
    for (sal_Int32 row = 0; row < cells.rows(); ++row) {
        auto& numbers = table[static_cast<std::size_t>(row)];
        numbers.reserve(static_cast<std::size_t>(cells.columns()));
        for (sal_Int32 column = 0; column < cells.columns(); ++column) {
            const auto number = number_or_empty(cells.at(row, column), must.c_str());
            if (number && std::isnan(*number))  // an error inside an array expression shows as itself
                throw CellError{error_code_of(*number)};
            numbers.push_back(number);
        }
    }
    return table;
}

NumberTable series_by_row(NumberTable table) {
    if (table.size() <= 1)
        return table;
    for (const auto& row : table)
        if (row.size() != 1)
            return table;
    NumberTable column(1);
    for (const auto& row : table)
        column[0].push_back(row[0]);
    return column;
}

}  // namespace cm::uno
