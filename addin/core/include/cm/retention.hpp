// Retention family: customer retention rate, churn, and the finance "retention ratio".
// Sources (docs/SOURCES.md): articles A1 «Показатель удержания клиентов (retention rate)»,
// A4 (Calltouch), A5 (МТС Маркетолог) and A6 on CRR and churn; article A3
// «Коэффициент удержания» on the earnings retention ratio. Every function throws cm::domain_error / cm::division_by_zero (errors.hpp).
#pragma once

#include "cm/errors.hpp"

namespace cm {

// Customer retention rate, CRR = (E − N) / S.
//   customers_at_start S > 0 (0: division_by_zero), customers_at_end E >= 0,
//   new_customers N >= 0, N <= E (new customers are part of the customers at the end),
//   E − N <= S (no more customers can be retained than there were).
// Result in [0, 1]. Articles A1, A5: (115 − 60) / 110 = 0.5; (95 − 5) / 100 = 0.9;
// (1650 − 250) / 1500 = 0.93333 (Ромашка); (205 − 25) / 190 = 0.94737.
double crr(double customers_at_start, double customers_at_end, double new_customers);

// Churn rate = customers lost / customers at start = (S − (E − N)) / S = 1 − CRR,
// the definition that agrees with CRR. Same domain as crr(). Article A1: 55 / 110 = 0.5,
// 10 / 190 = 0.05263; S = 100, E = 90, N = 0 gives 0.1. (Two source articles define churn as
// the net decline over the customers at the end instead; docs/FUNCTIONS.md shows each
// definition and how to get it.)
double churn(double customers_at_start, double customers_at_end, double new_customers);

// Earnings retention ("plowback") ratio of finance = (net income − dividends) / net income.
//   net_income > 0 (0: division_by_zero; a loss has no retention ratio), dividends >= 0.
// Dividends above net income are paid out of reserves: the ratio is then negative.
// Article A3: 100 000 / 20 000 -> 0.8; 200 000 / 60 000 -> 0.7; 100 000 / 60 000 -> 0.4.
double retention_ratio(double net_income, double dividends);

// Dividend payout ratio = dividends / net income = 1 − retention_ratio; same domain.
// Article A3: 60 000 / 200 000 -> 0.3.
double payout_ratio(double net_income, double dividends);

}  // namespace cm
