#include "cm/calendar.hpp"

namespace cm {
namespace {

// Serial 25569 is 1970-01-01; civil conversions after H. Hinnant, "chrono-Compatible
// Low-Level Date Algorithms" (days_from_civil / civil_from_days), counted in days from
// 1970-01-01.
constexpr std::int64_t unix_epoch_serial = 25569;

bool digits(std::string_view text, std::size_t from, std::size_t count, unsigned& value) {
    if (text.size() < from + count)
        return false;
    value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
        if (text[i] < '0' || text[i] > '9')
            return false;
        value = value * 10 + static_cast<unsigned>(text[i] - '0');
    }
    return true;
}

}  // namespace

std::int64_t serial_from_civil(const CivilDate& date) {
    const std::int64_t year = date.year - (date.month <= 2);
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto year_of_era = static_cast<unsigned>(year - era * 400);
    const unsigned day_of_year = (153 * (date.month > 2 ? date.month - 3 : date.month + 9) + 2) / 5 + date.day - 1;
    const unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468 + unix_epoch_serial;
}

CivilDate civil_from_serial(std::int64_t serial) {
    const std::int64_t days = serial - unix_epoch_serial + 719468;
    const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    const auto day_of_era = static_cast<unsigned>(days - era * 146097);
    const unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const unsigned shifted_month = (5 * day_of_year + 2) / 153;
    const unsigned month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    const unsigned day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    return {static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2), month, day};
}

unsigned days_in_month(std::int64_t year, unsigned month) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<double> serial_from_iso_text(std::string_view text) {
    unsigned year = 0, month = 0, day = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day))
        return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    double serial = static_cast<double>(serial_from_civil({year, month, day}));
    if (text.size() == 10)
        return serial;
    unsigned hour = 0, minute = 0, second = 0;
    if ((text[10] != 'T' && text[10] != ' ') || !digits(text, 11, 2, hour) || text.size() < 16 ||
        text[13] != ':' || !digits(text, 14, 2, minute))
        return std::nullopt;
    if (text.size() > 16 && (text.size() != 19 || text[16] != ':' || !digits(text, 17, 2, second)))
        return std::nullopt;
    if (hour > 23 || minute > 59 || second > 59)
        return std::nullopt;
    return serial + (hour * 3600.0 + minute * 60.0 + second) / 86400.0;
}

}  // namespace cm
