#include "number_table.hxx"

#include "answers.hxx"

#include <cmath>

#include <string>

namespace cm::uno {

namespace {

std::optional<double> cell_number(const css::uno::Any& cell, const char* what) {
    switch (cell.getValueTypeClass()) {
        case css::uno::TypeClass_VOID:
            return std::nullopt;
        case css::uno::TypeClass_STRING: {
            rtl::OUString text;
            cell >>= text;
            if (text.isEmpty())
                return std::nullopt;
            break;
        }
        case css::uno::TypeClass_DOUBLE: {
            const double number = *static_cast<const double*>(cell.getValue());
            if (std::isnan(number))  // an error inside an array expression shows as itself
                throw CellError{error_code_of(number)};
            return number;
        }
        default:
            break;
    }
    throw_illegal((std::string(what) + " must hold only numbers and empty cells").c_str());
}

}  // namespace

NumberTable number_table(const css::uno::Any& block, const char* what) {
    NumberTable table;
    Range cells;
    css::uno::Sequence<css::uno::Sequence<double>> numbers;
    if (block >>= cells) {
        for (const auto& row : cells) {
            table.emplace_back();
            table.back().reserve(static_cast<std::size_t>(row.getLength()));
            for (const auto& cell : row)
                table.back().push_back(cell_number(cell, what));
        }
    } else if (block >>= numbers) {
        for (const auto& row : numbers) {
            table.emplace_back();
            for (double number : row) {
                if (std::isnan(number))
                    throw CellError{error_code_of(number)};
                table.back().push_back(number);
            }
        }
    } else if (block.getValueTypeClass() == css::uno::TypeClass_DOUBLE) {
        table.push_back({cell_number(block, what)});
    } else {
        throw_illegal((std::string(what) + " must be a range or an array of numbers").c_str());
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
