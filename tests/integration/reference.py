"""Independent Python reimplementations of the raw-data metrics, used by the template
test and the benchmark to check what Calc shows (never fed back as a result)."""
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
