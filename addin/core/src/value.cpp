#include "cm/value.hpp"

#include "checks.hpp"

namespace cm {
namespace {

double per(double numerator, double denominator, const char* denominator_name) {
    detail::require_positive_denominator(denominator, denominator_name);
    return detail::finite_result(numerator / denominator);
}

// 1 + discount − growth, the denominator of every perpetuity below: zero is a division
// error, a negative value means the series diverges.
double perpetuity_denominator(double discount, double growth) {
    const double denominator = 1 + discount - growth;
    if (denominator == 0)
        throw division_by_zero("1 + discount - retention is zero");
    if (denominator < 0)
        throw domain_error("retention exceeds 1 + discount: the lifetime value is unbounded");
    return denominator;
}

}  // namespace

double arpu(double revenue, double customers) {
    detail::require_non_negative(revenue, "revenue");
    return per(revenue, customers, "customers");
}

double ltv_arpu(double arpu, double lifetime) {
    detail::require_non_negative(arpu, "arpu");
    detail::require_count(lifetime, "lifetime");
    return detail::finite_result(arpu * lifetime);
}

double ltv_aov(double aov, double frequency, double lifetime, double margin) {
    detail::require_non_negative(aov, "aov");
    detail::require_count(frequency, "frequency");
    detail::require_count(lifetime, "lifetime");
    detail::require_margin(margin, "margin");
    return detail::finite_result(aov * frequency * lifetime * margin);
}

double ltv_subscription(double mrr, double gross_margin, double retention,
                        std::optional<double> mrr_retention, double discount) {
    detail::require_non_negative(mrr, "mrr");
    detail::require_margin(gross_margin, "gross_margin");
    detail::require_fraction(retention, "retention");
    const double revenue_retention = mrr_retention.value_or(retention);
    detail::require_non_negative(revenue_retention, "mrr_retention");
    detail::require_non_negative(discount, "discount");
    const double denominator = perpetuity_denominator(discount, revenue_retention);
    return detail::finite_result(mrr * gross_margin * retention / denominator);
}

double ltv_churn(double mrr, double churn, double margin) {
    detail::require_non_negative(mrr, "mrr");
    detail::require_fraction(churn, "churn");
    detail::require_margin(margin, "margin");
    return per(mrr * margin, churn, "churn");
}

double clv(double margin, double retention, double discount) {
    detail::require_finite(margin, "margin");
    detail::require_fraction(retention, "retention");
    detail::require_non_negative(discount, "discount");
    return detail::finite_result(margin / perpetuity_denominator(discount, retention));
}

double clv_net(double revenue, double acquisition_cost, double retention_cost) {
    detail::require_non_negative(revenue, "revenue");
    detail::require_non_negative(acquisition_cost, "acquisition_cost");
    detail::require_non_negative(retention_cost, "retention_cost");
    return detail::finite_result(revenue - (acquisition_cost + retention_cost));
}

double lifetime(double churn) {
    detail::require_fraction(churn, "churn");
    return per(1.0, churn, "churn");
}

double romi(double value, double cost, bool net) {
    detail::require_finite(value, "value");
    const double ratio = per(value, cost, "cost");
    // (value − cost) / cost computed as its own quotient, not ratio − 1, to stay exact.
    return net ? per(value - cost, cost, "cost") : ratio;
}

double ltv_cac(double ltv, double cac) {
    detail::require_finite(ltv, "ltv");
    return per(ltv, cac, "cac");
}

double gross_margin(double revenue, double cost_of_goods) {
    detail::require_non_negative(cost_of_goods, "cost_of_goods");
    return per(revenue - cost_of_goods, revenue, "revenue");
}

double mrr_retention(double renewed_mrr, double potential_mrr) {
    detail::require_non_negative(renewed_mrr, "renewed_mrr");
    return per(renewed_mrr, potential_mrr, "potential_mrr");
}

}  // namespace cm
