// Argument conversion for the subscription functions (MRR_MOVEMENTS, SUBSCRIPTION_SURVIVAL):
// the tables as Calc arrays. The billing export (customer ids, a date anywhere in the month,
// that month's MRR) is read by read_dated_amounts (raw_data.hxx).
// The counting itself is in addin/core (cm/subscription.hpp).
#pragma once

#include "dates.hxx"
#include "raw_data.hxx"

#include <cm/subscription.hpp>

namespace cm::uno {

// 13 columns a month: [first day, MRR at start, new, expansion, contraction, churned,
// reactivation, MRR at end, customers at start, new, churned, reactivated, at end].
Range movements_matrix(const std::vector<MrrMonth>& table, const DateOrigin& origin);

// [cohort month, customers alive 0, 1, 2 ... months after acquisition]; a month the data
// cannot show yet is an empty text cell (blank, as SBG_FIT reads it).
Range survival_matrix(const SurvivalTable& table, const DateOrigin& origin);

}  // namespace cm::uno
