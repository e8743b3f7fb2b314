// libFuzzer target: the functions over many values — NPS and CSAT tallies and their
// whole-array forms, customer-id lists, order logs and the cohort table — with random
// lengths and mixed values.
#include "fuzz_input.hpp"

#include <cm/cohort.hpp>
#include <cm/customers.hpp>
#include <cm/loyalty.hpp>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

// The outcome of a computation: its value, or which of cm's exceptions it threw.
struct Outcome {
    Refusal thrown = Refusal::none;
    double value = 0;
    bool operator==(const Outcome& other) const {
        return thrown == other.thrown && (thrown != Refusal::none || value == other.value);
    }
};

template <class Compute>
Outcome outcome(Compute compute) {
    Outcome result;
    result.thrown = refusal([&] { result.value = compute(); });
    return result;
}

// The tallies take answers one at a time and skip nothing: a refused answer is the caller's
// business (the add-in shows Err:502). The whole-array functions nps() and csat() must agree
// with a tally of the same answers.
void tallies(FuzzInput& in) {
    cm::NpsTally nps;
    std::vector<double> answers;
    bool refused = false;
    const int count = in.byte();
    for (int i = 0; i < count; ++i) {
        const double answer = in.number();
        answers.push_back(answer);
        tolerate_refusal([&] {
            try {
                nps.add(answer);
            } catch (const cm::domain_error&) {
                refused = true;
                throw;
            }
        });
    }
    const Outcome tallied = outcome([&] {
        const double score = nps.nps();
        require(std::isfinite(score) && score >= -100 && score <= 100);
        require(nps.promoters() + nps.passives() + nps.detractors() <= static_cast<double>(answers.size()));
        return score;
    });
    const Outcome whole = outcome([&] { return cm::nps(answers.data(), answers.size()); });
    require(refused ? whole.thrown == Refusal::domain_error : whole == tallied);

    const double scale_max = in.number();
    const int csat_answers = in.byte();
    std::vector<double> scores;
    for (int i = 0; i < csat_answers; ++i)
        scores.push_back(in.number());
    const Outcome scale = outcome([&] { cm::CsatTally check(scale_max); return 0.0; });
    refused = scale.thrown != Refusal::none;
    const Outcome csat_tallied = outcome([&] {
        cm::CsatTally csat(scale_max);
        for (double score : scores)
            tolerate_refusal([&] {
                try {
                    csat.add(score);
                } catch (const cm::domain_error&) {
                    refused = true;
                    throw;
                }
            });
        const double share = csat.csat();
        require(share >= 0 && share <= 1);
        return share;
    });
    const Outcome csat_whole = outcome([&] { return cm::csat(scores.data(), scores.size(), scale_max); });
    require(refused ? csat_whole.thrown == Refusal::domain_error : csat_whole == csat_tallied);
}

std::size_t customer(FuzzInput& in, cm::CustomerIds& ids) {
    const std::uint8_t tag = in.byte();
    if (tag & 1)
        return ids.of("c" + std::to_string(tag >> 1));
    return ids.of(static_cast<double>(tag >> 1));
}

void orders(FuzzInput& in) {
    cm::CustomerIds ids;
    std::vector<std::size_t> start, end, order_customers;
    std::vector<double> dates, amounts;
    for (int i = in.byte(); i > 0; --i)
        start.push_back(customer(in, ids));
    for (int i = in.byte(); i > 0; --i)
        end.push_back(customer(in, ids));
    for (int i = in.byte(); i > 0; --i) {
        order_customers.push_back(customer(in, ids));
        dates.push_back(in.number());
        amounts.push_back(in.number());
    }
    tolerate_refusal([&] {
        const auto lists = cm::compare_lists(start, end, ids.size());
        const double crr = lists.crr();
        require(crr >= 0 && crr <= 1 && std::abs(crr + lists.churn() - 1) < 1e-12);
    });
    tolerate_refusal([&] {
        const auto counts = cm::count_orders(order_customers, ids.size());
        require(counts.rpr() >= 0 && counts.rpr() <= 1 && counts.purchase_frequency() >= 1);
    });
    tolerate_refusal([&] { require(std::isfinite(cm::arpu_of_orders(order_customers, amounts, ids.size()))); });
    const auto period = static_cast<cm::CohortPeriod>(in.byte() % 3);
    tolerate_refusal([&] {
        const auto table = cm::cohort_retention(order_customers, dates, ids.size(), period);
        double customers = 0;
        for (std::size_t c = 0; c < table.cohort_size.size(); ++c) {
            customers += table.cohort_size[c];
            require(!table.active[c].empty() && table.active[c][0] == table.cohort_size[c]);
            for (std::size_t k = 0; k < table.active[c].size(); ++k)
                require(table.share(c, k) >= 0 && table.share(c, k) <= 1);
        }
        require(customers == cm::count_orders(order_customers, ids.size()).customers);
    });
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    if (in.byte() & 1)
        tallies(in);
    else
        orders(in);
    return 0;
}
