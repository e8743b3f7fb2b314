"""Template «Удержание и отток клиентов»: the four CRR examples of the articles, the churn
definitions side by side, the industry benchmarks, and a monthly model with a chart.
Sources: seed 000 (articles A1, A4, A5, A6 of docs/SEED_EXAMPLES.md)."""
from builder import PERCENT, PERCENT2, WHOLE

TITLE = "Удержание (CRR) и отток клиентов"
FILE = "retention-churn"

LEGEND = ("Жёлтые ячейки — ввод: замените своими числами. Зелёные — результат функций "
          "CustomerMetrics. Серым курсивом — то, что напечатано в статье.")

# (label, start, end, new, article CRR, article churn, note, name suffix)
EXAMPLES = [
    ("Интернет-магазин одежды, август (статья 1)", 110, 115, 60, "50 %", "50 %",
     "Совпадает: (115 − 60) / 110 = 50 %; отток 100 % − 50 % = 50 %.", "SHOP"),
    ("Компания «Ромашка», квартал (Calltouch)", 1500, 1650, 250, "93,33 %", "—",
     "Совпадает: (1650 − 250) / 1500 = 93,33 %.", "ROMASHKA"),
    ("Было 100, ушли 10, пришли 5 (МТС Маркетолог)", 100, 95, 5, "90 %", "—",
     "Совпадает: (95 − 5) / 100 = 90 %.", "MTS"),
    ("Интернет-магазин: 190 → 205 (статья 6)", 190, 205, 25, "94,7 % (≈ 95 %)", "≈ 5,3 %",
     "Округление: точно 94,74 % и 5,26 % (10 ушедших из 190).", "ONLINE"),
    ("Было 100, стало 90 (МТС Маркетолог)", 100, 90, 0, "—", "10 %",
     "Статья делит на клиентов на конец, но считает на начало: по её же определению "
     "вышло бы 11,11 % (лист «Варианты оттока»).", "DECLINE"),
]

BENCHMARKS = [("Ритейл (статья 1)", 0.63), ("СМИ (статья 1)", 0.84), ("Одежда (статья 6)", 0.60)]


def build(workbook):
    crr_sheet(workbook)
    variants_sheet(workbook)
    monthly_sheet(workbook)


def crr_sheet(workbook):
    s = workbook.sheet("CRR и отток", [8.8, 2.6, 2.6, 2.6, 2.2, 2.4, 2.4, 2.8, 2.4, 9.0])
    s.title("A1", TITLE)
    s.note("A2", LEGEND)
    s.header("A4", ["Пример", "Клиенты на начало", "Клиенты на конец", "Новые клиенты", "Ушло",
                    "CRR", "Отток", "В статье: CRR", "В статье: отток", "Примечание"])
    for row, (label, start, end, new, crr, churn, note, key) in enumerate(EXAMPLES, start=5):
        s.text("A%d" % row, label)
        s.value("B%d" % row, start, WHOLE, "START_" + key)
        s.value("C%d" % row, end, WHOLE, "END_" + key)
        s.value("D%d" % row, new, WHOLE, "NEW_" + key)
        s.helper("E%d" % row, "=B{0}-(C{0}-D{0})".format(row), WHOLE)
        s.formula("F%d" % row, "=CRR(B{0};C{0};D{0})".format(row), PERCENT2, "CRR_" + key)
        s.formula("G%d" % row, "=CHURN(B{0};C{0};D{0})".format(row), PERCENT2, "CHURN_" + key)
        s.printed("H%d" % row, crr)
        s.printed("I%d" % row, churn)
        s.note("J%d" % row, note, wrap=True)
    last = 4 + len(EXAMPLES)

    top = last + 2
    s.text("A%d" % top, "Отраслевые ориентиры CRR", "Заголовок")
    s.header("A%d" % (top + 1), ["Отрасль", "Ориентир", "Ваш CRR", "Не ниже ориентира?"])
    s.note("A%d" % (top + 5), "«Ваш CRR» — первый пример таблицы выше: замените его входные данные "
                              "своими. В статье 6: у крупных брендов одежды CRR на 10–15 % выше.")
    for offset, (industry, level) in enumerate(BENCHMARKS, start=2):
        row = top + offset
        s.text("A%d" % row, industry)
        s.value("B%d" % row, level, PERCENT)
        s.formula("C%d" % row, "=F5", PERCENT2)
        s.formula("D%d" % row, '=IF(C{0}>=B{0};"да";"нет")'.format(row))
    s.chart("CrrChurnChart", "A%d" % (top + 7), (22, 9), ["A4:A%d" % last, "F4:G%d" % last],
            "Bar", "Удержание и отток в примерах статей", horizontal=True)


def variants_sheet(workbook):
    s = workbook.sheet("Варианты оттока", [7.5, 3.0, 3.0, 11.0])
    s.title("A1", "Отток: какие определения встречаются в статьях")
    s.note("A2", "Статьи считают отток по-разному. CHURN() делит ушедших на клиентов на начало "
                 "периода — так отток и удержание дают в сумме 100 %.")
    s.header("A4", ["", "Пример МТС: 100 → 90", "Магазин: 190 → 205", "Что это"])
    inputs = [("Клиенты на начало", 100, 190, "START"), ("Клиенты на конец", 90, 205, "END"),
              ("Новые клиенты", 0, 25, "NEW")]
    for row, (label, first, second, key) in enumerate(inputs, start=5):
        s.text("A%d" % row, label)
        s.value("B%d" % row, first, WHOLE, "VAR_%s_1" % key)
        s.value("C%d" % row, second, WHOLE, "VAR_%s_2" % key)
    rows = [
        ("CHURN(): ушедшие / на начало", "=CHURN({c}5;{c}6;{c}7)", "CHURN",
         "Определение CustomerMetrics и статьи 6 (10 / 190 ≈ 5,3 %)."),
        ("1 − CRR", "=1-CRR({c}5;{c}6;{c}7)", "ONE_MINUS_CRR",
         "Статьи 1, 2 и 6: то же число, если данные согласованы."),
        ("(начало − конец) / конец", "=({c}5-{c}6)/{c}6", "NET_END",
         "Определение статей Calltouch (CCR) и МТС: для 100 → 90 даёт 11,11 %, а не 10 %; "
         "при притоке новых клиентов уходит в минус."),
        ("(начало − конец) / начало", "=({c}5-{c}6)/{c}5", "NET_START",
         "Что МТС на деле посчитал (10 %): чистое сокращение базы, новых клиентов не учитывает."),
    ]
    for row, (label, template, key, note) in enumerate(rows, start=9):
        s.text("A%d" % row, label)
        style = "Результат" if key in ("CHURN", "ONE_MINUS_CRR") else None
        s.formula("B%d" % row, template.format(c="B"), PERCENT2, "VAR_%s_1" % key, style=style)
        s.formula("C%d" % row, template.format(c="C"), PERCENT2, "VAR_%s_2" % key, style=style)
        s.note("D%d" % row, note, wrap=True)
    s.header("A8", ["Определение", "100 → 90", "190 → 205", "Где встречается"])
    s.printed("A14", "В статье МТС напечатано: «CR = 100 – 90/100 x 100% = 10%».")


def monthly_sheet(workbook):
    s = workbook.sheet("Динамика", [3.2, 2.6, 2.6, 2.6, 2.4, 2.4])
    s.title("A1", "Удержание и отток по месяцам")
    s.note("A2", "Условные данные для примера — впишите свои: клиентов на конец месяца и новых "
                 "за месяц. Клиенты на начало берутся из конца предыдущего месяца.")
    s.header("A4", ["Месяц", "Клиенты на начало", "Клиенты на конец", "Новые клиенты", "CRR", "Отток"])
    months = ["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь"]
    ends = [115, 120, 118, 130, 127, 140]
    news = [60, 30, 20, 35, 15, 30]
    for index, month in enumerate(months):
        row = 5 + index
        s.text("A%d" % row, month)
        if index == 0:
            s.value("B%d" % row, 110, WHOLE, "MONTH_START_1")
        else:
            s.helper("B%d" % row, "=C%d" % (row - 1), WHOLE)
        s.value("C%d" % row, ends[index], WHOLE, "MONTH_END_%d" % (index + 1))
        s.value("D%d" % row, news[index], WHOLE, "MONTH_NEW_%d" % (index + 1))
        s.formula("E%d" % row, "=CRR(B{0};C{0};D{0})".format(row), PERCENT, "MONTH_CRR_%d" % (index + 1))
        s.formula("F%d" % row, "=CHURN(B{0};C{0};D{0})".format(row), PERCENT, "MONTH_CHURN_%d" % (index + 1))
    s.chart("MonthlyChart", "A13", (16, 8), ["A4:A10", "E4:F10"], "Line", "Удержание и отток по месяцам")
