// Customers' purchase histories (x, t_x, T) of cm/rfm.hpp as the continuous-time models
// (BG/NBD: bgnbd.cpp, Pareto/NBD: pnbd.cpp) check and fit them. Private to the library.
#pragma once

#include "checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <tuple>
#include <vector>

namespace cm::detail {

// x a non-negative whole number; 0 <= t_x <= T, all finite; else domain_error.
inline void check_customer(double x, double t_x, double T) {
    require_finite(x, "x");
    require_finite(t_x, "t_x");
    require_finite(T, "T");
    if (x < 0 || x != std::floor(x))
        throw domain_error("x (repeat purchases) must be a non-negative whole number");
    if (t_x < 0 || T < 0)
        throw domain_error("t_x and T must not be negative");
    if (t_x > T)
        throw domain_error("t_x (last purchase) must not be after T (end of observation)");
}

// Customers with equal (x, t_x, T) share one likelihood term (t_x is 0 when x = 0: the
// models do not read it there).
struct Histories {
    std::vector<double> x, t_x, T, count;
    // The distinct values of x, and for every history the index of its x among them.
    std::vector<double> distinct_x, count_of_x;
    std::vector<std::size_t> x_index;
    double customers = 0;
};

// The rows checked by check_customer, grouped; sorted by x, then t_x, then T.
inline Histories group(const std::vector<double>& x, const std::vector<double>& t_x, const std::vector<double>& T) {
    std::vector<std::tuple<double, double, double>> rows(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        check_customer(x[i], t_x[i], T[i]);
        rows[i] = {x[i], x[i] > 0 ? t_x[i] : 0.0, T[i]};
    }
    std::sort(rows.begin(), rows.end());
    Histories h;
    for (const auto& [xi, ti, Ti] : rows) {
        if (!h.x.empty() && h.x.back() == xi && h.t_x.back() == ti && h.T.back() == Ti) {
            ++h.count.back();
        } else {
            h.x.push_back(xi);
            h.t_x.push_back(ti);
            h.T.push_back(Ti);
            h.count.push_back(1);
        }
        if (h.distinct_x.empty() || h.distinct_x.back() != xi) {
            h.distinct_x.push_back(xi);
            h.count_of_x.push_back(0);
        }
        ++h.count_of_x.back();
        if (h.x_index.size() < h.x.size())
            h.x_index.push_back(h.distinct_x.size() - 1);
        ++h.customers;
    }
    return h;
}

}  // namespace cm::detail
