// Argument conversion for the customer-base models (BG/NBD, Gamma-Gamma, RFM
// summary): order logs with amounts, columns of a summary given as ranges or arrays, a
// date argument, and a fit's result row. The models themselves are in addin/core
// (cm/rfm.hpp, cm/bgnbd.hpp, cm/gamma_gamma.hpp).
#pragma once

#include "dates.hxx"
#include "raw_data.hxx"

#include <cm/rfm.hpp>
#include <cm/uncertainty.hpp>

#include <optional>
#include <vector>

namespace cm::uno {

// A required date argument: a date number, a 1×1 range holding one, or ISO text
// (DateOrigin::read_cell), as the library's serial. Empty or omitted: illegal.
double date_argument(const css::uno::Any& argument, const DateOrigin& origin, const char* what);

// The columns of a summary (x, t_x, T; or frequencies, averages), each a range, an inline
// array or an array expression of one row or one column; all of one length (else illegal).
// A row where every column is empty is skipped; a row with some empty, or any text, is illegal.
std::vector<std::vector<double>> summary_columns(std::initializer_list<const css::uno::Any*> columns,
                                                 std::initializer_list<const char*> names);

// The same columns given as cell ranges (GG_FIT, BGNBD_FIT_RFM), each one row or one column,
// all of one length; read clipped to the used area (a whole column costs only its data).
// Why ranges: for an `any` parameter Calc refuses a referenced range holding an error cell
// with Err:504 before calling the add-in (any_cells.hxx), so a table entered as an array
// formula over more rows than it has, whose extra rows Calc fills with #N/A, could never be
// read. Here those rows are padding: after the last row with data, a row that is #N/A in
// every column (or empty in every column) is not data. Any other error cell shows as itself
// (CellError), so an #N/A among the data stays an error; text, or a row empty in some
// columns only, is illegal.
std::vector<std::vector<double>> summary_columns(std::initializer_list<CellRange> columns,
                                                 std::initializer_list<const char*> names);

// A fit's block (docs/FUNCTIONS.md, "How sure is the fit"): row 1 the k parameters, then the
// log-likelihood; row 2 their standard errors, then the number of customers fitted; rows 3 to
// k + 2 their k×k covariance (the last column empty). Entered over one row it is row 1 alone, as
// before standard errors existed. Without a covariance (a singular information matrix) rows 2
// and on show #NUM! under the parameters.
Range fit_block(std::initializer_list<double> parameters, double log_likelihood, const ParameterCovariance& covariance,
                double observations);

// The parameters and covariance of a fit's block given as `fit` to an interval function: at
// least k + 2 rows whose first k columns are numbers; anything less is an illegal argument that
// says to enter the fit over k + 2 rows.
struct FittedParameters {
    std::vector<double> parameters;
    ParameterCovariance covariance;
};
FittedParameters fit_argument(const css::uno::Any& fit, std::size_t k, const char* what);

// Numbers as one row.
Range values_row(std::initializer_list<double> values);

// RFM_SUMMARY's array: id, x, t_x, T, average value of the repeat orders, one row per customer.
Range rfm_matrix(const RfmSummary& summary, const std::vector<css::uno::Any>& id_cells);

}  // namespace cm::uno
