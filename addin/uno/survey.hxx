// Argument conversion for the survey statistics (NPS_CI, NPS_TEST, CSAT_CI, NPS_BY...):
// answers from any range or array (answers.hxx), rows of results for Calc. The statistics
// themselves are in addin/core (cm/survey.hpp).
#pragma once

#include "answers.hxx"
#include "convert.hxx"

#include <cm/loyalty.hpp>
#include <cm/survey.hpp>

namespace cm::uno {

// The answers of `scores` counted as NPS answers (0..10) or CSAT answers (1..scale_max).
NpsTally nps_answers(const css::uno::Any& scores, const char* what = "scores");
CsatTally csat_answers(const css::uno::Any& scores, double scale_max);

// An interval as a one-row array of two numbers.
Range interval_row(const Interval& interval);

// NPS_BY: one row per segment in order of first appearance: segment, answers, NPS, lower,
// upper (95 %). `scores` and `segments` have one shape; a row with a number answer needs a
// segment (number or text); rows with no number answer are skipped.
Range nps_by_segment(const css::uno::Any& scores, const css::uno::Any& segments);

}  // namespace cm::uno
