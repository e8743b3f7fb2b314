#include "convert.hxx"

#include "any_cells.hxx"

#include <rtl/string.hxx>
#include <rtl/textenc.h>
#include <rtl/ustring.hxx>

namespace cm::uno {

void throw_illegal(const char* message) {
    throw css::lang::IllegalArgumentException(rtl::OUString::createFromAscii(message),
                                              css::uno::Reference<css::uno::XInterface>(), 0);
}

std::optional<double> optional_number(const css::uno::Any& argument, const char* what) {
    if (argument.getValueTypeClass() == css::uno::TypeClass_VOID)
        return std::nullopt;
    const css::uno::Any cell = single_cell(argument, what);
    switch (kind_of(cell)) {
        case CellKind::number:
        case CellKind::error:  // of a 1×1 array expression: the library refuses the NaN
            return number_of(cell);
        case CellKind::empty:
            if (cell.getValueTypeClass() == css::uno::TypeClass_VOID)
                return std::nullopt;
            [[fallthrough]];
        default:
            throw_illegal((std::string(what) + " must be a number").c_str());
    }
}

double number_or(const css::uno::Any& argument, double default_value, const char* what) {
    return optional_number(argument, what).value_or(default_value);
}

bool flag_or(const css::uno::Any& argument, bool default_value, const char* what) {
    bool flag = false;
    if (argument >>= flag)
        return flag;
    if (argument.getValueTypeClass() == css::uno::TypeClass_STRING)
        throw_illegal((std::string(what) + " must be TRUE or FALSE").c_str());
    const std::optional<double> number = optional_number(argument, what);
    return number ? *number != 0 : default_value;
}

std::vector<double> parameter_row(const css::uno::Any& params, std::size_t count, const char* what) {
    const auto wrong = [&] {
        throw_illegal((std::string(what) + " must be one row or column of " + std::to_string(count) +
                       " numbers (a fit's result)").c_str());
    };
    if (params.getValueTypeClass() == css::uno::TypeClass_VOID)
        wrong();
    const AnyCells cells(params, what);
    // A fit's whole block (parameters, standard errors, covariance): its first row.
    const bool block = cells.rows() > 1 && cells.columns() == static_cast<sal_Int32>(count + 1);
    if (!block && !cells.is_line())
        wrong();
    std::vector<double> values;
    for (sal_Int32 row = 0; row < (block ? 1 : cells.rows()); ++row)
        for (sal_Int32 column = 0; column < cells.columns(); ++column) {
            const css::uno::Any& cell = cells.at(row, column);
            if (!holds_double(cell))
                wrong();
            values.push_back(number_of(cell));
        }
    if (values.size() == count + 1)
        values.pop_back();
    if (values.size() != count)
        wrong();
    return values;
}

std::string utf8(const rtl::OUString& text) {
    const rtl::OString bytes = rtl::OUStringToOString(text, RTL_TEXTENCODING_UTF8);
    return std::string(bytes.getStr(), static_cast<std::size_t>(bytes.getLength()));
}

std::string_view utf8_into(const rtl::OUString& text, std::string& buffer) {
    const sal_Unicode* units = text.getStr();
    const auto length = static_cast<std::size_t>(text.getLength());
    buffer.resize(length);
    for (std::size_t i = 0; i < length; ++i) {
        if (units[i] >= 0x80) {
            buffer = utf8(text);
            break;
        }
        buffer[i] = static_cast<char>(units[i]);
    }
    return buffer;
}

Range error_result(double coded, Range*) {
    css::uno::Sequence<css::uno::Any> row(1);
    row.getArray()[0] <<= coded;
    return Range(&row, 1);
}

}  // namespace cm::uno
