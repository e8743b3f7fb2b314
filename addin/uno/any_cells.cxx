#include "any_cells.hxx"

#include <rtl/ustring.hxx>

#include <string>

namespace cm::uno {

CellKind kind_of(const css::uno::Any& cell) {
    switch (cell.getValueTypeClass()) {
        case css::uno::TypeClass_DOUBLE:
            return std::isnan(number_of(cell)) ? CellKind::error : CellKind::number;
        case css::uno::TypeClass_VOID:
            return CellKind::empty;
        case css::uno::TypeClass_STRING:
            return static_cast<const rtl::OUString*>(cell.getValue())->isEmpty() ? CellKind::empty : CellKind::text;
        default:
            return CellKind::other;
    }
}

AnyCells::AnyCells(const css::uno::Any& argument, const char* what) {
    switch (argument.getValueTypeClass()) {
        case css::uno::TypeClass_VOID:
            throw_illegal((std::string(what) + " is required").c_str());
        case css::uno::TypeClass_DOUBLE:
        case css::uno::TypeClass_STRING:
        case css::uno::TypeClass_BOOLEAN:
            single_ = &argument;
            return;
        default:
            break;
    }
    if (!(argument >>= array_))
        throw_illegal((std::string(what) + " must be a value, a range or an array").c_str());
    rows_ = array_.getLength();
    columns_ = rows_ > 0 ? array_.getConstArray()[0].getLength() : 0;
    for (const auto& row : array_)
        if (row.getLength() != columns_)
            throw_illegal((std::string(what) + " is not a rectangular array").c_str());
}

css::uno::Any single_cell(const css::uno::Any& argument, const char* what) {
    if (argument.getValueTypeClass() != css::uno::TypeClass_SEQUENCE)
        return argument;
    const AnyCells cells(argument, what);
    if (cells.rows() != 1 || cells.columns() != 1)
        throw_illegal((std::string(what) + " must be a single value").c_str());
    return cells.at(0, 0);
}

std::optional<double> number_or_empty(const css::uno::Any& cell, const char* must) {
    switch (kind_of(cell)) {
        case CellKind::number:
        case CellKind::error:
            return number_of(cell);
        case CellKind::empty:
            return std::nullopt;
        default:
            throw_illegal(must);
    }
}

std::optional<double> answer_number(const css::uno::Any& cell) {
    switch (kind_of(cell)) {
        case CellKind::number:
            return number_of(cell);
        case CellKind::error:
            throw CellError{error_code_of(number_of(cell))};
        default:
            return std::nullopt;
    }
}

}  // namespace cm::uno
