"""Template «Удержание и отток клиентов» / "Customer retention and churn": the four CRR
examples of the articles, the churn definitions side by side, the industry benchmarks, and a
monthly model with a chart. Sources: articles A1, A4, A5, A6 of
docs/SEED_EXAMPLES.md)."""
from builder import PERCENT, PERCENT2, WHOLE

TITLE = ("Удержание (CRR) и отток клиентов", "Customer retention (CRR) and churn")
FILE = "retention-churn"

LEGEND = ("Жёлтые ячейки — ввод: замените своими числами. Зелёные — результат функций "
          "CustomerMetrics. Серым курсивом — то, что напечатано в статье.",
          "Yellow cells are inputs: replace them with your numbers. Green ones are results of "
          "CustomerMetrics functions. Grey italics: what the article printed.")

# (label, start, end, new, article CRR, article churn, note, name suffix); texts as (ru, en)
EXAMPLES = [
    (("Интернет-магазин одежды, август (статья 1)", "Online clothes shop, August (article 1)"),
     110, 115, 60, ("50 %", "50%"), ("50 %", "50%"),
     ("Совпадает: (115 − 60) / 110 = 50 %; отток 100 % − 50 % = 50 %.",
      "Agrees: (115 − 60) / 110 = 50%; churn 100% − 50% = 50%."), "SHOP"),
    (("Компания «Ромашка», квартал (Calltouch)", "Romashka company, a quarter (Calltouch)"),
     1500, 1650, 250, ("93,33 %", "93.33%"), ("—", "—"),
     ("Совпадает: (1650 − 250) / 1500 = 93,33 %.", "Agrees: (1650 − 250) / 1500 = 93.33%."), "ROMASHKA"),
    (("Было 100, ушли 10, пришли 5 (МТС Маркетолог)", "100 customers, 10 left, 5 came (MTS Marketolog)"),
     100, 95, 5, ("90 %", "90%"), ("—", "—"),
     ("Совпадает: (95 − 5) / 100 = 90 %.", "Agrees: (95 − 5) / 100 = 90%."), "MTS"),
    (("Интернет-магазин: 190 → 205 (статья 6)", "Online shop: 190 → 205 (article 6)"),
     190, 205, 25, ("94,7 % (≈ 95 %)", "94.7% (≈ 95%)"), ("≈ 5,3 %", "≈ 5.3%"),
     ("Округление: точно 94,74 % и 5,26 % (10 ушедших из 190).",
      "Rounded: exactly 94.74% and 5.26% (10 of 190 left)."), "ONLINE"),
    (("Было 100, стало 90 (МТС Маркетолог)", "From 100 to 90 customers (MTS Marketolog)"),
     100, 90, 0, ("—", "—"), ("10 %", "10%"),
     ("Статья делит на клиентов на конец, но считает на начало: по её же определению "
      "вышло бы 11,11 % (лист «Варианты оттока»).",
      "The article divides by the customers at the end but computes with those at the start: by "
      "its own definition it would be 11.11% (sheet \"Churn definitions\")."), "DECLINE"),
]

BENCHMARKS = [(("Ритейл (статья 1)", "Retail (article 1)"), 0.63), (("СМИ (статья 1)", "Media (article 1)"), 0.84),
              (("Одежда (статья 6)", "Clothing (article 6)"), 0.60)]


def build(workbook):
    crr_sheet(workbook)
    variants_sheet(workbook)
    monthly_sheet(workbook)


def crr_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("CRR и отток", "CRR and churn"), [8.8, 2.6, 2.6, 2.6, 2.2, 2.4, 2.4, 2.8, 2.4, 9.0])
    s.title("A1", t(*TITLE))
    s.note("A2", t(*LEGEND))
    s.header("A4", [t("Пример", "Example"), t("Клиенты на начало", "Customers at start"),
                    t("Клиенты на конец", "Customers at end"), t("Новые клиенты", "New customers"),
                    t("Ушло", "Lost"), "CRR", t("Отток", "Churn"), t("В статье: CRR", "Article: CRR"),
                    t("В статье: отток", "Article: churn"), t("Примечание", "Note")])
    for row, (label, start, end, new, crr, churn, note, key) in enumerate(EXAMPLES, start=5):
        s.text("A%d" % row, t(*label))
        s.value("B%d" % row, start, WHOLE, "START_" + key)
        s.value("C%d" % row, end, WHOLE, "END_" + key)
        s.value("D%d" % row, new, WHOLE, "NEW_" + key)
        s.helper("E%d" % row, "=B{0}-(C{0}-D{0})".format(row), WHOLE)
        s.formula("F%d" % row, "=CRR(B{0};C{0};D{0})".format(row), PERCENT2, "CRR_" + key)
        s.formula("G%d" % row, "=CHURN(B{0};C{0};D{0})".format(row), PERCENT2, "CHURN_" + key)
        s.printed("H%d" % row, t(*crr))
        s.printed("I%d" % row, t(*churn))
        s.note("J%d" % row, t(*note), wrap=True)
    last = 4 + len(EXAMPLES)

    top = last + 2
    s.text("A%d" % top, t("Отраслевые ориентиры CRR", "CRR benchmarks by industry"), "title")
    s.header("A%d" % (top + 1), [t("Отрасль", "Industry"), t("Ориентир", "Benchmark"), t("Ваш CRR", "Your CRR"),
                                 t("Не ниже ориентира?", "At least the benchmark?")])
    s.note("A%d" % (top + 5), t("«Ваш CRR» — первый пример таблицы выше: замените его входные данные "
                                "своими. В статье 6: у крупных брендов одежды CRR на 10–15 % выше.",
                                "\"Your CRR\" is the first example of the table above: replace its inputs "
                                "with yours. Article 6: large clothing brands keep a CRR 10–15% higher."))
    yes, no = t("да", "yes"), t("нет", "no")
    for offset, (industry, level) in enumerate(BENCHMARKS, start=2):
        row = top + offset
        s.text("A%d" % row, t(*industry))
        s.value("B%d" % row, level, PERCENT)
        s.formula("C%d" % row, "=F5", PERCENT2)
        s.formula("D%d" % row, '=IF(C{0}>=B{0};"{1}";"{2}")'.format(row, yes, no))
    s.chart("CrrChurnChart", "A%d" % (top + 7), (22, 9), ["A4:A%d" % last, "F4:G%d" % last],
            "Bar", t("Удержание и отток в примерах статей", "Retention and churn in the articles' examples"),
            horizontal=True, percent_axis=True)


def variants_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Варианты оттока", "Churn definitions"), [7.5, 3.0, 3.0, 11.0])
    s.title("A1", t("Отток: какие определения встречаются в статьях", "Churn: the definitions the articles use"))
    s.note("A2", t("Статьи считают отток по-разному. CHURN() делит ушедших на клиентов на начало "
                   "периода — так отток и удержание дают в сумме 100 %.",
                   "The articles compute churn in different ways. CHURN() divides the customers lost by "
                   "those at the start of the period, so that churn and retention add up to 100%."))
    s.header("A4", ["", t("Пример МТС: 100 → 90", "MTS example: 100 → 90"),
                    t("Магазин: 190 → 205", "Shop: 190 → 205"), t("Что это", "What it is")])
    inputs = [(t("Клиенты на начало", "Customers at start"), 100, 190, "START"),
              (t("Клиенты на конец", "Customers at end"), 90, 205, "END"),
              (t("Новые клиенты", "New customers"), 0, 25, "NEW")]
    for row, (label, first, second, key) in enumerate(inputs, start=5):
        s.text("A%d" % row, label)
        s.value("B%d" % row, first, WHOLE, "VAR_%s_1" % key)
        s.value("C%d" % row, second, WHOLE, "VAR_%s_2" % key)
    rows = [
        (t("CHURN(): ушедшие / на начало", "CHURN(): lost / at start"), "=CHURN({c}5;{c}6;{c}7)", "CHURN",
         t("Определение CustomerMetrics и статьи 6 (10 / 190 ≈ 5,3 %).",
           "The definition of CustomerMetrics and of article 6 (10 / 190 ≈ 5.3%).")),
        ("1 − CRR", "=1-CRR({c}5;{c}6;{c}7)", "ONE_MINUS_CRR",
         t("Статьи 1, 2 и 6: то же число, если данные согласованы.",
           "Articles 1, 2 and 6: the same number when the data are consistent.")),
        (t("(начало − конец) / конец", "(start − end) / end"), "=({c}5-{c}6)/{c}6", "NET_END",
         t("Определение статей Calltouch (CCR) и МТС: для 100 → 90 даёт 11,11 %, а не 10 %; "
           "при притоке новых клиентов уходит в минус.",
           "The definition of the Calltouch (CCR) and MTS articles: for 100 → 90 it gives 11.11%, not "
           "10%; with an inflow of new customers it turns negative.")),
        (t("(начало − конец) / начало", "(start − end) / start"), "=({c}5-{c}6)/{c}5", "NET_START",
         t("Что МТС на деле посчитал (10 %): чистое сокращение базы, новых клиентов не учитывает.",
           "What MTS actually computed (10%): the net shrinking of the base, blind to new customers.")),
    ]
    for row, (label, template, key, note) in enumerate(rows, start=9):
        s.text("A%d" % row, label)
        role = "result" if key in ("CHURN", "ONE_MINUS_CRR") else None
        s.formula("B%d" % row, template.format(c="B"), PERCENT2, "VAR_%s_1" % key, role=role)
        s.formula("C%d" % row, template.format(c="C"), PERCENT2, "VAR_%s_2" % key, role=role)
        s.note("D%d" % row, note, wrap=True)
    s.header("A8", [t("Определение", "Definition"), "100 → 90", "190 → 205", t("Где встречается", "Where it is used")])
    s.printed("A14", t("В статье МТС напечатано: «CR = 100 – 90/100 x 100% = 10%».",
                       "The MTS article printed: \"CR = 100 – 90/100 x 100% = 10%\"."))


def monthly_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Динамика", "By month"), [3.2, 2.6, 2.6, 2.6, 2.4, 2.4])
    s.title("A1", t("Удержание и отток по месяцам", "Retention and churn by month"))
    s.note("A2", t("Условные данные для примера — впишите свои: клиентов на конец месяца и новых "
                   "за месяц. Клиенты на начало берутся из конца предыдущего месяца.",
                   "Illustrative data: type yours, the customers at the end of each month and the new "
                   "ones in the month. The customers at the start are those at the end of the month before."))
    s.header("A4", [t("Месяц", "Month"), t("Клиенты на начало", "Customers at start"),
                    t("Клиенты на конец", "Customers at end"), t("Новые клиенты", "New customers"), "CRR",
                    t("Отток", "Churn")])
    months = t(["Январь", "Февраль", "Март", "Апрель", "Май", "Июнь"],
               ["January", "February", "March", "April", "May", "June"])
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
    s.chart("MonthlyChart", "A13", (16, 8), ["A4:A10", "E4:F10"], "Line",
            t("Удержание и отток по месяцам", "Retention and churn by month"), percent_axis=True)
