// Reads the CDNOW logs of data/cdnow (Fader, Hardie & Lee 2005; README there) for the
// model tests: one order per line, its customer's index, serial date and dollar value.
#pragma once

#include <cm/customers.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace cdnow {

// Serial dates (days since 1899-12-30) of the usual set-up.
constexpr double calibration_end = 35703;  // 1997-09-30
constexpr double holdout_end = 35976;      // 1998-06-30

struct Log {
    cm::CustomerIds ids;
    std::vector<std::size_t> customers;
    std::vector<double> dates, amounts;
};

// yyyymmdd -> serial day, by counting days from 1899-12-30 (independent of the library).
inline double serial(long yyyymmdd) {
    const long year = yyyymmdd / 10000, month = yyyymmdd / 100 % 100, day = yyyymmdd % 100;
    static const int days_before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    long days = 0;
    for (long y = 1900; y < year; ++y)
        days += (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 366 : 365;
    const bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    days += days_before[month - 1] + (leap && month > 2) + day;
    return static_cast<double>(days + 1);  // 1900-01-01 is serial 2
}

// `sample`: CDNOW_sample.txt (5 columns); otherwise CDNOW_master.txt (header, 4 columns).
inline Log read(bool sample) {
    const std::string path = std::string(CM_CDNOW_DIR) + (sample ? "/CDNOW_sample.txt" : "/CDNOW_master.txt");
    std::ifstream file(path);
    if (!file)
        throw std::runtime_error("cannot open " + path);
    Log log;
    std::string line;
    if (!sample)
        std::getline(file, line);
    while (std::getline(file, line)) {
        std::istringstream fields(line);
        std::string id, sample_id;
        long date = 0;
        double cds = 0, value = 0;
        fields >> id;
        if (sample)
            fields >> sample_id;
        if (!(fields >> date >> cds >> value))
            continue;
        log.customers.push_back(log.ids.of(id));
        log.dates.push_back(serial(date));
        log.amounts.push_back(value);
    }
    return log;
}

}  // namespace cdnow
