"""Template «NPS и повторные покупки» / "NPS and repeat purchases": the 150-answer NPS survey
(counts and a sheet of raw 0–10 answers consistent with it), the repeat-purchase rate 65 of
150, benchmarks, and the survey statistics: the same answers by region with intervals
(NPS_BY, an error-bar chart), a month-over-month NPS_TEST and a sample-size planner.
Source: article A6 (docs/SOURCES.md, docs/SEED_EXAMPLES.md); the split by region and the
previous month's answers are made up for the example and say so."""
import random

import uno

from builder import DECIMAL, PERCENT, PERCENT2, WHOLE, add_error_bars

TITLE = ("NPS и повторные покупки", "NPS and repeat purchases")
FILE = "nps-repeat-purchases"

# 150 answers: 65 promoters (9–10), 50 passives (7–8), 35 detractors (0–6), as in the survey.
ANSWER_COUNTS = {10: 35, 9: 30, 8: 28, 7: 22, 6: 12, 5: 8, 4: 6, 3: 4, 2: 2, 1: 2, 0: 1}


def build(workbook):
    nps_sheet(workbook)
    answers_sheet(workbook)
    repeat_sheet(workbook)
    segments_sheet(workbook)


def nps_sheet(workbook):
    t = workbook.t
    s = workbook.sheet("NPS", [6.0, 2.8, 2.8, 3.2, 9.0])
    s.title("A1", t("Индекс лояльности NPS: опрос 150 клиентов", "Net Promoter Score: a survey of 150 customers"))
    s.note("A2", t("Жёлтые ячейки — ввод, зелёные — результат функций CustomerMetrics, серым курсивом "
                   "— напечатанное в статье.",
                   "Yellow cells are inputs, green ones results of CustomerMetrics functions, grey italics "
                   "what the article printed."))
    s.header("A4", [t("Группа", "Group"), t("Ответов", "Answers"), t("Доля", "Share")])
    groups = [(t("Промоутеры (9–10)", "Promoters (9–10)"), 65, "PROMOTERS"),
              (t("Нейтралы (7–8)", "Passives (7–8)"), 50, "PASSIVES"),
              (t("Критики (0–6)", "Detractors (0–6)"), 35, "DETRACTORS")]
    for row, (label, count, key) in enumerate(groups, start=5):
        s.text("A%d" % row, label)
        s.value("B%d" % row, count, WHOLE, key)
        s.helper("C%d" % row, "=B%d/B$8" % row, PERCENT)
    s.text("A8", t("Всего ответов", "All answers"))
    s.helper("B8", "=SUM(B5:B7)", WHOLE)
    s.text("A10", "NPS")
    s.formula("B10", "=NPS_COUNTS(B5;B6;B7)", DECIMAL, "NPS_SURVEY")
    s.printed("C10", t("В статье: 30", "Article: 30"))
    s.merge_note("E4:E12", t("Статья вычла количества: 65 − 35 = 30. NPS — разность долей: "
                             "43,3 % − 23,3 % = 20 пунктов. Вычитание количеств совпадает с NPS только "
                             "при ровно 100 ответах.",
                             "The article subtracted the counts: 65 − 35 = 30. NPS is the difference of "
                             "the shares: 43.3% − 23.3% = 20 points. Subtracting counts gives the NPS only "
                             "with exactly 100 answers."))
    s.header("A12", [t("Ориентиры NPS (статья 6)", "NPS benchmarks (article 6)"), t("Ориентир", "Benchmark"),
                     t("Ваш NPS не ниже?", "Your NPS at least?")])
    benchmarks = [(t("Крупные игроки рынка", "Market leaders"), 60),
                  (t("Малый и средний e-commerce", "Small and medium e-commerce"), 40)]
    yes, no = t("да", "yes"), t("нет", "no")
    for row, (label, level) in enumerate(benchmarks, start=13):
        s.text("A%d" % row, label)
        s.value("B%d" % row, level, WHOLE)
        s.formula("C%d" % row, '=IF(B$10>=B{0};"{1}";"{2}")'.format(row, yes, no))
    s.chart("NpsSplit", "A16", (12, 8), ["A4:B7"], "Pie",
            t("Кто ответил: промоутеры, нейтралы, критики", "Who answered: promoters, passives, detractors"))


def answers_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Ответы", "Answers"), [3.0, 2.5, 7.0, 3.0], one_page=False)
    s.title("A1", t("Сырые ответы 0–10", "Raw answers 0–10"))
    s.header("A3", [t("Ответ", "Answer"), ""])
    answers = [score for score, count in sorted(ANSWER_COUNTS.items(), reverse=True) for _ in range(count)]
    last = 3 + len(answers)
    for row, score in enumerate(answers, start=4):
        s.value("A%d" % row, score, WHOLE)
    s.note("C3", t("150 ответов, согласованных с опросом статьи (65 / 50 / 35). Впишите свои ответы "
                   "в столбец A (пустые ячейки и текст пропускаются) — NPS пересчитается.",
                   "150 answers consistent with the article's survey (65 / 50 / 35). Type your answers "
                   "into column A (empty cells and text are skipped) and the NPS follows."))
    s.text("C5", t("NPS из ответов", "NPS of the answers"))
    s.formula("D5", "=NPS(A4:A1003)", DECIMAL, "NPS_ANSWERS")
    s.text("C6", t("Проверка обычными формулами Calc", "Check with plain Calc formulas"))
    s.helper("D6", '=(COUNTIF(A4:A1003;">=9")-COUNTIF(A4:A1003;"<=6"))/COUNT(A4:A1003)*100', DECIMAL,
             "NPS_NATIVE_CHECK")
    s.text("C7", t("Промоутеров", "Promoters"))
    s.helper("D7", '=COUNTIF(A4:A1003;">=9")', WHOLE)
    s.text("C8", t("Нейтралов", "Passives"))
    s.helper("D8", '=COUNTIFS(A4:A1003;">=7";A4:A1003;"<=8")', WHOLE)
    s.text("C9", t("Критиков", "Detractors"))
    s.helper("D9", '=COUNTIF(A4:A1003;"<=6")', WHOLE)
    return last


def repeat_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Повторные покупки", "Repeat purchases"), [7.0, 3.0, 3.4, 9.0])
    s.title("A1", t("Доля повторных покупок (RPR)", "Repeat purchase rate (RPR)"))
    s.text("A3", t("Клиентов за 3 месяца", "Customers in 3 months"))
    s.value("B3", 150, WHOLE, "RPR_CUSTOMERS")
    s.text("A4", t("Из них купили повторно", "Of them, bought again"))
    s.value("B4", 65, WHOLE, "RPR_REPEAT")
    s.text("A6", "RPR")
    s.formula("B6", "=RPR(B4;B3)", PERCENT2, "RPR_SHOP")
    s.printed("C6", t("В статье: ≈ 43,5 %", "Article: ≈ 43.5%"))
    s.note("D6", t("Описка статьи: 65 / 150 = 43,33 %, а не 43,5 %.",
                   "A slip in the article: 65 / 150 = 43.33%, not 43.5%."))
    s.header("A8", [t("Норма для e-commerce (статья 6)", "Normal for e-commerce (article 6)"), t("от", "from"),
                    t("до", "to"), ""])
    s.text("A9", "RPR")
    s.value("B9", 0.25, PERCENT)
    s.value("C9", 0.40, PERCENT)
    s.text("A10", t("Ваш RPR относительно нормы", "Your RPR against the norm"))
    s.formula("B10", '=IF(B6>C9;"{0}";IF(B6>=B9;"{1}";"{2}"))'.format(
        t("выше нормы", "above the norm"), t("в норме", "within the norm"), t("ниже нормы", "below the norm")))


# The segments sheet: the survey's 150 answers split by region (made up: the article gives
# no regions), each region with its own mix, the totals still 65 / 50 / 35.
REGIONS = (("Север", "North"), ("Центр", "Centre"), ("Юг", "South"))
# answers of each region by class: (promoters, passives, detractors)
REGION_CLASSES = ((30, 12, 8), (25, 23, 12), (10, 15, 15))
# Last month's survey, made up for the month-over-month test: 140 answers, 50 / 50 / 40.
PREVIOUS_MONTH_COUNTS = {10: 25, 9: 25, 8: 25, 7: 25, 6: 15, 5: 10, 4: 6, 3: 4, 2: 2, 1: 2, 0: 1}


def answer_class(score):
    return 0 if score >= 9 else 1 if score >= 7 else 2


def segment_rows():
    """[(region index, answer)]: every region gets its quota of each class from the survey's
    answers in turn, then the regions' answers are interleaved as an export would list them."""
    pools = [[score for score, count in sorted(ANSWER_COUNTS.items(), reverse=True)
              for _ in range(count) if answer_class(score) == k] for k in range(3)]
    answers = [[] for _ in REGIONS]
    for k, pool in enumerate(pools):
        quotas = [classes[k] for classes in REGION_CLASSES]
        region = 0
        for score in pool:
            while quotas[region] == 0:
                region = (region + 1) % len(REGIONS)
            answers[region].append(score)
            quotas[region] -= 1
            region = (region + 1) % len(REGIONS)
    shuffle = random.Random(10)  # a fixed order that looks like an export, not sorted scores
    for region_answers in answers:
        shuffle.shuffle(region_answers)
    rows = []
    for i in range(max(len(a) for a in answers)):
        rows += [(region, a[i]) for region, a in enumerate(answers) if i < len(a)]
    return rows


def previous_month_answers():
    return [score for score, count in sorted(PREVIOUS_MONTH_COUNTS.items(), reverse=True) for _ in range(count)]


def segments_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Сегменты", "Segments"), [2.6, 2.0, 0.5, 6.2, 2.6, 2.2, 2.8, 2.8, 2.0, 2.0, 0.5, 2.8],
                       one_page=False)
    s.title("A1", t("NPS по сегментам, точность и объём опроса", "NPS by segment, precision and survey size"))
    s.note("A2", t("Те же 150 ответов по регионам (разбивка по регионам и прошлый месяц придуманы для примера — "
                   "вставьте свои данные в жёлтые столбцы A, B и L). Интервалы — 95 %, метод Rocks 2016.",
                   "The same 150 answers by region (the split by region and last month are made up for the "
                   "example: paste your data into the yellow columns A, B and L). Intervals: 95 %, Rocks 2016."))
    s.header("A4", [t("Регион", "Region"), t("Ответ", "Answer")])
    rows = segment_rows()
    first, last = 5, 4 + len(rows)
    for row, (region, score) in enumerate(rows, start=first):
        s.text("A%d" % row, t(*REGIONS[region]), "input")
        s.value("B%d" % row, score, WHOLE)
    answers, regions = "B%d:B%d" % (first, last), "A%d:A%d" % (first, last)

    s.header("D4", [t("Сегмент", "Segment"), t("Ответов", "Answers"), "NPS", t("Нижняя", "Lower"),
                    t("Верхняя", "Upper"), t("− до нижней", "− to lower"), t("+ до верхней", "+ to upper")])
    table = s.sheet.getCellRangeByName("D5:H%d" % (4 + len(REGIONS)))
    for row in range(5, 5 + len(REGIONS)):
        for column, number_format in zip("EFGH", (WHOLE, DECIMAL, DECIMAL, DECIMAL)):
            cell = s.cell("%s%d" % (column, row))
            cell.NumberFormat = workbook.format_key(number_format)
            cell.CellStyle = workbook.style("result")
        s.cell("D%d" % row).CellStyle = workbook.style("result")
        s.helper("I%d" % row, "=F{0}-G{0}".format(row), DECIMAL)
        s.helper("J%d" % row, "=H{0}-F{0}".format(row), DECIMAL)
    table.setArrayFormula("=NPS_BY(%s;%s)" % (answers, regions))
    end = 4 + len(REGIONS)
    s.note("D%d" % (end + 1), t("NPS_BY — формула массива, строка на регион. Больше регионов: введите её "
                                "заново в D5:H… (Ctrl+Shift+Enter).",
                                "NPS_BY is an array formula, one row per region. More regions: enter it again "
                                "over D5:H… (Ctrl+Shift+Enter)."))

    s.header("D11", [t("Весь опрос", "Whole survey"), "NPS", t("Нижняя", "Lower"), t("Верхняя", "Upper")])
    s.text("D12", t("NPS и интервал 95 % (NPS_CI)", "NPS and its 95 % interval (NPS_CI)"))
    s.formula("E12", "=NPS(%s)" % answers, DECIMAL, "SEG_NPS")
    interval = s.sheet.getCellRangeByName("F12:G12")
    for column in "FG":
        s.cell("%s12" % column).NumberFormat = workbook.format_key(DECIMAL)
        s.cell("%s12" % column).CellStyle = workbook.style("result")
    interval.setArrayFormula("=NPS_CI(%s)" % answers)
    # One segment by an array expression: the _ARRAY twin takes what NPS (a cell range) cannot.
    s.text("D13", t("Только «Север» (NPS_ARRAY)", "North only (NPS_ARRAY)"))
    s.formula("E13", "=0", DECIMAL, "SEG_NPS_NORTH")
    s.sheet.getCellRangeByName("E13").setArrayFormula(
        '=NPS_ARRAY(IF(%s="%s";%s))' % (regions, t(*REGIONS[0]), answers))

    previous_first = 5
    previous = previous_month_answers()
    previous_last = previous_first + len(previous) - 1
    s.header("L4", [t("Прошлый месяц", "Last month")])
    for row, score in enumerate(previous, start=previous_first):
        s.value("L%d" % row, score, WHOLE)
    previous_range = "L%d:L%d" % (previous_first, previous_last)
    s.header("D14", [t("Месяц к месяцу", "Month over month"), "", "", ""])
    s.text("D15", t("NPS прошлого месяца", "Last month's NPS"))
    s.formula("E15", "=NPS(%s)" % previous_range, DECIMAL, "SEG_NPS_PREVIOUS")
    s.text("D16", t("p-значение (NPS_TEST)", "p-value (NPS_TEST)"))
    s.formula("E16", "=NPS_TEST(%s;%s)" % (answers, previous_range), "0.0000", "SEG_TEST")
    s.text("D17", t("Рост значим на уровне 5 %?", "Is the change significant at 5 %?"))
    s.formula("E17", '=IF(E16<0.05;"{0}";"{1}")'.format(t("да", "yes"), t("нет — может быть случайностью",
                                                                          "no — it may be chance")))

    s.header("D19", [t("Сколько ответов нужно", "How many answers are needed"), "", "", ""])
    s.text("D20", t("Погрешность, ± пунктов NPS", "Margin, ± NPS points"))
    s.value("E20", 5, WHOLE, "SEG_MARGIN")
    s.text("D21", t("Доверие", "Confidence"))
    s.value("E21", 0.95, PERCENT)
    s.text("D22", t("Худший случай (NPS_SAMPLE_SIZE)", "Worst case (NPS_SAMPLE_SIZE)"))
    s.formula("E22", "=NPS_SAMPLE_SIZE(E20;E21)", WHOLE, "SEG_SAMPLE_WORST")
    s.text("D23", t("При долях этого опроса", "With this survey's shares"))
    s.formula("E23", '=NPS_SAMPLE_SIZE(E20;E21;COUNTIF({0};">=9")/COUNT({0});COUNTIF({0};"<=6")/COUNT({0}))'
              .format(answers), WHOLE, "SEG_SAMPLE_PLANNED")
    s.text("D24", t("Ответов сейчас", "Answers now"))
    s.helper("E24", "=COUNT(%s)" % answers, WHOLE)

    chart = s.chart("NpsBySegment", "D26", (13, 5.6), ["D4:D%d" % end, "F4:F%d" % end], "Bar",
                    t("NPS по регионам с интервалами 95 %", "NPS by region with 95 % intervals"), legend=False)
    add_error_bars(chart, 0, s.sheet, "I5:I%d" % end, "J5:J%d" % end)
    # region names below the plot, not on the zero line where a negative NPS's bar covers them
    chart.getDiagram().getXAxis().LabelPosition = uno.Enum("com.sun.star.chart.ChartAxisLabelPosition",
                                                           "OUTSIDE_START")
