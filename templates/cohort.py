"""Template «Когортный анализ»: an order log of a year (generated sample data, thousands of
orders), the cohort retention matrix computed by COHORT_RETENTION as a colour-scale heat
map, the order-log metrics (RPR, purchase frequency, ARPU), and retention from two lists
of customer ids (CRR_IDS / CHURN_IDS). Functions: cm/cohort.hpp, cm/customers.hpp."""
import datetime
import random

from builder import DECIMAL, MONEY, PERCENT, WHOLE

TITLE = "Когортный анализ удержания"
FILE = "cohort-analysis"
FIRST_DAY = datetime.date(2024, 1, 1)
MONTHS = 12
CUSTOMERS = 900
# Chance that a customer acquired k months ago orders again this month: a typical decay.
ACTIVE_AFTER = [1.0, 0.42, 0.33, 0.28, 0.25, 0.23, 0.21, 0.2, 0.19, 0.18, 0.17, 0.16]


def serial(day):
    return float((day - datetime.date(1899, 12, 30)).days)


def sample_orders(seed=2024):
    """(customer id, serial date, amount) sorted by date; reproducible."""
    rng = random.Random(seed)
    orders = []
    for number in range(CUSTOMERS):
        customer = "К-%04d" % (number + 1)
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
    orders = sample_orders()
    orders_sheet(workbook, orders)
    cohorts_sheet(workbook)
    lists_sheet(workbook)
    workbook.doc.Sheets.moveByName("Когорты", 0)  # opens on the result; the data follows


def orders_sheet(workbook, orders):
    s = workbook.sheet("Заказы", [3.0, 3.2, 3.0, 9.0], one_page=False)
    s.header("A1", ["Клиент", "Дата заказа", "Сумма, руб."])
    rows = tuple((customer, date, amount) for customer, date, amount in orders)
    area = s.sheet.getCellRangeByPosition(0, 1, 2, len(rows))
    area.setDataArray(rows)
    area.CellStyle = "Ввод"
    s.sheet.getCellRangeByPosition(1, 1, 1, len(rows)).NumberFormat = workbook.format_key("DD.MM.YYYY")
    s.sheet.getCellRangeByPosition(2, 1, 2, len(rows)).NumberFormat = workbook.format_key(MONEY)
    s.note("E1", "Условные данные: %d заказов %d клиентов за 2024 год. Вставьте сюда свою выгрузку "
                 "из CRM (клиент, дата, сумма) — когорты пересчитаются." % (len(orders), CUSTOMERS))
    s.note("E2", "Формулы на листе «Когорты» читают строки 2–20000; для большего журнала "
                 "расширьте диапазоны.")
    return s


def cohorts_sheet(workbook):
    s = workbook.sheet("Когорты", [5.6, 2.4] + [1.9] * MONTHS)
    s.title("A1", "Когортное удержание: доля клиентов когорты, покупавших через N месяцев")
    s.note("A2", "Строка — когорта (месяц первого заказа), столбец — месяцев с первого заказа. Считает "
                 "формула массива COHORT_RETENTION; пустые ячейки — месяцы, которых в данных ещё нет.")
    s.header("A4", ["Когорта", "Клиентов"] + ["Месяц %d" % k for k in range(MONTHS)])
    ids = "$Заказы.$A$2:$A$20000"
    dates = "$Заказы.$B$2:$B$20000"
    matrix = s.sheet.getCellRangeByPosition(0, 4, 1 + MONTHS, 4 + MONTHS - 1)
    matrix.setArrayFormula("=COHORT_RETENTION(%s;%s)" % (ids, dates))
    s.sheet.getCellRangeByPosition(0, 4, 0, 3 + MONTHS).NumberFormat = workbook.format_key("MM.YYYY")
    s.sheet.getCellRangeByPosition(1, 4, 1, 3 + MONTHS).NumberFormat = workbook.format_key(WHOLE)
    shares = s.sheet.getCellRangeByPosition(2, 4, 1 + MONTHS, 3 + MONTHS)
    shares.NumberFormat = workbook.format_key("0%")
    workbook.heat_map(s.name, "C5:%s%d" % (chr(ord("C") + MONTHS - 1), 4 + MONTHS),
                      [(0, "#f8696b"), (0.3, "#ffeb84"), (1, "#63be7b")])
    s.name_cell("COHORT_FIRST_SIZE", "B5")
    s.name_cell("COHORT_FIRST_MONTH1", "D5")
    average_row = 5 + MONTHS
    s.text("A%d" % average_row, "Среднее по когортам")
    for k in range(MONTHS):
        column = chr(ord("C") + k)
        s.helper("%s%d" % (column, average_row), "=AVERAGE({0}5:{0}{1})".format(column, 4 + MONTHS), PERCENT)
    last_column = chr(ord("C") + MONTHS - 1)
    s.chart("RetentionCurve", "E%d" % (average_row + 2), (17, 7),
            ["B4:%s4" % last_column, "B%d:%s%d" % (average_row, last_column, average_row)],
            "Line", "Средняя кривая удержания: доля когорты, покупающей через N месяцев",
            columns_are_series=False, legend=False)

    top = 7 + MONTHS
    s.header("A%d" % top, ["Показатели журнала заказов", "", "Значение"])
    metrics = [("Доля повторных покупок (RPR)", "=RPR_ORDERS(%s)" % ids, PERCENT, "ORDERS_RPR"),
               ("Заказов на клиента", "=PURCHASE_FREQUENCY_ORDERS(%s)" % ids, DECIMAL, "ORDERS_FREQUENCY"),
               ("Выручка на клиента (ARPU), руб.", "=ARPU_ORDERS(%s;$Заказы.$C$2:$C$20000)" % ids, MONEY,
                "ORDERS_ARPU")]
    for offset, (label, formula, number_format, name) in enumerate(metrics, start=1):
        row = top + offset
        s.text("A%d" % row, label)
        s.formula("C%d" % row, formula, number_format, name)
    return s


def lists_sheet(workbook):
    s = workbook.sheet("Списки клиентов", [3.2, 3.2, 2.0, 7.5, 3.0, 9.0])
    s.title("A1", "Удержание по двум спискам клиентов")
    s.note("A2", "Вставьте идентификаторы клиентов на начало и на конец периода (числа или текст, "
                 "повторы не мешают): CRR_IDS сравнит списки без подсчёта вручную.")
    s.header("A4", ["На начало периода", "На конец периода"])
    start = ["К-%04d" % n for n in range(1, 111)]                      # 110 customers, as in seed 000
    end = ["К-%04d" % n for n in range(56, 111)] + ["Н-%03d" % n for n in range(1, 61)]  # 55 stay, 60 new
    s.sheet.getCellRangeByPosition(0, 4, 0, 3 + len(start)).setDataArray(tuple((x,) for x in start))
    s.sheet.getCellRangeByPosition(1, 4, 1, 3 + len(end)).setDataArray(tuple((x,) for x in end))
    s.sheet.getCellRangeByPosition(0, 4, 1, 3 + len(end)).CellStyle = "Ввод"
    s.text("D5", "CRR по спискам")
    s.formula("E5", "=CRR_IDS(A5:A1000;B5:B1000)", PERCENT, "LISTS_CRR")
    s.text("D6", "Отток по спискам")
    s.formula("E6", "=CHURN_IDS(A5:A1000;B5:B1000)", PERCENT, "LISTS_CHURN")
    s.note("F5", "Пример статьи 1: 110 клиентов на начало, 55 остались, 60 новых → 50 %.")
    s.text("D8", "Проверка: CRR(110; 115; 60)")
    s.formula("E8", "=CRR(110;115;60)", PERCENT)
