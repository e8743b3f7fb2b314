#include "survey.hxx"

#include <cm/customers.hpp>

#include <rtl/ustring.hxx>

#include <string>
#include <vector>

namespace cm::uno {

NpsTally nps_answers(const css::uno::Any& scores, const char* what) {
    NpsTally tally;
    AnswerArray(scores, what).for_each_number([&](double score) { tally.add(score); });
    return tally;
}

CsatTally csat_answers(const css::uno::Any& scores, double scale_max) {
    CsatTally tally(scale_max);
    AnswerArray(scores, "scores").for_each_number([&](double score) { tally.add(score); });
    return tally;
}

Range interval_row(const Interval& interval) {
    css::uno::Sequence<css::uno::Any> row(2);
    row.getArray()[0] <<= interval.lower;
    row.getArray()[1] <<= interval.upper;
    return Range(&row, 1);
}

Range nps_by_segment(const css::uno::Any& scores, const css::uno::Any& segments) {
    const AnswerArray answers(scores, "scores");
    const AnswerArray groups(segments, "segments");
    if (answers.rows() != groups.rows() || answers.columns() != groups.columns())
        throw_illegal("scores and segments must have the same size");
    CustomerIds ids;  // numbers segments in order of first appearance, as it numbers customers
    std::vector<css::uno::Any> names;
    NpsBySegment by;
    std::string utf8;
    for (sal_Int32 row = 0; row < answers.rows(); ++row)
        for (sal_Int32 column = 0; column < answers.columns(); ++column) {
            const auto score = answer_number(answers.at(row, column));
            const css::uno::Any& group = groups.at(row, column);
            std::size_t segment;
            if (const auto number = answer_number(group)) {
                if (!score)
                    continue;
                segment = ids.of(*number);
            } else {
                if (!score)
                    continue;
                rtl::OUString text;
                if (!(group >>= text) || text.isEmpty())
                    throw_illegal("an answer has no segment");
                segment = ids.of(utf8_into(text, utf8));
            }
            if (segment == names.size())
                names.push_back(group);
            by.add(segment, *score);
        }
    if (names.empty())
        throw division_by_zero("no answers");
    const auto results = by.result();
    Range table(static_cast<sal_Int32>(results.size()));
    for (std::size_t s = 0; s < results.size(); ++s) {
        css::uno::Sequence<css::uno::Any> row(5);
        auto* cells = row.getArray();
        cells[0] = names[s];
        cells[1] <<= results[s].answers;
        cells[2] <<= results[s].nps;
        cells[3] <<= results[s].interval.lower;
        cells[4] <<= results[s].interval.upper;
        table.getArray()[s] = row;
    }
    return table;
}

}  // namespace cm::uno
