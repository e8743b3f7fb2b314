// Survey statistics: how exact an NPS or a CSAT is, whether two NPS differ, how many
// answers a survey needs, and the NPS of each segment of a survey.
//
// Sources:
// - Brendan Rocks, "Interval Estimation for the 'Net Promoter Score'", The American
//   Statistician 70(4), 2016, pp. 365–372 (Taylor & Francis): the NPS as the difference of
//   two shares of a trinomial, its variance (p + d − (p − d)²) / n (section 2), and the
//   adjusted-Wald interval, which the paper's simulations found to have the coverage closest
//   to nominal: add 3 pseudo-answers, ¾ to promoters, ¾ to detractors and 1½ to passives,
//   then apply the Wald interval (section 3). The same methods are implemented in Rocks' R
//   package "NPS" (CRAN), functions nps_var and nps_ci.
// - Edwin B. Wilson, "Probable Inference, the Law of Succession, and Statistical
//   Inference", Journal of the American Statistical Association 22(158), 1927, pp. 209–212:
//   the score interval of a proportion (CSAT is the share of satisfied answers).
// - The Wald test of a difference of two independent estimates: z = (a − b) / sqrt(var a +
//   var b), two-sided p-value 2·(1 − Φ(|z|)) (any statistics text; Rocks 2016, section 2,
//   gives the variance of each NPS).
// Normal quantiles and the normal distribution function come from Boost.Math.
//
// NPS figures here are in points (−100..100), shares and CSAT are fractions (0..1), as
// everywhere in the library. Every function throws cm::domain_error for an argument
// outside its domain and cm::division_by_zero when there are no answers (errors.hpp).
#pragma once

#include "cm/errors.hpp"

#include <cstddef>
#include <vector>

namespace cm {

struct Interval {
    double lower;
    double upper;
};

// z such that a standard normal variable lies within ±z with probability `confidence`:
// Φ⁻¹(1 − (1 − confidence) / 2); confidence 0.95 -> 1.959964. 0 < confidence < 1.
double normal_critical_value(double confidence);

// The adjusted-Wald interval of the NPS (Rocks 2016, section 3), in points:
//   n' = n + 3, p' = (promoters + ¾) / n', d' = (detractors + ¾) / n',
//   NPS' = p' − d', se = sqrt((p' + d' − (p' − d')²) / n'),
//   [100 (NPS' − z se), 100 (NPS' + z se)] clipped to [−100, 100].
// Counts >= 0 (averages allowed); all zero: division_by_zero; 0 < confidence < 1.
// The interval is centred on the adjusted NPS', not on the sample's NPS, as in the paper.
Interval nps_interval(double promoters, double passives, double detractors, double confidence = 0.95);

// The two-sided p-value of the Wald test that two independent surveys have the same NPS:
//   z = (NPS_a − NPS_b) / sqrt(v_a / n_a + v_b / n_b), v = p + d − (p − d)² of each survey
//   (shares of the sample, no adjustment), p-value = 2 (1 − Φ(|z|)).
// Each survey needs at least one answer (division_by_zero). When both surveys have no
// spread at all (every answer in one class in each: v_a = v_b = 0) the statistic is
// undefined: division_by_zero.
double nps_test_p_value(double promoters_a, double passives_a, double detractors_a,
                        double promoters_b, double passives_b, double detractors_b);

// The number of answers whose Wald interval has a half-width of `margin` NPS points:
//   n = ceil(z² v / (margin / 100)²), v = p + d − (p − d)².
// Without the shares, the worst case v = 1 (the largest variance of an NPS answer, reached
// at p = d = ½: half promoters, half detractors). 0 < margin <= 200; 0 < confidence < 1;
// shares are fractions with promoters + detractors <= 1 and v > 0 (shares that put every
// answer in one class give no spread and no sample size: domain_error). The quotient is
// rounded up, after forgiving a relative 1e-12 so that an exact whole number computed with
// a rounding error is not raised by one; at least 1. Margin 5, 95 %, worst case: 1537.
double nps_sample_size(double margin, double confidence = 0.95);
double nps_sample_size(double margin, double confidence, double promoters_share, double detractors_share);

// The Wilson score interval of a share (Wilson 1927), as fractions:
//   p̂ = satisfied / answers, centre = (p̂ + z²/2n) / (1 + z²/n),
//   half-width = z / (1 + z²/n) · sqrt(p̂(1 − p̂)/n + z²/4n²).
// 0 <= satisfied <= answers; answers = 0: division_by_zero; 0 < confidence < 1.
Interval wilson_interval(double satisfied, double answers, double confidence = 0.95);

// NPS answers counted per segment; segments are numbered 0, 1, 2... by the caller (the
// add-in numbers them in order of first appearance). add() checks the answer as NpsTally.
struct SegmentNps {
    double answers;
    double nps;
    Interval interval;
};

class NpsBySegment {
public:
    void add(std::size_t segment, double score);
    std::size_t segments() const { return promoters_.size(); }
    // One entry per segment 0 .. segments() − 1: answers, NPS and its adjusted-Wald interval.
    // A segment number skipped by the caller has no answers: division_by_zero.
    std::vector<SegmentNps> result(double confidence = 0.95) const;

private:
    std::vector<unsigned long long> promoters_, passives_, detractors_;
};

}  // namespace cm
