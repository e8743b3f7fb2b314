// Loyalty family: Net Promoter Score, customer satisfaction, repeat purchases, rewards.
// Sources (docs/SOURCES.md): article A6 (retention marketing for online shops: 150 answers, 65 promoters, 50 passives, 35
// detractors; the repeat-purchase example, 65 of 150) and Reichheld, "The One Number You
// Need to Grow", Harvard Business Review, Dec 2003 (NPS definition: answers 9–10 are
// promoters, 0–6 detractors). Every function throws cm::domain_error /
// cm::division_by_zero (errors.hpp).
#pragma once

#include "cm/errors.hpp"

#include <cstddef>

namespace cm {

// Counts answers of an NPS survey one at a time, so that a caller walking a spreadsheet
// range needs no copy of it. Each answer must be an integer 0..10 (domain_error).
// add() is inline and branch-free on the answer's class: a range function calls it once
// per cell, and on shuffled answers a mispredicted branch per call cost more than the
// counting (docs/PERFORMANCE.md).
class NpsTally {
public:
    void add(double score) {
        // Reichheld 2003: 9–10 promoters, 7–8 passives, 0–6 detractors. The bounds are
        // checked first (NaN fails them), so the cast to int is always defined.
        if (!(score >= 0 && score <= 10 && score == static_cast<double>(static_cast<int>(score))))
            reject();
        promoters_ += score >= 9;
        detractors_ += score <= 6;
        ++answers_;
    }
    double promoters() const { return static_cast<double>(promoters_); }
    double passives() const { return static_cast<double>(answers_ - promoters_ - detractors_); }
    double detractors() const { return static_cast<double>(detractors_); }
    // 100 × (promoters − detractors) / answers; no answers: division_by_zero.
    double nps() const;

private:
    [[noreturn]] static void reject();
    unsigned long long promoters_ = 0;
    unsigned long long detractors_ = 0;
    unsigned long long answers_ = 0;
};

// NPS over an array of 0..10 answers; see NpsTally.
double nps(const double* scores, std::size_t count);

// NPS from pre-counted answers: 100 × (P − D) / (P + passives + D), a score in
// [−100, 100]. All counts >= 0; all zero: division_by_zero. Article A6: 65, 50, 35 -> 20
// (the article prints 30: it subtracted the counts, 65 − 35, instead of the shares).
double nps_counts(double promoters, double passives, double detractors);

// Counts answers of a 1..scale_max satisfaction survey; CSAT is the share of answers
// in the top two points of the scale (4 and 5 on 1..5). scale_max must be an integer
// >= 3 (on a two-point scale "top two" would be every answer); each answer an integer
// in 1..scale_max (domain_error).
class CsatTally {
public:
    explicit CsatTally(double scale_max = 5);
    void add(double score) {
        // Bounds first (NaN fails them; scale_max <= 10^9), so the cast is defined.
        if (!(score >= 1 && score <= scale_max_ &&
              score == static_cast<double>(static_cast<long long>(score))))
            reject();
        satisfied_ += score >= scale_max_ - 1;  // inline and branch-free, as NpsTally::add
        ++answers_;
    }
    // satisfied / answers, in [0, 1]; no answers: division_by_zero.
    double csat() const;
    double satisfied() const { return static_cast<double>(satisfied_); }
    double answers() const { return static_cast<double>(answers_); }

private:
    [[noreturn]] static void reject();
    double scale_max_;
    unsigned long long satisfied_ = 0;
    unsigned long long answers_ = 0;
};

// CSAT over an array of answers; see CsatTally.
double csat(const double* scores, std::size_t count, double scale_max = 5);

// Repeat purchase rate = customers with two or more purchases / customers.
//   0 <= repeat_customers <= customers; customers = 0: division_by_zero.
// Article A6: 65 / 150 = 0.43333 (the article prints "≈ 43.5 %", a rounding slip).
double rpr(double repeat_customers, double customers);

// Repeat customer rate: the same arithmetic as rpr(), under the name some articles use.
double rcr(double repeat_customers, double customers);

// Redemption rate of a loyalty programme = rewards redeemed / rewards issued.
//   0 <= redeemed <= issued; issued = 0: division_by_zero.
double redemption_rate(double redeemed, double issued);

// Purchase frequency = orders / customers in the period (orders per customer).
//   orders >= 0; customers > 0 (0: division_by_zero).
double purchase_frequency(double orders, double customers);

}  // namespace cm
