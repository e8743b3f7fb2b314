"""The sheet «Пожертвования BG-BB» / "Donations BG-BB" of the forecast workbook: the BG/BB
model (Fader, Hardie & Shang 2010, "Customer-base analysis in a discrete-time noncontractual
setting", Marketing Science 29(6)) on the 11 104 first-time donors of 1995, who could give
again once a year 1996-2001 (data/donations.csv: 22 distinct histories with their counts):
  - the fit, BGBB_FIT over the histories with their weights, beside the published one;
  - per history: P(alive in 2002) (BGBB_P_ALIVE), the expected gifts of the next years
    (BGBB_EXPECTED), the discounted expected residual transactions (BGBB_DERT) and their value
    at a net value per gift;
  - the annual tracking of repeat donations 1996-2006: the cohort's count × (E[X(n)] −
    E[X(n − 1)]) (BGBB_EXPECTED_NEW) against the actual counts the paper prints, with a chart.

add_sheet(workbook) appends it (templates/forecast.py).
"""
import csv
import os

from builder import MONEY, PERCENT, WHOLE
from forecast_cdnow import fit_row, ref, wrapped_note

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(os.path.dirname(HERE), "data", "donations.csv")
NAME = ("Пожертвования BG-BB", "Donations BG-BB")  # ("/" cannot be in a sheet name)
TRACKING = ("Пожертвования по годам", "Donations by year")
PUBLISHED_FIT = ("1.204", "0.750", "0.657", "2.783", "−33 225.6")
FIRST_YEAR, CALIBRATION_YEARS = 1996, 6
# FHS 2010, the tracking figure: repeat donations of the 1995 cohort in 1996 … 2006.
ACTUAL = (5652, 4674, 4019, 3552, 3555, 3163, 3110, 2938, 2703, 2573, 1936)
# FHS 2010's P(alive in 2002) table, to 2 decimals (as lifetimes' tests quote it), by (x, t_x).
PUBLISHED_ALIVE = {(0, 0): "0.11", (2, 4): "0.59", (6, 6): "0.93"}
# Hardie's BG/BB spreadsheet (brucehardie.com, note 010), "Conditional Expectations (II)":
# the cohort's expected repeat donations 2002-2006.
PUBLISHED_NEXT_5 = "12 884.2"


def read_histories():
    """[(x, t_x, n, donors)] of data/donations.csv."""
    with open(DATA) as f:
        return [tuple(float(row[k]) for k in ("frequency", "recency", "periods", "weights"))
                for row in csv.DictReader(f)]


def add_sheet(workbook):
    t = workbook.t
    histories = read_histories()
    s = workbook.sheet(t(*NAME), [7.6, 1.6, 1.6, 1.8, 2.4, 2.4, 2.4, 2.6, 2.6, 2.4, 0.6])
    s.title("A1", t("BG/BB: повторные пожертвования раз в год (Fader, Hardie & Shang 2010)",
                    "BG/BB: repeat donations once a year (Fader, Hardie & Shang 2010)"))
    wrapped_note(s, "A2:J2", 2.2, t(
        "11 104 человек впервые пожертвовали в 1995 г.; каждый год 1996–2001 каждый мог пожертвовать снова или нет — "
        "дискретные «возможности», а уход не виден. История — x повторных пожертвований, последнее в год t_x (1–6), из "
        "n = 6 возможностей. Источник: Fader, Hardie & Shang, «Customer-base analysis in a discrete-time "
        "noncontractual setting», Marketing Science 29(6), 2010.",
        "11 104 people first gave in 1995; in each year 1996–2001 each could give again or not: discrete "
        "\"opportunities\", and nobody says when they stop. A history is x repeat donations, the last in year "
        "t_x (1–6), out of n = 6 opportunities. Source: Fader, Hardie & Shang, \"Customer-base analysis in a "
        "discrete-time noncontractual setting\", Marketing Science 29(6), 2010."))
    s.header("A4", [t("Исходные данные", "Inputs"), t("Значение", "Value")])
    s.text("A5", t("Лет вперёд в прогнозе пожертвований", "Years ahead in the forecast of gifts"))
    s.value("B5", 5, WHOLE, "BGBB_YEARS_AHEAD")
    s.text("A6", t("Ставка дисконтирования в год", "Discount rate per year"))
    s.value("B6", 0.1, PERCENT, "BGBB_DISCOUNT")
    s.text("A7", t("Чистая ценность пожертвования, $", "Net value of a gift, $"))
    s.value("B7", 50, MONEY, "BGBB_GIFT_VALUE")
    s.note("C7", t("(условная сумма: подставьте свою)", "(an illustration: put your own)"))

    top, rows = 13, len(histories)
    first, last = top + 1, top + rows
    x, tx, n, donors = ("$%s$%d:$%s$%d" % (column, first, column, last) for column in "BCDE")
    s.header("A9", ["BG/BB", "alpha", "beta", "gamma", "delta", t("лог. правдоп.", "log-likelihood")])
    s.text("A10", t("BGBB_FIT по историям с весами", "BGBB_FIT over the weighted histories"))
    fit_row(workbook, s, "B10:F10", "=BGBB_FIT(%s;%s;%s;%s)" % (x, tx, n, donors),
            ("BGBB_ALPHA", "BGBB_BETA", "BGBB_GAMMA", "BGBB_DELTA", "BGBB_LL"))
    s.text("A11", t("В статье (Fader, Hardie & Shang 2010)", "Published (Fader, Hardie & Shang 2010)"))
    for column, text in zip("BCDEF", PUBLISHED_FIT):
        s.printed_figure("%s11" % column, text)

    s.header("A%d" % top, [t("История", "History"), "x", "t_x", "n", t("Доноров", "Donors"),
                           t("P(alive) в 2002", "P(alive) in 2002"), t("Пожертвований за прогноз", "Gifts ahead"),
                           "DERT", t("Ценность донора, $", "Value of a donor, $"),
                           t("P(alive) в статье", "P(alive) published")])
    params = "$B$10:$F$10"
    cells = tuple((t("%d пож., последнее в год %d", "%d gifts, the last in year %d") % (hx, htx) if hx else
                   t("ни одного", "none"), hx, htx, hn, weight) for hx, htx, hn, weight in histories)
    s.sheet.getCellRangeByName("A%d:E%d" % (first, last)).setDataArray(cells)
    s.sheet.getCellRangeByName("B%d:E%d" % (first, last)).CellStyle = workbook.style("input")
    s.sheet.getCellRangeByName("B%d:D%d" % (first, last)).NumberFormat = workbook.format_key("General")
    s.sheet.getCellRangeByName("E%d:E%d" % (first, last)).NumberFormat = workbook.format_key(WHOLE)
    formulas = tuple((
        "=BGBB_P_ALIVE(%s;B%d;C%d;D%d)" % (params, row, row, row),
        "=BGBB_EXPECTED(%s;B%d;C%d;D%d;$B$5)" % (params, row, row, row),
        "=BGBB_DERT(%s;B%d;C%d;D%d;$B$6)" % (params, row, row, row),
        "=H%d*$B$7" % row) for row in range(first, last + 1))
    s.sheet.getCellRangeByName("F%d:I%d" % (first, last)).setFormulaArray(formulas)
    s.sheet.getCellRangeByName("F%d:I%d" % (first, last)).CellStyle = workbook.style("result")
    for column, number_format in zip("FGHI", (PERCENT, "0.000", "0.000", MONEY)):
        s.sheet.getCellRangeByName("%s%d:%s%d" % (column, first, column, last)).NumberFormat = \
            workbook.format_key(number_format)
    for k, (hx, htx, _, _) in enumerate(histories):
        text = PUBLISHED_ALIVE.get((int(hx), int(htx)))
        if text:
            s.printed_figure("J%d" % (first + k), text)
    s.name_cell("BGBB_FIRST_P_ALIVE", "F%d" % first)
    total = last + 1
    s.text("A%d" % total, t("Вся когорта", "The whole cohort"))
    s.formula("E%d" % total, "=SUM(E%d:E%d)" % (first, last), WHOLE, "BGBB_DONORS", role=None)
    s.formula("F%d" % total, "=SUMPRODUCT(E%d:E%d;F%d:F%d)" % (first, last, first, last), WHOLE, "BGBB_ALIVE")
    s.formula("G%d" % total, "=SUMPRODUCT(E%d:E%d;G%d:G%d)" % (first, last, first, last), "#,##0.0",
              "BGBB_GIFTS_AHEAD")
    s.formula("H%d" % total, "=SUMPRODUCT(E%d:E%d;H%d:H%d)" % (first, last, first, last), "#,##0.0",
              "BGBB_DERT_TOTAL")
    s.formula("I%d" % total, "=SUMPRODUCT(E%d:E%d;I%d:I%d)" % (first, last, first, last), MONEY,
              "BGBB_VALUE_TOTAL")
    s.text("A%d" % (total + 1), t("В таблице Харди (5 лет): пожертвований за прогноз",
                                  "Hardie's spreadsheet (5 years): gifts ahead"))
    s.printed_figure("G%d" % (total + 1), PUBLISHED_NEXT_5)
    wrapped_note(s, "A%d:J%d" % (total + 2, total + 2), 1.8, t(
        "В строке когорты: ожидаемо живых доноров, их пожертвований за прогноз, сумма DERT и ценность всей когорты. "
        "DERT — Σ по будущим годам вероятности пожертвования, дисконтированной по ставке: ожидаемое число будущих "
        "пожертвований в сегодняшних деньгах; ценность донора — DERT × чистая ценность пожертвования.",
        "The cohort's row: the donors expected alive, their gifts ahead, the sum of DERT and the value of the "
        "whole cohort. DERT sums over the years to come the probability of a gift, discounted at the rate: the "
        "expected future gifts in today's money; a donor's value is DERT × the net value of a gift."))

    tracking_sheet(workbook, s.name, total, x, donors)
    return s


def tracking_sheet(workbook, fit_sheet, total, x, donors):
    """The annual tracking, 1996 … 2006, on a sheet of its own: a chart over add-in results on
    the sheet whose cells a fit reads can show Err:504 in them after an edit of those cells
    (LibreOffice 7.4, observed; the chart's request meets the fit still being calculated) —
    the CDNOW charts are on their own sheets for the same reason."""
    t = workbook.t
    s = workbook.sheet(t(*TRACKING), [2.4, 2.8, 3.4, 2.8, 2.8, 0.6])
    s.title("A1", t("Повторные пожертвования по годам: факт и BG/BB", "Repeat donations by year: actual and BG/BB"))
    top, params = 3, ref(fit_sheet, "$B$10:$F$10")
    s.header("A%d" % top, [t("Год", "Year"), t("Факт", "Actual"), t("Модель", "Model"),
                           t("Факт, нарастающим", "Actual, cumulative"), t("Модель, нарастающим", "Model, cumulative")])
    years = len(ACTUAL)
    s.sheet.getCellRangeByName("A%d:B%d" % (top + 1, top + years)).setDataArray(
        tuple((float(FIRST_YEAR + k), float(actual)) for k, actual in enumerate(ACTUAL)))
    s.sheet.getCellRangeByName("B%d:B%d" % (top + 1, top + years)).CellStyle = workbook.style("input")
    donors_cell = ref(fit_sheet, "$E$%d" % total)
    model = tuple(("=%s*(BGBB_EXPECTED_NEW(%s;%d)-BGBB_EXPECTED_NEW(%s;%d))" % (
        donors_cell, params, k, params, k - 1), "=SUM(B$%d:B%d)" % (top + 1, top + k),
        "=SUM(C$%d:C%d)" % (top + 1, top + k)) for k in range(1, years + 1))
    s.sheet.getCellRangeByName("C%d:E%d" % (top + 1, top + years)).setFormulaArray(model)
    for column, number_format, role in (("A", "0", None), ("B", WHOLE, None), ("C", "#,##0.0", "result"),
                                        ("D", WHOLE, None), ("E", "#,##0.0", "result")):
        cells = s.sheet.getCellRangeByName("%s%d:%s%d" % (column, top + 1, column, top + years))
        cells.NumberFormat = workbook.format_key(number_format)
        if role:
            cells.CellStyle = workbook.style(role)
            cells.NumberFormat = workbook.format_key(number_format)
    s.name_cell("BGBB_TRACK_FIRST_MODEL", "C%d" % (top + 1))
    s.name_cell("BGBB_TRACK_FIRST_ACTUAL", "B%d" % (top + 1))
    end = top + years
    # The calibration years as the paper prints them against the donations the histories record.
    s.header("A%d" % (end + 2), [t("Проверка", "Check"), t("Факт 1996–2001", "Actual 1996–2001"),
                                 t("Σ x × доноров историй", "Σ x × donors of the histories")])
    s.text("A%d" % (end + 3), t("калибровка", "calibration"))
    s.formula("B%d" % (end + 3), "=D%d" % (top + CALIBRATION_YEARS), WHOLE, "BGBB_ACTUAL_CALIBRATION", role=None)
    s.formula("C%d" % (end + 3), "=SUMPRODUCT(%s;%s)" % (ref(fit_sheet, x), ref(fit_sheet, donors)), WHOLE,
              "BGBB_RECORDED", role=None)
    wrapped_note(s, "A%d:E%d" % (end + 5, end + 5), 2.2, t(
        "Факт — число повторных пожертвований когорты по годам из статьи (рисунок отслеживания): 1996–2001 — "
        "калибровка, 2002–2006 — проверка прогноза, которой модель не видела. Проверка: годы калибровки дают "
        "столько же пожертвований, сколько записано в 22 историях.",
        "Actual: the cohort's repeat donations by year as the paper prints them (its tracking figure): 1996–2001 "
        "are the calibration, 2002–2006 test a forecast the model never saw. The check: the calibration years "
        "add up to the donations the 22 histories record."))
    s.chart("BgbbTracking", "G%d" % top, (12, 7), ["A%d:A%d" % (top, end), "B%d:C%d" % (top, end)], "Line",
            t("Повторные пожертвования в год: факт и BG/BB (калибровка — 1996–2001)",
              "Repeat donations per year: actual and BG/BB (calibration: 1996–2001)"))
    return s
