// Argument conversion for the subscription functions (MRR_MOVEMENTS, SUBSCRIPTION_SURVIVAL):
// the billing export read from three ranges side by side, and the tables as Calc arrays.
// The counting itself is in addin/core (cm/subscription.hpp).
#pragma once

#include "dates.hxx"
#include "raw_data.hxx"

#include <cm/subscription.hpp>

namespace cm::uno {

// A billing export: row for row, a customer id (number or text), a date anywhere in the
// month (a date cell or ISO text, in the document's origin) and that month's MRR (a number,
// refunds negative). A row empty in all three ranges is skipped; a row with some but not
// all three, or a value of the wrong kind, is an illegal argument (never a silently
// dropped charge).
struct BillingExport {
    CustomerIds ids;
    std::vector<std::size_t> customers;
    std::vector<double> months, mrr;  // months in the library's origin
};
BillingExport read_billing_export(const CellRange& customer_ids, const CellRange& months, const CellRange& mrr,
                                  const DateOrigin& origin);

// 13 columns a month: [first day, MRR at start, new, expansion, contraction, churned,
// reactivation, MRR at end, customers at start, new, churned, reactivated, at end].
Range movements_matrix(const std::vector<MrrMonth>& table, const DateOrigin& origin);

// [cohort month, customers alive 0, 1, 2 ... months after acquisition]; a month the data
// cannot show yet is an empty text cell (blank, as SBG_FIT reads it).
Range survival_matrix(const SurvivalTable& table, const DateOrigin& origin);

}  // namespace cm::uno
