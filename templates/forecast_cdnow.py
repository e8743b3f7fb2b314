"""Sheets of the workbook «Прогноз удержания и CLV» / "Retention forecast and CLV" on the
non-contractual side: the CDNOW sample log (data/cdnow; Fader, Hardie & Lee 2005),
its customer summary by RFM_SUMMARY, the BG/NBD and Gamma-Gamma fits (BGNBD_FIT, GG_FIT)
beside the published numbers, per-customer P(alive), expected purchases, expected spend and
CLV, the weekly tracking chart of actual against predicted repeat purchases over calibration
and holdout, and a sheet on using one's own log.

add_sheets(workbook) appends them to the forecast workbook (templates/forecast.py).
Functions: cm/rfm.hpp, cm/bgnbd.hpp, cm/gamma_gamma.hpp.
"""
import datetime
import os

from builder import DECIMAL, MONEY, PERCENT, WHOLE

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLE = os.path.join(os.path.dirname(HERE), "data", "cdnow", "CDNOW_sample.txt")

# Sheet names (Russian, English): formulas refer to them.
LOG = ("CDNOW журнал", "CDNOW log")
MODEL = ("CDNOW модель", "CDNOW model")
CUSTOMERS = ("CDNOW клиенты", "CDNOW customers")
TRACKING = ("CDNOW по неделям", "CDNOW weekly")
BAND = ("CDNOW интервал прогноза", "CDNOW holdout band")
WORKING = ("CDNOW расчёт", "CDNOW working")
OWN = ("Свой журнал", "Your own log")

BASE = datetime.date(1899, 12, 30)
START = datetime.date(1997, 1, 1)
CALIBRATION_END = datetime.date(1997, 9, 30)
WEEKS = 78                # 39 of calibration, 39 of holdout (to 1998-06-30)
ACQUISITION_DAYS = 90     # first purchases: 1997-01-01 .. 1997-03-31
PUBLISHED_BGNBD = ("0.243", "4.414", "0.793", "2.426", "−9 582.4")
PUBLISHED_GG = ("6.25", "3.74", "15.44", "")


def serial(day):
    return float((day - BASE).days)


def read_sample():
    """(customer id text, serial date, dollars), sorted by customer then date: the order the
    helper columns of the log sheet need (the model functions need none)."""
    orders = []
    with open(SAMPLE) as f:
        for line in f:
            fields = line.split()
            if len(fields) == 5:
                d = fields[2]
                orders.append((fields[0], serial(datetime.date(int(d[:4]), int(d[4:6]), int(d[6:]))),
                               float(fields[4])))
    orders.sort(key=lambda order: (order[0], order[1]))
    return orders


def ref(name, cells):
    """An absolute reference to `cells` ("$A$2:$A$100") of sheet `name`."""
    return "$'%s'.%s" % (name, cells)


def add_sheets(workbook):
    import forecast_which  # (here: it imports this module's helpers)
    orders = read_sample()
    customers = len({order[0] for order in orders if order[1] <= serial(CALIBRATION_END)})
    names = {key: workbook.t(*pair) for key, pair in
             dict(log=LOG, model=MODEL, customers=CUSTOMERS, tracking=TRACKING, band=BAND, working=WORKING,
                  own=OWN, which=forecast_which.WHICH, which_working=forecast_which.WORKING).items()}
    log_rows = len(orders) + 1
    log = dict(ids=ref(names["log"], "$A$2:$A$%d" % log_rows), dates=ref(names["log"], "$B$2:$B$%d" % log_rows),
               amounts=ref(names["log"], "$C$2:$C$%d" % log_rows), repeat=ref(names["log"], "$D$2:$D$%d" % log_rows),
               week=ref(names["log"], "$E$2:$E$%d" % log_rows))
    # Every sheet exists before any formula refers to it (a reference to a missing sheet would
    # stay an error); the tabs in reading order, the data and the working last.
    sheets = dict(
        model=workbook.sheet(names["model"], [7.6, 2.6, 2.6, 2.6, 2.6, 3.0, 2.0]),
        customers=workbook.sheet(names["customers"], [2.2, 1.4, 2.0, 2.0, 2.4, 2.2, 2.6, 2.6, 2.4, 2.6, 2.4, 2.0,
                                                      2.6, 2.2],
                                 one_page=False),
        tracking=workbook.sheet(names["tracking"], [1.6, 2.4, 2.6, 2.8, 3.0, 1.0], one_page=False),
        band=workbook.sheet(names["band"], [1.4, 2.4, 2.0, 2.0, 2.0, 2.4, 2.4, 0.6]),
        which=workbook.sheet(names["which"], [8.8, 2.4, 2.6, 2.4, 2.4, 2.6, 2.6, 2.6, 0.6], one_page=False),
        own=workbook.sheet(names["own"], [24.0]),
        log=workbook.sheet(names["log"], [2.2, 2.6, 2.2, 2.6, 1.8, 9.0], one_page=False),
        working=workbook.sheet(names["working"], [2.6, 1.6] + [1.4] * WEEKS, one_page=False),
        which_working=workbook.sheet(names["which_working"], [2.2] + [1.6] * 14 + [2.6, 1.6, 1.4] + [1.6] * 14 +
                                     [1.4] * WEEKS, one_page=False),
    )
    log_sheet(workbook, sheets["log"], orders)
    model_sheet(workbook, sheets["model"], names, log, customers)
    customers_sheet(workbook, sheets["customers"], names, log, customers)
    working_sheet(workbook, sheets["working"], names, customers)
    tracking_sheet(workbook, sheets["tracking"], names, log)
    holdout_band(workbook, sheets["band"], names, customers)
    forecast_which.add(workbook, names, log, customers, sheets)
    own_log_sheet(workbook, sheets["own"])


def model_sheet(workbook, s, names, log, customers):
    t = workbook.t
    s.title("A1", t("BG/NBD и Gamma-Gamma на журнале заказов CDNOW",
                    "BG/NBD and Gamma-Gamma on the CDNOW order log"))
    wrapped_note(s, "A2:F2", 1.3, t("Журнал: 6 919 заказов 2 357 клиентов, впервые купивших в I квартале 1997 г. (Fader, Hardie & Lee, "
                   "Marketing Science, 2005). Модель подгоняется по 39 неделям калибровки; следующие 39 недель — "
                   "проверка прогноза (лист «%s»).",
                   "Log: 6 919 orders of 2 357 customers whose first purchase was in Q1 1997 (Fader, Hardie & Lee, "
                   "Marketing Science, 2005). The model is fitted on the 39 calibration weeks; the next 39 weeks "
                   "test the forecast (sheet \"%s\").") % names["tracking"])
    s.header("A4", [t("Исходные данные", "Inputs"), t("Значение", "Value")])
    inputs = [
        (t("Конец периода калибровки", "End of the calibration period"), serial(CALIBRATION_END),
         t("DD.MM.YYYY", "YYYY-MM-DD"), "CDNOW_CAL_END"),
        (t("Дней в периоде модели (7 — недели)", "Days in a model period (7 = weeks)"), 7, WHOLE, "CDNOW_DAYS"),
        (t("Горизонт прогноза покупок, периодов", "Forecast horizon for purchases, periods"), 39, WHOLE, "CDNOW_T"),
        (t("Маржа", "Margin"), 0.3, PERCENT, "CDNOW_MARGIN"),
        (t("Годовая ставка дисконтирования", "Annual discount rate"), 0.1, PERCENT, "CDNOW_ANNUAL_DISCOUNT"),
        (t("Горизонт CLV, периодов (52 недели — год)", "CLV horizon, periods (52 weeks = a year)"), 52, WHOLE,
         "CDNOW_HORIZON"),
    ]
    for row, (label, value, number_format, name) in enumerate(inputs, start=5):
        s.text("A%d" % row, label)
        s.value("B%d" % row, value, number_format, name)
    s.text("A11", t("Ставка дисконтирования за период", "Discount rate per period"))
    s.helper("B11", "=(1+B9)^(B6/365.25)-1", "0.0000%", "CDNOW_DISCOUNT")
    s.note("C11", t("(1 + годовая)^(дней / 365,25) − 1", "(1 + annual)^(days / 365.25) − 1"))

    s.header("A13", [t("BG/NBD: покупки и уход", "BG/NBD: purchases and dropout"), "r", "alpha", "a", "b",
                     t("лог. правдоп.", "log-likelihood")])
    s.text("A14", t("BGNBD_FIT по журналу", "BGNBD_FIT from the log"))
    fit_row(workbook, s, "B14:F14", "=BGNBD_FIT(%s;%s;B5;B6)" % (log["ids"], log["dates"]),
            ("CDNOW_BG_R", "CDNOW_BG_ALPHA", "CDNOW_BG_A", "CDNOW_BG_B", "CDNOW_BG_LL"))
    s.text("A15", t("В статье (Fader, Hardie & Lee 2005)", "Published (Fader, Hardie & Lee 2005)"))
    for column, text in zip("BCDEF", PUBLISHED_BGNBD):
        s.printed_figure("%s15" % column, text)

    s.header("A17", [t("Gamma-Gamma: сумма заказа", "Gamma-Gamma: order value"), "p", "q", "v",
                     t("лог. правдоп.", "log-likelihood")])
    s.text("A18", t("GG_FIT по сводке клиентов", "GG_FIT from the customer summary"))
    c = names["customers"]
    last = 4 + customers
    fit_row(workbook, s, "B18:E18", "=GG_FIT(%s;%s)" % (ref(c, "$B$5:$B$%d" % last), ref(c, "$E$5:$E$%d" % last)),
            ("CDNOW_GG_P", "CDNOW_GG_Q", "CDNOW_GG_V", "CDNOW_GG_LL"), parameter_format=DECIMAL)
    s.text("A19", t("В статье (Fader & Hardie 2013)", "Published (Fader & Hardie 2013)"))
    for column, text in zip("BCD", PUBLISHED_GG):
        s.printed_figure("%s19" % column, text)

    s.header("A21", [t("Итоги по клиентам", "Totals over the customers"), t("Значение", "Value")])
    totals = [
        (t("Клиентов", "Customers"), "=COUNT(%s)" % ref(c, "$B$5:$B$%d" % last), WHOLE, "CDNOW_CUSTOMERS", None),
        (t("Из них с повторными покупками", "Of them with repeat purchases"),
         '=COUNTIF(%s;">0")' % ref(c, "$B$5:$B$%d" % last), WHOLE, "CDNOW_REPEAT_BUYERS", None),
        (t("Ожидаемо активных (сумма P(alive))", "Expected still active (sum of P(alive))"),
         "=SUM(%s)" % ref(c, "$F$5:$F$%d" % last), MONEY, "CDNOW_ALIVE", "result"),  # #,##0.00 as the CLV below
        (t("Ожидаемые покупки за горизонт прогноза", "Expected purchases over the forecast horizon"),
         "=SUM(%s)" % ref(c, "$G$5:$G$%d" % last), MONEY, "CDNOW_EXPECTED", "result"),
        (t("CLV всех клиентов за горизонт CLV, $", "CLV of all customers over the CLV horizon, $"),
         "=SUM(%s)" % ref(c, "$I$5:$I$%d" % last), MONEY, "CDNOW_CLV_TOTAL", "result"),
    ]
    for row, (label, formula, number_format, name, role) in enumerate(totals, start=22):
        s.text("A%d" % row, label)
        s.formula("B%d" % row, formula, number_format, name, role=role)
    wrapped_note(s, "A28:F28", 1.0, t("Оба подбора — формулы массива одной строкой; функции клиентов читают её как "
                    "$B$14:$F$14 и $B$18:$E$18 (логарифм правдоподобия в конце не читается).",
                    "Both fits are one-row array formulas; the per-customer functions read them as "
                    "$B$14:$F$14 and $B$18:$E$18 (the trailing log-likelihood is ignored)."))
    uncertainty_blocks(workbook, s, log, ref(c, "$B$5:$B$%d" % last), ref(c, "$E$5:$E$%d" % last))
    return s


def fit_row(workbook, s, cells, formula, names, parameter_format="0.0000"):
    """A fit as a one-row array formula over `cells` ("B14:F14"): the parameters in
    parameter_format, the last cell (the log-likelihood) #,##0.00, styled as a result, each
    cell given its name of `names`."""
    area = s.sheet.getCellRangeByName(cells)
    address = area.getRangeAddress()
    columns = [column_name(k) for k in range(address.StartColumn, address.EndColumn + 1)]
    for k, column in enumerate(columns):
        s.cell("%s%d" % (column, address.StartRow + 1)).NumberFormat = workbook.format_key(
            parameter_format if k < len(columns) - 1 else "#,##0.00")
    area.setArrayFormula(formula)
    area.CellStyle = workbook.style("result")
    for column, name in zip(columns, names):
        s.name_cell(name, "%s%d" % (column, address.StartRow + 1))


def uncertainty_blocks(workbook, s, log, frequencies, averages):
    """The same fits entered over k + 2 rows: estimates, standard errors (and the customers
    fitted), the covariance the interval functions read; and each parameter's 95 % interval on
    the log scale, p·EXP(±1.96·SE/p) (guide 9, "How sure is the fit")."""
    t = workbook.t
    s.title("A30", t("Насколько точна подгонка", "How sure is the fit"))
    wrapped_note(s, "A31:F31", 1.3, t("Те же подборы, введённые на k + 2 строк: оценки, стандартные ошибки (в последнем "
                 "столбце — число клиентов), ковариация; интервалы прогнозов на листе клиентов читают эти блоки.",
                 "The same fits entered over k + 2 rows: estimates, standard errors (last column: the customers "
                 "fitted), covariance; the interval functions on the customers sheet read these blocks."))
    s.header("A32", ["BG/NBD", "r", "alpha", "a", "b", t("лог. правдоп. / клиентов", "log-lik. / customers")])
    labels = [t("Оценка", "Estimate"), t("Стандартная ошибка", "Standard error")] + [
        t("Ковариация: ", "Covariance: ") + name for name in ("r", "alpha", "a", "b")]
    for row, label in enumerate(labels, start=33):
        s.text("A%d" % row, label)
    block = s.sheet.getCellRangeByName("B33:F38")
    s.sheet.getCellRangeByName("B33:E38").NumberFormat = workbook.format_key("0.0000")
    s.sheet.getCellRangeByName("F33").NumberFormat = workbook.format_key("#,##0.00")
    s.sheet.getCellRangeByName("F34").NumberFormat = workbook.format_key(WHOLE)
    block.setArrayFormula("=BGNBD_FIT(%s;%s;B5;B6)" % (log["ids"], log["dates"]))
    block.CellStyle = workbook.style("result")
    s.name_cell("CDNOW_BG_BLOCK_SE_R", "B34")
    s.name_cell("CDNOW_BG_BLOCK_CUSTOMERS", "F34")
    for row, (label, sign) in enumerate(((t("95 %: нижняя граница", "95 %: lower bound"), "-"),
                                         (t("95 %: верхняя граница", "95 %: upper bound"), "")), start=39):
        s.text("A%d" % row, label)
        for column in "BCDE":
            s.formula("%s%d" % (column, row), "=%s33*EXP(%s1.959964*%s34/%s33)" % (column, sign, column, column),
                      "0.0000")
    s.header("A42", ["Gamma-Gamma", "p", "q", "v", t("лог. правдоп. / покупателей", "log-lik. / buyers")])
    labels = [t("Оценка", "Estimate"), t("Стандартная ошибка", "Standard error")] + [
        t("Ковариация: ", "Covariance: ") + name for name in ("p", "q", "v")]
    for row, label in enumerate(labels, start=43):
        s.text("A%d" % row, label)
    gg = s.sheet.getCellRangeByName("B43:E47")
    s.sheet.getCellRangeByName("B43:D47").NumberFormat = workbook.format_key("0.0000")
    s.sheet.getCellRangeByName("E43").NumberFormat = workbook.format_key("#,##0.00")
    s.sheet.getCellRangeByName("E44").NumberFormat = workbook.format_key(WHOLE)
    gg.setArrayFormula("=GG_FIT(%s;%s)" % (frequencies, averages))
    gg.CellStyle = workbook.style("result")
    s.name_cell("CDNOW_GG_BLOCK_SE_P", "B44")


def customers_sheet(workbook, s, names, log, customers):
    t = workbook.t
    s.title("A1", t("Клиенты: сводка RFM, вероятность активности, прогноз покупок и CLV",
                    "Customers: RFM summary, probability of being active, forecast purchases and CLV"))
    wrapped_note(s, "A2:N2", 0.9, t("A–E — формула массива RFM_SUMMARY (x — повторные покупки, t_x и T — в периодах от первой "
                   "покупки, m_x — средняя повторная покупка); F–I — по строке на клиента; K–N — 95-процентные "
                   "доверительные интервалы P(alive) и CLV (неопределённость подгонки, а не поведения клиента).",
                   "A–E: the array formula RFM_SUMMARY (x = repeat purchases, t_x and T in periods from the first "
                   "purchase, m_x = mean repeat purchase); F–I: one formula per customer; K–N: 95 % confidence "
                   "intervals of P(alive) and CLV (the fit's uncertainty, not the customer's own behaviour)."))
    s.header("A4", [t("Клиент", "Customer"), "x", "t_x", "T", "m_x, $", "P(alive)",
                    t("Покупок за горизонт", "Purchases in horizon"), t("Ожидаемый чек, $", "Expected order, $"),
                    "CLV, $", t("Первая покупка", "First purchase"),
                    t("P(alive): 95 % от", "P(alive) 95 %: from"), t("до", "to"),
                    t("CLV 95 %: от, $", "CLV 95 %: from, $"), t("до, $", "to, $")])
    m = names["model"]
    last = 4 + customers
    summary = s.sheet.getCellRangeByName("A5:E%d" % last)
    summary.setArrayFormula("=RFM_SUMMARY(%s;%s;%s;%s;%s)" % (
        log["ids"], log["dates"], log["amounts"], ref(m, "$B$5"), ref(m, "$B$6")))
    bg, gg = ref(m, "$B$14:$F$14"), ref(m, "$B$18:$E$18")
    rows = []
    for row in range(5, last + 1):
        rows.append((
            "=BGNBD_P_ALIVE(%s;B{0};C{0};D{0})".format(row) % bg,
            "=BGNBD_EXPECTED(%s;B{0};C{0};D{0};%s)".format(row) % (bg, ref(m, "$B$7")),
            "=GG_SPEND(%s;B{0};E{0})".format(row) % gg,
            "=BGNBD_CLV(%s;%s;B{0};C{0};D{0};E{0};%s;%s;%s)".format(row) % (
                bg, gg, ref(m, "$B$8"), ref(m, "$B$11"), ref(m, "$B$10")),
            "=%s-D{0}*%s".format(row) % (ref(m, "$B$5"), ref(m, "$B$6")),
        ))
    per_customer = s.sheet.getCellRangeByPosition(5, 4, 9, last - 1)
    per_customer.setFormulaArray(tuple(rows))
    # 95 % confidence intervals of P(alive) and CLV from the fits' blocks (model sheet B33:F38
    # and B43:E47): the uncertainty of the fit, not of the customer's own future.
    bg_block, gg_block = ref(m, "$B$33:$F$38"), ref(m, "$B$43:$E$47")
    interval_rows = []
    for row in range(5, last + 1):
        alive = "BGNBD_P_ALIVE_CI(%s;B{0};C{0};D{0})".format(row) % bg_block
        clv = "BGNBD_CLV_CI(%s;%s;B{0};C{0};D{0};E{0};%s;%s;%s)".format(row) % (
            bg_block, gg_block, ref(m, "$B$8"), ref(m, "$B$11"), ref(m, "$B$10"))
        interval_rows.append(tuple("=INDEX(%s;1;%d)" % (f, k) for f in (alive, clv) for k in (1, 2)))
    s.sheet.getCellRangeByPosition(10, 4, 13, last - 1).setFormulaArray(tuple(interval_rows))
    for column, number_format in zip("KLMN", (PERCENT, PERCENT, MONEY, MONEY)):
        s.sheet.getCellRangeByName("%s5:%s%d" % (column, column, last)).NumberFormat = workbook.format_key(
            number_format)
    s.sheet.getCellRangeByName("K5:N%d" % last).CellStyle = workbook.style("result")
    s.name_cell("CDNOW_FIRST_CLV_LOWER", "M5")
    s.name_cell("CDNOW_FIRST_CLV_UPPER", "N5")
    for column, number_format in zip("BCDEFGHIJ", (WHOLE, DECIMAL, DECIMAL, MONEY, PERCENT, DECIMAL, MONEY, MONEY,
                                                   t("DD.MM.YYYY", "YYYY-MM-DD"))):
        s.sheet.getCellRangeByName("%s5:%s%d" % (column, column, last)).NumberFormat = workbook.format_key(
            number_format)
    s.sheet.getCellRangeByName("F5:I%d" % last).CellStyle = workbook.style("result")
    s.name_cell("CDNOW_FIRST_P_ALIVE", "F5")
    s.name_cell("CDNOW_FIRST_CLV", "I5")
    return s


def working_sheet(workbook, s, names, customers):
    """Cumulative expected repeat purchases of the customers acquired on each day, at the end
    of each week: count × BGNBD_EXPECTED(params; 0; 0; 0; weeks since that day) (FHL 2005,
    eq. 9). The tracking sheet sums its columns."""
    t = workbook.t
    s.note("A1", t("Вспомогательный расчёт для листа «%s»: строка — день первой покупки, столбец — конец недели.",
                   "Working for the sheet \"%s\": a row is a day of first purchases, a column the end of a week.")
           % names["tracking"])
    m, c = names["model"], names["customers"]
    last = 4 + customers
    first_purchase = ref(c, "$J$5:$J$%d" % last)
    week_ends = [["=DATE(1997;1;1)+7*%d" % w for w in range(1, WEEKS + 1)]]
    s.sheet.getCellRangeByPosition(2, 2, 1 + WEEKS, 2).setFormulaArray(tuple(tuple(r) for r in week_ends))
    s.header("A3", [t("День", "Day"), t("Клиентов", "Customers")])
    rows = []
    for k in range(ACQUISITION_DAYS):
        r = 4 + k
        row = ["=DATE(1997;1;1)+%d" % k, "=COUNTIF(%s;A%d)" % (first_purchase, r)]
        for w in range(WEEKS):
            column = column_name(2 + w)
            row.append("=IF(%s$3>$A%d;$B%d*BGNBD_EXPECTED(%s;0;0;0;(%s$3-$A%d)/%s);0)" % (
                column, r, r, ref(m, "$B$14:$F$14"), column, r, ref(m, "$B$6")))
        rows.append(tuple(row))
    s.sheet.getCellRangeByPosition(0, 3, 1 + WEEKS, 2 + ACQUISITION_DAYS).setFormulaArray(tuple(rows))
    s.sheet.getCellRangeByPosition(0, 3, 0, 2 + ACQUISITION_DAYS).NumberFormat = workbook.format_key(
        t("DD.MM.YYYY", "YYYY-MM-DD"))
    s.sheet.getCellRangeByPosition(2, 2, 1 + WEEKS, 2).NumberFormat = workbook.format_key(t("DD.MM", "MM-DD"))
    s.sheet.getCellRangeByPosition(2, 3, 1 + WEEKS, 2 + ACQUISITION_DAYS).NumberFormat = workbook.format_key("0.0")
    s.text("A%d" % (4 + ACQUISITION_DAYS), t("Итого", "Total"))
    totals = [tuple("=SUM(%s4:%s%d)" % (column_name(2 + w), column_name(2 + w), 3 + ACQUISITION_DAYS)
                    for w in range(WEEKS))]
    s.sheet.getCellRangeByPosition(2, 3 + ACQUISITION_DAYS, 1 + WEEKS, 3 + ACQUISITION_DAYS).setFormulaArray(
        tuple(totals))
    return s


def wrapped_note(s, cells, height_cm, text):
    """A note wrapped in the merged `cells` of one row `height_cm` high: a long line would
    otherwise widen the printed page and shrink everything on it."""
    s.merge_note(cells, text)
    row = s.sheet.getCellRangeByName(cells).getRangeAddress().StartRow
    s.sheet.getRows().getByIndex(row).Height = int(height_cm * 1000)


def column_name(index):
    """0 -> A, 25 -> Z, 26 -> AA."""
    name = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        name = chr(ord("A") + remainder) + name
    return name


def tracking_sheet(workbook, s, names, log):
    t = workbook.t
    s.title("A1", t("Повторные покупки по неделям: факт и прогноз BG/NBD",
                    "Repeat purchases by week: actual and BG/NBD forecast"))
    wrapped_note(s, "A2:E2", 1.8, t("Недели 1–39 — калибровка (по ним подобрана модель), 40–78 — проверка: модель этих данных не "
                   "видела. Прогноз — сумма E[X(t)] всех клиентов от их первой покупки.",
                   "Weeks 1–39: calibration (the model was fitted on them); 40–78: holdout, data the model never "
                   "saw. The forecast sums E[X(t)] of every customer from his first purchase."))
    s.header("A4", [t("Неделя", "Week"), t("Факт", "Actual"), t("Прогноз", "Forecast"),
                    t("Факт, нарастающим", "Actual, cumulative"), t("Прогноз, нарастающим", "Forecast, cumulative")])
    working = names["working"]
    total_row = 4 + ACQUISITION_DAYS
    rows = []
    for w in range(1, WEEKS + 1):
        r = 4 + w
        total = ref(working, "$%s$%d" % (column_name(1 + w), total_row))
        previous = ref(working, "$%s$%d" % (column_name(w), total_row)) if w > 1 else "0"
        rows.append(("%d" % w, "=COUNTIFS(%s;1;%s;A%d)" % (log["repeat"], log["week"], r),
                     "=%s-%s" % (total, previous), "=SUM(B$5:B%d)" % r, "=%s" % total))
    area = s.sheet.getCellRangeByPosition(0, 4, 4, 3 + WEEKS)
    area.setFormulaArray(tuple(rows))
    s.sheet.getCellRangeByPosition(1, 4, 1, 3 + WEEKS).NumberFormat = workbook.format_key(WHOLE)
    s.sheet.getCellRangeByPosition(2, 4, 2, 3 + WEEKS).NumberFormat = workbook.format_key("0.0")
    s.sheet.getCellRangeByPosition(3, 4, 3, 3 + WEEKS).NumberFormat = workbook.format_key(WHOLE)
    s.sheet.getCellRangeByPosition(4, 4, 4, 3 + WEEKS).NumberFormat = workbook.format_key("#,##0.0")
    s.sheet.getCellRangeByPosition(2, 4, 2, 3 + WEEKS).CellStyle = workbook.style("result")
    s.sheet.getCellRangeByPosition(4, 4, 4, 3 + WEEKS).CellStyle = workbook.style("result")
    s.name_cell("CDNOW_CUM_ACTUAL_39", "D43")
    s.name_cell("CDNOW_CUM_FORECAST_39", "E43")
    s.name_cell("CDNOW_CUM_ACTUAL_78", "D82")
    s.name_cell("CDNOW_CUM_FORECAST_78", "E82")
    last = 4 + WEEKS
    s.chart("CdnowWeekly", "G4", (18, 8), ["A4:A%d" % last, "B4:C%d" % last], "Line",
            t("Повторные покупки в неделю: факт и прогноз (калибровка — недели 1–39)",
              "Repeat purchases per week: actual and forecast (calibration: weeks 1–39)"))
    s.chart("CdnowCumulative", "G22", (18, 8), ["A4:A%d" % last, "D4:E%d" % last], "Line",
            t("Повторные покупки нарастающим итогом: факт и прогноз",
              "Cumulative repeat purchases: actual and forecast"))
    return s


def holdout_band(workbook, s, names, customers):
    """The holdout as the business sees it: repeat purchases after week 39, cumulative, actual
    against BGNBD_FORECAST from the calibration summary (conditional on every customer's
    history), with its 95 % confidence and prediction intervals — one array formula for the 39
    weeks (guide 9, "How sure is the fit")."""
    t = workbook.t
    m, c, tracking = names["model"], names["customers"], names["tracking"]
    s.title("A1", t("Отложенные недели 40–78: прогноз с интервалом", "Holdout weeks 40–78: the forecast with its band"))
    wrapped_note(s, "A2:G2", 1.8, t(
        "Прогноз — BGNBD_FORECAST по истории каждого клиента за 39 недель калибровки; доверительный интервал (ДИ) — "
        "неопределённость подгонки, интервал прогноза — ещё и случайность покупок. Факт выходит за интервал: "
        "интервал верен, только если верна модель (BG/NBD недооценивает редких покупателей CDNOW).",
        "The forecast is BGNBD_FORECAST from every customer's 39 calibration weeks; the confidence interval (CI) is "
        "the fit's uncertainty, the prediction interval adds the randomness of purchases. The actual count leaves "
        "the band: an interval holds only if the model does (BG/NBD under-forecasts CDNOW's light buyers)."))
    s.header("A4", [t("Неделя", "Week"), t("Факт после недели 39", "Actual after week 39"), t("Прогноз", "Forecast"),
                    t("ДИ: нижняя", "CI: lower"), t("ДИ: верхняя", "CI: upper"),
                    t("Прогноз: нижняя", "Prediction: lower"), t("Прогноз: верхняя", "Prediction: upper")])
    first, end = 5, 43
    rows = tuple(("%d" % w, "=%s-%s" % (ref(tracking, "$D$%d" % (4 + w)), ref(tracking, "$D$43")))
                 for w in range(40, 79))
    s.sheet.getCellRangeByName("A%d:B%d" % (first, end)).setFormulaArray(rows)
    forecast = s.sheet.getCellRangeByName("C%d:G%d" % (first, end))
    x, tx, T = (ref(c, "$%s$5:$%s$%d" % (col, col, 4 + customers)) for col in "BCD")
    forecast.setArrayFormula("=BGNBD_FORECAST(%s;%s;%s;%s;A%d:A%d-39)" % (ref(m, "$B$33:$F$38"), x, tx, T, first, end))
    s.sheet.getCellRangeByName("B%d:B%d" % (first, end)).NumberFormat = workbook.format_key(WHOLE)
    s.sheet.getCellRangeByName("C%d:G%d" % (first, end)).NumberFormat = workbook.format_key("#,##0")
    forecast.CellStyle = workbook.style("result")
    s.name_cell("CDNOW_HOLDOUT_ACTUAL", "B%d" % end)
    s.name_cell("CDNOW_HOLDOUT_FORECAST", "C%d" % end)
    s.name_cell("CDNOW_HOLDOUT_PI_LOWER", "F%d" % end)
    s.name_cell("CDNOW_HOLDOUT_PI_UPPER", "G%d" % end)
    s.chart("CdnowHoldoutBand", "I4", (14, 9),
            ["A4:A%d" % end, "B4:C%d" % end, "F4:G%d" % end], "Line",
            t("После недели 39, нарастающим итогом: факт, прогноз и 95-процентный интервал прогноза",
              "After week 39, cumulative: actual, forecast and its 95 % prediction interval"))
    return s


def log_sheet(workbook, s, orders):
    t = workbook.t
    s.header("A1", [t("Клиент", "Customer"), t("Дата", "Date"), t("Сумма, $", "Amount, $"),
                    t("Повторная покупка", "Repeat purchase"), t("Неделя", "Week")])
    area = s.sheet.getCellRangeByPosition(0, 1, 2, len(orders))
    area.setDataArray(tuple(orders))
    area.CellStyle = workbook.style("input")
    s.sheet.getCellRangeByPosition(1, 1, 1, len(orders)).NumberFormat = workbook.format_key(
        t("DD.MM.YYYY", "YYYY-MM-DD"))
    s.sheet.getCellRangeByPosition(2, 1, 2, len(orders)).NumberFormat = workbook.format_key(MONEY)
    # Helpers of the tracking chart only: a new purchase day of the same customer (the log is
    # sorted by customer, then date), and its week from 1997-01-01.
    helpers = tuple(("=IF(AND(A{0}=A{1};B{0}<>B{1});1;0)".format(r, r - 1),
                     "=INT((B{0}-DATE(1997;1;1))/7)+1".format(r)) for r in range(2, len(orders) + 2))
    s.sheet.getCellRangeByPosition(3, 1, 4, len(orders)).setFormulaArray(helpers)
    s.note("G1", t("Выборка CDNOW (1/10): 2 357 клиентов, первые покупки — I квартал 1997 г., наблюдение до "
                   "30.06.1998. Источник: Fader, Hardie & Lee, «Counting your customers the easy way», Marketing "
                   "Science 24(2), 2005; файл из пакета lifetimes (лицензия MIT).",
                   "The CDNOW 1/10 sample: 2 357 customers, first purchases in Q1 1997, followed to 1998-06-30. "
                   "Source: Fader, Hardie & Lee, \"Counting your customers the easy way\", Marketing Science "
                   "24(2), 2005; the file as distributed with the lifetimes package (MIT licence)."))
    s.note("G2", t("Столбцы D–E нужны только графику по неделям и требуют сортировки по клиенту, затем по дате; "
                   "моделям порядок строк не важен.",
                   "Columns D–E serve the weekly chart only and need the rows sorted by customer, then date; the "
                   "models do not care about the order of the rows."))
    return s


def own_log_sheet(workbook, s):
    t = workbook.t
    s.title("A1", t("Как применить модель к своему журналу заказов", "Using the model on your own order log"))
    steps = [
        t("1. Выгрузите заказы из CRM или учётной системы: клиент, дата, сумма — по строке на заказ. Даты — даты "
          "Calc или текст вида 2024-03-15; клиенты — числа или текст.",
          "1. Export the orders from your CRM or accounting system: customer, date, amount, one row per order. "
          "Dates as Calc dates or text like 2024-03-15; customer ids as numbers or text."),
        t("2. На новом листе: =BGNBD_FIT(клиенты; даты; конец_калибровки; 7) в 5 ячейках строки (Ctrl+Shift+Enter) — "
          "r, alpha, a, b и логарифм правдоподобия. Конец калибровки — последний день данных или раньше, если хотите "
          "проверить прогноз на оставшихся неделях.",
          "2. On a new sheet: =BGNBD_FIT(customers; dates; calibration_end; 7) in 5 cells of a row (Ctrl+Shift+Enter): "
          "r, alpha, a, b and the log-likelihood. The calibration end is the last day of your data, or earlier if "
          "you want to test the forecast on the weeks after it."),
        t("3. =RFM_SUMMARY(клиенты; даты; суммы; конец_калибровки; 7) в области из 5 столбцов и не меньше строк, "
          "чем клиентов: id, x, t_x, T, средняя повторная покупка. Лишние строки покажут #N/A — GG_FIT и "
          "BGNBD_FIT_RFM читают блок вместе с ними.",
          "3. =RFM_SUMMARY(customers; dates; amounts; calibration_end; 7) in an area 5 columns wide and at least as "
          "many rows as customers: id, x, t_x, T, mean repeat purchase. Extra rows show #N/A: GG_FIT and "
          "BGNBD_FIT_RFM read the block with them."),
        t("4. =GG_FIT(столбец x; столбец средних) в 4 ячейках строки — p, q, v и логарифм правдоподобия.",
          "4. =GG_FIT(x column; averages column) in 4 cells of a row: p, q, v and the log-likelihood."),
        t("5. По строке на клиента: =BGNBD_P_ALIVE($H$2:$L$2; B5; C5; D5), =BGNBD_EXPECTED($H$2:$L$2; B5; C5; D5; 52), "
          "=BGNBD_CLV($H$2:$L$2; $H$4:$K$4; B5; C5; D5; E5; маржа; ставка за период; горизонт) — параметры "
          "абсолютной ссылкой на строку подбора.",
          "5. One row per customer: =BGNBD_P_ALIVE($H$2:$L$2; B5; C5; D5), =BGNBD_EXPECTED($H$2:$L$2; B5; C5; D5; 52), "
          "=BGNBD_CLV($H$2:$L$2; $H$4:$K$4; B5; C5; D5; E5; margin; rate per period; horizon): the parameters by "
          "absolute reference to the fit's row."),
        t("6. Время везде в периодах модели: при 7 днях — недели, ставка дисконтирования — за неделю "
          "((1 + годовая)^(7/365,25) − 1), горизонт 52 — год.",
          "6. Time is in model periods everywhere: with 7 days, weeks; the discount rate is weekly "
          "((1 + annual)^(7/365.25) − 1), a horizon of 52 is a year."),
        t("7. Если вместо чисел Err:502: данных мало (меньше 5 клиентов, нет повторных покупок) или модель ими не "
          "определяется — функции не выдают правдоподобных, но ложных параметров.",
          "7. Err:502 instead of numbers: too little data (fewer than 5 customers, no repeat purchases) or data "
          "that cannot identify the model; the functions never show plausible but false parameters."),
    ]
    for row, text in enumerate(steps, start=3):
        s.note("A%d" % row, text, wrap=True)
    return s
