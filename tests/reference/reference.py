"""Independent Python reimplementations of the metrics, used by the template test, the
hostile-input test and the benchmark to check what Calc shows (never fed back as a result).

One rule, written down in four places, on purpose and no more:
  1. addin/core/src/checks.hpp and each function's .cpp: the rule that runs;
  2. docs/FUNCTIONS.md (and FUNCTIONS.ru.md): the rule a user reads, in each function's
     argument table;
  3. this file: a second implementation of every function's domain and arithmetic, written
     from FUNCTIONS.md, not from the C++. It is duplicated deliberately: a differential test
     needs two implementations that can disagree; importing the C++ checks (or generating
     one from the other) would make the tests agree with any bug. It stays small by using
     the same five kinds of argument as checks.hpp (_finite, _count, _fraction, _margin,
     _denominator: one line per argument, in the C++ order, so the first error reported
     matches);
  4. hostile_model.py models how Calc hands arguments to the add-in and how the range
     readers treat cells; the range functions' own rules (NPS answers 0–10, CSAT's scale)
     are written there, once, and for every scalar function it calls the functions below,
     so a scalar domain is never written a second time in the tests.
The test sheets (tests/sheets/*.fods) hold hand-worked numbers, not rules. When a domain
changes, change checks.hpp, FUNCTIONS.md and the one line here: test_hostile fails until the
three agree.
"""
import datetime


def month_index(serial):
    day = datetime.date(1899, 12, 30) + datetime.timedelta(days=int(serial // 1))
    return day.year * 12 + day.month - 1


def cohort_reference(rows):
    """rows: (customer id, serial date). Returns (cohort month indices, sizes, shares) with
    shares[c][k] for every period k the data can show."""
    first, visits = {}, set()
    for customer, date in rows:
        period = month_index(date)
        first[customer] = min(first.get(customer, period), period)
        visits.add((customer, period))
    last = max(period for _, period in visits)
    cohorts = sorted(set(first.values()))
    size = {c: 0 for c in cohorts}
    for c in first.values():
        size[c] += 1
    active = {}
    for customer, period in visits:
        key = (first[customer], period - first[customer])
        active[key] = active.get(key, 0) + 1
    shares = [[active.get((c, k), 0) / size[c] for k in range(last - c + 1)] for c in cohorts]
    return cohorts, [size[c] for c in cohorts], shares


def order_metrics(customers, amounts):
    """(RPR, orders per customer, ARPU) of an order log."""
    orders = {}
    for customer in customers:
        orders[customer] = orders.get(customer, 0) + 1
    repeat = sum(1 for count in orders.values() if count > 1)
    return repeat / len(orders), len(customers) / len(orders), sum(amounts) / len(orders)


# ---------------------------------------------------------------------------------------
# The scalar functions, with the domain checks of addin/core in the same order, so that a
# Calc cell can be checked for the right number or the right error.

class Domain(Exception):
    code = 502


class Division(Exception):
    code = 532


class Overflow(Exception):
    code = 503


def _finite(x):
    if x != x or x in (float("inf"), float("-inf")):
        raise Domain()


def _count(x):
    _finite(x)
    if x < 0:
        raise Domain()


def _fraction(x):
    _finite(x)
    if x < 0 or x > 1:
        raise Domain()


def _margin(x):
    _finite(x)
    if x > 1:
        raise Domain()


def _denominator(x):
    _finite(x)
    if x < 0:
        raise Domain()
    if x == 0:
        raise Division()


def _result(x):
    if x != x or x in (float("inf"), float("-inf")):
        raise Overflow()
    return x


def _per(numerator, denominator):
    _denominator(denominator)
    return _result(numerator / denominator)


def _retained(s, e, n):
    _count(e)
    _count(n)
    _denominator(s)
    if n > e or e - n > s:
        raise Domain()
    return e - n


def _share(part, whole):
    _count(part)
    _denominator(whole)
    if part > whole:
        raise Domain()
    return _result(part / whole)


def _perpetuity(discount, growth):
    d = 1 + discount - growth
    if d == 0:
        raise Division()
    if d < 0:
        raise Domain()
    return d


def crr(s, e, n):
    return _result(_retained(s, e, n) / s)


def churn(s, e, n):
    return _result((s - _retained(s, e, n)) / s)


def retention_ratio(income, dividends):
    _count(dividends)
    _denominator(income)
    return _result((income - dividends) / income)


def payout_ratio(income, dividends):
    _count(dividends)
    _denominator(income)
    return _result(dividends / income)


def nps_counts(p, passives, d):
    for x in (p, passives, d):
        _count(x)
    answers = p + passives + d
    _denominator(answers)
    return _result(100.0 * (p / answers - d / answers))


def rpr(r, c):
    return _share(r, c)


def purchase_frequency(orders, customers):
    _count(orders)
    return _per(orders, customers)


def arpu(revenue, customers):
    _count(revenue)
    return _per(revenue, customers)


def ltv_arpu(a, lifetime):
    _count(a)
    _count(lifetime)
    return _result(a * lifetime)


def ltv_aov(aov, frequency, lifetime, margin=1.0):
    _count(aov)
    _count(frequency)
    _count(lifetime)
    _margin(margin)
    return _result(aov * frequency * lifetime * margin)


def ltv_subscription(mrr, gross_margin, retention, mrr_retention=None, discount=0.0):
    _count(mrr)
    _margin(gross_margin)
    _fraction(retention)
    growth = retention if mrr_retention is None else mrr_retention
    _count(growth)
    _count(discount)
    return _result(mrr * gross_margin * retention / _perpetuity(discount, growth))


def ltv_churn(mrr, churn_rate, margin=1.0):
    _count(mrr)
    _fraction(churn_rate)
    _margin(margin)
    return _per(mrr * margin, churn_rate)


def clv(margin, retention, discount=0.0):
    _finite(margin)
    _fraction(retention)
    _count(discount)
    return _result(margin / _perpetuity(discount, retention))


def clv_net(revenue, acquisition, retention_cost):
    for x in (revenue, acquisition, retention_cost):
        _count(x)
    return _result(revenue - (acquisition + retention_cost))


def lifetime(churn_rate):
    _fraction(churn_rate)
    return _per(1.0, churn_rate)


def romi(value, cost, net=False):
    _finite(value)
    ratio = _per(value, cost)
    return _per(value - cost, cost) if net else ratio


def ltv_cac(ltv, cac):
    _finite(ltv)
    return _per(ltv, cac)


def gross_margin(revenue, cost_of_goods):
    _count(cost_of_goods)
    return _per(revenue - cost_of_goods, revenue)


def mrr_retention(renewed, potential):
    _count(renewed)
    return _per(renewed, potential)


# Survey statistics (cm/survey.hpp), written out from the papers: Rocks, "Interval
# estimation for the 'net promoter score'", The American Statistician 70(4), 2016 (adjusted
# Wald: 3/4, 3/2, 3/4 pseudo-answers; variance p + d - (p - d)^2 of one answer); Wilson,
# "Probable inference, the law of succession, and statistical inference", Journal of the
# American Statistical Association 22, 1927. The normal distribution: Python's NormalDist.
def _z(confidence):
    from statistics import NormalDist
    _finite(confidence)
    if not 0 < confidence < 1:
        raise Domain()
    return NormalDist().inv_cdf(1 - (1 - confidence) / 2)


def _survey(promoters, passives, detractors):
    for x in (promoters, passives, detractors):
        _count(x)
    n = promoters + passives + detractors
    _denominator(n)
    return promoters, detractors, n


def adjusted_wald(promoters, passives, detractors, confidence=0.95):
    """(lower, upper) of the NPS in points."""
    promoters, detractors, n = _survey(promoters, passives, detractors)
    z = _z(confidence)
    n += 3
    p, d = (promoters + 0.75) / n, (detractors + 0.75) / n
    half = z * ((p + d - (p - d) ** 2) / n) ** 0.5
    return max(-100.0, 100 * (p - d - half)), min(100.0, 100 * (p - d + half))


def wald_test(a, b):
    """Two-sided p-value that two surveys (promoters, passives, detractors) share one NPS."""
    from statistics import NormalDist
    def nps_and_variance(counts):
        promoters, detractors, n = _survey(*counts)
        p, d = promoters / n, detractors / n
        return p - d, max(0.0, p + d - (p - d) ** 2) / n
    (x, vx), (y, vy) = nps_and_variance(a), nps_and_variance(b)
    if vx + vy <= 0:
        raise Division()
    return min(1.0, 2 * NormalDist().cdf(-abs(x - y) / (vx + vy) ** 0.5))


def nps_sample_size(margin, confidence=0.95, promoters=None, detractors=None):
    import math
    _finite(margin)
    if not 0 < margin <= 200:
        raise Domain()
    variance = 1.0
    if promoters is not None or detractors is not None:
        if promoters is None or detractors is None:
            raise Domain()
        _fraction(promoters)
        _fraction(detractors)
        if promoters + detractors > 1 + 1e-12:
            raise Domain()
        variance = promoters + detractors - (promoters - detractors) ** 2
        if variance <= 0:
            raise Domain()
    z = _z(confidence)
    if (margin / 100) ** 2 == 0:
        raise Overflow()
    return max(1.0, float(math.ceil(_result(z * z * variance / (margin / 100) ** 2) * (1 - 1e-12))))


def wilson(satisfied, answers, confidence=0.95):
    """(lower, upper) of a share."""
    _count(satisfied)
    _denominator(answers)
    if satisfied > answers:
        raise Domain()
    z, n, p = _z(confidence), answers, satisfied / answers
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * (p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5
    return max(0.0, centre - half), min(1.0, centre + half)


SCALAR = {
    "CRR": crr, "CHURN": churn, "RETENTION_RATIO": retention_ratio, "PAYOUT_RATIO": payout_ratio,
    "NPS_COUNTS": nps_counts, "RPR": rpr, "RCR": rpr, "REDEMPTION_RATE": rpr,
    "PURCHASE_FREQUENCY": purchase_frequency, "ARPU": arpu, "LTV_ARPU": ltv_arpu, "LTV_AOV": ltv_aov,
    "LTV_SUBSCRIPTION": ltv_subscription, "LTV_CHURN": ltv_churn, "CLV": clv, "CLV_NET": clv_net,
    "LIFETIME": lifetime, "ROMI": romi, "LTV_CAC": ltv_cac, "GROSS_MARGIN": gross_margin,
    "MRR_RETENTION": mrr_retention,
    "NPS_SAMPLE_SIZE": nps_sample_size,
}


def expected(name, args):
    """('value', x) or ('error', code) for SCALAR[name](*args)."""
    try:
        return "value", SCALAR[name](*args)
    except (Domain, Division, Overflow) as error:
        return "error", error.code


# ---------------------------------------------------------------------------------------
# Subscription revenue (addin/core subscription.hpp), computed month by month over every
# customer, the way one would do it by hand on a customer × month grid.

def _movement(x):
    _finite(x)
    if x < 0:
        raise Domain()


def nrr(start, expansion, contraction, churned):
    _denominator(start)
    _movement(contraction)
    _movement(churned)
    if contraction + churned > start * (1 + 1e-9):
        raise Domain()
    _movement(expansion)
    return _result(max(0.0, start + expansion - contraction - churned) / start)


def grr(start, contraction, churned):
    _denominator(start)
    _movement(contraction)
    _movement(churned)
    if contraction + churned > start * (1 + 1e-9):
        raise Domain()
    return _result(max(0.0, start - contraction - churned) / start)


def quick_ratio(new, expansion, contraction, churned, reactivation=0.0):
    for x in (new, expansion, reactivation, contraction, churned):
        _movement(x)
    return _per(new + expansion + reactivation, contraction + churned)


SCALAR.update({"NRR": nrr, "GRR": grr, "QUICK_RATIO": quick_ratio})


def month_start(index):
    """Serial date (1899-12-30 origin) of the first day of month index year * 12 + month − 1."""
    return (datetime.date(index // 12, index % 12 + 1, 1) - datetime.date(1899, 12, 30)).days


def billing_grid(rows):
    """rows: (customer, serial date, MRR). Returns (first month, last month, {customer:
    {month: net MRR}}): a customer's rows of one month added in row order."""
    net = {}
    first = last = None
    for customer, date, mrr in rows:
        m = month_index(date)
        first = m if first is None else min(first, m)
        last = m if last is None else max(last, m)
        months = net.setdefault(customer, {})
        months[m] = months.get(m, 0.0) + mrr
    return first, last, net


def mrr_movements_reference(rows):
    """One list a month: [first day, MRR start, new, expansion, contraction, churned,
    reactivation, MRR end, customers start, new, churned, reactivated, end]. A month whose
    rows net to 0 or less is not a paying month."""
    first, last, net = billing_grid(rows)
    paid = lambda customer, m: max(0.0, net[customer].get(m, 0.0))
    seen, table = set(), []
    for m in range(first, last + 1):
        row = [float(month_start(m))] + [0.0] * 12
        for customer in net:
            p = paid(customer, m - 1) if m > first else 0.0
            v = paid(customer, m)
            row[1] += p
            row[7] += v
            row[8] += p > 0
            row[12] += v > 0
            if p > 0 and v > 0:
                row[3] += max(0.0, v - p)
                row[4] += max(0.0, p - v)
            elif p > 0:
                row[5] += p
                row[10] += 1
            elif v > 0 and customer in seen:
                row[6] += v
                row[11] += 1
            elif v > 0:
                row[2] += v
                row[9] += 1
            if v > 0:
                seen.add(customer)
        table.append(row)
    return table


def survival_reference(rows):
    """One list per acquisition month (first month with MRR > 0): [first day, alive 0, 1, ...
    months later without a break] up to the last month of the export."""
    first, last, net = billing_grid(rows)
    cohorts = {}
    for customer, months in net.items():
        paying = sorted(m for m, v in months.items() if v > 0)
        if not paying:
            continue
        a = paying[0]
        alive = cohorts.setdefault(a, [0] * (last - a + 1))
        k = 0
        while a + k <= last and months.get(a + k, 0.0) > 0:
            alive[k] += 1
            k += 1
    return [[float(month_start(a))] + [float(x) for x in cohorts[a]] for a in sorted(cohorts)]
