// Holdout validation of the BG/NBD model on the CDNOW sample, as Fader, Hardie & Lee (2005,
// section 4, figures 2-4) validate it: fit on the 39-week calibration period (to 1997-09-30),
// then compare with the next 39 weeks (to 1998-06-30)
//   1. weekly and cumulative repeat transactions of the whole cohort, actual vs predicted
//      (predicted: Σ over customers of E[X(t)] of FHL 2005 eq. 9, t from each customer's
//      first purchase), over calibration and holdout — the tracking plot;
//   2. holdout repeat transactions per customer by calibration frequency x, actual mean vs
//      the mean of the conditional expectation (eq. 10) — the conditional-expectations plot.
// The Pareto/NBD model (cm/pnbd.hpp) beside it, the same way (its E[X(t)] and conditional
// expectation). Prints tables (docs/FUNCTIONS.md quotes them). Run: build/tests/bench/cm_cdnow_holdout
#include "../unit/cdnow.hpp"

#include <cm/bgnbd.hpp>
#include <cm/pnbd.hpp>
#include <cm/rfm.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <vector>

int main() {
    const auto log = cdnow::read(true);
    const auto s = cm::rfm_summary(log.customers, log.dates, log.amounts, log.ids.size(), cdnow::calibration_end);
    const auto fit = cm::bgnbd_fit(s.x, s.t_x, s.T);
    const auto& p = fit.params;
    std::printf("fit: r %.4f alpha %.4f a %.4f b %.4f LL %.2f\n", p.r, p.alpha, p.a, p.b, fit.log_likelihood);
    const auto pnbd = cm::pnbd_fit(s.x, s.t_x, s.T);
    const auto& q = pnbd.params;
    std::printf("Pareto/NBD fit: r %.4f alpha %.4f s %.4f beta %.4f LL %.2f\n", q.r, q.alpha, q.s, q.beta,
                pnbd.log_likelihood);

    // Distinct purchase days of each customer; first purchase day.
    const double start = 35431;  // 1997-01-01
    std::vector<std::set<double>> days(log.ids.size());
    for (std::size_t i = 0; i < log.customers.size(); ++i)
        days[log.customers[i]].insert(std::floor(log.dates[i]));
    const int weeks = 78;
    std::vector<double> actual(weeks, 0), cumulative_predicted(weeks + 1, 0), cumulative_pnbd(weeks + 1, 0);
    for (const auto& customer : days) {
        const double first = *customer.begin();
        for (double day : customer)
            if (day != first) {
                const int week = static_cast<int>((day - start) / 7);
                if (week < weeks)
                    ++actual[week];
            }
        for (int w = 1; w <= weeks; ++w) {
            const double t = (start + 7 * w - first) / 7;  // weeks since first purchase at the end of week w
            if (t > 0) {
                cumulative_predicted[w] += cm::bgnbd_expected(p, 0, 0, 0, t);
                cumulative_pnbd[w] += cm::pnbd_expected_new(q, t);
            }
        }
    }
    std::printf("\nweek  actual  predicted  cum.actual  cum.predicted  pnbd  cum.pnbd\n");
    double cumulative_actual = 0;
    for (int w = 1; w <= weeks; ++w) {
        cumulative_actual += actual[w - 1];
        if (w <= 12 || w % 13 == 0 || w == 39 || w == 78)
            std::printf("%4d  %6.0f  %9.1f  %10.0f  %13.1f  %4.1f  %8.1f\n", w, actual[w - 1],
                        cumulative_predicted[w] - cumulative_predicted[w - 1], cumulative_actual, cumulative_predicted[w],
                        cumulative_pnbd[w] - cumulative_pnbd[w - 1], cumulative_pnbd[w]);
    }
    // Holdout: repeat purchase days in (calibration end, holdout end].
    std::map<int, std::pair<double, double>> by_x;  // x (7 = 7+) -> (Σ actual, Σ expected)
    std::map<int, double> by_x_pnbd;
    double total_pnbd = 0;
    std::map<int, int> count;
    double total_actual = 0, total_expected = 0;
    for (std::size_t i = 0; i < s.customer.size(); ++i) {
        const auto& customer = days[s.customer[i]];
        double holdout = 0;
        for (double day : customer)
            holdout += day > cdnow::calibration_end && day <= cdnow::holdout_end;
        const double e = cm::bgnbd_expected(p, s.x[i], s.t_x[i], s.T[i], 39);
        const int key = static_cast<int>(std::min(s.x[i], 7.0));
        by_x[key].first += holdout;
        by_x[key].second += e;
        const double e_pnbd = cm::pnbd_expected(q, s.x[i], s.t_x[i], s.T[i], 39);
        by_x_pnbd[key] += e_pnbd;
        total_pnbd += e_pnbd;
        ++count[key];
        total_actual += holdout;
        total_expected += e;
    }
    std::printf("\nholdout (39 weeks) repeat transactions per customer by calibration x\n");
    std::printf("x     customers  actual  expected  pnbd\n");
    for (const auto& [x, sums] : by_x)
        std::printf("%-4s  %9d  %6.3f  %8.3f  %6.3f\n", x == 7 ? "7+" : std::to_string(x).c_str(), count[x],
                    sums.first / count[x], sums.second / count[x], by_x_pnbd[x] / count[x]);
    std::printf("all   %9zu  %6.3f  %8.3f  %6.3f   (totals %.0f vs %.1f, Pareto/NBD %.1f)\n", s.customer.size(),
                total_actual / static_cast<double>(s.customer.size()),
                total_expected / static_cast<double>(s.customer.size()),
                total_pnbd / static_cast<double>(s.customer.size()), total_actual, total_expected, total_pnbd);
}
