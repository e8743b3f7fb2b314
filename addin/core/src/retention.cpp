#include "cm/retention.hpp"

#include "checks.hpp"

namespace cm {
namespace {

// The domain shared by CRR and churn; returns the customers retained, E − N.
double retained_customers(double customers_at_start, double customers_at_end,
                          double new_customers) {
    detail::require_count(customers_at_end, "customers_at_end");
    detail::require_count(new_customers, "new_customers");
    detail::require_positive_denominator(customers_at_start, "customers_at_start");
    if (new_customers > customers_at_end)
        throw domain_error("new_customers exceeds customers_at_end");
    const double retained = customers_at_end - new_customers;
    if (retained > customers_at_start)
        throw domain_error("customers_at_end - new_customers exceeds customers_at_start");
    return retained;
}

void check_earnings(double net_income, double dividends) {
    detail::require_non_negative(dividends, "dividends");
    detail::require_positive_denominator(net_income, "net_income");
}

}  // namespace

double crr(double customers_at_start, double customers_at_end, double new_customers) {
    const double retained = retained_customers(customers_at_start, customers_at_end, new_customers);
    return detail::finite_result(retained / customers_at_start);
}

double churn(double customers_at_start, double customers_at_end, double new_customers) {
    const double retained = retained_customers(customers_at_start, customers_at_end, new_customers);
    // Lost customers counted directly, not 1 − CRR, so that 55/110 is exactly 0.5.
    return detail::finite_result((customers_at_start - retained) / customers_at_start);
}

double retention_ratio(double net_income, double dividends) {
    check_earnings(net_income, dividends);
    return detail::finite_result((net_income - dividends) / net_income);
}

double payout_ratio(double net_income, double dividends) {
    check_earnings(net_income, dividends);
    return detail::finite_result(dividends / net_income);
}

}  // namespace cm
