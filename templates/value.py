"""Template «LTV, CLV и ROMI» / "LTV, CLV and ROMI": the fitness-club subscription (≈ 8 780 ₽,
10 months, 30 000 ₽ by the short formula), the CLV calculator with CAC 600 (288,89 / 127,27 /
48,1 % / 21,2 %), the simple / medium / complex LTV formulas, LTV:CAC.
Sources: articles A2, A6, B and C (docs/SOURCES.md) — docs/SEED_EXAMPLES.md V1–V8."""
from builder import COUNT, DECIMAL, MONEY, PERCENT, WHOLE

TITLE = ("LTV, CLV и ROMI", "LTV, CLV and ROMI")
FILE = "ltv-clv-romi"

LEGEND = ("Жёлтые ячейки — ввод, зелёные — результат функций CustomerMetrics, серым курсивом — "
          "напечатанное в статье.",
          "Yellow cells are inputs, green ones results of CustomerMetrics functions, grey italics what "
          "the article printed.")


def build(workbook):
    fitness_sheet(workbook)
    calculator_sheet(workbook)
    formulas_sheet(workbook)


def results_header(s, t, address):
    s.header(address, [t("Результат", "Result"), t("Значение", "Value"), t("В статье", "Article"),
                       t("Примечание", "Note")])


def fitness_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Фитнес-клуб", "Fitness club"), [7.5, 3.2, 4.0, 9.5])
    s.title("A1", t("LTV подписки: фитнес-клуб (Click.ru)", "Subscription LTV: a fitness club (Click.ru)"))
    s.note("A2", t(*LEGEND))
    s.text("A4", t("Годовой абонемент, руб.", "Annual membership, RUB"))
    s.value("B4", 36000, WHOLE, "FIT_ANNUAL")
    s.text("A5", t("MRR — выручка в месяц, руб.", "MRR: revenue a month, RUB"))
    s.helper("B5", "=B4/12", WHOLE, "FIT_MRR")
    s.text("A6", t("Валовая маржа", "Gross margin"))
    s.value("B6", 0.40, PERCENT, "FIT_MARGIN")
    s.text("A7", t("Удержание клиентов в месяц", "Customer retention a month"))
    s.value("B7", 0.90, PERCENT, "FIT_RETENTION")
    s.text("A8", t("Удержание MRR в месяц", "MRR retention a month"))
    s.value("B8", 0.95, PERCENT, "FIT_MRR_RETENTION")
    s.text("A9", t("Ставка дисконтирования в месяц", "Discount rate a month"))
    s.value("B9", 0.073, PERCENT, "FIT_DISCOUNT")

    results_header(s, t, "A11")
    s.text("A12", t("LTV подписки, руб.", "Subscription LTV, RUB"))
    s.formula("B12", "=LTV_SUBSCRIPTION(B5;B6;B7;B8;B9)", MONEY, "FIT_LTV")
    s.printed("C12", t("≈ 8 780 руб.", "≈ 8,780 RUB"))
    s.note("D12", t("Формула в статье была картинкой и потерялась; MRR × маржа × удержание / "
                    "(1 + ставка − удержание MRR) даёт ровно её число: 1080 / 0,123.",
                    "The article's formula was a lost picture; MRR × margin × retention / "
                    "(1 + rate − MRR retention) gives exactly its number: 1080 / 0.123."), wrap=True)
    s.text("A13", t("Срок жизни клиента, мес.", "Customer lifetime, months"))
    s.formula("B13", "=LIFETIME(1-B7)", DECIMAL, "FIT_LIFETIME")
    s.printed("C13", t("10 месяцев", "10 months"))
    s.note("D13", t("1 / отток, отток = 1 − удержание.", "1 / churn, churn = 1 − retention."), wrap=True)
    s.text("A14", t("LTV по короткой формуле, руб.", "LTV by the short formula, RUB"))
    s.formula("B14", "=LTV_CHURN(B5;1-B7)", MONEY, "FIT_LTV_SHORT")
    s.printed("C14", t("30 000 руб.", "30,000 RUB"))
    s.note("D14", t("MRR / отток: выручка, а не прибыль, и без дисконтирования — потому больше.",
                    "MRR / churn: revenue, not profit, and not discounted, hence larger."), wrap=True)


def calculator_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Калькулятор CLV", "CLV calculator"), [8.0, 3.2, 3.4, 9.5])
    s.title("A1", t("CLV и ROMI: калькулятор со скидкой (Click.ru)", "CLV and ROMI: a calculator with discounting (Click.ru)"))
    s.note("A2", t("Входные данные калькулятора были на утерянном скриншоте; 182 / 37 % / 80 % / 600 "
                   "восстановлены так, что дают ровно напечатанные результаты.",
                   "The calculator's inputs were on a lost screenshot; 182 / 37% / 80% / 600 are restored "
                   "so as to give exactly the printed results."))
    s.text("A4", t("Прибыль с клиента в год", "Profit per customer a year"))
    s.value("B4", 182, MONEY, "CALC_PROFIT")
    s.text("A5", t("Годовое удержание клиентов", "Customer retention a year"))
    s.value("B5", 0.37, PERCENT, "CALC_RETENTION")
    s.text("A6", t("Ставка дисконтирования в год", "Discount rate a year"))
    s.value("B6", 0.80, PERCENT, "CALC_DISCOUNT")
    s.text("A7", t("Стоимость привлечения клиента (CAC)", "Customer acquisition cost (CAC)"))
    s.value("B7", 600, MONEY, "CALC_CAC")

    results_header(s, t, "A9")
    s.text("A10", t("CLV без дисконтирования", "CLV, not discounted"))
    s.formula("B10", "=CLV(B4;B5)", MONEY, "CALC_CLV")
    s.printed("C10", t("288,89 $", "$288.89"))
    s.text("A11", t("CLV с дисконтированием", "CLV, discounted"))
    s.formula("B11", "=CLV(B4;B5;B6)", MONEY, "CALC_CLV_DISCOUNTED")
    s.printed("C11", t("127,27 $", "$127.27"))
    s.note("D11", t("Статья называет ставку дисконтирования «размером скидки»; это стоимость денег во "
                    "времени, а не скидка покупателю.",
                    "The article calls the discount rate the \"size of the discount\"; it is the time value "
                    "of money, not a discount to the buyer."), wrap=True)
    s.text("A12", "Simple ROMI = CLV / CAC")
    s.formula("B12", "=ROMI(B10;B7)", PERCENT, "CALC_ROMI")
    s.printed("C12", t("48,1 %", "48.1%"))
    s.note("D12", t("Ниже 100 % — привлечение не окупается.", "Below 100%: acquisition does not pay back."),
           wrap=True)
    s.text("A13", "Present Value ROMI")
    s.formula("B13", "=ROMI(B11;B7)", PERCENT, "CALC_ROMI_DISCOUNTED")
    s.printed("C13", t("21,2 %", "21.2%"))

    s.header("A15", [t("Сравнение", "Comparison"), t("Сумма", "Amount")])
    s.text("A16", t("CLV без дисконтирования", "CLV, not discounted"))
    s.helper("B16", "=B10", MONEY)
    s.text("A17", t("CLV с дисконтированием", "CLV, discounted"))
    s.helper("B17", "=B11", MONEY)
    s.text("A18", "CAC")
    s.helper("B18", "=B7", MONEY)
    s.chart("ClvCac", "A20", (16, 7), ["A15:B18"], "Bar",
            t("Ценность клиента против стоимости привлечения", "Customer value against acquisition cost"),
            horizontal=True, legend=False)


def formulas_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t("Формулы LTV", "LTV formulas"), [8.0, 3.2, 3.4, 9.5])
    s.title("A1", t("Три формулы LTV и отношение LTV:CAC", "Three LTV formulas and the LTV:CAC ratio"))
    s.note("A2", t("В статьях эти формулы даны без чисел: здесь условные входные данные — впишите свои.",
                   "The articles give these formulas without numbers: the inputs here are illustrative, "
                   "type yours."))
    s.header("A4", [t("Простая (MonsterADS)", "Simple (MonsterADS)"), "", "", ""])
    s.text("A5", t("Выручка за период, руб.", "Revenue in the period, RUB"))
    s.value("B5", 1500000, WHOLE, "F_REVENUE")
    s.text("A6", t("Клиентов за период", "Customers in the period"))
    s.value("B6", 3000, WHOLE, "F_CUSTOMERS")
    s.text("A7", t("ARPU («простой LTV»), руб.", "ARPU (\"simple LTV\"), RUB"))
    s.formula("B7", "=ARPU(B5;B6)", MONEY, "F_ARPU")

    s.header("A9", [t("Средняя: ARPU × срок жизни", "Medium: ARPU × lifetime"), "", "", ""])
    s.text("A10", t("Срок жизни клиента, периодов", "Customer lifetime, periods"))
    s.value("B10", 10, COUNT, "F_LIFETIME")
    s.text("A11", t("LTV, руб.", "LTV, RUB"))
    s.formula("B11", "=LTV_ARPU(B7;B10)", MONEY, "F_LTV_ARPU")

    s.header("A13", [t("Сложная: чек × частота × срок × маржа", "Complex: order value × frequency × lifetime × margin"),
                     "", "", ""])
    s.text("A14", t("Средний чек, руб.", "Average order value, RUB"))
    s.value("B14", 2000, MONEY, "F_AOV")
    s.text("A15", t("Покупок в год", "Purchases a year"))
    s.value("B15", 3, COUNT, "F_FREQUENCY")
    s.text("A16", t("Срок работы с клиентом, лет", "Years with the customer"))
    s.value("B16", 4, COUNT, "F_YEARS")
    s.text("A17", t("Средняя маржа", "Average margin"))
    s.value("B17", 0.25, PERCENT, "F_MARGIN")
    s.text("A18", t("LTV по выручке, руб.", "LTV by revenue, RUB"))
    s.formula("B18", "=LTV_AOV(B14;B15;B16)", MONEY, "F_LTV_REVENUE")
    s.note("D18", t("Формула MonsterADS (без маржи). Её «RPR» — частота покупок, "
                    "а не доля повторных клиентов.",
                    "The MonsterADS formula (no margin). Its \"RPR\" is the purchase frequency, not the "
                    "share of repeat customers."), wrap=True)
    s.text("A19", t("LTV по марже, руб.", "LTV by margin, RUB"))
    s.formula("B19", "=LTV_AOV(B14;B15;B16;B17)", MONEY, "F_LTV_MARGIN")
    s.note("D19", t("Формула статьи «Повышение LTV»: (чек × частота × время) × маржа.",
                    "The formula of the \"Raising LTV\" article: (order value × frequency × time) × margin."),
           wrap=True)

    s.header("A21", ["LTV:CAC", "", "", ""])
    s.text("A22", t("Стоимость привлечения клиента (CAC), руб.", "Customer acquisition cost (CAC), RUB"))
    s.value("B22", 1500, MONEY, "F_CAC")
    s.text("A23", t("LTV:CAC (по марже)", "LTV:CAC (by margin)"))
    s.formula("B23", "=LTV_CAC(B19;B22)", DECIMAL, "F_LTV_CAC")
    s.formula("C23", '=IF(B23>=3;"{0}";"{1}")'.format(t("здоровое (≥ 3)", "healthy (≥ 3)"),
                                                       t("ниже 3", "below 3")))
    s.note("D23", t("Click.ru: «Если LTV больше CAC в три раза, то дела у компании идут хорошо».",
                    "Click.ru: \"If LTV is three times CAC, the company is doing well\"."), wrap=True)
    s.text("A24", "ROMI = (LTV − CAC) / CAC")
    s.formula("B24", "=ROMI(B19;B22;TRUE())", PERCENT, "F_ROMI_NET")
    s.header("A26", [t("LTV против CAC", "LTV against CAC"), t("руб.", "RUB")])
    s.text("A27", t("LTV по марже", "LTV by margin"))
    s.helper("B27", "=B19", MONEY)
    s.text("A28", "CAC")
    s.helper("B28", "=B22", MONEY)
    s.chart("LtvCac", "A30", (16, 6), ["A26:B28"], "Bar", t("LTV против CAC", "LTV against CAC"),
            horizontal=True, legend=False)
