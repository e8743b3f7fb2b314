"""Template «Коэффициент реинвестирования прибыли» / "Earnings retention ratio": the three
company examples of the finance article (earnings retention ratio and payout ratio).
Source: article A3 «Коэффициент удержания» (docs/SOURCES.md, docs/SEED_EXAMPLES.md) (numbers restored from the garbled text)."""
from builder import PERCENT, WHOLE

TITLE = ("Коэффициент реинвестирования прибыли", "Earnings retention ratio")
FILE = "earnings-retention"

# (Russian label, English label, net income, dividends, article: retained, article: paid out, key)
COMPANIES = [("Компания Неда (пример 1)", "Neda company (example 1)", 100000, 20000, ("80 %", "80%"),
              ("20 %", "20%"), "NED"),
             ("Компания ABC (пример 2)", "ABC company (example 2)", 200000, 60000, ("70 %", "70%"),
              ("30 %", "30%"), "ABC"),
             ("Компания XYZ, 2019 (пример 3)", "XYZ company, 2019 (example 3)", 100000, 60000, ("40 %", "40%"),
              ("60 %", "60%"), "XYZ")]


def build(workbook):
    t = workbook.t
    s = workbook.sheet(t("Реинвестирование", "Retention ratio"), [6.5, 3.0, 3.0, 3.0, 3.0, 2.6, 2.6, 2.6])
    s.title("A1", t(TITLE[0] + " (retention ratio)", TITLE[1] + ": the income a company keeps"))
    s.note("A2", t("Финансовый коэффициент: доля чистой прибыли, оставленная в компании, а не выплаченная "
                   "дивидендами. Не путать с удержанием клиентов (CRR).",
                   "A finance ratio: the share of net income kept in the company rather than paid out "
                   "as dividends. Not to be confused with customer retention (CRR)."))
    s.header("A4", [t("Компания", "Company"), t("Чистая прибыль", "Net income"), t("Дивиденды", "Dividends"),
                    t("Реинвестирование", "Retention ratio"), t("Выплата", "Payout ratio"),
                    t("В статье", "Article"), t("В статье: выплата", "Article: payout"), t("Сумма", "Sum")])
    for row, (russian, english, income, dividends, retained, paid, key) in enumerate(COMPANIES, start=5):
        s.text("A%d" % row, t(russian, english))
        s.value("B%d" % row, income, WHOLE, "INCOME_" + key)
        s.value("C%d" % row, dividends, WHOLE, "DIVIDENDS_" + key)
        s.formula("D%d" % row, "=RETENTION_RATIO(B{0};C{0})".format(row), PERCENT, "RETENTION_" + key)
        s.formula("E%d" % row, "=PAYOUT_RATIO(B{0};C{0})".format(row), PERCENT, "PAYOUT_" + key)
        s.printed("F%d" % row, t(*retained))
        s.printed("G%d" % row, t(*paid))
        s.helper("H%d" % row, "=D{0}+E{0}".format(row), PERCENT)
    s.note("A9", t("Текст статьи машинно искажён («XNUMX»); числа восстановлены по напечатанным процентам. "
                   "Реинвестирование + выплата = 100 % в каждой строке.",
                   "The article's text is machine-garbled (\"XNUMX\"); the numbers are restored from the "
                   "printed percentages. Retention + payout = 100% in every row."))
    s.chart("EarningsChart", "A11", (16, 8), ["A4:A7", "D4:E7"], "Bar",
            t("Сколько прибыли остаётся в компании и сколько выплачивается",
              "How much of the income stays in the company and how much is paid out"), stacked=True,
            percent_axis=True)
