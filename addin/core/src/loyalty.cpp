#include "cm/loyalty.hpp"

#include "checks.hpp"

#include <cmath>

namespace cm {
namespace {

bool is_integer_in(double value, double lowest, double highest) {
    return value >= lowest && value <= highest && value == std::floor(value);
}

// A share of a whole where the part can never exceed the whole.
double share(double part, double whole, const char* part_name, const char* whole_name) {
    detail::require_count(part, part_name);
    detail::require_positive_denominator(whole, whole_name);
    if (part > whole)
        throw domain_error(std::string(part_name) + " exceeds " + whole_name);
    return detail::finite_result(part / whole);
}

}  // namespace

void NpsTally::reject() {
    throw domain_error("an NPS answer must be an integer from 0 to 10");
}

double NpsTally::nps() const {
    return nps_counts(promoters(), passives(), detractors());
}

double nps(const double* scores, std::size_t count) {
    NpsTally tally;
    for (std::size_t i = 0; i < count; ++i)
        tally.add(scores[i]);
    return tally.nps();
}

double nps_counts(double promoters, double passives, double detractors) {
    detail::require_count(promoters, "promoters");
    detail::require_count(passives, "passives");
    detail::require_count(detractors, "detractors");
    const double answers = promoters + passives + detractors;
    detail::require_positive_denominator(answers, "promoters + passives + detractors");
    // Shares, not counts, each divided separately: a floating-point sum is never below
    // any of its non-negative terms, so each share is at most 1 and the score stays within
    // −100..100 even for huge counts (found by tests/fuzz/fuzz_scalar).
    return detail::finite_result(100.0 * (promoters / answers - detractors / answers));
}

CsatTally::CsatTally(double scale_max) : scale_max_(scale_max) {
    detail::require_finite(scale_max, "scale_max");
    if (!is_integer_in(scale_max, 3, 1e9))
        throw domain_error("scale_max must be an integer of at least 3");
}

void CsatTally::reject() {
    throw domain_error("a CSAT answer must be an integer from 1 to scale_max");
}

double CsatTally::csat() const {
    if (answers_ == 0)
        throw division_by_zero("no CSAT answers");
    return static_cast<double>(satisfied_) / static_cast<double>(answers_);
}

double csat(const double* scores, std::size_t count, double scale_max) {
    CsatTally tally(scale_max);
    for (std::size_t i = 0; i < count; ++i)
        tally.add(scores[i]);
    return tally.csat();
}

double rpr(double repeat_customers, double customers) {
    return share(repeat_customers, customers, "repeat_customers", "customers");
}

double rcr(double repeat_customers, double customers) {
    return rpr(repeat_customers, customers);
}

double redemption_rate(double redeemed, double issued) {
    return share(redeemed, issued, "redeemed", "issued");
}

double purchase_frequency(double orders, double customers) {
    detail::require_count(orders, "orders");
    detail::require_positive_denominator(customers, "customers");
    return detail::finite_result(orders / customers);
}

}  // namespace cm
