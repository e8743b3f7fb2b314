"""Template «LTV, CLV и ROMI»: the fitness-club subscription (≈ 8 780 ₽, 10 months,
30 000 ₽ by the short formula), the CLV calculator with CAC 600 (288,89 / 127,27 / 48,1 % /
21,2 %), the simple / medium / complex LTV formulas, LTV:CAC.
Sources: seed 000 (article A2), seed 001, seed 002 — docs/SEED_EXAMPLES.md V1–V8."""
from builder import DECIMAL, MONEY, PERCENT, WHOLE

TITLE = "LTV, CLV и ROMI"
FILE = "ltv-clv-romi"

LEGEND = ("Жёлтые ячейки — ввод, зелёные — результат функций CustomerMetrics, серым курсивом — "
          "напечатанное в статье.")


def build(workbook):
    fitness_sheet(workbook)
    calculator_sheet(workbook)
    formulas_sheet(workbook)


def fitness_sheet(workbook):
    s = workbook.sheet("Фитнес-клуб", [7.5, 3.2, 4.0, 9.5])
    s.title("A1", "LTV подписки: фитнес-клуб (Click.ru)")
    s.note("A2", LEGEND)
    s.text("A4", "Годовой абонемент, руб.")
    s.value("B4", 36000, WHOLE, "FIT_ANNUAL")
    s.text("A5", "MRR — выручка в месяц, руб.")
    s.helper("B5", "=B4/12", WHOLE, "FIT_MRR")
    s.text("A6", "Валовая маржа")
    s.value("B6", 0.40, PERCENT, "FIT_MARGIN")
    s.text("A7", "Удержание клиентов в месяц")
    s.value("B7", 0.90, PERCENT, "FIT_RETENTION")
    s.text("A8", "Удержание MRR в месяц")
    s.value("B8", 0.95, PERCENT, "FIT_MRR_RETENTION")
    s.text("A9", "Ставка дисконтирования в месяц")
    s.value("B9", 0.073, PERCENT, "FIT_DISCOUNT")

    s.header("A11", ["Результат", "Значение", "В статье", "Примечание"])
    s.text("A12", "LTV подписки, руб.")
    s.formula("B12", "=LTV_SUBSCRIPTION(B5;B6;B7;B8;B9)", MONEY, "FIT_LTV")
    s.printed("C12", "≈ 8 780 руб.")
    s.note("D12", "Формула в статье была картинкой и потерялась; MRR × маржа × удержание / "
                  "(1 + ставка − удержание MRR) даёт ровно её число: 1080 / 0,123.", wrap=True)
    s.text("A13", "Срок жизни клиента, мес.")
    s.formula("B13", "=LIFETIME(1-B7)", DECIMAL, "FIT_LIFETIME")
    s.printed("C13", "10 месяцев")
    s.note("D13", "1 / отток, отток = 1 − удержание.", wrap=True)
    s.text("A14", "LTV по короткой формуле, руб.")
    s.formula("B14", "=LTV_CHURN(B5;1-B7)", MONEY, "FIT_LTV_SHORT")
    s.printed("C14", "30 000 руб.")
    s.note("D14", "MRR / отток: выручка, а не прибыль, и без дисконтирования — потому больше.", wrap=True)


def calculator_sheet(workbook):
    s = workbook.sheet("Калькулятор CLV", [8.0, 3.2, 3.4, 9.5])
    s.title("A1", "CLV и ROMI: калькулятор со скидкой (Click.ru)")
    s.note("A2", "Входные данные калькулятора были на утерянном скриншоте; 182 / 37 % / 80 % / 600 "
                 "восстановлены так, что дают ровно напечатанные результаты.")
    s.text("A4", "Прибыль с клиента в год")
    s.value("B4", 182, MONEY, "CALC_PROFIT")
    s.text("A5", "Годовое удержание клиентов")
    s.value("B5", 0.37, PERCENT, "CALC_RETENTION")
    s.text("A6", "Ставка дисконтирования в год")
    s.value("B6", 0.80, PERCENT, "CALC_DISCOUNT")
    s.text("A7", "Стоимость привлечения клиента (CAC)")
    s.value("B7", 600, MONEY, "CALC_CAC")

    s.header("A9", ["Результат", "Значение", "В статье", "Примечание"])
    s.text("A10", "CLV без дисконтирования")
    s.formula("B10", "=CLV(B4;B5)", MONEY, "CALC_CLV")
    s.printed("C10", "288,89 $")
    s.text("A11", "CLV с дисконтированием")
    s.formula("B11", "=CLV(B4;B5;B6)", MONEY, "CALC_CLV_DISCOUNTED")
    s.printed("C11", "127,27 $")
    s.note("D11", "Статья называет ставку дисконтирования «размером скидки»; это стоимость денег во "
                  "времени, а не скидка покупателю.", wrap=True)
    s.text("A12", "Simple ROMI = CLV / CAC")
    s.formula("B12", "=ROMI(B10;B7)", PERCENT, "CALC_ROMI")
    s.printed("C12", "48,1 %")
    s.note("D12", "Ниже 100 % — привлечение не окупается.", wrap=True)
    s.text("A13", "Present Value ROMI")
    s.formula("B13", "=ROMI(B11;B7)", PERCENT, "CALC_ROMI_DISCOUNTED")
    s.printed("C13", "21,2 %")

    s.header("A15", ["Сравнение", "Сумма"])
    s.text("A16", "CLV без дисконтирования")
    s.helper("B16", "=B10", MONEY)
    s.text("A17", "CLV с дисконтированием")
    s.helper("B17", "=B11", MONEY)
    s.text("A18", "CAC")
    s.helper("B18", "=B7", MONEY)
    s.chart("ClvCac", "A20", (16, 7), ["A15:B18"], "Bar", "Ценность клиента против стоимости привлечения",
            horizontal=True, legend=False)


def formulas_sheet(workbook):
    s = workbook.sheet("Формулы LTV", [8.0, 3.2, 3.4, 9.5])
    s.title("A1", "Три формулы LTV и отношение LTV:CAC")
    s.note("A2", "В статьях эти формулы даны без чисел: здесь условные входные данные — впишите свои.")
    s.header("A4", ["Простая (MonsterADS)", "", "", ""])
    s.text("A5", "Выручка за период, руб.")
    s.value("B5", 1500000, WHOLE, "F_REVENUE")
    s.text("A6", "Клиентов за период")
    s.value("B6", 3000, WHOLE, "F_CUSTOMERS")
    s.text("A7", "ARPU («простой LTV»), руб.")
    s.formula("B7", "=ARPU(B5;B6)", MONEY, "F_ARPU")

    s.header("A9", ["Средняя: ARPU × срок жизни", "", "", ""])
    s.text("A10", "Срок жизни клиента, периодов")
    s.value("B10", 10, DECIMAL, "F_LIFETIME")
    s.text("A11", "LTV, руб.")
    s.formula("B11", "=LTV_ARPU(B7;B10)", MONEY, "F_LTV_ARPU")

    s.header("A13", ["Сложная: чек × частота × срок × маржа", "", "", ""])
    s.text("A14", "Средний чек, руб.")
    s.value("B14", 2000, MONEY, "F_AOV")
    s.text("A15", "Покупок в год")
    s.value("B15", 3, DECIMAL, "F_FREQUENCY")
    s.text("A16", "Срок работы с клиентом, лет")
    s.value("B16", 4, DECIMAL, "F_YEARS")
    s.text("A17", "Средняя маржа")
    s.value("B17", 0.25, PERCENT, "F_MARGIN")
    s.text("A18", "LTV по выручке, руб.")
    s.formula("B18", "=LTV_AOV(B14;B15;B16)", MONEY, "F_LTV_REVENUE")
    s.note("D18", "Формула MonsterADS (без маржи). Её «RPR» — частота покупок, "
                  "а не доля повторных клиентов.", wrap=True)
    s.text("A19", "LTV по марже, руб.")
    s.formula("B19", "=LTV_AOV(B14;B15;B16;B17)", MONEY, "F_LTV_MARGIN")
    s.note("D19", "Формула статьи «Повышение LTV»: (чек × частота × время) × маржа.", wrap=True)

    s.header("A21", ["LTV:CAC", "", "", ""])
    s.text("A22", "Стоимость привлечения клиента (CAC), руб.")
    s.value("B22", 1500, MONEY, "F_CAC")
    s.text("A23", "LTV:CAC (по марже)")
    s.formula("B23", "=LTV_CAC(B19;B22)", DECIMAL, "F_LTV_CAC")
    s.formula("C23", '=IF(B23>=3;"здоровое (≥ 3)";"ниже 3")')
    s.note("D23", "Click.ru: «Если LTV больше CAC в три раза, то дела у компании идут хорошо».", wrap=True)
    s.text("A24", "ROMI = (LTV − CAC) / CAC")
    s.formula("B24", "=ROMI(B19;B22;TRUE())", PERCENT, "F_ROMI_NET")
    s.header("A26", ["LTV против CAC", "руб."])
    s.text("A27", "LTV по марже")
    s.helper("B27", "=B19", MONEY)
    s.text("A28", "CAC")
    s.helper("B28", "=B22", MONEY)
    s.chart("LtvCac", "A30", (16, 6), ["A26:B28"], "Bar", "LTV против CAC", horizontal=True, legend=False)
