"""Template «Коэффициент реинвестирования прибыли»: the three company examples of the
finance article (earnings retention ratio and payout ratio).
Source: seed 000, article A3 of docs/SEED_EXAMPLES.md (numbers restored from the garbled text)."""
from builder import PERCENT, WHOLE

TITLE = "Коэффициент реинвестирования прибыли"
FILE = "earnings-retention"

COMPANIES = [("Компания Неда (пример 1)", 100000, 20000, "80 %", "20 %", "NED"),
             ("Компания ABC (пример 2)", 200000, 60000, "70 %", "30 %", "ABC"),
             ("Компания XYZ, 2019 (пример 3)", 100000, 60000, "40 %", "60 %", "XYZ")]


def build(workbook):
    s = workbook.sheet("Реинвестирование", [6.5, 3.0, 3.0, 3.0, 3.0, 2.6, 2.6, 2.6])
    s.title("A1", TITLE + " (retention ratio)")
    s.note("A2", "Финансовый коэффициент: доля чистой прибыли, оставленная в компании, а не выплаченная "
                 "дивидендами. Не путать с удержанием клиентов (CRR).")
    s.header("A4", ["Компания", "Чистая прибыль", "Дивиденды", "Реинвестирование", "Выплата",
                    "В статье", "В статье: выплата", "Сумма"])
    for row, (label, income, dividends, retained, paid, key) in enumerate(COMPANIES, start=5):
        s.text("A%d" % row, label)
        s.value("B%d" % row, income, WHOLE, "INCOME_" + key)
        s.value("C%d" % row, dividends, WHOLE, "DIVIDENDS_" + key)
        s.formula("D%d" % row, "=RETENTION_RATIO(B{0};C{0})".format(row), PERCENT, "RETENTION_" + key)
        s.formula("E%d" % row, "=PAYOUT_RATIO(B{0};C{0})".format(row), PERCENT, "PAYOUT_" + key)
        s.printed("F%d" % row, retained)
        s.printed("G%d" % row, paid)
        s.helper("H%d" % row, "=D{0}+E{0}".format(row), PERCENT)
    s.note("A9", "Текст статьи машинно искажён («XNUMX»); числа восстановлены по напечатанным процентам. "
                 "Реинвестирование + выплата = 100 % в каждой строке.")
    s.chart("EarningsChart", "A11", (16, 8), ["A4:A7", "D4:E7"], "Bar",
            "Сколько прибыли остаётся в компании и сколько выплачивается", stacked=True)
