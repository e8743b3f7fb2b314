// Benchmarks of the sBG model (cm/sbg.hpp): the fit of the Fader & Hardie (2007) regular
// cohort (years 0..7), a fit of 40 cohorts of 24 months (a multi-cohort sheet), survival at
// a large t and DERL at monthly and tiny discount rates. They measure; nothing is checked.
#include <cm/sbg.hpp>

#include <benchmark/benchmark.h>

#include <vector>

namespace {

const cm::SbgCohort regular{100.0, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1};

void BM_SbgFitOneCohort(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(cm::sbg_fit({regular}));
}
BENCHMARK(BM_SbgFitOneCohort)->Unit(benchmark::kMicrosecond);

void BM_SbgFitManyCohorts(benchmark::State& state) {
    // cohort c observed for 24 - c/2 months, expected survival of alpha 0.7, beta 3
    std::vector<cm::SbgCohort> cohorts;
    for (int c = 0; c < 40; ++c) {
        cm::SbgCohort cohort{1000.0 + 10 * c};
        for (int t = 1; t <= 24 - c / 2; ++t)
            cohort.push_back(cohort[0] * cm::sbg_survival({0.7, 3.0}, t));
        cohorts.push_back(cohort);
    }
    for (auto _ : state)
        benchmark::DoNotOptimize(cm::sbg_fit(cohorts));
}
BENCHMARK(BM_SbgFitManyCohorts)->Unit(benchmark::kMicrosecond);

void BM_SbgSurvivalLargeT(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(cm::sbg_survival({0.704, 1.182}, 1e6));
}
BENCHMARK(BM_SbgSurvivalLargeT);

void BM_SbgDerl(benchmark::State& state) {
    const double discount = 1.0 / static_cast<double>(state.range(0));  // 1/100 .. 1/100000
    for (auto _ : state)
        benchmark::DoNotOptimize(cm::sbg_derl({0.704, 1.182}, discount));
}
BENCHMARK(BM_SbgDerl)->RangeMultiplier(10)->Range(10, 100000)->Unit(benchmark::kMicrosecond);

}  // namespace
BENCHMARK_MAIN();
