// Argument conversion for NPS, CSAT and the survey statistics (NPS_CI, NPS_TEST, CSAT_CI,
// NPS_BY...): answers in, rows of results out. The statistics themselves are in addin/core
// (cm/survey.hpp, cm/loyalty.hpp).
//
// Every function over a list of answers comes in two forms, because LibreOffice 7.4 has no
// parameter type that takes both a cell reference at reference speed and an array
// (docs/PERFORMANCE.md, "Lists of answers: two forms"):
// - the plain function (NPS, CSAT, NPS_CI...) takes an XCellRange: read in blocks, clipped
//   to the sheet's used area, so a whole-column reference costs only its data
//   (range_reader.hxx); Calc refuses an array for it with Err:504;
// - its _ARRAY twin (NPS_ARRAY, CSAT_ARRAY, NPS_CI_ARRAY...) takes an `any`: a range, an
//   inline array or an array expression, which Calc copies whole before the call
//   (any_cells.hxx).
// Both apply the same rules through the same code below: numbers are answers, text and
// empty cells are skipped, an error inside shows as itself.
#pragma once

#include "convert.hxx"
#include "raw_data.hxx"

#include <cm/loyalty.hpp>
#include <cm/survey.hpp>

namespace cm::uno {

// Where the cells of a list of answers come from, `Answers`: a CellRange (the plain function,
// read by range_reader.hxx) or a css::uno::Any (its _ARRAY twin, read by any_cells.hxx). One
// template each, instantiated for both in survey.cxx: the two readers offer the same
// for_each_number and for_each_aligned, so the rules cannot drift apart.

// The answers of `scores` counted as NPS answers (0..10) or CSAT answers (1..scale_max).
template <class Answers>
NpsTally nps_answers(const Answers& scores, const char* what = "scores");
template <class Answers>
CsatTally csat_answers(const Answers& scores, double scale_max);

// An interval as a one-row array of two numbers.
Range interval_row(const Interval& interval);

// NPS_BY: one row per segment in order of first appearance: segment, answers, NPS, lower,
// upper (95 %). `scores` and `segments` have one shape; a row with a number answer needs a
// segment (number or text); rows with no number answer are skipped.
template <class Answers>
Range nps_by_segment(const Answers& scores, const Answers& segments);

// The functions over answers, for either form (Answers: CellRange or css::uno::Any).
template <class Answers>
double csat_of(const Answers& scores, const css::uno::Any& scale_max) {
    return csat_answers(scores, number_or(scale_max, 5, "scale_max")).csat();
}

template <class Answers>
Range nps_interval_of(const Answers& scores, const css::uno::Any& confidence) {
    const NpsTally tally = nps_answers(scores);
    return interval_row(cm::nps_interval(tally.promoters(), tally.passives(), tally.detractors(),
                                         number_or(confidence, 0.95, "confidence")));
}

template <class Answers>
double nps_test_of(const Answers& scores_a, const Answers& scores_b) {
    const NpsTally a = nps_answers(scores_a, "scores_a");
    const NpsTally b = nps_answers(scores_b, "scores_b");
    return cm::nps_test_p_value(a.promoters(), a.passives(), a.detractors(),
                                b.promoters(), b.passives(), b.detractors());
}

template <class Answers>
Range csat_interval_of(const Answers& scores, const css::uno::Any& scale_max, const css::uno::Any& confidence) {
    const CsatTally tally = csat_answers(scores, number_or(scale_max, 5, "scale_max"));
    return interval_row(
        cm::wilson_interval(tally.satisfied(), tally.answers(), number_or(confidence, 0.95, "confidence")));
}

}  // namespace cm::uno
