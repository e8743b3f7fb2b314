#include "survey.hxx"

#include "range_reader.hxx"

#include <cm/customers.hpp>

#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace cm::uno {

namespace {

template <class Tally>
Tally tally_range(const CellRange& scores, Tally tally) {
    if (const auto error = for_each_number(scores, [&](double score) { tally.add(score); }))
        throw CellError{*error};
    return tally;
}

template <class Tally>
Tally tally_array(const css::uno::Any& scores, Tally tally, const char* what) {
    AnswerArray(scores, what).for_each_number([&](double score) { tally.add(score); });
    return tally;
}

// The segment table of NPS_BY, fed one (answer, segment) pair of cells at a time, from a
// pair of ranges or a pair of arrays alike.
class SegmentTable {
public:
    void add(const css::uno::Any& answer, const css::uno::Any& group) {
        const auto score = answer_number(answer);
        std::size_t segment;
        if (const auto number = answer_number(group)) {
            if (!score)
                return;
            segment = ids_.of(*number);
        } else {
            if (!score)
                return;
            rtl::OUString text;
            if (!(group >>= text) || text.isEmpty())
                throw_illegal("an answer has no segment");
            segment = ids_.of(utf8_into(text, utf8_));
        }
        if (segment == names_.size())
            names_.push_back(group);
        by_.add(segment, *score);
    }

    Range table() const {
        if (names_.empty())
            throw division_by_zero("no answers");
        const auto results = by_.result();
        Range table(static_cast<sal_Int32>(results.size()));
        for (std::size_t s = 0; s < results.size(); ++s) {
            css::uno::Sequence<css::uno::Any> row(5);
            auto* cells = row.getArray();
            cells[0] = names_[s];
            cells[1] <<= results[s].answers;
            cells[2] <<= results[s].nps;
            cells[3] <<= results[s].interval.lower;
            cells[4] <<= results[s].interval.upper;
            table.getArray()[s] = row;
        }
        return table;
    }

private:
    CustomerIds ids_;  // numbers segments in order of first appearance, as it numbers customers
    std::vector<css::uno::Any> names_;
    NpsBySegment by_;
    std::string utf8_;
};

}  // namespace

NpsTally nps_answers(const CellRange& scores, const char* /* what: the range reader names no argument */) {
    return tally_range(scores, NpsTally{});
}

NpsTally nps_answers(const css::uno::Any& scores, const char* what) {
    return tally_array(scores, NpsTally{}, what);
}

CsatTally csat_answers(const CellRange& scores, double scale_max) {
    return tally_range(scores, CsatTally(scale_max));
}

CsatTally csat_answers(const css::uno::Any& scores, double scale_max) {
    return tally_array(scores, CsatTally(scale_max), "scores");
}

Range interval_row(const Interval& interval) {
    css::uno::Sequence<css::uno::Any> row(2);
    row.getArray()[0] <<= interval.lower;
    row.getArray()[1] <<= interval.upper;
    return Range(&row, 1);
}

Range nps_by_segment(const CellRange& scores, const CellRange& segments) {
    SegmentTable table;
    // aligned_window (inside) refuses two shapes and shows the first error cell as itself.
    for_each_aligned({scores, segments}, [&](const css::uno::Any* const* cells) { table.add(*cells[0], *cells[1]); });
    return table.table();
}

Range nps_by_segment(const css::uno::Any& scores, const css::uno::Any& segments) {
    const AnswerArray answers(scores, "scores");
    const AnswerArray groups(segments, "segments");
    if (answers.rows() != groups.rows() || answers.columns() != groups.columns())
        throw_illegal("scores and segments must have the same size");
    SegmentTable table;
    for (sal_Int32 row = 0; row < answers.rows(); ++row)
        for (sal_Int32 column = 0; column < answers.columns(); ++column)
            table.add(answers.at(row, column), groups.at(row, column));
    return table.table();
}

}  // namespace cm::uno
