#include "survey.hxx"

#include "any_cells.hxx"
#include "range_reader.hxx"

#include <cm/customers.hpp>

#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace cm::uno {

namespace {

// The cells of an argument as its reader takes them.
const CellRange& cells_of(const CellRange& range, const char* /* what: the range reader names no argument */) {
    return range;
}
AnyCells cells_of(const css::uno::Any& argument, const char* what) { return AnyCells(argument, what); }

template <class Answers, class Tally>
Tally tally_of(const Answers& scores, Tally tally, const char* what) {
    if (const auto error = for_each_number(cells_of(scores, what), [&](double score) { tally.add(score); }))
        throw CellError{*error};
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

template <class Answers>
NpsTally nps_answers(const Answers& scores, const char* what) {
    return tally_of(scores, NpsTally{}, what);
}

template <class Answers>
CsatTally csat_answers(const Answers& scores, double scale_max) {
    return tally_of(scores, CsatTally(scale_max), "scores");
}

Range interval_row(const Interval& interval) {
    css::uno::Sequence<css::uno::Any> row(2);
    row.getArray()[0] <<= interval.lower;
    row.getArray()[1] <<= interval.upper;
    return Range(&row, 1);
}

template <class Answers>
Range nps_by_segment(const Answers& scores, const Answers& segments) {
    SegmentTable table;
    // Either reader refuses two shapes; the range reader shows the first error cell as itself
    // before reading, the array's error values show as themselves in SegmentTable::add.
    for_each_aligned({cells_of(scores, "scores"), cells_of(segments, "segments")},
                     [&](const css::uno::Any* const* cells) { table.add(*cells[0], *cells[1]); });
    return table.table();
}

// The two places the cells come from.
template NpsTally nps_answers(const CellRange&, const char*);
template NpsTally nps_answers(const css::uno::Any&, const char*);
template CsatTally csat_answers(const CellRange&, double);
template CsatTally csat_answers(const css::uno::Any&, double);
template Range nps_by_segment(const CellRange&, const CellRange&);
template Range nps_by_segment(const css::uno::Any&, const css::uno::Any&);

}  // namespace cm::uno
