#!/usr/bin/python3
"""Expected numbers for tests/unit/survey_test.cpp, computed independently of the add-in with
SciPy (Debian's python3-scipy 1.10): normal quantiles and tails from scipy.stats.norm, the
Wilson interval from scipy.stats.binomtest(...).proportion_ci(method="wilson"). The NPS
formulas are written out again here from the papers, not from the C++ code:

- adjusted Wald interval of the NPS: Rocks, "Interval estimation for the 'net promoter
  score'", The American Statistician 70(4), 2016, section 3 (3 pseudo-answers: 3/4 promoter,
  3/2 passive, 3/4 detractor), variance p + d - (p - d)^2 of one answer (section 2);
- Wald test of two independent NPS: z = (NPS_a - NPS_b) / sqrt(v_a/n_a + v_b/n_b);
- sample size: ceil(z^2 v / (margin/100)^2), worst case v = 1.

Run: /usr/bin/python3 tests/reference/survey_reference.py  (prints the numbers the tests use).
"""
import math

from scipy.stats import binomtest, norm


def nps_interval(promoters, passives, detractors, confidence=0.95):
    z = norm.ppf(1 - (1 - confidence) / 2)
    n = promoters + passives + detractors + 3
    p = (promoters + 0.75) / n
    d = (detractors + 0.75) / n
    se = math.sqrt((p + d - (p - d) ** 2) / n)
    clip = lambda x: min(100.0, max(-100.0, x))
    return clip(100 * (p - d - z * se)), clip(100 * (p - d + z * se))


def nps_test(a, b):
    def parts(counts):
        promoters, passives, detractors = counts
        n = promoters + passives + detractors
        p, d = promoters / n, detractors / n
        return p - d, (p + d - (p - d) ** 2) / n
    nps_a, var_a = parts(a)
    nps_b, var_b = parts(b)
    z = abs(nps_a - nps_b) / math.sqrt(var_a + var_b)
    return 2 * norm.sf(z)


def sample_size(margin, confidence=0.95, promoters=None, detractors=None):
    z = norm.ppf(1 - (1 - confidence) / 2)
    v = 1.0 if promoters is None else promoters + detractors - (promoters - detractors) ** 2
    return math.ceil(z * z * v / (margin / 100) ** 2 - 1e-9)


def wilson(satisfied, answers, confidence=0.95):
    ci = binomtest(satisfied, answers).proportion_ci(confidence_level=confidence, method="wilson")
    return ci.low, ci.high


def main():
    print("z(0.95) = %.17g" % norm.ppf(0.975))
    print("z(0.90) = %.17g" % norm.ppf(0.95))
    print("z(0.99) = %.17g" % norm.ppf(0.995))
    for counts, confidence in [((65, 50, 35), 0.95), ((65, 50, 35), 0.90), ((65, 50, 35), 0.99),
                               ((10, 0, 0), 0.95), ((0, 0, 10), 0.95), ((1, 0, 0), 0.95),
                               ((3, 2, 1), 0.95), ((400, 350, 250), 0.95), ((0, 5, 0), 0.95)]:
        print("nps_interval%s conf %.2f = %.17g, %.17g" % (counts, confidence, *nps_interval(*counts, confidence)))
    for a, b in [((65, 50, 35), (80, 45, 25)), ((65, 50, 35), (65, 50, 35)), ((30, 40, 30), (50, 30, 20)),
                 ((400, 350, 250), (450, 330, 220)), ((5, 0, 0), (4, 1, 0)),
                 ((65, 50, 35), (50, 50, 40))]:
        print("nps_test%s vs %s = %.17g" % (a, b, nps_test(a, b)))
    for args in [(5,), (10,), (5, 0.9), (3, 0.99), (5, 0.95, 0.5, 0.2), (10, 0.95, 0.43333, 0.23333), (100,), (200,),
                 (5, 0.95, 65 / 150, 35 / 150)]:
        print("sample_size%s = %d" % (args, sample_size(*args)))
    for s, n, confidence in [(7, 10, 0.95), (0, 10, 0.95), (10, 10, 0.95), (120, 150, 0.95), (120, 150, 0.99),
                             (1, 1, 0.95), (412, 1000, 0.90), (3, 6, 0.95)]:
        print("wilson(%d, %d, %.2f) = %.17g, %.17g" % (s, n, confidence, *wilson(s, n, confidence)))


if __name__ == "__main__":
    main()
