#include "convert.hxx"

#include <rtl/string.hxx>
#include <rtl/textenc.h>
#include <rtl/ustring.hxx>

namespace cm::uno {

void throw_illegal(const char* message) {
    throw css::lang::IllegalArgumentException(rtl::OUString::createFromAscii(message),
                                              css::uno::Reference<css::uno::XInterface>(), 0);
}

std::optional<double> optional_number(const css::uno::Any& argument, const char* what) {
    switch (argument.getValueTypeClass()) {
        case css::uno::TypeClass_VOID:
            return std::nullopt;
        case css::uno::TypeClass_STRING:
        case css::uno::TypeClass_BOOLEAN:
            throw_illegal((std::string(what) + " must be a number").c_str());
        case css::uno::TypeClass_SEQUENCE: {
            Range range;
            if (!(argument >>= range) || range.getLength() != 1 || range[0].getLength() != 1)
                throw_illegal((std::string(what) + " must be a single value").c_str());
            return optional_number(range[0][0], what);
        }
        default: {
            double number = 0;
            if (!(argument >>= number))
                throw_illegal((std::string(what) + " must be a number").c_str());
            return number;
        }
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
    std::vector<double> values;
    double single = 0;
    Range cells;
    css::uno::Sequence<css::uno::Sequence<double>> numbers;
    if (params >>= cells) {
        if (cells.getLength() == 0)
            wrong();
        // A fit's whole block (parameters, standard errors, covariance): its first row.
        if (cells.getLength() > 1 && cells[0].getLength() == static_cast<sal_Int32>(count + 1))
            cells = Range(&cells[0], 1);
        if (cells.getLength() != 1 && cells[0].getLength() != 1)
            wrong();
        for (const auto& row : cells)
            for (const auto& cell : row) {
                if (cell.getValueTypeClass() != css::uno::TypeClass_DOUBLE)
                    wrong();
                values.push_back(*static_cast<const double*>(cell.getValue()));
            }
    } else if (params >>= numbers) {
        if (numbers.getLength() != 1 && (numbers.getLength() == 0 || numbers[0].getLength() != 1))
            wrong();
        for (const auto& row : numbers)
            for (double number : row)
                values.push_back(number);
    } else if (params.getValueTypeClass() == css::uno::TypeClass_DOUBLE && (params >>= single)) {
        values.push_back(single);
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
