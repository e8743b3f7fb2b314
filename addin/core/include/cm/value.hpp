// Value family: ARPU, the several LTV/CLV formulas of the source articles, ROMI, LTV:CAC.
// Sources (docs/SOURCES.md): article A2 (Click.ru, «LTV»: the fitness-club subscription, the short formula, the
// CLV calculator with CAC 600, LTV:CAC >= 3), article A6 (the net CLV formula of the retention-marketing
// article), article B ("Повышение LTV": LTV = средний чек × частота × время × маржа),
// article C (MonsterADS, "Способы увеличения LTV": the simple, medium and complex formulas).
// Every function throws cm::domain_error / cm::division_by_zero / cm::overflow (errors.hpp).
#pragma once

#include "cm/errors.hpp"

#include <optional>

namespace cm {

// Average revenue per user = revenue / customers (the "simple LTV" of article C).
//   revenue >= 0; customers > 0 (0: division_by_zero).
double arpu(double revenue, double customers);

// LTV = ARPU × lifetime (the "medium" formula of article C).
//   arpu >= 0; lifetime >= 0 (periods).
double ltv_arpu(double arpu, double lifetime);

// LTV = AOV × purchase frequency × lifetime × margin (the "complex" formula of article C,
// whose "RPR" is a purchase frequency; with the margin, the formula of article B).
//   aov, frequency, lifetime >= 0; margin <= 1 (a fraction, default 1 = revenue LTV;
//   negative when goods are sold at a loss).
double ltv_aov(double aov, double frequency, double lifetime, double margin = 1);

// Subscription LTV = MRR × gross margin × retention / (1 + discount − MRR retention):
// the margin of each month, kept with probability `retention`, summed over an unbounded
// horizon with recurring revenue changing by `mrr_retention` and discounted by `discount`
// per period (article A2, fitness club).
//   mrr >= 0; gross_margin <= 1; 0 <= retention <= 1; mrr_retention >= 0 (above 1 with
//   expansion revenue), default = retention; discount >= 0 per period, default 0.
//   1 + discount − mrr_retention = 0: division_by_zero; < 0: domain_error (the sum diverges).
// Article A2: 3000, 0.40, 0.90, 0.95, 0.073 -> 1080 / 0.123 = 8780.49.
double ltv_subscription(double mrr, double gross_margin, double retention,
                        std::optional<double> mrr_retention = std::nullopt,
                        double discount = 0);

// LTV = MRR × margin / churn (the "short formula" of article A2).
//   mrr >= 0; 0 <= churn <= 1 (0: division_by_zero); margin <= 1, default 1.
// Article A2: 3000 / 0.1 -> 30 000.
double ltv_churn(double mrr, double churn, double margin = 1);

// CLV = margin / (1 + discount − retention) = Σ_{t>=0} margin × retention^t / (1 + discount)^(t+1):
// the first period's margin is certain, each later one needs the customer retained once
// more, every margin arrives at the end of its period and is discounted (article A2, the CLV
// calculator: this form reproduces both of its printed results). The infinite-horizon
// retention model of Gupta & Lehmann, "Customers as Assets", J. Interactive Marketing
// 17(1), 2003, gives margin × retention / (1 + discount − retention) when the first
// margin is not certain: that is CLV × retention.
//   margin: money per period, any sign; 0 <= retention <= 1; discount >= 0, default 0;
//   retention = 1 with discount = 0: division_by_zero.
// Article A2: 182, 0.37 -> 288.89; 182, 0.37, 0.8 -> 127.27.
double clv(double margin, double retention, double discount = 0);

// Net CLV = revenue − (acquisition cost + retention cost); all three >= 0 (article A6).
double clv_net(double revenue, double acquisition_cost, double retention_cost);

// Expected customer lifetime in periods = 1 / churn (geometric lifetime).
//   0 <= churn <= 1 (0: division_by_zero). Article A2: 1 / 0.1 -> 10 months.
double lifetime(double churn);

// ROMI as the articles use it (A2) = value / cost (below 1: the customer does not pay back);
// with net = true, the textbook (value − cost) / cost.
//   value: any sign; cost > 0 (0: division_by_zero).
// Article A2: 288.89 / 600 -> 0.481; 127.27 / 600 -> 0.212.
double romi(double value, double cost, bool net = false);

// LTV:CAC = LTV / CAC; article A2 calls 3 or more healthy.
//   ltv: any sign; cac > 0 (0: division_by_zero).
double ltv_cac(double ltv, double cac);

// Gross margin = (revenue − cost of goods) / revenue, at most 1, negative at a loss.
//   revenue > 0 (0: division_by_zero); cost_of_goods >= 0.
double gross_margin(double revenue, double cost_of_goods);

// MRR retention = renewed recurring revenue / recurring revenue up for renewal.
//   renewed_mrr >= 0 (may exceed potential_mrr with upgrades); potential_mrr > 0
//   (0: division_by_zero).
double mrr_retention(double renewed_mrr, double potential_mrr);

}  // namespace cm
