"""Template «Когортный анализ» / "Cohort analysis": an order log of a year (generated sample data, thousands of
orders), the cohort retention matrix computed by COHORT_RETENTION as a colour-scale heat
map, the order-log metrics (RPR, purchase frequency, ARPU), and retention from two lists
of customer ids (CRR_IDS / CHURN_IDS). Functions: cm/cohort.hpp, cm/customers.hpp."""
import datetime
import random

from builder import DECIMAL, MONEY, PERCENT, WHOLE

TITLE = ("Когортный анализ удержания", "Cohort retention analysis")
# Sheet names, (Russian, English): the formulas refer to the order log by name.
ORDERS = ("Заказы", "Orders")
COHORTS = ("Когорты", "Cohorts")
FILE = "cohort-analysis"
FIRST_DAY = datetime.date(2024, 1, 1)
MONTHS = 12
CUSTOMERS = 900
# Chance that a customer acquired k months ago orders again this month: a typical decay.
ACTIVE_AFTER = [1.0, 0.42, 0.33, 0.28, 0.25, 0.23, 0.21, 0.2, 0.19, 0.18, 0.17, 0.16]


def serial(day):
    return float((day - datetime.date(1899, 12, 30)).days)


def sample_orders(prefix, seed=2024):
    """(customer id, serial date, amount) sorted by date; reproducible: the same orders in
    both languages, the ids `prefix` + number."""
    rng = random.Random(seed)
    orders = []
    for number in range(CUSTOMERS):
        customer = "%s%04d" % (prefix, number + 1)
        first_month = min(int(rng.expovariate(1 / 4.0)), MONTHS - 1)
        for month in range(first_month, MONTHS):
            if month == first_month or rng.random() < ACTIVE_AFTER[month - first_month]:
                for _ in range(1 if rng.random() < 0.8 else 2):
                    year, month_of_year = 2024 + month // 12, month % 12 + 1
                    day = datetime.date(year, month_of_year, rng.randint(1, 28))
                    orders.append((customer, serial(day), float(rng.randrange(500, 6000, 10))))
    orders.sort(key=lambda order: (order[1], order[0]))
    return orders


def build(workbook):
    orders = sample_orders(workbook.t("К-", "C-"))
    orders_sheet(workbook, orders)
    cohorts_sheet(workbook)
    lists_sheet(workbook)
    workbook.doc.Sheets.moveByName(workbook.t(*COHORTS), 0)  # opens on the result; the data follows


def orders_sheet(workbook, orders):
    t = workbook.t
    s = workbook.sheet(t(*ORDERS), [3.0, 3.2, 3.0, 0.6, 12.0], one_page=False)
    s.header("A1", [t("Клиент", "Customer"), t("Дата заказа", "Order date"), t("Сумма, руб.", "Amount, RUB")])
    rows = tuple((customer, date, amount) for customer, date, amount in orders)
    area = s.sheet.getCellRangeByPosition(0, 1, 2, len(rows))
    area.setDataArray(rows)
    area.CellStyle = workbook.style("input")
    s.sheet.getCellRangeByPosition(1, 1, 1, len(rows)).NumberFormat = workbook.format_key(
        t("DD.MM.YYYY", "YYYY-MM-DD"))
    s.sheet.getCellRangeByPosition(2, 1, 2, len(rows)).NumberFormat = workbook.format_key(MONEY)
    s.note("E1", t("Условные данные: %d заказов %d клиентов за 2024 год. Вставьте сюда свою выгрузку "
                   "из CRM (клиент, дата, сумма) — когорты пересчитаются.",
                   "Illustrative data: %d orders by %d customers in 2024. Paste your CRM export here "
                   "(customer, date, amount) and the cohorts follow.") % (len(orders), CUSTOMERS), wrap=True)
    s.note("E2", t("Формулы на листе «Когорты» читают строки 2–20000; для большего журнала "
                   "расширьте диапазоны.",
                   "The formulas of the sheet \"Cohorts\" read rows 2–20000; widen the ranges for a "
                   "longer log."), wrap=True)
    return s


def cohorts_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t(*COHORTS), [5.6, 2.4] + [1.9] * MONTHS)
    s.title("A1", t("Когортное удержание: доля клиентов когорты, покупавших через N месяцев",
                    "Cohort retention: the share of a cohort's customers buying N months later"))
    s.note("A2", t("Строка — когорта (месяц первого заказа), столбец — месяцев с первого заказа. Считает "
                   "формула массива COHORT_RETENTION; пустые ячейки — месяцы, которых в данных ещё нет.",
                   "A row is a cohort (the month of the first order), a column the months since the first "
                   "order. The array formula COHORT_RETENTION computes it; empty cells are months the data "
                   "do not reach yet."))
    s.header("A4", [t("Когорта", "Cohort"), t("Клиентов", "Customers")]
             + [t("Месяц %d", "Month %d") % k for k in range(MONTHS)])
    orders = t(*ORDERS)
    ids = "$%s.$A$2:$A$20000" % orders
    dates = "$%s.$B$2:$B$20000" % orders
    matrix = s.sheet.getCellRangeByPosition(0, 4, 1 + MONTHS, 4 + MONTHS - 1)
    matrix.setArrayFormula("=COHORT_RETENTION(%s;%s)" % (ids, dates))
    s.sheet.getCellRangeByPosition(0, 4, 0, 3 + MONTHS).NumberFormat = workbook.format_key(t("MM.YYYY", "MMM YYYY"))
    s.sheet.getCellRangeByPosition(1, 4, 1, 3 + MONTHS).NumberFormat = workbook.format_key(WHOLE)
    shares = s.sheet.getCellRangeByPosition(2, 4, 1 + MONTHS, 3 + MONTHS)
    shares.NumberFormat = workbook.format_key("0%")
    workbook.heat_map(s.name, "C5:%s%d" % (chr(ord("C") + MONTHS - 1), 4 + MONTHS),
                      [(0, "#f8696b"), (0.3, "#ffeb84"), (1, "#63be7b")])
    s.name_cell("COHORT_FIRST_SIZE", "B5")
    s.name_cell("COHORT_FIRST_MONTH1", "D5")
    average_row = 5 + MONTHS
    s.text("A%d" % average_row, t("Среднее по когортам", "Average of the cohorts"))
    for k in range(MONTHS):
        column = chr(ord("C") + k)
        s.helper("%s%d" % (column, average_row), "=AVERAGE({0}5:{0}{1})".format(column, 4 + MONTHS), "0%")  # as the matrix
    last_column = chr(ord("C") + MONTHS - 1)
    s.chart("RetentionCurve", "E%d" % (average_row + 2), (17, 7),
            ["B4:%s4" % last_column, "B%d:%s%d" % (average_row, last_column, average_row)],
            "Line", t("Средняя кривая удержания: доля когорты, покупающей через N месяцев",
                      "Average retention curve: the share of a cohort buying N months later"),
            columns_are_series=False, legend=False, percent_axis=True)

    top = 7 + MONTHS
    s.header("A%d" % top, [t("Показатели журнала заказов", "Metrics of the order log"), "", t("Значение", "Value")])
    metrics = [(t("Доля повторных покупок (RPR)", "Repeat purchase rate (RPR)"), "=RPR_ORDERS(%s)" % ids, PERCENT,
                "ORDERS_RPR"),
               (t("Заказов на клиента", "Orders per customer"), "=PURCHASE_FREQUENCY_ORDERS(%s)" % ids, DECIMAL,
                "ORDERS_FREQUENCY"),
               (t("Выручка на клиента (ARPU), руб.", "Revenue per customer (ARPU), RUB"),
                "=ARPU_ORDERS(%s;$%s.$C$2:$C$20000)" % (ids, orders), MONEY, "ORDERS_ARPU")]
    for offset, (label, formula, number_format, name) in enumerate(metrics, start=1):
        row = top + offset
        s.text("A%d" % row, label)
        s.formula("C%d" % row, formula, number_format, name)
    return s


def lists_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Списки клиентов", "Customer lists"), [3.2, 3.2, 2.0, 7.5, 3.0, 9.0])
    s.title("A1", t("Удержание по двум спискам клиентов", "Retention from two lists of customers"))
    s.note("A2", t("Вставьте идентификаторы клиентов на начало и на конец периода (числа или текст, "
                   "повторы не мешают): CRR_IDS сравнит списки без подсчёта вручную.",
                   "Paste the ids of the customers at the start and at the end of the period (numbers or "
                   "text, repeats do no harm): CRR_IDS compares the lists, no counting by hand."))
    s.header("A4", [t("На начало периода", "At the start"), t("На конец периода", "At the end")])
    old, new = t("К-", "C-"), t("Н-", "N-")
    start = ["%s%04d" % (old, n) for n in range(1, 111)]                       # 110 customers, as in article A1 (docs/SOURCES.md)
    end = ["%s%04d" % (old, n) for n in range(56, 111)] + ["%s%03d" % (new, n) for n in range(1, 61)]  # 55 stay
    s.sheet.getCellRangeByPosition(0, 4, 0, 3 + len(start)).setDataArray(tuple((x,) for x in start))
    s.sheet.getCellRangeByPosition(1, 4, 1, 3 + len(end)).setDataArray(tuple((x,) for x in end))
    s.sheet.getCellRangeByPosition(0, 4, 1, 3 + len(end)).CellStyle = workbook.style("input")
    s.text("D5", t("CRR по спискам", "CRR from the lists"))
    s.formula("E5", "=CRR_IDS(A5:A1000;B5:B1000)", PERCENT, "LISTS_CRR")
    s.text("D6", t("Отток по спискам", "Churn from the lists"))
    s.formula("E6", "=CHURN_IDS(A5:A1000;B5:B1000)", PERCENT, "LISTS_CHURN")
    s.note("F5", t("Пример статьи 1: 110 клиентов на начало, 55 остались, 60 новых → 50 %.",
                   "The example of article 1: 110 customers at the start, 55 stayed, 60 new → 50%."))
    s.text("D8", t("Проверка: CRR(110; 115; 60)", "Check: CRR(110; 115; 60)"))
    s.formula("E8", "=CRR(110;115;60)", PERCENT)
