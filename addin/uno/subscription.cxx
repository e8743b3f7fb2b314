#include "subscription.hxx"

#include "range_reader.hxx"

#include <rtl/ustring.hxx>

namespace cm::uno {
namespace {

bool is_blank(const css::uno::Any& cell) {
    return cell.getValueTypeClass() == css::uno::TypeClass_VOID ||
           (cell.getValueTypeClass() == css::uno::TypeClass_STRING &&
            static_cast<const rtl::OUString*>(cell.getValue())->isEmpty());
}

}  // namespace

BillingExport read_billing_export(const CellRange& customer_ids, const CellRange& months, const CellRange& mrr,
                                  const DateOrigin& origin) {
    BillingExport data;
    CustomerReader customer_of(data.ids);
    for_each_aligned({customer_ids, months, mrr}, [&](const css::uno::Any* const* cells) {
        const auto customer = customer_of(*cells[0]);
        if (!customer) {
            if (!is_blank(*cells[1]) || !is_blank(*cells[2]))
                throw_illegal("a row of the billing export has a month or an MRR but no customer id");
            return;
        }
        const auto month = origin.read_cell(*cells[1], "a month");
        if (!month)
            throw_illegal("a row of the billing export has no month");
        const css::uno::Any& amount = *cells[2];
        if (amount.getValueTypeClass() != css::uno::TypeClass_DOUBLE)
            throw_illegal(is_blank(amount) ? "a row of the billing export has no MRR" : "an MRR must be a number");
        data.customers.push_back(*customer);
        data.months.push_back(*month);
        data.mrr.push_back(*static_cast<const double*>(amount.getValue()));
    });
    return data;
}

Range movements_matrix(const std::vector<MrrMonth>& table, const DateOrigin& origin) {
    Range matrix(static_cast<sal_Int32>(table.size()));
    for (std::size_t m = 0; m < table.size(); ++m) {
        const MrrMonth& row = table[m];
        const double values[] = {origin.to_document(row.month),
                                 row.mrr_start,
                                 row.new_mrr,
                                 row.expansion,
                                 row.contraction,
                                 row.churned,
                                 row.reactivation,
                                 row.mrr_end,
                                 row.customers_start,
                                 row.new_customers,
                                 row.churned_customers,
                                 row.reactivated_customers,
                                 row.customers_end};
        css::uno::Sequence<css::uno::Any> cells(static_cast<sal_Int32>(std::size(values)));
        for (std::size_t k = 0; k < std::size(values); ++k)
            cells.getArray()[k] <<= values[k];
        matrix.getArray()[m] = cells;
    }
    return matrix;
}

Range survival_matrix(const SurvivalTable& table, const DateOrigin& origin) {
    const auto columns = static_cast<sal_Int32>(1 + table.periods());
    Range matrix(static_cast<sal_Int32>(table.alive.size()));
    for (std::size_t c = 0; c < table.alive.size(); ++c) {
        css::uno::Sequence<css::uno::Any> row(columns);
        css::uno::Any* cells = row.getArray();
        cells[0] <<= origin.to_document(table.cohort_start[c]);
        for (std::size_t k = 0; k < table.alive[c].size(); ++k)
            cells[1 + k] <<= table.alive[c][k];
        for (auto k = static_cast<sal_Int32>(1 + table.alive[c].size()); k < columns; ++k)
            cells[k] <<= rtl::OUString();
        matrix.getArray()[c] = row;
    }
    return matrix;
}

}  // namespace cm::uno
