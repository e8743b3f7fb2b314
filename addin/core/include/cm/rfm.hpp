// The frequency / recency / monetary summary of an order log that the customer-base models
// (BG/NBD, Gamma-Gamma: cm/bgnbd.hpp, cm/gamma_gamma.hpp) are fitted on, as defined by
// P. S. Fader, B. G. S. Hardie and K. L. Lee, "'Counting your customers' the easy way: an
// alternative to the Pareto/NBD model", Marketing Science 24(2), 2005, section 2:
//   x   = the number of repeat purchases in the calibration period (purchase days after the
//         customer's first one; several orders of one customer on one day count as one),
//   t_x = the time of the last purchase, T = the end of calibration, both counted from the
//         customer's first purchase, in periods of `days_per_period` days (7 = weeks),
//   m_x = the mean value of the x repeat purchases, the amounts of one day summed (0 when
//         x = 0): the monetary value of P. S. Fader and B. G. S. Hardie, "The Gamma-Gamma
//         model of monetary value" (2013 note), whose fit on the 946 CDNOW repeat buyers this
//         definition reproduces (tests/unit/gamma_gamma_test.cpp). The first purchase's value
//         is left out, as in that note.
// Dates are spreadsheet serial days (days since 1899-12-30); a time of day is ignored.
#pragma once

#include "cm/errors.hpp"

#include <cstddef>
#include <vector>

namespace cm {

// One element per customer with an order on or before the end of calibration, in the
// order of the customers' indices (CustomerIds: order of first appearance in the log).
struct RfmSummary {
    std::vector<std::size_t> customer;  // index from CustomerIds
    std::vector<double> x, t_x, T, average_value;
};

// order_customers[i] ordered on order_dates[i] for amounts[i] (amounts may be empty: all 0).
// Orders after calibration_end (a serial date; its day counts) are ignored.
//   Lengths differ, a date or amount is not finite, a date is beyond ±10^7 days, or
//   days_per_period is not a positive number: domain_error. No order up to calibration_end:
//   division_by_zero. A time in periods too large for a double (days_per_period 1e-310):
//   overflow.
RfmSummary rfm_summary(const std::vector<std::size_t>& order_customers, const std::vector<double>& order_dates,
                       const std::vector<double>& amounts, std::size_t customer_count, double calibration_end,
                       double days_per_period = 7);

}  // namespace cm
