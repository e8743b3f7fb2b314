#include "answers.hxx"

namespace cm::uno {

AnswerArray::AnswerArray(const css::uno::Any& argument, const char* what) {
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
        throw_illegal((std::string(what) + " must be a range or an array of answers").c_str());
    rows_ = array_.getLength();
    columns_ = rows_ > 0 ? array_.getConstArray()[0].getLength() : 0;
    for (const auto& row : array_)
        if (row.getLength() != columns_)
            throw_illegal((std::string(what) + " is not a rectangular array").c_str());
}

const css::uno::Any* AnswerArray::row_of(sal_Int32 row) const {
    return single_ ? single_ : array_.getConstArray()[row].getConstArray();
}

const css::uno::Any& AnswerArray::at(sal_Int32 row, sal_Int32 column) const {
    return row_of(row)[column];
}

std::optional<double> answer_number(const css::uno::Any& cell) {
    if (cell.getValueTypeClass() != css::uno::TypeClass_DOUBLE)
        return std::nullopt;
    const double number = *static_cast<const double*>(cell.getValue());
    if (std::isnan(number))
        throw CellError{error_code_of(number)};
    return number;
}

}  // namespace cm::uno
