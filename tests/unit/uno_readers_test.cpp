// The readers of the add-in's arguments (addin/uno/any_cells.hxx, convert.hxx,
// number_table.hxx) on the values Calc builds for an `any` parameter, as any_cells.hxx lists
// them from LibreOffice's sc/source/core/tool/interpr4.cxx (ScExternal) and rangeseq.cxx: a
// sequence<sequence<any>> for a range or an array (a number as double, text and empty cells as
// strings, an error inside an array expression as a NaN carrying its code), the value itself
// for a single cell, a void Any for an argument left out. No office is needed: the UNO types
// are plain values. What a cell finally shows is checked in real Calc by the integration tests
// (test_sheets, test_hostile); here each rule of the one reader, per kind of cell.
#include "any_cells.hxx"
#include "calc_errors.hxx"
#include "convert.hxx"
#include "number_table.hxx"

#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <rtl/ustring.hxx>

#include <gtest/gtest.h>

#include <cmath>
#include <initializer_list>
#include <optional>
#include <vector>

namespace {

using cm::uno::AnyCells;
using cm::uno::CellKind;
using cm::uno::Range;
using css::lang::IllegalArgumentException;
using css::uno::Any;

Any text(const char* value) { return Any(rtl::OUString::createFromAscii(value)); }
Any number(double value) { return Any(value); }
Any error_value(std::int32_t code) { return Any(cm::uno::calc_error_value(code)); }

// A range or an array as Calc passes it to an `any` parameter.
Any grid(std::initializer_list<std::initializer_list<Any>> rows) {
    Range range(static_cast<sal_Int32>(rows.size()));
    sal_Int32 r = 0;
    for (const auto& row : rows)
        range.getArray()[r++] = css::uno::Sequence<Any>(row.begin(), static_cast<sal_Int32>(row.size()));
    return Any(range);
}

constexpr std::int32_t na = 32767;  // #N/A

TEST(UnoReaders, EveryKindOfCell) {
    EXPECT_EQ(cm::uno::kind_of(number(4)), CellKind::number);
    EXPECT_EQ(cm::uno::kind_of(error_value(532)), CellKind::error);
    EXPECT_EQ(cm::uno::error_code_of(cm::uno::number_of(error_value(532))), 532);
    EXPECT_EQ(cm::uno::kind_of(text("")), CellKind::empty);  // an empty cell of a range
    EXPECT_EQ(cm::uno::kind_of(Any()), CellKind::empty);
    EXPECT_EQ(cm::uno::kind_of(text("North")), CellKind::text);
    EXPECT_EQ(cm::uno::kind_of(Any(true)), CellKind::other);
}

TEST(UnoReaders, TheShapesCalcPasses) {
    const Any block = grid({{number(1), text("")}, {text("x"), number(2)}});
    const AnyCells cells(block, "scores");
    EXPECT_EQ(cells.rows(), 2);
    EXPECT_EQ(cells.columns(), 2);
    EXPECT_FALSE(cells.is_line());
    EXPECT_EQ(cm::uno::kind_of(cells.at(1, 1)), CellKind::number);
    const Any single = number(7);
    const AnyCells one(single, "scores");
    EXPECT_TRUE(one.is_single());
    EXPECT_EQ(one.rows(), 1);
    EXPECT_EQ(one.columns(), 1);
    // Left out, or a type Calc never builds for an `any` (a sequence<sequence<double>> is what a
    // parameter declared so would receive: none of ours is), or ragged rows: refused.
    EXPECT_THROW(AnyCells(Any(), "scores"), IllegalArgumentException);
    css::uno::Sequence<css::uno::Sequence<double>> doubles(1);
    EXPECT_THROW(AnyCells(Any(doubles), "scores"), IllegalArgumentException);
    EXPECT_THROW(AnyCells(grid({{number(1), number(2)}, {number(3)}}), "scores"), IllegalArgumentException);
}

TEST(UnoReaders, AnswersSkipTextAndEmptyAndStopAtTheFirstError) {
    std::vector<double> seen;
    const Any answers = grid({{number(10), text("n/a"), text("")}, {Any(), number(0), number(7)}});
    EXPECT_FALSE(cm::uno::for_each_number(AnyCells(answers, "scores"), [&](double s) { seen.push_back(s); }));
    EXPECT_EQ(seen, (std::vector<double>{10, 0, 7}));
    seen.clear();
    const Any with_errors = grid({{number(9)}, {error_value(532)}, {number(8)}, {error_value(na)}});
    const auto error = cm::uno::for_each_number(AnyCells(with_errors, "scores"), [&](double s) { seen.push_back(s); });
    ASSERT_TRUE(error);
    EXPECT_EQ(*error, 532);
    EXPECT_EQ(seen, (std::vector<double>{9}));
    EXPECT_EQ(cm::uno::answer_number(number(3)), 3);
    EXPECT_FALSE(cm::uno::answer_number(text("3")));
    EXPECT_THROW(cm::uno::answer_number(error_value(na)), cm::uno::CellError);
}

TEST(UnoReaders, AlignedArraysHaveOneShape) {
    const Any scores = grid({{number(10)}, {number(3)}});
    const Any segments = grid({{text("North")}, {text("South")}});
    std::vector<double> answers;
    cm::uno::for_each_aligned({AnyCells(scores, "scores"), AnyCells(segments, "segments")},
                              [&](const Any* const* cells) {
                                  answers.push_back(cm::uno::number_of(*cells[0]));
                                  EXPECT_EQ(cm::uno::kind_of(*cells[1]), CellKind::text);
                              });
    EXPECT_EQ(answers, (std::vector<double>{10, 3}));
    const Any three = grid({{text("a"), text("b"), text("c")}});
    EXPECT_THROW(cm::uno::for_each_aligned({AnyCells(scores, "scores"), AnyCells(three, "segments")},
                                           [](const Any* const*) {}),
                 IllegalArgumentException);
}

TEST(UnoReaders, AnOptionalNumber) {
    EXPECT_FALSE(cm::uno::optional_number(Any(), "confidence"));
    EXPECT_EQ(cm::uno::optional_number(number(0.9), "confidence"), 0.9);
    EXPECT_EQ(cm::uno::optional_number(grid({{number(0.8)}}), "confidence"), 0.8);  // a 1×1 range
    EXPECT_FALSE(cm::uno::optional_number(grid({{Any()}}), "confidence"));
    EXPECT_THROW(cm::uno::optional_number(text(""), "confidence"), IllegalArgumentException);
    EXPECT_THROW(cm::uno::optional_number(text("0.9"), "confidence"), IllegalArgumentException);
    EXPECT_THROW(cm::uno::optional_number(Any(true), "confidence"), IllegalArgumentException);
    EXPECT_THROW(cm::uno::optional_number(grid({{number(1), number(2)}}), "confidence"), IllegalArgumentException);
    EXPECT_EQ(cm::uno::number_or(Any(), 5, "scale_max"), 5);
}

TEST(UnoReaders, AModelsParams) {
    using cm::uno::parameter_row;
    const std::vector<double> four{0.25, 4.4, 0.79, 2.4};
    EXPECT_EQ(parameter_row(grid({{number(0.25), number(4.4), number(0.79), number(2.4)}}), 4, "params"), four);
    EXPECT_EQ(parameter_row(grid({{number(0.25)}, {number(4.4)}, {number(0.79)}, {number(2.4)}}), 4, "params"), four);
    // A fit's row with its log-likelihood last, and a fit's whole block: its first row.
    EXPECT_EQ(parameter_row(grid({{number(0.25), number(4.4), number(0.79), number(2.4), number(-9582.4)}}), 4,
                            "params"),
              four);
    EXPECT_EQ(parameter_row(grid({{number(0.25), number(4.4), number(0.79), number(2.4), number(-9582.4)},
                                  {number(0.01), number(0.3), number(0.2), number(0.5), number(2357)},
                                  {number(1), number(2), number(3), number(4), text("")}}),
                            4, "params"),
              four);
    EXPECT_EQ(parameter_row(number(3), 1, "params"), std::vector<double>{3});
    EXPECT_THROW(parameter_row(grid({{number(1), number(2)}, {number(3), number(4)}}), 4, "params"),
                 IllegalArgumentException);
    EXPECT_THROW(parameter_row(grid({{number(1), text("r"), number(3), number(4)}}), 4, "params"),
                 IllegalArgumentException);
    EXPECT_THROW(parameter_row(grid({{number(1), number(2), number(3)}}), 4, "params"), IllegalArgumentException);
    EXPECT_THROW(parameter_row(Any(), 4, "params"), IllegalArgumentException);
    // A sequence<sequence<double>> (never built by Calc for an `any`) is no longer read as numbers.
    css::uno::Sequence<double> row(4);
    EXPECT_THROW(parameter_row(Any(css::uno::Sequence<css::uno::Sequence<double>>(&row, 1)), 4, "params"),
                 IllegalArgumentException);
    EXPECT_THROW(parameter_row(text("1;2;3;4"), 4, "params"), IllegalArgumentException);
}

TEST(UnoReaders, TheSbgCohortTable) {
    const auto table = cm::uno::number_table(grid({{number(1000), number(631)}, {number(1000), text("")}}), "alive");
    ASSERT_EQ(table.size(), 2u);
    EXPECT_EQ(table[0], (std::vector<std::optional<double>>{1000, 631}));
    EXPECT_EQ(table[1], (std::vector<std::optional<double>>{1000, std::nullopt}));  // not observed yet
    EXPECT_EQ(cm::uno::number_table(number(1000), "alive").at(0).at(0), 1000);
    try {
        cm::uno::number_table(grid({{number(1000), error_value(532)}}), "alive");
        ADD_FAILURE() << "an error value inside the table must show as itself";
    } catch (const cm::uno::CellError& error) {
        EXPECT_EQ(error.code, 532);
    }
    EXPECT_THROW(cm::uno::number_table(grid({{number(1000), text("lost")}}), "alive"), IllegalArgumentException);
    EXPECT_THROW(cm::uno::number_table(text("1000"), "alive"), IllegalArgumentException);
    EXPECT_THROW(cm::uno::number_table(Any(), "alive"), IllegalArgumentException);
    css::uno::Sequence<double> row(2);
    EXPECT_THROW(cm::uno::number_table(Any(css::uno::Sequence<css::uno::Sequence<double>>(&row, 1)), "alive"),
                 IllegalArgumentException);
    // One column of a cohort is read as its series.
    EXPECT_EQ(cm::uno::series_by_row(cm::uno::number_table(grid({{number(1000)}, {number(631)}}), "alive")).size(), 1u);
}

}  // namespace
