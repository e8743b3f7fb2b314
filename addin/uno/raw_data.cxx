#include "raw_data.hxx"

#include "range_reader.hxx"

#include <rtl/ustring.hxx>

#include <string>

namespace cm::uno {

std::optional<std::size_t> CustomerReader::operator()(const css::uno::Any& cell) {
    switch (cell.getValueTypeClass()) {
        case css::uno::TypeClass_DOUBLE:
            return ids_.of(*static_cast<const double*>(cell.getValue()));
        case css::uno::TypeClass_STRING: {
            const auto& text = *static_cast<const rtl::OUString*>(cell.getValue());
            if (text.isEmpty())
                return std::nullopt;
            return ids_.of(utf8_into(text, utf8_));
        }
        case css::uno::TypeClass_VOID:
            return std::nullopt;
        default:
            throw_illegal("a customer id must be a number or text");
    }
}

std::vector<std::size_t> customers_in(const CellRange& range, CustomerIds& ids) {
    std::vector<std::size_t> customers;
    CustomerReader customer_of(ids);
    for_each_aligned({range}, [&](const css::uno::Any* const* cells) {
        if (const auto customer = customer_of(*cells[0]))
            customers.push_back(*customer);
    });
    return customers;
}

ListComparison compare_id_lists(const CellRange& start, const CellRange& end) {
    CustomerIds ids;
    const auto at_start = customers_in(start, ids);
    const auto at_end = customers_in(end, ids);
    return compare_lists(at_start, at_end, ids.size());
}

OrderCounts count_orders_in(const CellRange& orders) {
    CustomerIds ids;
    const auto customers = customers_in(orders, ids);
    return count_orders(customers, ids.size());
}

namespace {

bool is_empty(const css::uno::Any& cell) {
    return cell.getValueTypeClass() == css::uno::TypeClass_VOID ||
           (cell.getValueTypeClass() == css::uno::TypeClass_STRING &&
            static_cast<const rtl::OUString*>(cell.getValue())->isEmpty());
}

// The order log of `order_ids` beside `numbers`, where number_of(cell) reads one number
// (std::nullopt for an empty cell, an illegal argument for anything it cannot read).
template <class NumberOf>
OrderLog read_log(const CellRange& order_ids, const CellRange& numbers, const char* what, NumberOf&& number_of) {
    OrderLog log;
    CustomerReader customer_of(log.ids);
    for_each_aligned({order_ids, numbers}, [&](const css::uno::Any* const* cells) {
        const auto customer = customer_of(*cells[0]);
        if (!customer) {
            if (!is_empty(*cells[1]))
                throw_illegal((std::string("a row has a ") + what + " but no customer id").c_str());
            return;
        }
        const std::optional<double> number = number_of(*cells[1]);
        if (!number)
            throw_illegal((std::string("an order has no ") + what).c_str());
        log.customers.push_back(*customer);
        log.numbers.push_back(*number);
    });
    return log;
}

}  // namespace

OrderLog read_order_log(const CellRange& order_ids, const CellRange& numbers, const char* what) {
    return read_log(order_ids, numbers, what, [&](const css::uno::Any& cell) -> std::optional<double> {
        if (cell.getValueTypeClass() == css::uno::TypeClass_DOUBLE)
            return *static_cast<const double*>(cell.getValue());
        if (is_empty(cell))
            return std::nullopt;
        throw_illegal((std::string("an order's ") + what + " must be a number").c_str());
    });
}

OrderLog read_dated_log(const CellRange& order_ids, const CellRange& dates, const DateOrigin& origin) {
    return read_log(order_ids, dates, "date",
                    [&](const css::uno::Any& cell) { return origin.read_cell(cell, "an order date"); });
}

DatedAmounts read_dated_amounts(const CellRange& customer_ids, const CellRange& dates, const CellRange& amounts,
                                const DateOrigin& origin) {
    DatedAmounts log;
    CustomerReader customer_of(log.ids);
    for_each_aligned({customer_ids, dates, amounts}, [&](const css::uno::Any* const* cells) {
        const auto customer = customer_of(*cells[0]);
        if (!customer) {
            if (!is_empty(*cells[1]) || !is_empty(*cells[2]))
                throw_illegal("a row has a date or an amount but no customer id");
            return;
        }
        const std::optional<double> date = origin.read_cell(*cells[1], "a date");
        if (!date)
            throw_illegal("a row has no date");
        const css::uno::Any& amount = *cells[2];
        if (amount.getValueTypeClass() != css::uno::TypeClass_DOUBLE)
            throw_illegal(is_empty(amount) ? "a row has no amount" : "an amount must be a number");
        if (*customer == log.id_cells.size())
            log.id_cells.push_back(*cells[0]);
        log.customers.push_back(*customer);
        log.dates.push_back(*date);
        log.amounts.push_back(*static_cast<const double*>(amount.getValue()));
    });
    return log;
}

CohortPeriod period_argument(const css::uno::Any& period) {
    if (period.getValueTypeClass() == css::uno::TypeClass_VOID)
        return CohortPeriod::month;
    rtl::OUString name;
    if (!(period >>= name))
        throw_illegal("period must be \"month\", \"week\" or \"quarter\"");
    if (name.isEmpty())
        return CohortPeriod::month;
    const auto parsed = cohort_period_from_name(utf8(name));
    if (!parsed)
        throw_illegal("period must be \"month\", \"week\" or \"quarter\"");
    return *parsed;
}

Range cohort_matrix(const CohortTable& table, const DateOrigin& origin) {
    const auto columns = static_cast<sal_Int32>(2 + table.periods());
    Range matrix(static_cast<sal_Int32>(table.cohort_size.size()));
    for (std::size_t c = 0; c < table.cohort_size.size(); ++c) {
        css::uno::Sequence<css::uno::Any> row(columns);
        css::uno::Any* cells = row.getArray();
        cells[0] <<= origin.to_document(table.cohort_start[c]);
        cells[1] <<= table.cohort_size[c];
        for (std::size_t k = 0; k < table.active[c].size(); ++k)
            cells[2 + k] <<= table.share(c, k);
        for (auto k = static_cast<sal_Int32>(2 + table.active[c].size()); k < columns; ++k)
            cells[k] <<= rtl::OUString();
        matrix.getArray()[c] = row;
    }
    return matrix;
}

}  // namespace cm::uno
