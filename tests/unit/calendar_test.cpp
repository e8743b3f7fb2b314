// Tests for cm/calendar.hpp. Serial numbers as LibreOffice Calc shows them for the dates
// (Format ▸ Cells ▸ Number on a cell holding the date, default 1899-12-30 origin).
#include <cm/calendar.hpp>

#include <gtest/gtest.h>

namespace {

TEST(Calendar, SerialsOfKnownDates) {
    EXPECT_EQ(cm::serial_from_civil({1899, 12, 30}), 0);
    EXPECT_EQ(cm::serial_from_civil({1900, 3, 1}), 61);
    EXPECT_EQ(cm::serial_from_civil({1904, 1, 1}), 1462);  // the Mac Excel origin
    EXPECT_EQ(cm::serial_from_civil({1970, 1, 1}), 25569);
    EXPECT_EQ(cm::serial_from_civil({2024, 1, 1}), 45292);
    EXPECT_EQ(cm::serial_from_civil({2024, 3, 1}), 45352);
}

TEST(Calendar, RoundTripsEveryDayOfFourCenturies) {
    for (std::int64_t serial = -200000; serial <= 200000; ++serial) {
        const cm::CivilDate date = cm::civil_from_serial(serial);
        ASSERT_GE(date.day, 1u);
        ASSERT_LE(date.day, cm::days_in_month(date.year, date.month));
        ASSERT_EQ(cm::serial_from_civil(date), serial);
    }
}

TEST(Calendar, IsoTextAsCalcConvertsIt) {
    EXPECT_EQ(cm::serial_from_iso_text("2024-03-01"), 45352.0);
    EXPECT_EQ(cm::serial_from_iso_text("2024-02-29"), 45351.0);
    EXPECT_EQ(cm::serial_from_iso_text("2024-03-01 12:00"), 45352.5);
    EXPECT_EQ(cm::serial_from_iso_text("2024-03-01T18:00:00"), 45352.75);
}

TEST(Calendar, IsoTextThatIsNotADate) {
    for (const char* text : {"", "2024", "2024-3-1", "01.03.2024", "2023-02-29", "2024-13-01", "2024-00-10",
                             "2024-04-31", "2024-03-01x", "2024-03-01 25:00", "2024-03-01 12:00:", "２０２４-03-01",
                             "2024-03-01T12", "2024/03/01"})
        EXPECT_FALSE(cm::serial_from_iso_text(text).has_value()) << text;
}

}  // namespace
