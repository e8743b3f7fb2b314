// Civil dates and spreadsheet serial dates, for every function that reads dates.
//
// The library counts days as spreadsheet serial numbers from 1899-12-30 (serial 1 is
// 1899-12-31, serial 25569 is 1970-01-01), the default origin of LibreOffice Calc and of
// Excel on Windows; the add-in converts a document with another origin (1904-01-01 from Mac
// Excel) at its boundary. A time of day is the fraction of a serial. Gregorian calendar
// throughout (proleptic before 1582), as Calc shows it.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace cm {

struct CivilDate {
    std::int64_t year;
    unsigned month;  // 1..12
    unsigned day;    // 1..31
};

// The serial day of a civil date (the date must exist; see days_in_month).
std::int64_t serial_from_civil(const CivilDate& date);
CivilDate civil_from_serial(std::int64_t serial);
unsigned days_in_month(std::int64_t year, unsigned month);

// A date written in ISO 8601 as Calc itself converts text on input: "yyyy-mm-dd", optionally
// followed by a time "Thh:mm" or " hh:mm" with optional ":ss" (the fraction of the day is
// added). std::nullopt for anything else, including dates that do not exist (2023-02-29).
std::optional<double> serial_from_iso_text(std::string_view text);

}  // namespace cm
