// The UNO component: one method per spreadsheet function. Each method only converts its
// arguments, calls addin/core and lets guarded() map the outcome; no formula lives here.
// The Function Wizard texts are in registry/ (CalcAddIns.xcu), not in this file.

#include "convert.hxx"
#include "range_reader.hxx"
#include "raw_data.hxx"
#include "subscription.hxx"

#include <cm/loyalty.hpp>
#include <cm/retention.hpp>
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

const CellRange& require_range(const CellRange& range) {
    if (!range.is())
        throw_illegal("a cell range is required");
    return range;
}

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
        return guarded([&] {
            NpsTally tally;
            if (const auto error = for_each_number(require_range(scores), [&](double score) { tally.add(score); }))
                return calc_error_value(*error);
            return tally.nps();
        });
    }
    double SAL_CALL NPS_COUNTS(double promoters, double passives, double detractors) override {
        return guarded([&] { return cm::nps_counts(promoters, passives, detractors); });
    }
    double SAL_CALL CSAT(const CellRange& scores, const Any& scaleMax) override {
        return guarded([&] {
            CsatTally tally(number_or(scaleMax, 5, "scale_max"));
            if (const auto error = for_each_number(require_range(scores), [&](double score) { tally.add(score); }))
                return calc_error_value(*error);
            return tally.csat();
        });
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


    // Subscription revenue
    Range SAL_CALL MRR_MOVEMENTS(const DocumentSettings& options, const CellRange& customerIds,
                                 const CellRange& months, const CellRange& mrr) override {
        return guarded([&] {
            const DateOrigin origin(options);
            const BillingExport data = read_billing_export(require_range(customerIds), require_range(months),
                                                           require_range(mrr), origin);
            return movements_matrix(cm::mrr_movements(data.customers, data.months, data.mrr, data.ids.size()),
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
            const BillingExport data = read_billing_export(require_range(customerIds), require_range(months),
                                                           require_range(mrr), origin);
            return survival_matrix(
                cm::subscription_survival(data.customers, data.months, data.mrr, data.ids.size()), origin);
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
