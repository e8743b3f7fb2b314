// Tests for cm/value.hpp. Expected numbers cite the seed they come from.
#include <cm/value.hpp>

#include <gtest/gtest.h>

#include <limits>

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr double inf = std::numeric_limits<double>::infinity();

TEST(LtvSubscription, SeedFitnessClub) {
    // article A2, fitness club: MRR 3000, gross margin 40 %, retention 90 %, MRR retention
    // 95 %, discount 7.3 % -> 3000 × 0.4 × 0.9 / (1 + 0.073 − 0.95) = 1080 / 0.123.
    EXPECT_NEAR(cm::ltv_subscription(3000, 0.40, 0.90, 0.95, 0.073), 8780.49, 0.005);
}

TEST(LtvSubscription, Defaults) {
    // MRR retention defaults to retention, discount to 0: 100 × 1 × 0.9 / 0.1.
    EXPECT_NEAR(cm::ltv_subscription(100, 1, 0.9), 900, 1e-9);
    EXPECT_NEAR(cm::ltv_subscription(100, 1, 0.9, std::nullopt, 0.1), 450, 1e-9);
}

TEST(LtvSubscription, Errors) {
    EXPECT_THROW(cm::ltv_subscription(3000, 0.4, 1.0), cm::division_by_zero);       // 1 + 0 − 1
    EXPECT_THROW(cm::ltv_subscription(3000, 0.4, 0.9, 1.2, 0.1), cm::domain_error);  // diverges
    EXPECT_THROW(cm::ltv_subscription(3000, 0.4, 90), cm::domain_error);            // 90 for 0.9
    EXPECT_THROW(cm::ltv_subscription(3000, 40, 0.9), cm::domain_error);            // 40 for 0.4
    EXPECT_THROW(cm::ltv_subscription(-3000, 0.4, 0.9), cm::domain_error);
    EXPECT_THROW(cm::ltv_subscription(3000, 0.4, 0.9, -0.1), cm::domain_error);
    EXPECT_THROW(cm::ltv_subscription(3000, 0.4, 0.9, 0.95, -0.1), cm::domain_error);
    EXPECT_THROW(cm::ltv_subscription(3000, 0.4, 0.9, nan), cm::domain_error);
    EXPECT_THROW(cm::ltv_subscription(1e308, 1, 1, 0.999999, 0), cm::overflow);
}

TEST(LtvChurn, SeedShortFormula) {
    // article A2: MRR 3000, churn 10 % -> 30 000.
    EXPECT_DOUBLE_EQ(cm::ltv_churn(3000, 0.1), 30000);
    EXPECT_DOUBLE_EQ(cm::ltv_churn(3000, 0.1, 0.4), 12000);
    EXPECT_THROW(cm::ltv_churn(3000, 0), cm::division_by_zero);
    EXPECT_THROW(cm::ltv_churn(3000, 10), cm::domain_error);  // 10 for 10 %
    EXPECT_THROW(cm::ltv_churn(3000, 0.1, 1.5), cm::domain_error);
    EXPECT_THROW(cm::ltv_churn(1e308, 1e-10), cm::overflow);
}

TEST(Clv, SeedCalculator) {
    // article A2, the CLV calculator: annual profit 182, retention 37 % -> 182 / 0.63.
    EXPECT_NEAR(cm::clv(182, 0.37), 288.89, 0.005);
    // with an 80 % discount rate: 182 / 1.43.
    EXPECT_NEAR(cm::clv(182, 0.37, 0.8), 127.27, 0.005);
}

TEST(Clv, EdgesAndErrors) {
    EXPECT_DOUBLE_EQ(cm::clv(100, 0), 100);   // one period, then gone
    EXPECT_DOUBLE_EQ(cm::clv(-50, 0.5), -100);  // a loss-making customer
    EXPECT_THROW(cm::clv(100, 1), cm::division_by_zero);
    EXPECT_NEAR(cm::clv(100, 1, 0.1), 1000, 1e-9);
    EXPECT_THROW(cm::clv(100, 1.1), cm::domain_error);
    EXPECT_THROW(cm::clv(100, 0.5, -0.5), cm::domain_error);
    EXPECT_THROW(cm::clv(inf, 0.5), cm::domain_error);
}

TEST(Romi, SeedCalculator) {
    // article A2: CLV 288.89 against CAC 600 -> 48.1 %; 127.27 / 600 -> 21.2 %.
    EXPECT_NEAR(cm::romi(cm::clv(182, 0.37), 600), 0.481, 5e-4);
    EXPECT_NEAR(cm::romi(cm::clv(182, 0.37, 0.8), 600), 0.212, 5e-4);
}

TEST(Romi, NetAndErrors) {
    EXPECT_DOUBLE_EQ(cm::romi(1500, 1000), 1.5);
    EXPECT_DOUBLE_EQ(cm::romi(1500, 1000, true), 0.5);
    EXPECT_DOUBLE_EQ(cm::romi(-500, 1000, true), -1.5);
    EXPECT_THROW(cm::romi(1500, 0), cm::division_by_zero);
    EXPECT_THROW(cm::romi(1500, -1), cm::domain_error);
    EXPECT_THROW(cm::romi(-1e308, 1e308, true), cm::overflow);
}

TEST(Lifetime, SeedExample) {
    // article A2: churn 10 % a month -> 10 months.
    EXPECT_DOUBLE_EQ(cm::lifetime(0.1), 10);
    EXPECT_DOUBLE_EQ(cm::lifetime(1), 1);
    EXPECT_THROW(cm::lifetime(0), cm::division_by_zero);
    EXPECT_THROW(cm::lifetime(-0.1), cm::domain_error);
    EXPECT_THROW(cm::lifetime(10), cm::domain_error);
    EXPECT_THROW(cm::lifetime(1e-320), cm::overflow);
}

TEST(Arpu, RevenuePerCustomer) {
    EXPECT_DOUBLE_EQ(cm::arpu(150000, 300), 500);
    EXPECT_THROW(cm::arpu(150000, 0), cm::division_by_zero);
    EXPECT_THROW(cm::arpu(-1, 10), cm::domain_error);
}

TEST(LtvArpu, ArpuTimesLifetime) {
    EXPECT_DOUBLE_EQ(cm::ltv_arpu(500, 10), 5000);
    EXPECT_DOUBLE_EQ(cm::ltv_arpu(cm::arpu(150000, 300), cm::lifetime(0.1)), 5000);
    EXPECT_THROW(cm::ltv_arpu(-500, 10), cm::domain_error);
    EXPECT_THROW(cm::ltv_arpu(500, -10), cm::domain_error);
    EXPECT_THROW(cm::ltv_arpu(1e200, 1e200), cm::overflow);
}

TEST(LtvAov, ComplexFormula) {
    // The article B formula with illustrative inputs: check 2000, 3 a year, 4 years, 25 %.
    EXPECT_DOUBLE_EQ(cm::ltv_aov(2000, 3, 4), 24000);
    EXPECT_DOUBLE_EQ(cm::ltv_aov(2000, 3, 4, 0.25), 6000);
    EXPECT_DOUBLE_EQ(cm::ltv_aov(2000, 3, 4, -0.1), -2400);
    EXPECT_THROW(cm::ltv_aov(2000, 3, 4, 25), cm::domain_error);  // 25 for 25 %
    EXPECT_THROW(cm::ltv_aov(-2000, 3, 4), cm::domain_error);
    EXPECT_THROW(cm::ltv_aov(2000, -3, 4), cm::domain_error);
    EXPECT_THROW(cm::ltv_aov(2000, 3, nan), cm::domain_error);
}

TEST(ClvNet, RevenueMinusCosts) {
    EXPECT_DOUBLE_EQ(cm::clv_net(10000, 2500, 1500), 6000);
    EXPECT_DOUBLE_EQ(cm::clv_net(1000, 2500, 1500), -3000);
    EXPECT_THROW(cm::clv_net(1000, -1, 0), cm::domain_error);
    EXPECT_THROW(cm::clv_net(-1000, 1, 0), cm::domain_error);
}

TEST(LtvCac, Ratio) {
    EXPECT_DOUBLE_EQ(cm::ltv_cac(30000, 10000), 3);
    EXPECT_THROW(cm::ltv_cac(30000, 0), cm::division_by_zero);
    EXPECT_THROW(cm::ltv_cac(30000, -5), cm::domain_error);
}

TEST(GrossMargin, Share) {
    EXPECT_DOUBLE_EQ(cm::gross_margin(1000, 600), 0.4);
    EXPECT_DOUBLE_EQ(cm::gross_margin(1000, 1500), -0.5);
    EXPECT_THROW(cm::gross_margin(0, 600), cm::division_by_zero);
    EXPECT_THROW(cm::gross_margin(1000, -1), cm::domain_error);
    EXPECT_THROW(cm::gross_margin(-1000, 1), cm::domain_error);
}

TEST(MrrRetention, Share) {
    EXPECT_DOUBLE_EQ(cm::mrr_retention(95000, 100000), 0.95);
    EXPECT_DOUBLE_EQ(cm::mrr_retention(110000, 100000), 1.1);  // expansion revenue
    EXPECT_THROW(cm::mrr_retention(1, 0), cm::division_by_zero);
    EXPECT_THROW(cm::mrr_retention(-1, 10), cm::domain_error);
}

}  // namespace
