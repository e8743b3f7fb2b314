// Dates at the UNO boundary. A serial date means nothing without its document's origin
// (Tools ▸ Options ▸ LibreOffice Calc ▸ Calculate ▸ Date: 1899-12-30 by default, 1904-01-01
// in files from Mac Excel). So every function that reads or returns dates takes a hidden
// first parameter, the document's settings (an XPropertySet, which Calc fills itself and the
// Function Wizard does not show, as LibreOffice's own date add-ins do), reads its NullDate,
// and converts between the document's serials and the library's (1899-12-30, cm/calendar.hpp).
#pragma once

#include "convert.hxx"

#include <com/sun/star/beans/XPropertySet.hpp>

#include <optional>
#include <string>

namespace cm::uno {

using DocumentSettings = css::uno::Reference<css::beans::XPropertySet>;

class DateOrigin {
public:
    // The document's NullDate; 1899-12-30 when Calc passes no settings (it always does).
    explicit DateOrigin(const DocumentSettings& settings);

    double to_library(double document_serial) const { return document_serial + offset_; }
    double to_document(double library_serial) const { return library_serial - offset_; }

    // A date cell, as the library's serial: a number (Calc's date cells) or a text in ISO 8601
    // (yyyy-mm-dd, what a CSV import leaves as text when the column is not typed as a date).
    // An empty cell or empty text gives std::nullopt; other text or any other value is an
    // illegal argument naming `what`.
    std::optional<double> read_cell(const css::uno::Any& cell, const char* what) const;

private:
    double offset_ = 0;  // days from 1899-12-30 to the document's origin
    mutable std::string utf8_;
};

}  // namespace cm::uno
