"""The sheet «CDNOW какая модель» / "CDNOW which model" of the forecast workbook: BG/NBD and
Pareto/NBD fitted on the same 39 calibration weeks of the CDNOW sample, side by side, with
the diagnostics that tell which one describes the data:
  - parameters, log-likelihood, AIC = 2k − 2 LL and BIC = k ln n − 2 LL (k = 4 parameters,
    n customers; the lower the better);
  - the calibration histogram of repeat purchases 0 … 7+: the customers counted against the
    models' expectation, Σ over acquisition days of customers × P(X(T) = k) (BGNBD_PMF, FHL 2005
    eq. 8; PNBD_PMF, Fader, Hardie & Lee 2005, "A note on deriving the Pareto/NBD model and
    related expressions");
  - the holdout (weeks 40–78): the mean actual repeat purchases of the customers with 0 … 7+
    calibration purchases against the mean conditional expectation of each model (BTYD's
    "PlotFreqVsConditionalExpectedFrequency"; the walkthrough's Pareto/NBD figures beside);
  - weekly tracking of both models against the actual repeat purchases (charts).
The per-customer and per-day working lives on «CDNOW модели расчёт» / "CDNOW models working".

add(workbook, names, log, customers, sheets) fills the two sheets (templates/forecast_cdnow.py
creates them in the workbook's tab order).
"""
import datetime

import uno

from builder import DECIMAL, WHOLE
from forecast_cdnow import ACQUISITION_DAYS, WEEKS, column_name, fit_row, ref, serial, wrapped_note

WHICH = ("CDNOW какая модель", "CDNOW which model")
WORKING = ("CDNOW модели расчёт", "CDNOW models working")
HOLDOUT_END = datetime.date(1998, 6, 30)
BINS = 8                  # 0 … 6 repeat purchases, and 7 or more
RIGHT = uno.Enum("com.sun.star.table.CellHoriJustify", "RIGHT")
PUBLISHED_PNBD = ("0.553", "10.578", "0.606", "11.669", "−9 595.0")
# BTYD walkthrough (BTYD R package 2.4.3, inst/doc/BTYD-walkthrough.pdf, section 3.4): the
# Pareto/NBD's mean conditional expectation over the 39 holdout weeks by calibration frequency.
PUBLISHED_HOLDOUT_PNBD = ("0.138", "0.600", "1.196", "1.714", "2.399", "2.907", "3.819", "6.403")

# The working sheet's layout (rows from 1): per customer from row 4; beside it, per day of
# first purchase, the histogram's expectations and Pareto/NBD's cumulative weekly forecast.
FIRST = 4
DAY_COLUMNS = dict(day="P", count="Q", T="R")
BG_PMF = 18                                 # column index of BG/NBD's k = 0 (S)
PNBD_PMF = BG_PMF + BINS - 1                # of Pareto/NBD's k = 0 (Z)
WEEK0 = PNBD_PMF + BINS - 1                 # of week 1 of Pareto/NBD's cumulative forecast (AG)
DAY_TOTAL = FIRST + ACQUISITION_DAYS        # the row of the per-day columns' totals


def add(workbook, names, log, customers, sheets):
    which, working = sheets["which"], sheets["which_working"]
    holdout = working_sheet(workbook, working, names, log, customers)
    which_sheet(workbook, which, names, log, customers, holdout)


CHART_HEIGHT = 7.5  # cm


def below(s, anchor):
    """The cell of the anchor's column where a chart CHART_HEIGHT high at `anchor` ends (and
    the next one can start): charts are placed by position, rows are of different heights."""
    cell = s.cell(anchor)
    bottom = cell.Position.Y + int((CHART_HEIGHT + 0.4) * 1000)
    address = cell.getCellAddress()
    row = address.Row
    while s.sheet.getCellByPosition(address.Column, row).Position.Y < bottom:
        row += 1
    return "%s%d" % ("".join(c for c in anchor if c.isalpha()), row + 1)


def bin_label(k):
    return "%d+" % k if k == BINS - 1 else "%d" % k


def which_sheet(workbook, s, names, log, customers, holdout):
    t = workbook.t
    m, w, c, tracking = names["model"], names["which_working"], names["customers"], names["tracking"]
    s.title("A1", t("Какая модель: BG/NBD или Pareto/NBD на журнале CDNOW",
                    "Which model? BG/NBD against Pareto/NBD on the CDNOW log"))
    wrapped_note(s, "A2:H2", 2.2, t(
        "Обе модели подобраны по тем же 39 неделям калибровки. Чем выше логарифм правдоподобия и чем ниже "
        "AIC = 2k − 2·LL и BIC = k·ln(n) − 2·LL (k = 4 параметра, n клиентов), тем лучше модель описывает данные; "
        "разница меньше 2 — не различие. Проверьте и глазами: гистограмму повторных покупок, прогноз на отложенных "
        "неделях по числу покупок в калибровке и недельный график.",
        "Both models are fitted on the same 39 calibration weeks. The higher the log-likelihood and the lower "
        "AIC = 2k − 2·LL and BIC = k·ln(n) − 2·LL (k = 4 parameters, n customers), the better a model describes "
        "the data; a difference below 2 is no difference. Check with your eyes too: the histogram of repeat "
        "purchases, the holdout forecast by calibration purchases and the weekly chart."))
    s.header("A4", [t("Модель", "Model"), "r", "alpha", "a / s", "b / beta", t("лог. правдоп.", "log-likelihood"),
                     "AIC", "BIC"])
    s.text("A5", "BG/NBD (BGNBD_FIT)")
    s.text("A6", "Pareto/NBD (PNBD_FIT)")
    for column in "BCDEF":
        s.formula("%s5" % column, "=%s" % ref(m, "$%s$14" % column), "0.0000" if column != "F" else "#,##0.00")
    fit_row(workbook, s, "B6:F6", "=PNBD_FIT(%s;%s;%s;%s)" % (log["ids"], log["dates"], ref(m, "$B$5"),
                                                              ref(m, "$B$6")),
            ("CDNOW_PNBD_R", "CDNOW_PNBD_ALPHA", "CDNOW_PNBD_S", "CDNOW_PNBD_BETA", "CDNOW_PNBD_LL"))
    customers_cell = ref(m, "$B$22")
    for row, (aic, bic) in ((5, ("CDNOW_BG_AIC", "CDNOW_BG_BIC")), (6, ("CDNOW_PNBD_AIC", "CDNOW_PNBD_BIC"))):
        s.formula("G%d" % row, "=2*4-2*F%d" % row, "#,##0.00", aic)
        s.formula("H%d" % row, "=4*LN(%s)-2*F%d" % (customers_cell, row), "#,##0.00", bic)
    s.text("A7", t("Pareto/NBD в статье (Fader, Hardie & Lee 2005)", "Pareto/NBD published (Fader, Hardie & Lee 2005)"))
    for column, text in zip("BCDEF", PUBLISHED_PNBD):
        s.printed_figure("%s7" % column, text)
    s.text("A8", t("Лучше по BIC (ниже)", "Better by BIC (lower)"))
    s.formula("B8", '=IF(H5<H6;"BG/NBD";"Pareto/NBD")', None, "CDNOW_BETTER_BY_BIC")
    s.text("A9", t("Разница BIC", "Difference of BIC"))
    s.formula("B9", "=ABS(H5-H6)", "#,##0.00")
    s.text("D8", t("Конец отложенного периода", "End of the holdout"))
    s.value("G8", serial(HOLDOUT_END), t("DD.MM.YYYY", "YYYY-MM-DD"), "CDNOW_HOLDOUT_END")
    s.text("D9", t("Отложенный период, периодов", "Holdout length, periods"))
    s.helper("G9", "=(G8-%s)/%s" % (ref(m, "$B$5"), ref(m, "$B$6")), "0.0", "CDNOW_HOLDOUT_PERIODS")

    # The calibration histogram.
    top = 11
    s.header("A%d" % top, [t("Повторных покупок за 39 недель", "Repeat purchases in the 39 weeks"),
                           t("Клиентов: факт", "Customers: actual"), "BG/NBD", "Pareto/NBD"])
    x = ref(c, "$B$5:$B$%d" % (4 + customers))
    for k in range(BINS):
        row = top + 1 + k
        s.text("A%d" % row, bin_label(k))
        s.cell("A%d" % row).HoriJustify = RIGHT
        if k < BINS - 1:
            s.formula("B%d" % row, "=COUNTIF(%s;%d)" % (x, k), WHOLE, role=None)
            for column, first in (("C", BG_PMF), ("D", PNBD_PMF)):
                s.formula("%s%d" % (column, row), "=%s" % ref(w, "$%s$%d" % (column_name(first + k), DAY_TOTAL)),
                          "#,##0.0")
        else:
            s.formula("B%d" % row, '=COUNTIF(%s;">=%d")' % (x, k), WHOLE, role=None)
            for column in "CD":
                s.formula("%s%d" % (column, row), "=%s-SUM(%s%d:%s%d)" % (
                    customers_cell, column, top + 1, column, row - 1), "#,##0.0")
    total = top + 1 + BINS
    s.text("A%d" % total, t("Всего", "Total"))
    for column in "BCD":
        s.formula("%s%d" % (column, total), "=SUM(%s%d:%s%d)" % (column, top + 1, column, total - 1),
                  WHOLE if column == "B" else "#,##0.0", role=None)
    s.name_cell("CDNOW_HIST_ACTUAL_0", "B%d" % (top + 1))
    s.name_cell("CDNOW_HIST_BG_0", "C%d" % (top + 1))
    s.name_cell("CDNOW_HIST_PNBD_0", "D%d" % (top + 1))
    s.chart("CdnowHistogram", "J4", (14, CHART_HEIGHT), ["A%d:A%d" % (top, total - 1), "B%d:D%d" % (top, total - 1)], "Bar",
            t("Клиенты по числу повторных покупок за 39 недель: факт и модели",
              "Customers by repeat purchases in the 39 weeks: actual and the models"))

    # The holdout by calibration frequency.
    top = total + 2
    s.header("A%d" % top, [t("Покупок в калибровке", "Calibration purchases"), t("Клиентов", "Customers"),
                           t("Факт: в среднем за отложенный период", "Actual: mean in the holdout"), "BG/NBD",
                           "Pareto/NBD", t("Pareto/NBD в BTYD", "Pareto/NBD in BTYD")])
    for k in range(BINS):
        row = top + 1 + k
        s.text("A%d" % row, bin_label(k))
        s.cell("A%d" % row).HoriJustify = RIGHT
        criterion = '">=%d"' % k if k == BINS - 1 else "%d" % k
        s.formula("B%d" % row, "=COUNTIF(%s;%s)" % (holdout["x"], criterion), WHOLE, role=None)
        for column, values in (("C", "actual"), ("D", "bg"), ("E", "pnbd")):
            s.formula("%s%d" % (column, row), "=AVERAGEIF(%s;%s;%s)" % (holdout["x"], criterion, holdout[values]),
                      "0.000", role=None if column == "C" else "result")
        s.printed_figure("F%d" % row, PUBLISHED_HOLDOUT_PNBD[k])
    s.name_cell("CDNOW_HOLDOUT_BIN_ACTUAL_0", "C%d" % (top + 1))
    s.name_cell("CDNOW_HOLDOUT_BIN_BG_0", "D%d" % (top + 1))
    s.name_cell("CDNOW_HOLDOUT_BIN_PNBD_0", "E%d" % (top + 1))
    end = top + BINS
    s.chart("CdnowHoldoutByFrequency", below(s, "J4"), (14, CHART_HEIGHT), ["A%d:A%d" % (top, end), "C%d:E%d" % (top, end)], "Line",
            t("Отложенные недели: покупок на клиента по числу покупок в калибровке",
              "Holdout weeks: purchases per customer by calibration purchases"))

    # Weekly tracking of both models.
    top = end + 2
    s.header("A%d" % top, [t("Неделя", "Week"), t("Факт", "Actual"), "BG/NBD", "Pareto/NBD",
                           t("Факт, нарастающим", "Actual, cumulative"), t("BG/NBD, нарастающим", "BG/NBD, cumulative"),
                           t("Pareto/NBD, нарастающим", "Pareto/NBD, cumulative")])
    rows = []
    for week in range(1, WEEKS + 1):
        row = top + week
        pnbd_total = ref(w, "$%s$%d" % (column_name(WEEK0 + week - 1), DAY_TOTAL))
        pnbd_previous = ref(w, "$%s$%d" % (column_name(WEEK0 + week - 2), DAY_TOTAL)) if week > 1 else "0"
        rows.append(("%d" % week, "=%s" % ref(tracking, "$B$%d" % (4 + week)),
                     "=%s" % ref(tracking, "$C$%d" % (4 + week)), "=%s-%s" % (pnbd_total, pnbd_previous),
                     "=SUM(B$%d:B%d)" % (top + 1, row), "=SUM(C$%d:C%d)" % (top + 1, row), "=%s" % pnbd_total))
    s.sheet.getCellRangeByPosition(0, top, 6, top + WEEKS - 1).setFormulaArray(tuple(rows))
    last = top + WEEKS
    for column, number_format in zip("BCDEFG", (WHOLE, "0.0", "0.0", WHOLE, "#,##0.0", "#,##0.0")):
        s.sheet.getCellRangeByName("%s%d:%s%d" % (column, top + 1, column, last)).NumberFormat = \
            workbook.format_key(number_format)
    for column in "CDFG":
        s.sheet.getCellRangeByName("%s%d:%s%d" % (column, top + 1, column, last)).CellStyle = \
            workbook.style("result")
    s.name_cell("CDNOW_PNBD_CUM_FORECAST_39", "G%d" % (top + 39))
    s.name_cell("CDNOW_PNBD_CUM_FORECAST_78", "G%d" % last)
    s.name_cell("CDNOW_WHICH_CUM_ACTUAL_78", "E%d" % last)
    weekly_anchor = below(s, below(s, "J4"))
    s.chart("CdnowWeeklyBoth", weekly_anchor, (16, CHART_HEIGHT), ["A%d:A%d" % (top, last), "B%d:D%d" % (top, last)], "Line",
            t("Повторные покупки в неделю: факт, BG/NBD и Pareto/NBD (калибровка — недели 1–39)",
              "Repeat purchases per week: actual, BG/NBD and Pareto/NBD (calibration: weeks 1–39)"))
    s.chart("CdnowCumulativeBoth", below(s, weekly_anchor), (16, CHART_HEIGHT), ["A%d:A%d" % (top, last), "E%d:G%d" % (top, last)],
            "Line", t("Повторные покупки нарастающим итогом: факт и обе модели",
                      "Cumulative repeat purchases: actual and both models"))
    return s


def working_sheet(workbook, s, names, log, customers):
    """Per customer (rows from 4): x, t_x, T of the calibration, the repeat purchases in the
    holdout (x of a summary to the holdout's end minus x) and each
    model's conditional expectation over the holdout; per day of first purchase (P…): the
    customers, their T, and customers × P(X(T) = k) of each model; Pareto/NBD's cumulative
    expected repeat purchases of the customers acquired that day at the end of each week
    (PNBD_EXPECTED_NEW: the BG/NBD one is on the sheet «CDNOW расчёт»). Returns the ranges the
    holdout table averages."""
    t = workbook.t
    m, c, which, bg_working = names["model"], names["customers"], names["which"], names["working"]
    s.note("A1", t("Вспомогательный расчёт для листа «%s».", "Working for the sheet \"%s\".") % which)
    last = FIRST + customers - 1
    s.header("A3", [t("Клиент", "Customer"), "x", "t_x", "T", t("Покупок в отложенном периоде", "Holdout purchases"),
                    t("BG/NBD: ожидание", "BG/NBD: expected"), t("Pareto/NBD: ожидание", "Pareto/NBD: expected"),
                    "", "", t("Клиент", "Customer"), t("x к концу отложенного", "x at the holdout's end"),
                    "t_x", "T", "m_x"])
    bg, pnbd = ref(m, "$B$14:$F$14"), ref(which, "$B$6:$F$6")
    length = ref(which, "$G$9")
    # The holdout's repeat purchases: x of an RFM_SUMMARY to the holdout's end (J:N) minus the
    # calibration's x, row by row: both summaries list the same customers in the same order
    # (every CDNOW customer's first purchase is in the calibration), and a row that does not
    # show the same customer is #N/A, not a wrong number. (Not a lookup by id: in LibreOffice
    # 7.4 MATCH does not find the text of an add-in's array result in cells, observed; COUNTIFS
    # over the log does, at 2 s a recalculation.)
    rows = []
    for row in range(FIRST, last + 1):
        source = row - FIRST + 5
        rows.append(tuple("=%s" % ref(c, "$%s$%d" % (column, source)) for column in "ABCD") + (
            "=IF(J{0}=A{0};K{0}-B{0};NA())".format(row),
            "=BGNBD_EXPECTED(%s;B%d;C%d;D%d;%s)" % (bg, row, row, row, length),
            "=PNBD_EXPECTED(%s;B%d;C%d;D%d;%s)" % (pnbd, row, row, row, length)))
    s.sheet.getCellRangeByPosition(0, FIRST - 1, 6, last - 1).setFormulaArray(tuple(rows))
    s.sheet.getCellRangeByName("J%d:N%d" % (FIRST, last)).setArrayFormula("=RFM_SUMMARY(%s;%s;%s;%s;%s)" % (
        log["ids"], log["dates"], log["amounts"], ref(which, "$G$8"), ref(m, "$B$6")))
    for columns, number_format in (("B", WHOLE), ("C:D", DECIMAL), ("E", WHOLE), ("F:G", "0.000"), ("K", WHOLE),
                                   ("L:N", DECIMAL)):
        first, _, second = columns.partition(":")
        s.sheet.getCellRangeByName("%s%d:%s%d" % (first, FIRST, second or first, last)).NumberFormat = \
            workbook.format_key(number_format)

    # Per day of first purchase: the histogram's expectations and Pareto/NBD's weekly forecast.
    day_last = FIRST + ACQUISITION_DAYS - 1
    s.header("P3", [t("День", "Day"), t("Клиентов", "Customers"), "T"] +
             ["BG/NBD %s" % bin_label(k) for k in range(BINS - 1)] +
             ["Pareto/NBD %s" % bin_label(k) for k in range(BINS - 1)])
    week_ends = tuple("=DATE(1997;1;1)+7*%d" % week for week in range(1, WEEKS + 1))
    s.sheet.getCellRangeByPosition(WEEK0, 1, WEEK0 + WEEKS - 1, 1).setFormulaArray((week_ends,))
    s.text("%s1" % column_name(WEEK0), t("Pareto/NBD: ожидаемые повторные покупки нарастающим итогом к концу недели",
                                         "Pareto/NBD: expected repeat purchases, cumulative, at the end of the week"))
    rows = []
    for k in range(ACQUISITION_DAYS):
        row = FIRST + k
        source = 4 + k  # the same day's row of the BG/NBD working sheet
        cells = ["=%s" % ref(bg_working, "$A$%d" % source), "=%s" % ref(bg_working, "$B$%d" % source),
                 "=(%s-P%d)/%s" % (ref(m, "$B$5"), row, ref(m, "$B$6"))]
        cells += ["=Q%d*BGNBD_PMF(%s;R%d;%d)" % (row, bg, row, j) for j in range(BINS - 1)]
        cells += ["=Q%d*PNBD_PMF(%s;R%d;%d)" % (row, pnbd, row, j) for j in range(BINS - 1)]
        for week in range(WEEKS):
            column = column_name(WEEK0 + week)
            cells.append("=IF(%s$2>$P%d;$Q%d*PNBD_EXPECTED_NEW(%s;(%s$2-$P%d)/%s);0)" % (
                column, row, row, pnbd, column, row, ref(m, "$B$6")))
        rows.append(tuple(cells))
    s.sheet.getCellRangeByPosition(15, FIRST - 1, WEEK0 + WEEKS - 1, day_last - 1).setFormulaArray(tuple(rows))
    s.text("P%d" % DAY_TOTAL, t("Итого", "Total"))
    totals = tuple("=SUM(%s%d:%s%d)" % (column_name(k), FIRST, column_name(k), day_last)
                   for k in range(BG_PMF, WEEK0 + WEEKS))
    s.sheet.getCellRangeByPosition(BG_PMF, DAY_TOTAL - 1, WEEK0 + WEEKS - 1, DAY_TOTAL - 1).setFormulaArray((totals,))
    s.formula("Q%d" % DAY_TOTAL, "=SUM(Q%d:Q%d)" % (FIRST, day_last), WHOLE, role=None)
    s.sheet.getCellRangeByName("P%d:P%d" % (FIRST, day_last)).NumberFormat = workbook.format_key(
        t("DD.MM.YYYY", "YYYY-MM-DD"))
    s.sheet.getCellRangeByPosition(WEEK0, 1, WEEK0 + WEEKS - 1, 1).NumberFormat = workbook.format_key(
        t("DD.MM", "MM-DD"))
    s.sheet.getCellRangeByPosition(17, FIRST - 1, WEEK0 + WEEKS - 1, DAY_TOTAL - 1).NumberFormat = \
        workbook.format_key("0.0")
    return dict(x=ref(s.name, "$B$%d:$B$%d" % (FIRST, last)), actual=ref(s.name, "$E$%d:$E$%d" % (FIRST, last)),
                bg=ref(s.name, "$F$%d:$F$%d" % (FIRST, last)), pnbd=ref(s.name, "$G$%d:$G$%d" % (FIRST, last)))

