"""Template «NPS и повторные покупки»: the 150-answer NPS survey (counts and a sheet of
raw 0–10 answers consistent with it), the repeat-purchase rate 65 of 150, benchmarks.
Source: seed 000, article A6 of docs/SEED_EXAMPLES.md."""
from builder import DECIMAL, PERCENT, PERCENT2, WHOLE

TITLE = "NPS и повторные покупки"
FILE = "nps-repeat-purchases"

# 150 answers: 65 promoters (9–10), 50 passives (7–8), 35 detractors (0–6), as in the survey.
ANSWER_COUNTS = {10: 35, 9: 30, 8: 28, 7: 22, 6: 12, 5: 8, 4: 6, 3: 4, 2: 2, 1: 2, 0: 1}


def build(workbook):
    nps_sheet(workbook)
    answers_sheet(workbook)
    repeat_sheet(workbook)


def nps_sheet(workbook):
    s = workbook.sheet("NPS", [6.0, 2.8, 2.8, 3.2, 9.0])
    s.title("A1", "Индекс лояльности NPS: опрос 150 клиентов")
    s.note("A2", "Жёлтые ячейки — ввод, зелёные — результат функций CustomerMetrics, серым курсивом "
                 "— напечатанное в статье.")
    s.header("A4", ["Группа", "Ответов", "Доля"])
    groups = [("Промоутеры (9–10)", 65, "PROMOTERS"), ("Нейтралы (7–8)", 50, "PASSIVES"),
              ("Критики (0–6)", 35, "DETRACTORS")]
    for row, (label, count, key) in enumerate(groups, start=5):
        s.text("A%d" % row, label)
        s.value("B%d" % row, count, WHOLE, key)
        s.helper("C%d" % row, "=B%d/B$8" % row, PERCENT)
    s.text("A8", "Всего ответов")
    s.helper("B8", "=SUM(B5:B7)", WHOLE)
    s.text("A10", "NPS")
    s.formula("B10", "=NPS_COUNTS(B5;B6;B7)", DECIMAL, "NPS_SURVEY")
    s.printed("C10", "В статье: 30")
    s.merge_note("E4:E12", "Статья вычла количества: 65 − 35 = 30. NPS — разность долей: "
                           "43,3 % − 23,3 % = 20 пунктов. Вычитание количеств совпадает с NPS только "
                           "при ровно 100 ответах.")
    s.header("A12", ["Ориентиры NPS (статья 6)", "Ориентир", "Ваш NPS не ниже?"])
    for row, (label, level) in enumerate([("Крупные игроки рынка", 60), ("Малый и средний e-commerce", 40)],
                                         start=13):
        s.text("A%d" % row, label)
        s.value("B%d" % row, level, WHOLE)
        s.formula("C%d" % row, '=IF(B$10>=B{0};"да";"нет")'.format(row))
    s.chart("NpsSplit", "A16", (12, 8), ["A4:B7"], "Pie", "Кто ответил: промоутеры, нейтралы, критики")


def answers_sheet(workbook):
    s = workbook.sheet("Ответы", [3.0, 2.5, 7.0, 3.0], one_page=False)
    s.title("A1", "Сырые ответы 0–10")
    s.header("A3", ["Ответ", ""])
    answers = [score for score, count in sorted(ANSWER_COUNTS.items(), reverse=True) for _ in range(count)]
    last = 3 + len(answers)
    for row, score in enumerate(answers, start=4):
        s.value("A%d" % row, score, WHOLE)
    s.note("C3", "150 ответов, согласованных с опросом статьи (65 / 50 / 35). Впишите свои ответы "
                 "в столбец A (пустые ячейки и текст пропускаются) — NPS пересчитается.")
    s.text("C5", "NPS из ответов")
    s.formula("D5", "=NPS(A4:A1003)", DECIMAL, "NPS_ANSWERS")
    s.text("C6", "Проверка обычными формулами Calc")
    s.helper("D6", '=(COUNTIF(A4:A1003;">=9")-COUNTIF(A4:A1003;"<=6"))/COUNT(A4:A1003)*100', DECIMAL,
             "NPS_NATIVE_CHECK")
    s.text("C7", "Промоутеров")
    s.helper("D7", '=COUNTIF(A4:A1003;">=9")', WHOLE)
    s.text("C8", "Нейтралов")
    s.helper("D8", '=COUNTIFS(A4:A1003;">=7";A4:A1003;"<=8")', WHOLE)
    s.text("C9", "Критиков")
    s.helper("D9", '=COUNTIF(A4:A1003;"<=6")', WHOLE)
    return last


def repeat_sheet(workbook):
    s = workbook.sheet("Повторные покупки", [7.0, 3.0, 3.4, 9.0])
    s.title("A1", "Доля повторных покупок (RPR)")
    s.text("A3", "Клиентов за 3 месяца")
    s.value("B3", 150, WHOLE, "RPR_CUSTOMERS")
    s.text("A4", "Из них купили повторно")
    s.value("B4", 65, WHOLE, "RPR_REPEAT")
    s.text("A6", "RPR")
    s.formula("B6", "=RPR(B4;B3)", PERCENT2, "RPR_SHOP")
    s.printed("C6", "В статье: ≈ 43,5 %")
    s.note("D6", "Описка статьи: 65 / 150 = 43,33 %, а не 43,5 %.")
    s.header("A8", ["Норма для e-commerce (статья 6)", "от", "до", ""])
    s.text("A9", "RPR")
    s.value("B9", 0.25, PERCENT)
    s.value("C9", 0.40, PERCENT)
    s.text("A10", "Ваш RPR относительно нормы")
    s.formula("B10", '=IF(B6>C9;"выше нормы";IF(B6>=B9;"в норме";"ниже нормы"))')
