// Shared by the fuzz targets: reading typed values out of a fuzzer's byte string (past its end
// every read gives 0), and the two checks every target makes.
#pragma once

#include <cm/errors.hpp>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

// A property every input must keep: a violation is a finding (abort, libFuzzer saves it).
inline void require(bool ok) {
    if (!ok)
        std::abort();
}

// The library's clean refusals (cm/errors.hpp), the one list every target uses.
enum class Refusal { none, domain_error, division_by_zero, overflow, no_convergence };

// Runs a library call; returns which clean refusal it ended with (Refusal::none if it
// returned). Anything else escapes and is a finding.
template <class Compute>
Refusal refusal(Compute compute) {
    try {
        compute();
        return Refusal::none;
    } catch (const cm::domain_error&) {
        return Refusal::domain_error;
    } catch (const cm::division_by_zero&) {
        return Refusal::division_by_zero;
    } catch (const cm::overflow&) {
        return Refusal::overflow;
    } catch (const cm::no_convergence&) {
        return Refusal::no_convergence;
    }
}

// Runs a library call whose clean refusals are fine.
template <class Compute>
void tolerate_refusal(Compute compute) {
    refusal(compute);
}

class FuzzInput {
public:
    FuzzInput(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    bool empty() const { return position_ >= size_; }

    std::uint8_t byte() { return position_ < size_ ? data_[position_++] : 0; }

    // Any double: NaN, ±inf, denormals, huge values all come out of raw bytes.
    double raw_double() {
        unsigned char bytes[sizeof(double)] = {};
        for (auto& b : bytes)
            b = byte();
        double value;
        std::memcpy(&value, bytes, sizeof value);
        return value;
    }

    // Mostly plausible spreadsheet inputs, sometimes anything: the tag byte picks.
    double number() {
        switch (byte() % 8) {
            case 0: return raw_double();
            case 1: return -static_cast<double>(byte());
            case 2: return byte() / 100.0;          // rates 0..2.55
            case 3: return byte() % 11;             // answers 0..10
            case 4: return 45292 + byte() * 3;      // dates in 2024
            // near the top of double range (2^960..2^1023, 1e289..1.8e308), where log-gammas
            // and products overflow: raw bytes reach it too rarely (SBG_SURVIVAL({1E306;1};1E306)
            // was found by hand, not by the fuzzer)
            case 5: return std::ldexp(1 + byte() / 256.0, 960 + byte() % 64);
            default: return byte();
        }
    }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t position_ = 0;
};

// Shared by the model targets (fuzz_models, fuzz_intervals).
// A positive parameter across many magnitudes, sometimes anything.
inline double parameter(FuzzInput& in) {
    const std::uint8_t tag = in.byte();
    if (tag % 4 == 0)
        return in.number();
    return std::ldexp(1.0 + in.byte() / 256.0, static_cast<int>(in.byte() % 120) - 60);
}

// A history (x, t_x, T): mostly valid, x up to the hundreds, sometimes anything.
inline void history(FuzzInput& in, double& x, double& t_x, double& T) {
    if (in.byte() % 8 == 0) {
        x = in.number();
        t_x = in.number();
        T = in.number();
        return;
    }
    x = in.byte() % 4 == 0 ? in.byte() * 3 : in.byte() % 12;
    T = in.byte() / 2.0 + in.byte() / 256.0;
    t_x = x > 0 ? T * (in.byte() / 255.0) : 0;
}
