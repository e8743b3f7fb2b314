#include "cm/survey.hpp"

#include "cm/loyalty.hpp"
#include "checks.hpp"

#include <boost/math/distributions/normal.hpp>

#include <algorithm>
#include <cmath>

namespace cm {
namespace {

void require_confidence(double confidence) {
    detail::require_finite(confidence, "confidence");
    if (!(confidence > 0 && confidence < 1))
        throw domain_error("confidence must be a fraction between 0 and 1, such as 0.95");
}

// Standard normal distribution function Φ.
double normal_cdf(double x) {
    return boost::math::cdf(boost::math::normal_distribution<double>(), x);
}

// Variance of one NPS answer scored +1 / 0 / −1 (Rocks 2016, section 2): p + d − (p − d)².
double answer_variance(double promoters_share, double detractors_share) {
    const double difference = promoters_share - detractors_share;
    return std::max(0.0, promoters_share + detractors_share - difference * difference);
}

double clip_points(double points) {
    return std::min(100.0, std::max(-100.0, points));
}

struct Survey {
    double promoters, detractors, answers;
};

Survey checked_counts(double promoters, double passives, double detractors, const char* suffix = "") {
    detail::require_count(promoters, (std::string("promoters") + suffix).c_str());
    detail::require_count(passives, (std::string("passives") + suffix).c_str());
    detail::require_count(detractors, (std::string("detractors") + suffix).c_str());
    const double answers = promoters + passives + detractors;
    detail::require_positive_denominator(answers, (std::string("promoters + passives + detractors") + suffix).c_str());
    detail::finite_result(answers);
    return {promoters, detractors, answers};
}

}  // namespace

double normal_critical_value(double confidence) {
    require_confidence(confidence);
    // The upper tail (1 − confidence) / 2 as a complement: exact even when confidence is so
    // close to 1 that 1 − (1 − confidence) / 2 would round to 1.
    return boost::math::quantile(boost::math::complement(boost::math::normal_distribution<double>(), (1 - confidence) / 2));
}

Interval nps_interval(double promoters, double passives, double detractors, double confidence) {
    const Survey survey = checked_counts(promoters, passives, detractors);
    const double z = normal_critical_value(confidence);
    // Rocks 2016, section 3: three pseudo-answers, ¾ promoter, 1½ passive, ¾ detractor.
    const double n = survey.answers + 3;
    const double p = (survey.promoters + 0.75) / n;
    const double d = (survey.detractors + 0.75) / n;
    const double centre = p - d;
    const double half_width = z * std::sqrt(answer_variance(p, d) / n);
    return {clip_points(100 * (centre - half_width)), clip_points(100 * (centre + half_width))};
}

double nps_test_p_value(double promoters_a, double passives_a, double detractors_a,
                        double promoters_b, double passives_b, double detractors_b) {
    const Survey a = checked_counts(promoters_a, passives_a, detractors_a, " of the first survey");
    const Survey b = checked_counts(promoters_b, passives_b, detractors_b, " of the second survey");
    const double pa = a.promoters / a.answers, da = a.detractors / a.answers;
    const double pb = b.promoters / b.answers, db = b.detractors / b.answers;
    const double variance = answer_variance(pa, da) / a.answers + answer_variance(pb, db) / b.answers;
    if (!(variance > 0))
        throw division_by_zero("neither survey has any spread: the Wald statistic is undefined");
    const double z = std::fabs((pa - da) - (pb - db)) / std::sqrt(variance);
    // 2 (1 − Φ(|z|)) = 2 Φ(−|z|): the lower tail keeps its precision for large z.
    return detail::finite_result(std::min(1.0, 2 * normal_cdf(-z)));
}

namespace {

double sample_size_for_variance(double margin, double confidence, double variance) {
    detail::require_finite(margin, "margin");
    if (!(margin > 0 && margin <= 200))
        throw domain_error("margin must be in NPS points, above 0 and at most 200");
    const double z = normal_critical_value(confidence);
    const double half_width = margin / 100;
    if (half_width * half_width == 0)  // a subnormal margin: the quotient is beyond any double
        throw overflow("the margin is too small: the sample size is too large to represent");
    const double answers = detail::finite_result(z * z * variance / (half_width * half_width));
    // At least one answer: a confidence near 0 gives z ≈ 0 and a quotient that rounds to 0.
    return std::max(1.0, detail::finite_result(std::ceil(answers * (1 - 1e-12))));
}

}  // namespace

double nps_sample_size(double margin, double confidence) {
    return sample_size_for_variance(margin, confidence, 1.0);
}

double nps_sample_size(double margin, double confidence, double promoters_share, double detractors_share) {
    detail::require_fraction(promoters_share, "promoters_share");
    detail::require_fraction(detractors_share, "detractors_share");
    if (promoters_share + detractors_share > 1 + 1e-12)
        throw domain_error("promoters_share + detractors_share must not exceed 1");
    const double variance = answer_variance(promoters_share, detractors_share);
    if (!(variance > 0))
        throw domain_error("these shares put every answer in one class: there is no spread to plan for");
    return sample_size_for_variance(margin, confidence, variance);
}

Interval wilson_interval(double satisfied, double answers, double confidence) {
    detail::require_count(satisfied, "satisfied");
    detail::require_positive_denominator(answers, "answers");
    if (satisfied > answers)
        throw domain_error("satisfied exceeds answers");
    const double z = normal_critical_value(confidence);
    const double share = satisfied / answers;
    const double z2n = z * z / answers;
    const double centre = (share + z2n / 2) / (1 + z2n);
    const double half_width = z / (1 + z2n) * std::sqrt(share * (1 - share) / answers + z2n / (4 * answers));
    return {std::max(0.0, detail::finite_result(centre - half_width)),
            std::min(1.0, detail::finite_result(centre + half_width))};
}

void NpsBySegment::add(std::size_t segment, double score) {
    NpsTally check;  // the one definition of a valid answer and of its class
    check.add(score);
    if (segment >= promoters_.size()) {
        promoters_.resize(segment + 1);
        passives_.resize(segment + 1);
        detractors_.resize(segment + 1);
    }
    promoters_[segment] += score >= 9;
    detractors_[segment] += score <= 6;
    passives_[segment] += score > 6 && score < 9;
}

std::vector<SegmentNps> NpsBySegment::result(double confidence) const {
    require_confidence(confidence);
    std::vector<SegmentNps> rows;
    rows.reserve(promoters_.size());
    for (std::size_t s = 0; s < promoters_.size(); ++s) {
        const double p = static_cast<double>(promoters_[s]);
        const double m = static_cast<double>(passives_[s]);
        const double d = static_cast<double>(detractors_[s]);
        rows.push_back({p + m + d, nps_counts(p, m, d), nps_interval(p, m, d, confidence)});
    }
    return rows;
}

}  // namespace cm
