// libFuzzer target: every scalar function of the library with arbitrary doubles. The
// library's promise (errors.hpp): a finite result or one of cm's exceptions, nothing else;
// anything else aborts here and the fuzzer reports it.
#include "fuzz_input.hpp"

#include <cm/loyalty.hpp>
#include <cm/retention.hpp>
#include <cm/value.hpp>

#include <cmath>
#include <cstdlib>
#include <optional>

namespace {

// Runs one function; returns its result, or nullopt when it refused its arguments.
template <class Compute>
std::optional<double> attempt(Compute compute) {
    double result = 0;
    if (refusal([&] { result = compute(); }) != Refusal::none)
        return std::nullopt;
    require(std::isfinite(result));
    return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzInput in(data, size);
    const int which = in.byte() % 23;
    const double a = in.number(), b = in.number(), c = in.number(), d = in.number(), e = in.number();
    const bool flag = in.byte() & 1;
    switch (which) {
        case 0: {
            const auto crr = attempt([&] { return cm::crr(a, b, c); });
            const auto churn = attempt([&] { return cm::churn(a, b, c); });
            require(crr.has_value() == churn.has_value());
            if (crr) {
                require(*crr >= 0 && *crr <= 1);
                require(std::abs(*crr + *churn - 1) < 1e-9);
            }
            break;
        }
        case 1: {
            const auto kept = attempt([&] { return cm::retention_ratio(a, b); });
            const auto paid = attempt([&] { return cm::payout_ratio(a, b); });
            require(kept.has_value() == paid.has_value());
            if (kept)
                require(std::abs(*kept + *paid - 1) < 1e-9 * std::max(1.0, std::abs(*paid)));
            break;
        }
        case 2:
            if (const auto nps = attempt([&] { return cm::nps_counts(a, b, c); }))
                require(*nps >= -100 && *nps <= 100);
            break;
        case 3:
            if (const auto share = attempt([&] { return cm::rpr(a, b); }))
                require(*share >= 0 && *share <= 1);
            break;
        case 4: attempt([&] { return cm::rcr(a, b); }); break;
        case 5:
            if (const auto share = attempt([&] { return cm::redemption_rate(a, b); }))
                require(*share >= 0 && *share <= 1);
            break;
        case 6: attempt([&] { return cm::purchase_frequency(a, b); }); break;
        case 7: attempt([&] { return cm::arpu(a, b); }); break;
        case 8: attempt([&] { return cm::ltv_arpu(a, b); }); break;
        case 9: attempt([&] { return cm::ltv_aov(a, b, c, d); }); break;
        case 10: attempt([&] { return cm::ltv_subscription(a, b, c, flag ? std::optional<double>(d) : std::nullopt, e); }); break;
        case 11: attempt([&] { return cm::ltv_churn(a, b, c); }); break;
        case 12: attempt([&] { return cm::clv(a, b, c); }); break;
        case 13: attempt([&] { return cm::clv_net(a, b, c); }); break;
        case 14:
            if (const auto periods = attempt([&] { return cm::lifetime(a); }))
                require(*periods >= 1);
            break;
        case 15: attempt([&] { return cm::romi(a, b, flag); }); break;
        case 16: attempt([&] { return cm::ltv_cac(a, b); }); break;
        case 17:
            if (const auto margin = attempt([&] { return cm::gross_margin(a, b); }))
                require(*margin <= 1);
            break;
        case 18: attempt([&] { return cm::mrr_retention(a, b); }); break;
        case 19: attempt([&] { return cm::ltv_aov(a, b, c); }); break;
        case 20: attempt([&] { return cm::ltv_subscription(a, b, c); }); break;
        case 21: attempt([&] { return cm::clv(a, b); }); break;
        default: attempt([&] { return cm::ltv_churn(a, b); }); break;
    }
    return 0;
}
