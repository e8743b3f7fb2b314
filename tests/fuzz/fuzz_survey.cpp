// libFuzzer target: the survey statistics (cm/survey.hpp) on any doubles — counts, shares,
// margins and confidence levels from raw bytes (NaN, ±inf, denormals, huge values) or
// plausible ones — and NpsBySegment on random answers and segment numbers. Every call must
// return finite numbers in their documented range or throw one of cm's exceptions; std::abort
// marks anything else for libFuzzer.
#include "fuzz_input.hpp"

#include <cm/survey.hpp>

#include <cmath>
#include <cstdlib>
#include <vector>

namespace {

double confidence_from(FuzzInput& in) {
    switch (in.byte() % 4) {
        case 0: return in.raw_double();
        case 1: return 0.95;
        default: return in.byte() / 256.0;
    }
}

void check_nps_interval(const cm::Interval& interval) {
    require(std::isfinite(interval.lower) && std::isfinite(interval.upper));
    require(-100 <= interval.lower && interval.lower <= interval.upper && interval.upper <= 100);
}

void check_share_interval(const cm::Interval& interval) {
    require(std::isfinite(interval.lower) && std::isfinite(interval.upper));
    require(0 <= interval.lower && interval.lower <= interval.upper && interval.upper <= 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    const double p = in.number(), m = in.number(), d = in.number();
    const double confidence = confidence_from(in);
    tolerate_refusal([&] {
        const cm::Interval interval = cm::nps_interval(p, m, d, confidence);
        check_nps_interval(interval);
        return 0;
    });
    tolerate_refusal([&] {  // z of a confidence: finite, >= 0 (0 where 1 - confidence/2 rounds to 1/2), rising with it
        const double z = cm::normal_critical_value(confidence);
        require(std::isfinite(z) && z >= 0);
        if (confidence < 0.99)
            require(cm::normal_critical_value(confidence + 0.005) >= z);
        return 0;
    });
    const double p2 = in.number(), m2 = in.number(), d2 = in.number();
    tolerate_refusal([&] {
        const double value = cm::nps_test_p_value(p, m, d, p2, m2, d2);
        require(std::isfinite(value) && value >= 0 && value <= 1);
        return 0;
    });
    const double margin = in.number(), share_p = in.byte() % 3 ? in.byte() / 255.0 : in.raw_double(),
                 share_d = in.byte() % 3 ? in.byte() / 255.0 : in.raw_double();
    tolerate_refusal([&] {
        const double n = cm::nps_sample_size(margin, confidence);
        require(std::isfinite(n) && n >= 1 && n == std::floor(n));
        return 0;
    });
    tolerate_refusal([&] {
        const double n = cm::nps_sample_size(margin, confidence, share_p, share_d);
        require(std::isfinite(n) && n >= 1 && n == std::floor(n));
        // the worst case is never smaller than a planned case
        tolerate_refusal([&] { require(cm::nps_sample_size(margin, confidence) >= n); return 0; });
        return 0;
    });
    tolerate_refusal([&] {
        check_share_interval(cm::wilson_interval(p, m, confidence));
        return 0;
    });
    // NpsBySegment: a few segments, answers mostly valid
    cm::NpsBySegment by;
    const std::size_t answers = in.byte();
    bool refused = false;
    for (std::size_t i = 0; i < answers && !in.empty(); ++i) {
        const std::size_t segment = in.byte() % 5;
        const double score = in.byte() % 16 ? in.byte() % 11 : in.number();
        try {
            by.add(segment, score);
        } catch (const cm::domain_error&) {
            refused = true;  // the add-in stops at the first refused answer (Err:502)
            break;
        }
    }
    if (!refused)
        tolerate_refusal([&] {
            for (const auto& row : by.result(confidence)) {
                require(row.answers >= 1 && std::isfinite(row.nps) && std::fabs(row.nps) <= 100);
                check_nps_interval(row.interval);
            }
            return 0;
        });
    return 0;
}
