// libFuzzer target: the calendar under the cohort table (cohort.hpp) — period_index and
// period_start for any double and every period, and the period names for any bytes. A date
// must fall inside the period it is put in, the periods must tile the calendar, and a wrong
// date must be refused, never turned into a far-away period. Also ISO text dates
// (calendar.hpp) for any bytes: what is accepted is a real date that prints back the same.
#include "fuzz_input.hpp"

#include <cm/calendar.hpp>
#include <cm/cohort.hpp>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace {

void check_period(double date, cm::CohortPeriod period) {
    std::int64_t index = 0;
    try {
        index = cm::period_index(date, period);
    } catch (const cm::domain_error&) {
        // Refused: only what is not a date a spreadsheet can show (cohort.hpp: ±10^7 days).
        require(!std::isfinite(date) || std::abs(date) > 1e7);
        return;
    }
    require(std::isfinite(date) && std::abs(date) <= 1e7);
    const double start = cm::period_start(index, period);
    const double next = cm::period_start(index + 1, period);
    require(start == std::floor(start) && next == std::floor(next));
    require(start <= std::floor(date) && std::floor(date) < next);
    const double days = next - start;
    switch (period) {
        case cm::CohortPeriod::week:
            require(days == 7);
            require(static_cast<std::int64_t>(start - 2) % 7 == 0);  // a Monday (serial 2)
            break;
        case cm::CohortPeriod::month: require(days >= 28 && days <= 31); break;
        case cm::CohortPeriod::quarter: require(days >= 89 && days <= 92); break;
    }
    // A period starts in itself and ends the day before the next one (where those days are
    // themselves dates the library accepts).
    if (std::abs(start) <= 1e7)
        require(cm::period_index(start, period) == index);
    if (std::abs(next - 1) <= 1e7)
        require(cm::period_index(next - 1, period) == index);
}

void check_iso_text(std::string_view text) {
    const auto serial = cm::serial_from_iso_text(text);
    if (!serial)
        return;
    require(std::isfinite(*serial) && text.size() >= 10);
    const cm::CivilDate date = cm::civil_from_serial(static_cast<std::int64_t>(std::floor(*serial)));
    char printed[16];
    std::snprintf(printed, sizeof printed, "%04lld-%02u-%02u", static_cast<long long>(date.year), date.month, date.day);
    require(text.substr(0, 10) == printed);
    // the civil date is a real one and maps back to its serial day
    require(date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= cm::days_in_month(date.year, date.month));
    require(cm::serial_from_civil(date) == static_cast<std::int64_t>(std::floor(*serial)));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    const std::uint8_t mode = in.byte();
    if (mode & 1) {
        // The rest of the input as a period name: any bytes, any length.
        const std::string_view name(reinterpret_cast<const char*>(data) + 1, size > 0 ? size - 1 : 0);
        check_iso_text(name);
        const auto period = cm::cohort_period_from_name(name);
        if (period)
            require(name.size() >= 4 && name.size() <= 14);  // "week" .. "квартал" in UTF-8
        return 0;
    }
    const double date = (mode & 2) ? in.raw_double() : 45292 + in.number() * 37;
    for (auto period : {cm::CohortPeriod::week, cm::CohortPeriod::month, cm::CohortPeriod::quarter})
        check_period(date, period);
    return 0;
}
