// Tests for cm/survey.hpp. Expected intervals, p-values and sample sizes: "SciPy 1.10
// computation, tests/reference/survey_reference.py" (scipy.stats.norm and, for Wilson,
// scipy.stats.binomtest(...).proportion_ci(method="wilson"); the NPS formulas written out
// from Rocks 2016, The American Statistician 70(4), independently of the C++ code).
#include <cm/survey.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double tolerance = 1e-9;

void expect_interval(const cm::Interval& interval, double lower, double upper) {
    EXPECT_NEAR(interval.lower, lower, tolerance);
    EXPECT_NEAR(interval.upper, upper, tolerance);
}

TEST(NormalCriticalValue, SciPy) {
    // SciPy 1.10 computation, tests/reference/survey_reference.py: norm.ppf(0.975), (0.95), (0.995).
    EXPECT_NEAR(cm::normal_critical_value(0.95), 1.959963984540054, 1e-12);
    EXPECT_NEAR(cm::normal_critical_value(0.90), 1.6448536269514722, 1e-12);
    EXPECT_NEAR(cm::normal_critical_value(0.99), 2.5758293035489004, 1e-12);
    EXPECT_THROW(cm::normal_critical_value(0), cm::domain_error);
    EXPECT_THROW(cm::normal_critical_value(1), cm::domain_error);
    EXPECT_THROW(cm::normal_critical_value(95), cm::domain_error);
    EXPECT_THROW(cm::normal_critical_value(nan), cm::domain_error);
    EXPECT_GT(cm::normal_critical_value(1 - 1e-16), 8);  // no rounding to 1 and an infinite z
}

TEST(NpsInterval, SeedSurvey) {
    // Article A6 (docs/SOURCES.md): 65 promoters, 50 passives, 35 detractors, NPS 20. SciPy 1.10 computation,
    // tests/reference/survey_reference.py: 20 is known to about ±12.5 points.
    expect_interval(cm::nps_interval(65, 50, 35), 7.0814601342284984, 32.134226140281307);
    expect_interval(cm::nps_interval(65, 50, 35, 0.90), 9.0953711338744814, 30.120315140635327);
    expect_interval(cm::nps_interval(65, 50, 35, 0.99), 3.1453853262027627, 36.070300948307043);
}

TEST(NpsInterval, SmallAndOneSidedSurveys) {
    // SciPy 1.10 computation, tests/reference/survey_reference.py. The adjusted interval of an
    // all-promoter survey is not the degenerate [100, 100] of the plain Wald interval.
    expect_interval(cm::nps_interval(10, 0, 0), 47.503551544790199, 100);
    expect_interval(cm::nps_interval(0, 0, 10), -100, -47.503551544790199);
    expect_interval(cm::nps_interval(1, 0, 0), -48.498649420252029, 98.498649420252022);
    expect_interval(cm::nps_interval(3, 2, 1), -26.743258794104541, 71.187703238548977);
    expect_interval(cm::nps_interval(400, 350, 250), 10.054010346759878, 19.856258845662854);
    expect_interval(cm::nps_interval(0, 5, 0), -30.005697977220684, 30.005697977220684);
}

TEST(NpsInterval, Errors) {
    EXPECT_THROW(cm::nps_interval(0, 0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::nps_interval(-1, 5, 5), cm::domain_error);
    EXPECT_THROW(cm::nps_interval(1, nan, 5), cm::domain_error);
    EXPECT_THROW(cm::nps_interval(1, 5, 5, 1.5), cm::domain_error);
    EXPECT_THROW(cm::nps_interval(1e308, 1e308, 1e308), cm::domain_error);  // the total overflows
}

TEST(NpsTest, SciPy) {
    // SciPy 1.10 computation, tests/reference/survey_reference.py.
    EXPECT_NEAR(cm::nps_test_p_value(65, 50, 35, 80, 45, 25), 0.061559085628627677, 1e-12);
    EXPECT_NEAR(cm::nps_test_p_value(30, 40, 30, 50, 30, 20), 0.0063860232827070568, 1e-12);
    EXPECT_NEAR(cm::nps_test_p_value(400, 350, 250, 450, 330, 220), 0.023350845602693258, 1e-12);
    EXPECT_NEAR(cm::nps_test_p_value(5, 0, 0, 4, 1, 0), 0.26355247728297282, 1e-12);
    // the NPS template's segments sheet: article A6's survey against last month's 50 / 50 / 40
    EXPECT_NEAR(cm::nps_test_p_value(65, 50, 35, 50, 50, 40), 0.1688804483330506, 1e-12);
    EXPECT_DOUBLE_EQ(cm::nps_test_p_value(65, 50, 35, 65, 50, 35), 1.0);  // the same survey
}

TEST(NpsTest, SymmetricInTheSurveys) {
    EXPECT_DOUBLE_EQ(cm::nps_test_p_value(65, 50, 35, 80, 45, 25), cm::nps_test_p_value(80, 45, 25, 65, 50, 35));
}

TEST(NpsTest, Errors) {
    EXPECT_THROW(cm::nps_test_p_value(0, 0, 0, 1, 1, 1), cm::division_by_zero);
    EXPECT_THROW(cm::nps_test_p_value(1, 1, 1, 0, 0, 0), cm::division_by_zero);
    // all promoters against all detractors: no spread in either survey, z undefined
    EXPECT_THROW(cm::nps_test_p_value(10, 0, 0, 0, 0, 10), cm::division_by_zero);
    EXPECT_THROW(cm::nps_test_p_value(-1, 0, 0, 1, 1, 1), cm::domain_error);
    EXPECT_THROW(cm::nps_test_p_value(1, 1, 1, 1, nan, 1), cm::domain_error);
}

TEST(NpsSampleSize, SciPy) {
    // SciPy 1.10 computation, tests/reference/survey_reference.py: ceil(z² v / (margin/100)²).
    EXPECT_EQ(cm::nps_sample_size(5), 1537);  // worst case v = 1: 1536.6 rounded up
    EXPECT_EQ(cm::nps_sample_size(10), 385);
    EXPECT_EQ(cm::nps_sample_size(5, 0.9), 1083);
    EXPECT_EQ(cm::nps_sample_size(3, 0.99), 7373);
    EXPECT_EQ(cm::nps_sample_size(5, 0.95, 0.5, 0.2), 938);
    EXPECT_EQ(cm::nps_sample_size(10, 0.95, 0.43333, 0.23333), 241);
    EXPECT_EQ(cm::nps_sample_size(100), 4);
    EXPECT_EQ(cm::nps_sample_size(200), 1);
    EXPECT_EQ(cm::nps_sample_size(5, 0.95, 65.0 / 150, 35.0 / 150), 963);  // article A6's shares (template)
}

TEST(NpsSampleSize, WorstCaseIsTheLargestVariance) {
    // p = d = 0.5 gives v = 1, the same as leaving the shares out; any other shares need fewer.
    EXPECT_EQ(cm::nps_sample_size(5, 0.95, 0.5, 0.5), cm::nps_sample_size(5));
    EXPECT_LT(cm::nps_sample_size(5, 0.95, 0.6, 0.3), cm::nps_sample_size(5));
}

TEST(NpsSampleSize, Errors) {
    EXPECT_THROW(cm::nps_sample_size(0), cm::domain_error);
    EXPECT_THROW(cm::nps_sample_size(-5), cm::domain_error);
    EXPECT_THROW(cm::nps_sample_size(201), cm::domain_error);
    EXPECT_THROW(cm::nps_sample_size(nan), cm::domain_error);
    EXPECT_THROW(cm::nps_sample_size(5, 0.95, 0.7, 0.5), cm::domain_error);   // shares above 1
    EXPECT_THROW(cm::nps_sample_size(5, 0.95, 1, 0), cm::domain_error);       // no spread
    EXPECT_THROW(cm::nps_sample_size(5, 0.95, 0, 0), cm::domain_error);       // all passives
    EXPECT_THROW(cm::nps_sample_size(5, 0.95, 50, 20), cm::domain_error);     // percents, not shares
    EXPECT_THROW(cm::nps_sample_size(1e-160), cm::overflow);
}

TEST(WilsonInterval, SciPy) {
    // SciPy 1.10 computation, tests/reference/survey_reference.py (binomtest(...).proportion_ci,
    // method "wilson"; Wilson 1927, JASA 22).
    expect_interval(cm::wilson_interval(7, 10), 0.39677814746114526, 0.89220873259369904);
    expect_interval(cm::wilson_interval(0, 10), 0, 0.27753279986288926);
    expect_interval(cm::wilson_interval(10, 10), 0.72246720013711085, 1);
    expect_interval(cm::wilson_interval(120, 150), 0.72885866920200371, 0.85615918417715042);
    expect_interval(cm::wilson_interval(120, 150, 0.99), 0.70399209428519471, 0.87059250948446887);
    expect_interval(cm::wilson_interval(1, 1), 0.20654931437723745, 1);
    expect_interval(cm::wilson_interval(412, 1000, 0.90), 0.38666945771322481, 0.43780543309697306);
    expect_interval(cm::wilson_interval(3, 6), 0.18761630648265054, 0.8123836935173494);  // the guide's CSAT example
}

TEST(WilsonInterval, Errors) {
    EXPECT_THROW(cm::wilson_interval(0, 0), cm::division_by_zero);
    EXPECT_THROW(cm::wilson_interval(11, 10), cm::domain_error);
    EXPECT_THROW(cm::wilson_interval(-1, 10), cm::domain_error);
    EXPECT_THROW(cm::wilson_interval(5, 10, 0), cm::domain_error);
}

TEST(NpsBySegment, SegmentsCountedApart) {
    cm::NpsBySegment by;
    // segment 0: article A6's 150 answers; segment 1: 10, 10, 0
    for (int i = 0; i < 65; ++i) by.add(0, 9 + i % 2);
    for (int i = 0; i < 50; ++i) by.add(0, 7 + i % 2);
    for (int i = 0; i < 35; ++i) by.add(0, i % 7);
    by.add(1, 10), by.add(1, 10), by.add(1, 0);
    const auto rows = by.result();
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].answers, 150);
    EXPECT_DOUBLE_EQ(rows[0].nps, 20);
    expect_interval(rows[0].interval, 7.0814601342284984, 32.134226140281307);
    EXPECT_EQ(rows[1].answers, 3);
    EXPECT_NEAR(rows[1].nps, 100.0 / 3, 1e-12);
}

TEST(NpsBySegment, Errors) {
    cm::NpsBySegment by;
    EXPECT_THROW(by.add(0, 11), cm::domain_error);
    EXPECT_THROW(by.add(0, 8.5), cm::domain_error);
    by.add(2, 9);  // segments 0 and 1 never got an answer
    EXPECT_THROW(by.result(), cm::division_by_zero);
    cm::NpsBySegment one;
    one.add(0, 9);
    EXPECT_THROW(one.result(1.0), cm::domain_error);
}

}  // namespace
