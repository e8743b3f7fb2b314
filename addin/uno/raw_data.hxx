// Argument conversion for the functions on raw data (CRM exports): ranges of customer ids,
// order logs of ids with amounts or dates, the cohort period, and the cohort table as a
// Calc array. The counting itself is in addin/core (cm/customers.hpp, cm/cohort.hpp).
#pragma once

#include "convert.hxx"
#include "dates.hxx"

#include <cm/cohort.hpp>
#include <cm/customers.hpp>

#include <com/sun/star/table/XCellRange.hpp>

#include <optional>
#include <string>
#include <vector>

namespace cm::uno {

using CellRange = css::uno::Reference<css::table::XCellRange>;

// Reads customer id cells: a number or a non-empty text gives its index in `ids`; an
// empty cell (or empty text) gives std::nullopt, the row is not an order; anything else is
// illegal. Keeps one UTF-8 buffer for all the texts it converts.
class CustomerReader {
public:
    explicit CustomerReader(CustomerIds& ids) : ids_(ids) {}
    std::optional<std::size_t> operator()(const css::uno::Any& cell);

private:
    CustomerIds& ids_;
    std::string utf8_;
};

// The customers of a range of ids, one element per non-empty cell.
std::vector<std::size_t> customers_in(const CellRange& range, CustomerIds& ids);

ListComparison compare_id_lists(const CellRange& start, const CellRange& end);

OrderCounts count_orders_in(const CellRange& orders);

// An order log: ids in one range and, row for row, a number (amount, date) in another.
// A row with neither is skipped; an id without its number, or a number without an id,
// is an illegal argument (never a silently dropped order). read_order_log reads numbers
// (amounts); read_dated_log reads dates as DateOrigin::read_cell does (date cells or ISO
// text), converted to the library's origin.
struct OrderLog {
    CustomerIds ids;
    std::vector<std::size_t> customers;
    std::vector<double> numbers;
};
OrderLog read_order_log(const CellRange& order_ids, const CellRange& numbers, const char* what);
OrderLog read_dated_log(const CellRange& order_ids, const CellRange& dates, const DateOrigin& origin);

// A log of dated amounts read from three ranges side by side: row for row a customer id, a
// date (DateOrigin::read_cell: a date cell or ISO text) and a number. Orders with their
// value (RFM_SUMMARY, BGNBD_FIT) and billing rows with their MRR (MRR_MOVEMENTS,
// SUBSCRIPTION_SURVIVAL) alike. A row empty in all three is skipped; a row with some but
// not all three, or a value of the wrong kind, is an illegal argument (never a silently
// dropped row). Each customer's id cell is kept as first seen, to be shown back
// (RFM_SUMMARY's first column).
struct DatedAmounts {
    CustomerIds ids;
    std::vector<css::uno::Any> id_cells;  // by customer index
    std::vector<std::size_t> customers;
    std::vector<double> dates, amounts;  // dates in the library's origin
};
DatedAmounts read_dated_amounts(const CellRange& customer_ids, const CellRange& dates, const CellRange& amounts,
                                const DateOrigin& origin);

// Omitted or empty: month; otherwise a name cm::cohort_period_from_name knows.
CohortPeriod period_argument(const css::uno::Any& period);

// [cohort start, cohort size, share active 0, 1, 2... periods after acquisition]; a period
// the data cannot show yet is an empty text cell. Cohort starts in the document's origin.
Range cohort_matrix(const CohortTable& table, const DateOrigin& origin);

}  // namespace cm::uno
