"""Template «Прогноз удержания и CLV» / "Retention forecast and CLV": the two subscription
cohorts of Fader & Hardie (2007), "How to project customer retention", Journal of Interactive
Marketing 21(1), 76-90 (data/fader_hardie_2007.csv): the shifted-beta-geometric model fitted
on years 1..7 with SBG_FIT, projected to year 12 with SBG_SURVIVAL beside the constant-retention
projection an article would make (the average of the yearly retention rates of years 1..7,
held constant) and the actual years 8..12, with line charts; then the sBG lifetime value
(SBG_DERL, Fader & Hardie 2010, "Customer-base valuation in a contractual setting: the perils
of ignoring heterogeneity", Marketing Science 29(1), eq. 6) beside LTV_SUBSCRIPTION on the same
margin and discount rate.
The CDNOW sheets of the BG/NBD models are added by forecast_cdnow.add_sheets() (see build())."""
import uno

import forecast_bgbb
import forecast_cdnow
from builder import DECIMAL, MONEY, PERCENT, WHOLE

TITLE = ("Прогноз удержания и CLV", "Retention forecast and CLV")
FILE = "retention-forecast-clv"

# Fader & Hardie (2007): % of 1 000 customers still subscribed at the start of years 0..12.
REGULAR = [100.0, 63.1, 46.8, 38.2, 32.6, 28.9, 26.2, 24.1, 22.3, 20.7, 19.4, 18.3, 17.3]
HIGH_END = [100.0, 86.9, 74.3, 65.3, 59.3, 55.1, 51.7, 49.1, 46.8, 44.5, 42.7, 40.9, 39.4]
FIT_YEARS = 7      # the paper fits years 1..7
YEARS = 12
FIRST_ROW = 6      # year 0 of the data table (sheet 1) and of the forecast table (sheet 2)

LEGEND = ("Жёлтые ячейки — ввод, зелёные — результат функций CustomerMetrics, серым курсивом — "
          "напечатанное в статье.",
          "Yellow cells are inputs, green ones results of CustomerMetrics functions, grey italics what "
          "the article printed.")


def build(workbook):
    data_sheet(workbook)
    forecast_sheet(workbook)
    ltv_sheet(workbook)
    forecast_bgbb.add_sheet(workbook)  # BG/BB on the donations: discrete opportunities
    forecast_cdnow.add_sheets(workbook)  # BG/NBD, Gamma-Gamma, per-customer CLV on the CDNOW log


def row_of_year(year):
    return FIRST_ROW + year


def array_formula(s, range_address, formula, number_format):
    """An array formula over `range_address`, styled as a result."""
    cells = s.sheet.getCellRangeByName(range_address)
    cells.NumberFormat = s.workbook.format_key(number_format)
    cells.setArrayFormula(formula)
    cells.CellStyle = s.workbook.style("result")
    cells.NumberFormat = s.workbook.format_key(number_format)
    return cells


def data_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Когорты и подгонка", "Cohorts and fit"), [2.2, 3.4, 3.4, 1.0, 5.6, 2.6, 2.6, 3.2, 4.2])
    s.title("A1", t("Модель sBG: подгонка по годам 1–7 (Fader & Hardie 2007)",
                    "The sBG model fitted on years 1-7 (Fader & Hardie 2007)"))
    s.note("A2", t(*LEGEND))
    s.note("A3", t("Данные: Fader P. S., Hardie B. G. S. «How to project customer retention», Journal of "
                   "Interactive Marketing 21(1), 2007 — по 1 000 подписчиков двух когорт.",
                   "Data: Fader, P. S. & Hardie, B. G. S., \"How to project customer retention\", Journal of "
                   "Interactive Marketing 21(1), 2007: two cohorts of 1,000 subscribers each."))
    s.header("A5", [t("Год", "Year"), t("Обычные: активны", "Regular: still active"),
                    t("Премиум: активны", "High end: still active")])
    for year in range(YEARS + 1):
        row = row_of_year(year)
        s.value("A%d" % row, year, WHOLE)
        s.cell("A%d" % row).CellStyle = workbook.style("header")
        s.value("B%d" % row, REGULAR[year] * 10, WHOLE, "FC_REGULAR_%d" % year)
        s.value("C%d" % row, HIGH_END[year] * 10, WHOLE, "FC_HIGH_END_%d" % year)
    last_fit = row_of_year(FIT_YEARS)
    s.note("A%d" % (row_of_year(YEARS) + 1),
           t("Годы 0–7 — данные для подгонки; годы 8–12 — фактические, модель их не видит (проверка "
             "прогноза).", "Years 0-7 are the data of the fit; years 8-12 are actuals the model never "
                           "sees (the forecast check)."))

    s.header("E5", [t("SBG_FIT по годам 0–7", "SBG_FIT on years 0-7"), "alpha", "beta",
                    t("Лог. правдоподобие", "Log-likelihood"), t("В статье", "Article")])
    for row, label, column, printed, prefix in (
            (6, t("Обычные", "Regular"), "B", "0.704 / 1.182", "FC_REG"),
            (7, t("Премиум", "High end"), "C", "0.668 / 3.806", "FC_HIGH")):
        s.text("E%d" % row, label)
        array_formula(s, "F%d:H%d" % (row, row), "=SBG_FIT(%s%d:%s%d)" % (column, FIRST_ROW, column, last_fit),
                      "0.000")
        s.cell("H%d" % row).NumberFormat = workbook.format_key("0.0")
        s.name_cell(prefix + "_ALPHA", "F%d" % row)
        s.name_cell(prefix + "_BETA", "G%d" % row)
        s.name_cell(prefix + "_LL", "H%d" % row)
        s.printed_figure("I%d" % row, printed)

    s.header("E9", [t("Постоянное удержание", "Constant retention"), t("Обычные", "Regular"),
                    t("Премиум", "High end")])
    s.text("E10", t("Среднее удержание лет 1–7", "Mean retention, years 1-7"))
    for column, name in (("F", "FC_REG_MEAN_RETENTION"), ("G", "FC_HIGH_MEAN_RETENTION")):
        source = "B" if column == "F" else "C"
        s.helper("%s10" % column, "=SUMPRODUCT(%s%d:%s%d/%s%d:%s%d)/%d" % (
            source, FIRST_ROW + 1, source, last_fit, source, FIRST_ROW, source, last_fit - 1, FIT_YEARS),
            PERCENT, name)
    s.text("E11", t("Удержание года 1", "Retention of year 1"))
    for column, source in (("F", "B"), ("G", "C")):
        s.helper("%s11" % column, "=%s%d/%s%d" % (source, FIRST_ROW + 1, source, FIRST_ROW), PERCENT)
    s.merge_note("E13:I18", t(
        "sBG: каждый клиент продлевает подписку с собственной вероятностью 1 − θ, θ распределена "
        "по клиентам как Beta(alpha, beta). Остаются лояльные, поэтому удержание когорты растёт с "
        "годами: r(t) = (beta + t − 1) / (alpha + beta + t − 1). Постоянное удержание (как в статьях "
        "об LTV) этого не учитывает и занижает выживаемость в дальних годах. SBG_FIT возвращает "
        "строку alpha, beta, лог. правдоподобие: формула массива на три ячейки.",
        "sBG: every customer renews with her own probability 1 - theta, theta spread across customers "
        "as Beta(alpha, beta). The loyal ones stay, so the cohort's retention rises with tenure: "
        "r(t) = (beta + t - 1) / (alpha + beta + t - 1). A constant retention rate (as in the LTV "
        "articles) ignores this and understates survival in later years. SBG_FIT returns the row "
        "alpha, beta, log-likelihood: an array formula over three cells."))
    # How sure the fit is: the same fits over 4 rows (guide 8, SBG_SURVIVAL_CI): estimates,
    # standard errors (and the cohort members fitted), covariance; the forecast sheet's band reads them.
    s.header("E20", [t("Точность подгонки", "How sure the fit is"), "alpha", "beta",
                     t("Лог. правд. / клиентов", "Log-lik. / customers")])
    labels = [t("оценка", "estimate"), t("стандартная ошибка", "standard error"),
              t("ковариация: alpha", "covariance: alpha"), t("ковариация: beta", "covariance: beta")]
    for top, label, column, prefix in ((21, t("Обычные", "Regular"), "B", "FC_REG"),
                                        (26, t("Премиум", "High end"), "C", "FC_HIGH")):
        for offset, part in enumerate(labels):
            s.text("E%d" % (top + offset), "%s: %s" % (label, part))
        array_formula(s, "F%d:H%d" % (top, top + 3), "=SBG_FIT(%s%d:%s%d)" % (column, FIRST_ROW, column, last_fit),
                      "0.0000")
        s.cell("H%d" % top).NumberFormat = workbook.format_key("0.0")
        s.cell("H%d" % (top + 1)).NumberFormat = workbook.format_key(WHOLE)
        s.name_cell(prefix + "_SE_ALPHA", "F%d" % (top + 1))
        s.name_cell(prefix + "_SE_BETA", "G%d" % (top + 1))


def forecast_sheet(workbook):
    t = workbook.t
    data = "$'%s'." % t("Когорты и подгонка", "Cohorts and fit")
    s = workbook.sheet(t("Прогноз", "Forecast"), [1.6, 2.6, 2.6, 2.8, 1.0, 2.6, 2.6, 2.8, 0.6, 2.6, 2.2, 2.6, 2.2])
    s.title("A1", t("Доля когорты, активной в начале года: факт, sBG и постоянное удержание",
                    "Share of the cohort active at the start of each year: actual, sBG and constant retention"))
    s.note("A2", t("Модель подогнана по годам 0–7; годы 8–12 — прогноз, сравните с фактом.",
                   "The models are fitted on years 0-7; years 8-12 are a forecast: compare with the actual."))
    s.header("A4", [t("Обычные", "Regular"), "", "", "", "", t("Премиум", "High end")])
    for group in ("A4:D4", "F4:H4"):  # one heading over each cohort's columns
        s.sheet.getCellRangeByName(group).merge(True)
    columns = [t("Год", "Year"), t("Факт", "Actual"), "sBG", t("Постоянное удерж.", "Constant retention")]
    s.header("A5", columns + [""] + columns[1:] + ["", t("sBG 95 %: нижняя", "sBG 95 %: lower"),
                                                   t("sBG 95 %: верхняя", "sBG 95 %: upper"),
                                                   t("sBG 95 %: нижняя", "sBG 95 %: lower"),
                                                   t("sBG 95 %: верхняя", "sBG 95 %: upper")])
    s.header("J4", [t("Обычные: интервал", "Regular: band"), "", t("Премиум: интервал", "High end: band")])
    for group in ("J4:K4", "L4:M4"):
        s.sheet.getCellRangeByName(group).merge(True)
    for year in range(YEARS + 1):
        row = row_of_year(year)
        s.value("A%d" % row, year, WHOLE)
        s.cell("A%d" % row).CellStyle = workbook.style("header")
        for offset, (source, params, mean, prefix) in enumerate((
                ("B", "%s$F$6:$H$6" % data, "%s$F$10" % data, "FC_REG"),
                ("C", "%s$F$7:$H$7" % data, "%s$G$10" % data, "FC_HIGH"))):
            actual, model, constant = ("BCD", "FGH")[offset]
            s.helper("%s%d" % (actual, row), "=%s$%s$%d/%s$%s$%d" % (data, source, row, data, source, FIRST_ROW),
                     PERCENT)
            s.formula("%s%d" % (model, row), "=SBG_SURVIVAL(%s;$A%d)" % (params, row), PERCENT,
                      "%s_S%d" % (prefix, year))
            s.helper("%s%d" % (constant, row), "=%s^$A%d" % (mean, row), PERCENT, "%s_CONST%d" % (prefix, year))
        # The sBG projection's 95 % confidence band (SBG_SURVIVAL_CI on the 4-row fits).
        for columns, block, prefix in (("JK", "%s$F$21:$H$24" % data, "FC_REG"),
                                       ("LM", "%s$F$26:$H$29" % data, "FC_HIGH")):
            for k, column in enumerate(columns, start=1):
                s.formula("%s%d" % (column, row), "=INDEX(SBG_SURVIVAL_CI(%s;$A%d);1;%d)" % (block, row, k), PERCENT,
                          "%s_S%d_%s" % (prefix, year, ("LOWER", "UPPER")[k - 1]))
    last = row_of_year(YEARS)
    gap_row = last + 2
    s.text("A%d" % gap_row, t("Средняя ошибка прогноза лет 8–12, п. п.", "Mean forecast error, years 8-12, points"))
    s.cell("A%d" % gap_row).IsTextWrapped = False
    first_holdout = row_of_year(FIT_YEARS + 1)
    for actual, model, constant, prefix in (("B", "C", "D", "FC_REG"), ("F", "G", "H", "FC_HIGH")):
        for column, name in ((model, "_GAP_SBG"), (constant, "_GAP_CONST")):
            s.helper("%s%d" % (column, gap_row + 1), "=SUMPRODUCT(ABS(%s%d:%s%d-%s%d:%s%d))/5*100" % (
                column, first_holdout, column, last, actual, first_holdout, actual, last), DECIMAL, prefix + name)
    chart_row = gap_row + 3
    for name, anchor, ranges, title in (
            ("Regular", "A", ["A5:D%d" % last, "J5:K%d" % last],
             t("Обычные: активны в начале года", "Regular: active at the start of the year")),
            ("HighEnd", "F", ["A5:A%d" % last, "F5:H%d" % last, "L5:M%d" % last],
             t("Премиум: активны в начале года", "High end: active at the start of the year"))):
        chart = s.chart(name, "%s%d" % (anchor, chart_row), (10.2, 8.0), ranges, "Line", title, percent_axis=True)
        chart.getLegend().Alignment = uno.Enum("com.sun.star.chart.ChartLegendPosition", "BOTTOM")


def ltv_sheet(workbook):
    t = workbook.t
    data = "$'%s'." % t("Когорты и подгонка", "Cohorts and fit")
    s = workbook.sheet(t("LTV", "LTV"), [9.5, 3.0, 3.0, 13.0])
    s.title("A1", t("Ценность подписчика: sBG (DERL) и постоянное удержание",
                    "Value of a subscriber: sBG (DERL) against constant retention"))
    s.note("A2", t(*LEGEND))
    s.text("A4", t("Маржа с подписчика за год", "Margin per subscriber a year"))
    s.value("B4", 100, MONEY, "FC_MARGIN")
    s.text("A5", t("Ставка дисконтирования в год", "Discount rate a year"))
    s.value("B5", 0.10, PERCENT, "FC_DISCOUNT")
    s.text("A6", t("Продлений у клиента (для строки 14)", "Renewals the customer has made (row 14)"))
    s.value("B6", 4, WHOLE, "FC_RENEWALS")

    s.header("A8", [t("Величина", "Quantity"), t("Обычные", "Regular"), t("Премиум", "High end"),
                    t("Как считается", "How")])
    params = {"B": "%s$F$6:$H$6" % data, "C": "%s$F$7:$H$7" % data}
    means = {"B": "%s$F$10" % data, "C": "%s$G$10" % data}
    firsts = {"B": "%s$F$11" % data, "C": "%s$G$11" % data}
    prefixes = {"B": "FC_REG", "C": "FC_HIGH"}
    rows = [
        (9, t("DERL нового клиента, лет", "DERL of a new customer, years"),
         lambda c: "=SBG_DERL(%s;$B$5)" % params[c], DECIMAL, "_DERL",
         t("SBG_DERL(параметры; ставка): дисконтированное число будущих продлений; первое — без дисконта.",
           "SBG_DERL(params; discount): the discounted number of future renewals, the first one undiscounted.")),
        (10, t("LTV нового клиента по sBG (будущие продления)", "New customer's LTV by the sBG (future renewals)"),
         lambda c: "=$B$4*SBG_DERL(%s;$B$5)/(1+$B$5)" % params[c], MONEY, "_LTV_SBG",
         t("маржа × DERL / (1 + ставка): на момент привлечения, как LTV_SUBSCRIPTION.",
           "margin × DERL / (1 + rate): valued at acquisition, as LTV_SUBSCRIPTION is.")),
        (11, t("LTV_SUBSCRIPTION, удержание года 1", "LTV_SUBSCRIPTION, retention of year 1"),
         lambda c: "=LTV_SUBSCRIPTION($B$4;1;%s;;$B$5)" % firsts[c], MONEY, "_LTV_FIRST",
         t("Удержание первого года навсегда: сильно занижает.", "Year 1 retention held for ever: far too low.")),
        (12, t("LTV_SUBSCRIPTION, среднее удержание лет 1–7", "LTV_SUBSCRIPTION, mean retention of years 1-7"),
         lambda c: "=LTV_SUBSCRIPTION($B$4;1;%s;;$B$5)" % means[c], MONEY, "_LTV_MEAN",
         t("Среднее по годам 1–7 навсегда.", "The mean of years 1-7 held for ever.")),
        (13, t("LTV с первым платежом по sBG", "LTV with the first payment, sBG"),
         lambda c: "=$B$4*(1+SBG_DERL(%s;$B$5)/(1+$B$5))" % params[c], MONEY, "_LTV_SBG_FULL",
         t("маржа × (1 + DERL / (1 + ставка)): платёж при привлечении плюс продления.",
           "margin × (1 + DERL / (1 + rate)): the payment at acquisition plus the renewals.")),
        (14, t("Остаточная ценность клиента после продлений (B6)", "Residual value after the renewals in B6"),
         lambda c: "=$B$4*SBG_DERL(%s;$B$5;$B$6)" % params[c], MONEY, "_RESIDUAL",
         t("маржа × SBG_DERL(параметры; ставка; продления): растёт со стажем клиента.",
           "margin × SBG_DERL(params; rate; renewals): grows with the customer's tenure.")),
        (15, t("То же при постоянном удержании (среднее)", "The same with constant (mean) retention"),
         lambda c: "=LTV_SUBSCRIPTION($B$4;1;%s;;$B$5)*(1+$B$5)" % means[c], MONEY, "_RESIDUAL_CONST",
         t("Постоянное удержание не зависит от стажа: одна величина для всех.",
           "Constant retention ignores tenure: one value for everyone.")),
    ]
    for row, label, formula, number_format, suffix, how in rows:
        s.text("A%d" % row, label)
        for column in "BC":
            s.formula("%s%d" % (column, row), formula(column), number_format, prefixes[column] + suffix)
        s.note("D%d" % row, how, wrap=True)
    s.merge_note("A17:D22", t(
        "DERL (Fader & Hardie 2010, формула 6) — ожидаемое дисконтированное число будущих продлений "
        "клиента, сделавшего n − 1 продлений, в момент решения о следующем: (beta + n − 1) / (alpha + "
        "beta + n − 1) × 2F1(1, beta + n; alpha + beta + n; 1 / (1 + d)). Платёж за текущий период не "
        "входит. При постоянном удержании r маржа × DERL = (1 + d) × LTV_SUBSCRIPTION(маржа; 1; r; ; d).",
        "DERL (Fader & Hardie 2010, eq. 6) is the expected discounted number of future renewals of a "
        "customer who has made n - 1 renewals, at the moment of her next renewal decision: (beta + n - 1) / "
        "(alpha + beta + n - 1) × 2F1(1, beta + n; alpha + beta + n; 1 / (1 + d)). The payment for the "
        "current period is not included. With a constant retention r, margin × DERL = (1 + d) × "
        "LTV_SUBSCRIPTION(margin; 1; r; ; d)."))
    s.header("A24", [t("Сравнение LTV нового клиента", "New customer's LTV compared"), t("Обычные", "Regular"),
                     t("Премиум", "High end")])
    for row, source, label in ((25, 10, "sBG"), (26, 11, t("Удержание года 1", "Year 1 retention")),
                               (27, 12, t("Среднее удержание", "Mean retention"))):
        s.text("A%d" % row, label)
        s.helper("B%d" % row, "=B%d" % source, MONEY)
        s.helper("C%d" % row, "=C%d" % source, MONEY)
    s.chart("LtvCompared", "A29", (16, 7), ["A24:C27"], "Bar",
            t("LTV нового клиента: sBG и постоянное удержание", "New customer's LTV: sBG and constant retention"),
            columns_are_series=True)
