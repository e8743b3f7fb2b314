#include "dates.hxx"

#include <cm/calendar.hpp>

#include <com/sun/star/util/Date.hpp>
#include <rtl/ustring.hxx>

namespace cm::uno {

DateOrigin::DateOrigin(const DocumentSettings& settings) {
    if (!settings.is())
        return;
    css::util::Date origin;
    if (!(settings->getPropertyValue("NullDate") >>= origin) || origin.Month < 1 || origin.Month > 12 ||
        origin.Day < 1 || origin.Day > cm::days_in_month(origin.Year, origin.Month))
        throw_illegal("the document's null date cannot be read");
    offset_ = static_cast<double>(cm::serial_from_civil(
        {origin.Year, static_cast<unsigned>(origin.Month), static_cast<unsigned>(origin.Day)}));
}

std::optional<double> DateOrigin::read_cell(const css::uno::Any& cell, const char* what) const {
    switch (cell.getValueTypeClass()) {
        case css::uno::TypeClass_DOUBLE:
            return to_library(*static_cast<const double*>(cell.getValue()));
        case css::uno::TypeClass_STRING: {
            const auto& text = *static_cast<const rtl::OUString*>(cell.getValue());
            if (text.isEmpty())
                return std::nullopt;
            if (const auto serial = cm::serial_from_iso_text(utf8_into(text, utf8_)))
                return *serial;
            throw_illegal((std::string(what) + " must be a date or a text date yyyy-mm-dd").c_str());
        }
        case css::uno::TypeClass_VOID:
            return std::nullopt;
        default:
            throw_illegal((std::string(what) + " must be a date").c_str());
    }
}

}  // namespace cm::uno
