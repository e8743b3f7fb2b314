// Google Benchmark for the calculation library alone: what the add-in's own code costs,
// apart from Calc. Run: build/tests/bench/cm_core_bench (scripts/bench.sh runs it too).
#include <cm/cohort.hpp>
#include <cm/customers.hpp>
#include <cm/loyalty.hpp>
#include <cm/retention.hpp>

#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

namespace {

void BM_Crr(benchmark::State& state) {
    double start = 110, end = 115, added = 60;
    for (auto _ : state) {
        benchmark::DoNotOptimize(start);
        benchmark::DoNotOptimize(cm::crr(start, end, added));
    }
}
BENCHMARK(BM_Crr);

// `count` survey answers, integers from lowest to highest in shuffled order (a sorted column
// would hide the cost of a mispredicted branch per answer).
std::vector<double> survey_answers(std::size_t count, int lowest, int highest, unsigned seed) {
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> score(lowest, highest);
    std::vector<double> answers(count);
    for (double& answer : answers)
        answer = score(random);
    return answers;
}

void BM_NpsTally(benchmark::State& state) {
    const auto answers = survey_answers(static_cast<std::size_t>(state.range(0)), 0, 10, 1);
    for (auto _ : state)
        benchmark::DoNotOptimize(cm::nps(answers.data(), answers.size()));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_NpsTally)->RangeMultiplier(10)->Range(10000, 1000000);

void BM_CsatTally(benchmark::State& state) {
    const auto answers = survey_answers(static_cast<std::size_t>(state.range(0)), 1, 5, 3);
    for (auto _ : state)
        benchmark::DoNotOptimize(cm::csat(answers.data(), answers.size()));
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CsatTally)->RangeMultiplier(10)->Range(10000, 1000000);

// An order log like a shop's: `orders` orders by orders/4 customers over two years, text ids.
struct OrderLog {
    std::vector<std::string> ids;
    std::vector<double> dates;
};

OrderLog make_orders(std::size_t orders) {
    std::mt19937 random(2);
    std::uniform_int_distribution<std::size_t> customer(0, orders / 4);
    std::uniform_real_distribution<double> day(45292, 45292 + 730);
    OrderLog log;
    for (std::size_t i = 0; i < orders; ++i) {
        log.ids.push_back("C" + std::to_string(customer(random)));
        log.dates.push_back(day(random));
    }
    return log;
}

void BM_CohortRetention(benchmark::State& state) {
    const OrderLog log = make_orders(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        cm::CustomerIds ids;  // interning is part of the work the add-in does per call
        std::vector<std::size_t> customers;
        customers.reserve(log.ids.size());
        for (const auto& id : log.ids)
            customers.push_back(ids.of(id));
        benchmark::DoNotOptimize(cm::cohort_retention(customers, log.dates, ids.size()));
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_CohortRetention)->RangeMultiplier(10)->Range(10000, 1000000)->Unit(benchmark::kMillisecond);

void BM_CompareLists(benchmark::State& state) {
    const auto size = static_cast<std::size_t>(state.range(0));
    for (auto _ : state) {
        cm::CustomerIds ids;
        std::vector<std::size_t> start, end;
        for (std::size_t i = 0; i < size; ++i)
            start.push_back(ids.of(static_cast<double>(i)));
        for (std::size_t i = size / 10; i < size + size / 10; ++i)
            end.push_back(ids.of(static_cast<double>(i)));
        benchmark::DoNotOptimize(cm::compare_lists(start, end, ids.size()).crr());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0) * 2);
}
BENCHMARK(BM_CompareLists)->RangeMultiplier(10)->Range(10000, 1000000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
