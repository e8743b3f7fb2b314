#include "subscription.hxx"

namespace cm::uno {

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
