// The UNO component: one method per spreadsheet function. Each method only converts its
// arguments, calls addin/core and lets guarded() map the outcome; no formula lives here.
// The Function Wizard texts are in registry/ (CalcAddIns.xcu), not in this file.

#include "convert.hxx"
#include "range_reader.hxx"
#include "raw_data.hxx"
#include "models.hxx"
#include "survey.hxx"
#include "number_table.hxx"
#include "subscription.hxx"

#include <cm/bgbb.hpp>
#include <cm/bgnbd.hpp>
#include <cm/gamma_gamma.hpp>
#include <cm/intervals.hpp>
#include <cm/loyalty.hpp>
#include <cm/pnbd.hpp>
#include <cm/retention.hpp>
#include <cm/sbg.hpp>
#include <cm/value.hpp>

#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/lang/XServiceName.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <cppuhelper/implbase3.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <org/customermetrics/XCustomerMetrics.hpp>
#include <sal/types.h>

namespace cm::uno {
namespace {

using rtl::OUString;
using css::uno::Any;

BgnbdParams bgnbd_of(const std::vector<double>& p) { return {p[0], p[1], p[2], p[3]}; }

BgnbdParams bgnbd_params(const Any& params) { return bgnbd_of(parameter_row(params, 4, "params (r, alpha, a, b)")); }

GgParams gg_params(const Any& params) {
    const auto p = parameter_row(params, 3, "params (p, q, v)");
    return {p[0], p[1], p[2]};
}

BgbbParams bgbb_of(const std::vector<double>& p) { return {p[0], p[1], p[2], p[3]}; }

BgbbParams bgbb_params(const Any& params) {
    return bgbb_of(parameter_row(params, 4, "params (alpha, beta, gamma, delta)"));
}

PnbdParams pnbd_of(const std::vector<double>& p) { return {p[0], p[1], p[2], p[3]}; }

PnbdParams pnbd_params(const Any& params) { return pnbd_of(parameter_row(params, 4, "params (r, alpha, s, beta)")); }

// Stored in users' documents as the prefix of every call: never change.
constexpr char service_name[] = "org.customermetrics.Functions";
constexpr char implementation_name[] = "org.customermetrics.FunctionsImpl";

class Functions
    : public cppu::WeakImplHelper3<org::customermetrics::XCustomerMetrics,
                                   css::lang::XServiceName, css::lang::XServiceInfo> {
public:
    // Retention
    double SAL_CALL CRR(double customersAtStart, double customersAtEnd, double newCustomers) override {
        return guarded([&] { return cm::crr(customersAtStart, customersAtEnd, newCustomers); });
    }
    double SAL_CALL CHURN(double customersAtStart, double customersAtEnd, double newCustomers) override {
        return guarded([&] { return cm::churn(customersAtStart, customersAtEnd, newCustomers); });
    }
    double SAL_CALL RETENTION_RATIO(double netIncome, double dividends) override {
        return guarded([&] { return cm::retention_ratio(netIncome, dividends); });
    }
    double SAL_CALL PAYOUT_RATIO(double netIncome, double dividends) override {
        return guarded([&] { return cm::payout_ratio(netIncome, dividends); });
    }

    // Loyalty
    double SAL_CALL NPS(const CellRange& scores) override {
        return guarded([&] { return nps_answers(scores).nps(); });
    }
    double SAL_CALL NPS_COUNTS(double promoters, double passives, double detractors) override {
        return guarded([&] { return cm::nps_counts(promoters, passives, detractors); });
    }
    double SAL_CALL CSAT(const CellRange& scores, const Any& scaleMax) override {
        return guarded([&] { return csat_of(scores, scaleMax); });
    }
    double SAL_CALL RPR(double repeatCustomers, double customers) override {
        return guarded([&] { return cm::rpr(repeatCustomers, customers); });
    }
    double SAL_CALL RCR(double repeatCustomers, double customers) override {
        return guarded([&] { return cm::rcr(repeatCustomers, customers); });
    }
    double SAL_CALL REDEMPTION_RATE(double redeemed, double issued) override {
        return guarded([&] { return cm::redemption_rate(redeemed, issued); });
    }
    double SAL_CALL PURCHASE_FREQUENCY(double orders, double customers) override {
        return guarded([&] { return cm::purchase_frequency(orders, customers); });
    }

    // Value
    double SAL_CALL ARPU(double revenue, double customers) override {
        return guarded([&] { return cm::arpu(revenue, customers); });
    }
    double SAL_CALL LTV_ARPU(double arpu, double lifetime) override {
        return guarded([&] { return cm::ltv_arpu(arpu, lifetime); });
    }
    double SAL_CALL LTV_AOV(double aov, double frequency, double lifetime, const Any& margin) override {
        return guarded([&] {
            return cm::ltv_aov(aov, frequency, lifetime, number_or(margin, 1, "margin"));
        });
    }
    double SAL_CALL LTV_SUBSCRIPTION(double mrr, double grossMargin, double retention,
                                     const Any& mrrRetention, const Any& discount) override {
        return guarded([&] {
            return cm::ltv_subscription(mrr, grossMargin, retention,
                                        optional_number(mrrRetention, "mrr_retention"),
                                        number_or(discount, 0, "discount"));
        });
    }
    double SAL_CALL LTV_CHURN(double mrr, double churn, const Any& margin) override {
        return guarded([&] { return cm::ltv_churn(mrr, churn, number_or(margin, 1, "margin")); });
    }
    double SAL_CALL CLV(double margin, double retention, const Any& discount) override {
        return guarded([&] { return cm::clv(margin, retention, number_or(discount, 0, "discount")); });
    }
    double SAL_CALL CLV_NET(double revenue, double acquisitionCost, double retentionCost) override {
        return guarded([&] { return cm::clv_net(revenue, acquisitionCost, retentionCost); });
    }
    double SAL_CALL LIFETIME(double churn) override {
        return guarded([&] { return cm::lifetime(churn); });
    }
    double SAL_CALL ROMI(double value, double cost, const Any& net) override {
        return guarded([&] { return cm::romi(value, cost, flag_or(net, false, "net")); });
    }
    double SAL_CALL LTV_CAC(double ltv, double cac) override {
        return guarded([&] { return cm::ltv_cac(ltv, cac); });
    }
    double SAL_CALL GROSS_MARGIN(double revenue, double costOfGoods) override {
        return guarded([&] { return cm::gross_margin(revenue, costOfGoods); });
    }
    double SAL_CALL MRR_RETENTION(double renewedMrr, double potentialMrr) override {
        return guarded([&] { return cm::mrr_retention(renewedMrr, potentialMrr); });
    }

    // Raw data
    double SAL_CALL CRR_IDS(const CellRange& startIds, const CellRange& endIds) override {
        return guarded([&] { return compare_id_lists(startIds, endIds).crr(); });
    }
    double SAL_CALL CHURN_IDS(const CellRange& startIds, const CellRange& endIds) override {
        return guarded([&] { return compare_id_lists(startIds, endIds).churn(); });
    }
    double SAL_CALL RPR_ORDERS(const CellRange& orderCustomers) override {
        return guarded([&] { return count_orders_in(orderCustomers).rpr(); });
    }
    double SAL_CALL PURCHASE_FREQUENCY_ORDERS(const CellRange& orderCustomers) override {
        return guarded([&] { return count_orders_in(orderCustomers).purchase_frequency(); });
    }
    double SAL_CALL ARPU_ORDERS(const CellRange& orderCustomers, const CellRange& amounts) override {
        return guarded([&] {
            const OrderLog log = read_order_log(orderCustomers, amounts, "amount");
            return arpu_of_orders(log.customers, log.numbers, log.ids.size());
        });
    }
    Range SAL_CALL COHORT_RETENTION(const DocumentSettings& options, const CellRange& orderCustomers,
                                    const CellRange& orderDates, const Any& period) override {
        return guarded([&] {
            const CohortPeriod cohort_period = period_argument(period);
            const DateOrigin origin(options);
            const OrderLog log = read_dated_log(orderCustomers, orderDates, origin);
            return cohort_matrix(cohort_retention(log.customers, log.numbers, log.ids.size(), cohort_period), origin);
        });
    }

    // Survey statistics
    Range SAL_CALL NPS_CI(const CellRange& scores, const Any& confidence) override {
        return guarded([&] { return nps_interval_of(scores, confidence); });
    }
    Range SAL_CALL NPS_COUNTS_CI(double promoters, double passives, double detractors,
                                 const Any& confidence) override {
        return guarded([&] {
            return interval_row(
                cm::nps_interval(promoters, passives, detractors, number_or(confidence, 0.95, "confidence")));
        });
    }
    double SAL_CALL NPS_TEST(const CellRange& scoresA, const CellRange& scoresB) override {
        return guarded([&] { return nps_test_of(scoresA, scoresB); });
    }
    double SAL_CALL NPS_SAMPLE_SIZE(double margin, const Any& confidence, const Any& promotersShare,
                                    const Any& detractorsShare) override {
        return guarded([&] {
            const double level = number_or(confidence, 0.95, "confidence");
            const auto promoters = optional_number(promotersShare, "promoters_share");
            const auto detractors = optional_number(detractorsShare, "detractors_share");
            if (!promoters && !detractors)
                return cm::nps_sample_size(margin, level);
            if (!promoters || !detractors)
                throw_illegal("give both promoters_share and detractors_share, or neither");
            return cm::nps_sample_size(margin, level, *promoters, *detractors);
        });
    }
    Range SAL_CALL CSAT_CI(const CellRange& scores, const Any& scaleMax, const Any& confidence) override {
        return guarded([&] { return csat_interval_of(scores, scaleMax, confidence); });
    }
    Range SAL_CALL NPS_BY(const CellRange& scores, const CellRange& segments) override {
        return guarded([&] { return nps_by_segment(scores, segments); });
    }

    // The survey functions over arrays (survey.hxx: why two forms)
    double SAL_CALL NPS_ARRAY(const Any& scores) override {
        return guarded([&] { return nps_answers(scores).nps(); });
    }
    double SAL_CALL CSAT_ARRAY(const Any& scores, const Any& scaleMax) override {
        return guarded([&] { return csat_of(scores, scaleMax); });
    }
    Range SAL_CALL NPS_CI_ARRAY(const Any& scores, const Any& confidence) override {
        return guarded([&] { return nps_interval_of(scores, confidence); });
    }
    double SAL_CALL NPS_TEST_ARRAY(const Any& scoresA, const Any& scoresB) override {
        return guarded([&] { return nps_test_of(scoresA, scoresB); });
    }
    Range SAL_CALL CSAT_CI_ARRAY(const Any& scores, const Any& scaleMax, const Any& confidence) override {
        return guarded([&] { return csat_interval_of(scores, scaleMax, confidence); });
    }
    Range SAL_CALL NPS_BY_ARRAY(const Any& scores, const Any& segments) override {
        return guarded([&] { return nps_by_segment(scores, segments); });
    }

    // Customer-base models: sBG
    // alpha, beta from a fit's row (its log-likelihood ignored) or typed as {alpha; beta}.
    static cm::SbgParams sbg_params(const Any& params) {
        const std::vector<double> values = parameter_row(params, 2, "params");
        return {values[0], values[1]};
    }
    Range SAL_CALL SBG_FIT(const Any& alive) override {
        return guarded([&] {
            const auto cohorts = cm::sbg_cohorts(series_by_row(number_table(alive, "alive")));
            const cm::SbgFit fit = cm::sbg_fit(cohorts);
            double members = 0;
            for (const auto& cohort : cohorts)
                members += cohort.front();
            return fit_block({fit.alpha, fit.beta}, fit.log_likelihood, sbg_covariance(cohorts, fit), members);
        });
    }
    double SAL_CALL SBG_SURVIVAL(const Any& params, double t) override {
        return guarded([&] { return cm::sbg_survival(sbg_params(params), t); });
    }
    double SAL_CALL SBG_RETENTION(const Any& params, double t) override {
        return guarded([&] { return cm::sbg_retention(sbg_params(params), t); });
    }
    double SAL_CALL SBG_DERL(const Any& params, double discount, const Any& renewals) override {
        return guarded([&] {
            return cm::sbg_derl(sbg_params(params), discount, number_or(renewals, 0, "renewals"));
        });
    }
    Range SAL_CALL SBG_SURVIVAL_CI(const Any& fit, double t, const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 2, "fit (SBG_FIT over 4 rows)");
            return interval_row(cm::sbg_survival_interval({f.parameters[0], f.parameters[1]}, f.covariance, t,
                                                          number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL SBG_RETENTION_CI(const Any& fit, double t, const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 2, "fit (SBG_FIT over 4 rows)");
            return interval_row(cm::sbg_retention_interval({f.parameters[0], f.parameters[1]}, f.covariance, t,
                                                           number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL SBG_DERL_CI(const Any& fit, double discount, const Any& renewals, const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 2, "fit (SBG_FIT over 4 rows)");
            return interval_row(cm::sbg_derl_interval({f.parameters[0], f.parameters[1]}, f.covariance, discount,
                                                      number_or(renewals, 0, "renewals"),
                                                      number_or(level, 0.95, "level")));
        });
    }

    // Customer-base models: BG/NBD, Gamma-Gamma, RFM summary, CLV
    Range SAL_CALL BGNBD_FIT(const DocumentSettings& options, const CellRange& customerIds, const CellRange& orderDates,
                             const Any& calibrationEnd, const Any& daysPerPeriod) override {
        return guarded([&] {
            // The ranges first: an error in them (a circular reference) shows as itself.
            const DateOrigin origin(options);
            const OrderLog log = read_dated_log(customerIds, orderDates, origin);
            const double end = date_argument(calibrationEnd, origin, "calibration_end");
            const double days = number_or(daysPerPeriod, 7, "days_per_period");
            const RfmSummary s = rfm_summary(log.customers, log.numbers, {}, log.ids.size(), end, days);
            const BgnbdFit fit = bgnbd_fit(s.x, s.t_x, s.T);
            return fit_block({fit.params.r, fit.params.alpha, fit.params.a, fit.params.b}, fit.log_likelihood,
                             fit.covariance, fit.customers);
        });
    }
    Range SAL_CALL BGNBD_FIT_RFM(const CellRange& frequency, const CellRange& recency,
                                const CellRange& age) override {
        return guarded([&] {
            const auto columns = summary_columns({frequency, recency, age}, {"x", "t_x", "T"});
            const BgnbdFit fit = bgnbd_fit(columns[0], columns[1], columns[2]);
            return fit_block({fit.params.r, fit.params.alpha, fit.params.a, fit.params.b}, fit.log_likelihood,
                             fit.covariance, fit.customers);
        });
    }
    Range SAL_CALL RFM_SUMMARY(const DocumentSettings& options, const CellRange& customerIds,
                               const CellRange& orderDates, const CellRange& amounts, const Any& calibrationEnd,
                               const Any& daysPerPeriod) override {
        return guarded([&] {
            const DateOrigin origin(options);
            const DatedAmounts log = read_dated_amounts(customerIds, orderDates, amounts, origin);
            const double end = date_argument(calibrationEnd, origin, "calibration_end");
            const double days = number_or(daysPerPeriod, 7, "days_per_period");
            return rfm_matrix(rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), end, days),
                              log.id_cells);
        });
    }
    double SAL_CALL BGNBD_EXPECTED(const Any& params, double frequency, double recency, double age,
                                   double periods) override {
        return guarded([&] { return bgnbd_expected(bgnbd_params(params), frequency, recency, age, periods); });
    }
    double SAL_CALL BGNBD_P_ALIVE(const Any& params, double frequency, double recency, double age) override {
        return guarded([&] { return bgnbd_p_alive(bgnbd_params(params), frequency, recency, age); });
    }
    // Intervals: cm/intervals.hpp
    Range SAL_CALL BGNBD_P_ALIVE_CI(const Any& fit, double frequency, double recency, double age,
                                    const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 4, "fit (BGNBD_FIT over 6 rows)");
            return interval_row(bgnbd_p_alive_interval(bgnbd_of(f.parameters), f.covariance, frequency, recency, age,
                                                       number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL BGNBD_EXPECTED_CI(const Any& fit, double frequency, double recency, double age, double periods,
                                     const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 4, "fit (BGNBD_FIT over 6 rows)");
            return interval_row(bgnbd_expected_interval(bgnbd_of(f.parameters), f.covariance, frequency, recency, age,
                                                        periods, number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL BGNBD_CLV_CI(const Any& bgnbdFit, const Any& ggFit, double frequency, double recency, double age,
                                double averageValue, double margin, double discount, double horizon,
                                const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(bgnbdFit, 4, "bgnbd_fit (BGNBD_FIT over 6 rows)");
            const auto g = fit_argument(ggFit, 3, "gg_fit (GG_FIT over 5 rows)");
            return interval_row(bgnbd_clv_interval(bgnbd_of(f.parameters), f.covariance,
                                                   {g.parameters[0], g.parameters[1], g.parameters[2]}, g.covariance,
                                                   frequency, recency, age, averageValue, margin, discount, horizon,
                                                   number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL BGNBD_FORECAST(const Any& fit, const CellRange& frequency, const CellRange& recency,
                                  const CellRange& age, const Any& periods, const Any& level) override {
        return guarded([&] {
            // The ranges first: an error in them (a circular reference) shows as itself.
            const auto columns = summary_columns({frequency, recency, age}, {"x", "t_x", "T"});
            const auto f = fit_argument(fit, 4, "fit (BGNBD_FIT over 6 rows)");
            const auto horizons = summary_columns({&periods}, {"periods"})[0];
            const auto forecasts = bgnbd_cohort_forecast(bgnbd_of(f.parameters), f.covariance, columns[0], columns[1],
                                                         columns[2], horizons, number_or(level, 0.95, "level"));
            Range rows(static_cast<sal_Int32>(forecasts.size()));
            for (std::size_t k = 0; k < forecasts.size(); ++k) {
                const CohortForecast& c = forecasts[k];
                rows.getArray()[k] = values_row({c.expected, c.parameters.lower, c.parameters.upper,
                                                 c.predictive.lower, c.predictive.upper})[0];
            }
            return rows;
        });
    }
    Range SAL_CALL GG_FIT(const CellRange& frequencies, const CellRange& averageValues) override {
        return guarded([&] {
            const auto columns = summary_columns({frequencies, averageValues}, {"frequencies", "average_values"});
            const GgFit fit = gg_fit(columns[0], columns[1]);
            return fit_block({fit.params.p, fit.params.q, fit.params.v}, fit.log_likelihood, fit.covariance,
                             fit.customers);
        });
    }
    double SAL_CALL GG_SPEND(const Any& params, double frequency, double averageValue) override {
        return guarded([&] { return gg_spend(gg_params(params), frequency, averageValue); });
    }
    double SAL_CALL BGNBD_CLV(const Any& bgnbdParams, const Any& ggParams, double frequency, double recency,
                              double age, double averageValue, double margin, double discount,
                              double horizon) override {
        return guarded([&] {
            const double spend = gg_spend(gg_params(ggParams), frequency, averageValue);
            return bgnbd_clv(bgnbd_params(bgnbdParams), frequency, recency, age, spend, margin, discount, horizon);
        });
    }

    // Pareto/NBD
    Range SAL_CALL PNBD_FIT(const DocumentSettings& options, const CellRange& customerIds, const CellRange& orderDates,
                            const Any& calibrationEnd, const Any& daysPerPeriod) override {
        return guarded([&] {
            const DateOrigin origin(options);
            const OrderLog log = read_dated_log(customerIds, orderDates, origin);
            const double end = date_argument(calibrationEnd, origin, "calibration_end");
            const double days = number_or(daysPerPeriod, 7, "days_per_period");
            const RfmSummary s = rfm_summary(log.customers, log.numbers, {}, log.ids.size(), end, days);
            const PnbdFit fit = pnbd_fit(s.x, s.t_x, s.T);
            return fit_block({fit.params.r, fit.params.alpha, fit.params.s, fit.params.beta}, fit.log_likelihood,
                             fit.covariance, fit.customers);
        });
    }
    Range SAL_CALL PNBD_FIT_RFM(const CellRange& frequency, const CellRange& recency,
                                const CellRange& age) override {
        return guarded([&] {
            const auto columns = summary_columns({frequency, recency, age}, {"x", "t_x", "T"});
            const PnbdFit fit = pnbd_fit(columns[0], columns[1], columns[2]);
            return fit_block({fit.params.r, fit.params.alpha, fit.params.s, fit.params.beta}, fit.log_likelihood,
                             fit.covariance, fit.customers);
        });
    }
    double SAL_CALL PNBD_EXPECTED(const Any& params, double frequency, double recency, double age,
                                  double periods) override {
        return guarded([&] { return pnbd_expected(pnbd_params(params), frequency, recency, age, periods); });
    }
    double SAL_CALL PNBD_P_ALIVE(const Any& params, double frequency, double recency, double age) override {
        return guarded([&] { return pnbd_p_alive(pnbd_params(params), frequency, recency, age); });
    }
    double SAL_CALL PNBD_DERT(const Any& params, double frequency, double recency, double age,
                              double discount) override {
        return guarded([&] { return pnbd_dert(pnbd_params(params), frequency, recency, age, discount); });
    }
    double SAL_CALL PNBD_CLV(const Any& pnbdParams, const Any& ggParams, double frequency, double recency,
                             double age, double averageValue, double margin, double discount,
                             double horizon) override {
        return guarded([&] {
            const double spend = gg_spend(gg_params(ggParams), frequency, averageValue);
            return pnbd_clv(pnbd_params(pnbdParams), frequency, recency, age, spend, margin, discount, horizon);
        });
    }
    double SAL_CALL PNBD_EXPECTED_NEW(const Any& params, double periods) override {
        return guarded([&] { return pnbd_expected_new(pnbd_params(params), periods); });
    }
    double SAL_CALL PNBD_PMF(const Any& params, double periods, double purchases) override {
        return guarded([&] { return pnbd_pmf(pnbd_params(params), periods, purchases); });
    }
    Range SAL_CALL PNBD_P_ALIVE_CI(const Any& fit, double frequency, double recency, double age,
                                   const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 4, "fit (PNBD_FIT over 6 rows)");
            return interval_row(pnbd_p_alive_interval(pnbd_of(f.parameters), f.covariance, frequency, recency, age,
                                                      number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL PNBD_EXPECTED_CI(const Any& fit, double frequency, double recency, double age, double periods,
                                    const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 4, "fit (PNBD_FIT over 6 rows)");
            return interval_row(pnbd_expected_interval(pnbd_of(f.parameters), f.covariance, frequency, recency, age,
                                                       periods, number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL PNBD_CLV_CI(const Any& pnbdFit, const Any& ggFit, double frequency, double recency, double age,
                               double averageValue, double margin, double discount, double horizon,
                               const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(pnbdFit, 4, "pnbd_fit (PNBD_FIT over 6 rows)");
            const auto g = fit_argument(ggFit, 3, "gg_fit (GG_FIT over 5 rows)");
            return interval_row(pnbd_clv_interval(pnbd_of(f.parameters), f.covariance,
                                                  {g.parameters[0], g.parameters[1], g.parameters[2]}, g.covariance,
                                                  frequency, recency, age, averageValue, margin, discount, horizon,
                                                  number_or(level, 0.95, "level")));
        });
    }

    // Subscription revenue
    Range SAL_CALL MRR_MOVEMENTS(const DocumentSettings& options, const CellRange& customerIds,
                                 const CellRange& months, const CellRange& mrr) override {
        return guarded([&] {
            const DateOrigin origin(options);
            const DatedAmounts data = read_dated_amounts(customerIds, months, mrr, origin);
            return movements_matrix(cm::mrr_movements(data.customers, data.dates, data.amounts, data.ids.size()),
                                    origin);
        });
    }
    double SAL_CALL NRR(double startMrr, double expansion, double contraction, double churned) override {
        return guarded([&] { return cm::nrr(startMrr, expansion, contraction, churned); });
    }
    double SAL_CALL GRR(double startMrr, double contraction, double churned) override {
        return guarded([&] { return cm::grr(startMrr, contraction, churned); });
    }
    double SAL_CALL QUICK_RATIO(double newMrr, double expansion, double contraction, double churned,
                                const Any& reactivation) override {
        return guarded([&] {
            return cm::quick_ratio(newMrr, expansion, contraction, churned,
                                   number_or(reactivation, 0, "reactivation"));
        });
    }
    Range SAL_CALL SUBSCRIPTION_SURVIVAL(const DocumentSettings& options, const CellRange& customerIds,
                                         const CellRange& months, const CellRange& mrr) override {
        return guarded([&] {
            const DateOrigin origin(options);
            const DatedAmounts data = read_dated_amounts(customerIds, months, mrr, origin);
            return survival_matrix(
                cm::subscription_survival(data.customers, data.dates, data.amounts, data.ids.size()), origin);
        });
    }

    // BG/BB and new-customer forecasts
    double SAL_CALL BGNBD_EXPECTED_NEW(const Any& params, double t) override {
        return guarded([&] { return bgnbd_expected_new(bgnbd_params(params), t); });
    }
    double SAL_CALL BGNBD_PMF(const Any& params, double t, double k) override {
        return guarded([&] { return bgnbd_pmf(bgnbd_params(params), t, k); });
    }

    // BG/BB (cm/bgbb.hpp): discrete-time repeat transactions over n opportunities
    Range SAL_CALL BGBB_FIT(const CellRange& frequency, const CellRange& recency, const CellRange& opportunities,
                            const Any& weights) override {
        return guarded([&] {
            const auto columns = summary_columns({frequency, recency, opportunities}, {"x", "t_x", "n"});
            std::vector<double> counts;
            if (weights.hasValue())
                counts = summary_columns({&weights}, {"weights"})[0];
            const BgbbFit fit = bgbb_fit(columns[0], columns[1], columns[2], counts);
            return fit_block({fit.params.alpha, fit.params.beta, fit.params.gamma, fit.params.delta},
                             fit.log_likelihood, fit.covariance, fit.customers);
        });
    }
    double SAL_CALL BGBB_P_ALIVE(const Any& params, double frequency, double recency, double opportunities) override {
        return guarded([&] { return bgbb_p_alive(bgbb_params(params), frequency, recency, opportunities); });
    }
    double SAL_CALL BGBB_EXPECTED(const Any& params, double frequency, double recency, double opportunities,
                                  double future) override {
        return guarded([&] { return bgbb_expected(bgbb_params(params), frequency, recency, opportunities, future); });
    }
    double SAL_CALL BGBB_DERT(const Any& params, double frequency, double recency, double opportunities,
                              double discount) override {
        return guarded([&] { return bgbb_dert(bgbb_params(params), frequency, recency, opportunities, discount); });
    }
    double SAL_CALL BGBB_EXPECTED_NEW(const Any& params, double opportunities) override {
        return guarded([&] { return bgbb_expected_new(bgbb_params(params), opportunities); });
    }
    Range SAL_CALL BGBB_P_ALIVE_CI(const Any& fit, double frequency, double recency, double opportunities,
                                   const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 4, "fit (BGBB_FIT over 6 rows)");
            return interval_row(bgbb_p_alive_interval(bgbb_of(f.parameters), f.covariance, frequency, recency,
                                                      opportunities, number_or(level, 0.95, "level")));
        });
    }
    Range SAL_CALL BGBB_EXPECTED_CI(const Any& fit, double frequency, double recency, double opportunities,
                                    double future, const Any& level) override {
        return guarded([&] {
            const auto f = fit_argument(fit, 4, "fit (BGBB_FIT over 6 rows)");
            return interval_row(bgbb_expected_interval(bgbb_of(f.parameters), f.covariance, frequency, recency,
                                                       opportunities, future, number_or(level, 0.95, "level")));
        });
    }

    // XServiceName: Calc asks the add-in for the name its functions are stored under.
    OUString SAL_CALL getServiceName() override { return OUString::createFromAscii(service_name); }

    // XServiceInfo
    OUString SAL_CALL getImplementationName() override {
        return OUString::createFromAscii(implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override {
        return cppu::supportsService(this, name);
    }
    css::uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override {
        const OUString name = OUString::createFromAscii(service_name);
        return css::uno::Sequence<OUString>(&name, 1);
    }
};

}  // namespace
}  // namespace cm::uno

// Named by the constructor="" attribute of customermetrics.components.
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface* org_customermetrics_Functions_get_implementation(
    css::uno::XComponentContext*, const css::uno::Sequence<css::uno::Any>&) {
    auto* instance = new cm::uno::Functions();
    instance->acquire();
    return static_cast<cppu::OWeakObject*>(instance);
}
