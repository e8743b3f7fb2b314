#include "cm/calendar.hpp"

#include "cm/errors.hpp"

#include <chrono>

namespace cm {
namespace {

// Serial 25569 is 1970-01-01, the epoch of std::chrono::sys_days.
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

// The civil calendar is the standard library's (C++20 <chrono>): std::chrono::year holds
// the years -32767..32767, which covers every date the library accepts (serials within
// +-10^7 days of 1899-12-30, years -25480..29278). Outside it, domain_error.
namespace {
constexpr int chrono_year_limit = 32767;

std::chrono::year chrono_year(std::int64_t year) {
    if (year < -chrono_year_limit || year > chrono_year_limit)
        throw domain_error("a date is out of range");
    return std::chrono::year{static_cast<int>(year)};
}
}  // namespace

std::int64_t serial_from_civil(const CivilDate& date) {
    const std::chrono::year_month_day civil{chrono_year(date.year), std::chrono::month{date.month},
                                            std::chrono::day{date.day}};
    return std::chrono::sys_days{civil}.time_since_epoch().count() + unix_epoch_serial;
}

CivilDate civil_from_serial(std::int64_t serial) {
    using namespace std::chrono;
    constexpr std::int64_t first = sys_days{year{-chrono_year_limit} / January / 1}.time_since_epoch().count();
    constexpr std::int64_t last = sys_days{year{chrono_year_limit} / December / 31}.time_since_epoch().count();
    if (serial - unix_epoch_serial < first || serial - unix_epoch_serial > last)
        throw domain_error("a date is out of range");
    const year_month_day civil{sys_days{days{serial - unix_epoch_serial}}};
    return {static_cast<int>(civil.year()), static_cast<unsigned>(civil.month()), static_cast<unsigned>(civil.day())};
}

unsigned days_in_month(std::int64_t year, unsigned month) {
    return static_cast<unsigned>(
        std::chrono::year_month_day_last{chrono_year(year) / std::chrono::month{month} / std::chrono::last}.day());
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
