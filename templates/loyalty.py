"""Template «NPS и повторные покупки» / "NPS and repeat purchases": the 150-answer NPS survey
(counts and a sheet of raw 0–10 answers consistent with it), the repeat-purchase rate 65 of
150, benchmarks. Source: article A6 (docs/SOURCES.md, docs/SEED_EXAMPLES.md)."""
from builder import DECIMAL, PERCENT, PERCENT2, WHOLE

TITLE = ("NPS и повторные покупки", "NPS and repeat purchases")
FILE = "nps-repeat-purchases"

# 150 answers: 65 promoters (9–10), 50 passives (7–8), 35 detractors (0–6), as in the survey.
ANSWER_COUNTS = {10: 35, 9: 30, 8: 28, 7: 22, 6: 12, 5: 8, 4: 6, 3: 4, 2: 2, 1: 2, 0: 1}


def build(workbook):
    nps_sheet(workbook)
    answers_sheet(workbook)
    repeat_sheet(workbook)


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
