"""Template «Подписка: MRR и удержание» / "Subscriptions: MRR and retention": the fitness club of
article A2 of docs/SOURCES.md (annual membership 36 000 ₽ = MRR 3 000 ₽, customer retention 90 %, MRR retention 95 %,
gross margin 40 %, discount 7.3 % a month) seen through a generated 24-month billing export:
the MRR movements (MRR_MOVEMENTS), NRR / GRR / quick ratio / customer retention by month, an
MRR bridge (waterfall) over the last 12 months, the survival of the acquisition cohorts
(SUBSCRIPTION_SURVIVAL) and the subscription LTV from the export beside the article's.
Functions: cm/subscription.hpp, cm/value.hpp."""
import datetime
import random

import uno

from builder import DECIMAL, MONEY, PERCENT, WHOLE

TITLE = ("Подписка: MRR и удержание", "Subscriptions: MRR and retention")
FILE = "subscription-mrr"
# Sheet names, (Russian, English): the formulas refer to the export and the table by name.
EXPORT = ("Выгрузка биллинга", "Billing export")
MOVEMENTS = ("Движение MRR", "MRR movements")
BRIDGE = ("Мост MRR", "MRR bridge")
SURVIVAL = ("Выживание когорт", "Cohort survival")
LTV = ("LTV", "LTV")
MONTHS = 24
LAST_ROW = 30000          # the formulas read the export's rows 2..LAST_ROW
TABLE_TOP = 5             # first row of the movements table (row 4 holds the headings)

# The club (article A2 of docs/SOURCES.md): new members pay the annual membership monthly, 3 000 ₽.
PRICE = 3000.0
# Generator of the export, tuned so that the export shows the article's figures: each member
# has their own monthly chance of leaving, drawn from Beta(2, 14.5) (mean 12 %, members
# differ: the loyal ones stay, so the base keeps about 90 % a month); a staying member buys
# extras (personal training, +25 %) with 21 % a month and drops some (−20 %) with 3 %, so
# that the revenue of the members at the start of a month falls only about 5 % a month (MRR
# retention 95 %) while the members fall 10 %; 2 % of former members come back each month;
# 0.3 % of member-months are frozen (charged, then refunded in full: a row of −MRR).
CHURN_BETA = (2.0, 14.5)
EXTRAS, DROPS, COME_BACK, FREEZE = 0.21, 0.03, 0.02, 0.003
OPENING, JOINING = 300, (45, 65)


def serial(day):
    return float((day - datetime.date(1899, 12, 30)).days)


def billing_export(prefix, seed=36000):
    """(member id, date of the charge, MRR) by date: reproducible, the same in both languages
    (only the id prefix differs)."""
    rng = random.Random(seed)
    members, rows = [], []
    for month in range(MONTHS):
        for _ in range(OPENING if month == 0 else rng.randint(*JOINING)):
            members.append(dict(id="%s%04d" % (prefix, len(members) + 1), churn=rng.betavariate(*CHURN_BETA),
                                mrr=PRICE, paying=True, joined=month, day=rng.randint(1, 28)))
        year, month_of_year = 2024 + month // 12, month % 12 + 1
        for member in members:
            if member["joined"] < month:
                if member["paying"]:
                    if rng.random() < member["churn"]:
                        member["paying"] = False
                    else:
                        change = rng.random()
                        if change < EXTRAS:
                            member["mrr"] = round(member["mrr"] * 1.25 / 50) * 50.0
                        elif change < EXTRAS + DROPS and member["mrr"] > PRICE:
                            member["mrr"] = max(PRICE, round(member["mrr"] * 0.8 / 50) * 50.0)
                elif rng.random() < COME_BACK:
                    member["paying"], member["mrr"] = True, PRICE
            if member["paying"]:
                day = serial(datetime.date(year, month_of_year, member["day"]))
                rows.append((member["id"], day, member["mrr"]))
                if member["joined"] < month and rng.random() < FREEZE:
                    rows.append((member["id"], day + 1, -member["mrr"]))
    rows.sort(key=lambda row: (row[1], row[0]))
    return rows


def build(workbook):
    t = workbook.t
    rows = billing_export(t("Ч-", "M-"))
    export_sheet(workbook, rows)
    movements_sheet(workbook)
    bridge_sheet(workbook)
    survival_sheet(workbook)
    ltv_sheet(workbook)
    workbook.doc.Sheets.moveByName(t(*EXPORT), workbook.doc.Sheets.getCount())  # results first, data last


def export_ranges(workbook):
    name = workbook.t(*EXPORT)
    return tuple("$'%s'.$%s$2:$%s$%d" % (name, column, column, LAST_ROW) for column in "ABC")


def export_sheet(workbook, rows):
    t = workbook.t
    s = workbook.sheet(t(*EXPORT), [3.0, 3.2, 3.0, 9.0], one_page=False)
    s.header("A1", [t("Клиент", "Member"), t("Дата списания", "Charge date"), t("MRR, руб.", "MRR, RUB")])
    area = s.sheet.getCellRangeByPosition(0, 1, 2, len(rows))
    area.setDataArray(tuple(rows))
    area.CellStyle = workbook.style("input")
    s.sheet.getCellRangeByPosition(1, 1, 1, len(rows)).NumberFormat = workbook.format_key(
        t("DD.MM.YYYY", "YYYY-MM-DD"))
    s.sheet.getCellRangeByPosition(2, 1, 2, len(rows)).NumberFormat = workbook.format_key(WHOLE)
    s.note("E1", t("Условные данные: %d строк — списания %d месяцев фитнес-клуба из статьи (абонемент "
                   "36 000 руб. в год = 3 000 руб. в месяц). Вставьте сюда свою выгрузку биллинга: клиент, "
                   "любая дата месяца, MRR этого месяца." % (len(rows), MONTHS),
                   "Illustrative data: %d rows, %d months of charges of the article's fitness club (a "
                   "36,000 RUB annual membership = 3,000 RUB a month). Paste your billing export here: "
                   "member, any date in the month, that month's MRR." % (len(rows), MONTHS)))
    s.note("E2", t("Несколько строк клиента за месяц складываются; возврат — отрицательная строка; месяц "
                   "с суммой 0 или меньше считается неоплаченным.",
                   "Several rows of a member in one month add up; a refund is a negative row; a month that "
                   "nets to 0 or less counts as not paid."))
    s.note("E3", t("Формулы читают строки 2–%d; для большей выгрузки расширьте диапазоны." % LAST_ROW,
                   "The formulas read rows 2–%d; widen the ranges for a longer export." % LAST_ROW))
    return s


def movements_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t(*MOVEMENTS), [2.3] + [2.4] * 7 + [2.1] * 5 + [1.9] * 4)
    s.title("A1", t("Движение MRR фитнес-клуба по месяцам", "The fitness club's MRR movements by month"))
    wide_note(s, "A2:Q2", t("Формула массива MRR_MOVEMENTS по выгрузке биллинга; определения ChartMogul: новый — первый "
                   "платёж клиента, возврат — платёж после перерыва, расширение / сокращение — рост / снижение "
                   "у платившего в оба месяца, отток — MRR прошлого месяца у переставшего платить.",
                   "The array formula MRR_MOVEMENTS over the billing export; ChartMogul's definitions: new is a "
                   "member's first payment, reactivation a payment after a gap, expansion / contraction the rise "
                   "/ fall of a member paying in both months, churned last month's MRR of a member who stopped."))
    s.header("A4", [t("Месяц", "Month"), t("MRR на начало", "MRR at start"), t("Новый", "New"),
                    t("Расширение", "Expansion"), t("Сокращение", "Contraction"), t("Отток", "Churned"),
                    t("Возврат", "Reactivation"), t("MRR на конец", "MRR at end"),
                    t("Клиентов на начало", "Members at start"), t("Новых", "New"), t("Ушли", "Churned"),
                    t("Вернулись", "Reactivated"), t("Клиентов на конец", "Members at end"),
                    "NRR", "GRR", "Quick ratio", t("Удержание клиентов", "Member retention")])
    first, last = TABLE_TOP, TABLE_TOP + MONTHS - 1
    ids, months, mrr = export_ranges(workbook)
    table = s.sheet.getCellRangeByPosition(0, first - 1, 12, last - 1)
    s.sheet.getCellRangeByPosition(0, first - 1, 0, last - 1).NumberFormat = workbook.format_key(
        t("MM.YYYY", "MMM YYYY"))
    s.sheet.getCellRangeByPosition(1, first - 1, 12, last - 1).NumberFormat = workbook.format_key(WHOLE)
    table.setArrayFormula("=MRR_MOVEMENTS(%s;%s;%s)" % (ids, months, mrr))
    table.CellStyle = workbook.style("result")
    s.sheet.getCellRangeByPosition(0, first - 1, 12, last - 1).NumberFormat = workbook.format_key(WHOLE)
    s.sheet.getCellRangeByPosition(0, first - 1, 0, last - 1).NumberFormat = workbook.format_key(
        t("MM.YYYY", "MMM YYYY"))
    s.name_cell("SUB_FIRST_MONTH", "A%d" % first)
    s.name_cell("SUB_FIRST_NEW", "C%d" % first)
    s.name_cell("SUB_LAST_MRR", "H%d" % last)
    # The ratios from the second month: the first has no MRR at its start.
    for row in range(first + 1, last + 1):
        s.formula("N%d" % row, "=NRR(B{0};D{0};E{0};F{0})".format(row), PERCENT)
        s.formula("O%d" % row, "=GRR(B{0};E{0};F{0})".format(row), PERCENT)
        s.formula("P%d" % row, "=QUICK_RATIO(C{0};D{0};E{0};F{0};G{0})".format(row), DECIMAL)
        s.formula("Q%d" % row, "=CRR(I{0};M{0};J{0}+L{0})".format(row), PERCENT)
    average = last + 2
    s.text("A%d" % average, t("Среднее за месяцы 2–%d" % MONTHS, "Average of months 2–%d" % MONTHS))
    for column, number_format, name in (("N", PERCENT, "SUB_NRR_AVG"), ("O", PERCENT, "SUB_GRR_AVG"),
                                        ("P", DECIMAL, "SUB_QR_AVG"), ("Q", PERCENT, "SUB_CRR_AVG")):
        s.helper("%s%d" % (column, average), "=AVERAGE({0}{1}:{0}{2})".format(column, first + 1, last),
                 number_format, name)
    s.text("A%d" % (average + 1), t("MRR нового клиента, руб.", "MRR of a new member, RUB"))
    s.helper("C%d" % (average + 1), "=SUM(C{0}:C{1})/SUM(J{0}:J{1})".format(first, last), WHOLE, "SUB_NEW_MRR")
    s.note("D%d" % (average + 1), t("= новый MRR / новые клиенты; в статье 3 000 руб.",
                                    "= new MRR / new members; the article says 3,000 RUB."))
    notes = average + 3
    wide_note(s, "A{0}:Q{0}".format(notes), t("NRR = (начало + расширение − сокращение − отток) / начало; GRR — то же без "
                            "расширения; quick ratio = (новый + расширение + возврат) / (сокращение + отток); "
                            "удержание клиентов = CRR(на начало; на конец; новые + вернувшиеся).",
                            "NRR = (start + expansion − contraction − churned) / start; GRR the same without "
                            "expansion; quick ratio = (new + expansion + reactivation) / (contraction + churned); "
                            "member retention = CRR(at start; at end; new + reactivated)."))
    wide_note(s, "A{0}:Q{0}".format(notes + 1), t("«Удержание MRR» статьи (возобновлённый MRR / MRR к продлению, 95 %) — это NRR: "
                                  "выручка тех, кто был на начале месяца, с учётом их расширений; без расширений — GRR.",
                                  "The article's \"MRR retention\" (renewed MRR / MRR up for renewal, 95%) is the "
                                  "NRR: the revenue of those present at the start, with their expansion; without "
                                  "it, the GRR."))
    s.chart("RetentionByMonth", "A%d" % (notes + 3), (24, 8),
            ["A4:A%d" % last, "N4:O%d" % last, "Q4:Q%d" % last], "Line",
            t("NRR, GRR и удержание клиентов по месяцам", "NRR, GRR and member retention by month"))
    return s


def bridge_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t(*BRIDGE), [8.0, 3.0, 3.0, 3.0, 3.0, 7.0])
    s.title("A1", t("Мост MRR за последние 12 месяцев", "MRR bridge over the last 12 months"))
    wide_note(s, "A2:F2", t("Откуда пришёл и куда ушёл MRR: от MRR на начало 13-го месяца до MRR на конец %d-го. "
                   "Невидимый ряд «основание» поднимает каждый столбик на уровень предыдущего." % MONTHS,
                   "Where MRR came from and went: from the MRR at the start of month 13 to the MRR at the end "
                   "of month %d. The invisible series \"base\" lifts each bar to the level of the previous one."
                   % MONTHS))
    m = "$'%s'." % t(*MOVEMENTS)
    first, last = TABLE_TOP + 12, TABLE_TOP + MONTHS - 1

    def total(column):
        return "=SUM(%s%s%d:%s%d)" % (m, column, first, column, last)

    s.header("A4", [t("Движение", "Movement"), t("Основание", "Base"), t("Итог", "Total"),
                    t("Прирост", "Increase"), t("Снижение", "Decrease")])
    lines = [  # label, base formula, total, increase, decrease
        (t("MRR на начало", "MRR at start"), "=0", "=%sB%d" % (m, first), "=0", "=0"),
        (t("Новый", "New"), "=C5", "=0", total("C"), "=0"),
        (t("Расширение", "Expansion"), "=B6+D6", "=0", total("D"), "=0"),
        (t("Возврат", "Reactivation"), "=B7+D7", "=0", total("G"), "=0"),
        (t("Сокращение", "Contraction"), "=B8+D8-E9", "=0", "=0", total("E")),
        (t("Отток", "Churned"), "=B9-E10", "=0", "=0", total("F")),
        (t("MRR на конец", "MRR at end"), "=0", "=%sH%d" % (m, last), "=0", "=0"),
    ]
    for offset, (label, base, whole, up, down) in enumerate(lines):
        row = 5 + offset
        s.text("A%d" % row, label)
        for column, formula in zip("BCDE", (base, whole, up, down)):
            s.helper("%s%d" % (column, row), formula, WHOLE)
    s.text("A13", t("Проверка: начало + приход − уход − конец", "Check: start + gains − losses − end"))
    s.helper("B13", "=C5+SUM(D6:D8)-SUM(E9:E10)-C11", WHOLE, "BRIDGE_CHECK")
    s.note("C13", t("0: мост сходится.", "0: the bridge closes."))
    chart = s.chart("MrrBridge", "A15", (22, 10), ["A4:E11"], "Bar",
                    t("Мост MRR: месяцы 13–%d" % MONTHS, "MRR bridge: months 13–%d" % MONTHS),
                    stacked=True, legend=False)
    diagram = chart.getDiagram()
    none = uno.Enum("com.sun.star.drawing.FillStyle", "NONE")
    no_line = uno.Enum("com.sun.star.drawing.LineStyle", "NONE")
    base = diagram.getDataRowProperties(0)
    base.FillStyle, base.LineStyle = none, no_line
    for index, colour in ((1, 0x4472C4), (2, 0x70AD47), (3, 0xC00000)):
        series = diagram.getDataRowProperties(index)
        series.FillColor = colour
    return s


def survival_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t(*SURVIVAL), [2.3, 1.6] + [1.2] * MONTHS)
    s.title("A1", t("Выживание когорт привлечения", "Survival of the acquisition cohorts"))
    wide_note(s, "A2:Y2", t("Формула массива SUBSCRIPTION_SURVIVAL: строка — месяц первой оплаты, затем размер когорты и "
                   "число клиентов, плативших без перерыва 1, 2, … месяца спустя. Столбцы B… — ровно та таблица, "
                   "которую принимает SBG_FIT.",
                   "The array formula SUBSCRIPTION_SURVIVAL: a row is the month of the first payment, then the "
                   "cohort size and the members paying without a break 1, 2, … months later. Columns B… are "
                   "exactly the table SBG_FIT accepts."))
    s.header("A4", [t("Когорта", "Cohort"), t("Размер", "Size")] + [str(k) for k in range(1, MONTHS)])
    s.sheet.getCellRangeByPosition(1, 3, MONTHS, 3).HoriJustify = uno.Enum("com.sun.star.table.CellHoriJustify",
                                                                            "RIGHT")  # over the numbers
    ids, months, mrr = export_ranges(workbook)
    first, last = TABLE_TOP, TABLE_TOP + MONTHS - 1
    table = s.sheet.getCellRangeByPosition(0, first - 1, MONTHS, last - 1)
    table.setArrayFormula("=SUBSCRIPTION_SURVIVAL(%s;%s;%s)" % (ids, months, mrr))
    table.CellStyle = workbook.style("result")
    table.NumberFormat = workbook.format_key(WHOLE)
    s.sheet.getCellRangeByPosition(0, first - 1, 0, last - 1).NumberFormat = workbook.format_key(
        t("MM.YYYY", "MMM YYYY"))
    s.name_cell("SURVIVAL_FIRST_SIZE", "B%d" % first)
    s.name_cell("SURVIVAL_FIRST_MONTH1", "C%d" % first)

    return s


def ltv_sheet(workbook):
    t = workbook.t
    s = workbook.sheet(t(*LTV), [9.5, 3.2, 3.2, 3.0, 9.0])
    s.title("A1", t("LTV подписки: из выгрузки и по статье", "Subscription LTV: from the export and by the article"))
    wide_note(s, "A2:E2", t("Слева — удержание и NRR, измеренные по выгрузке (среднее за месяцы 2–%d), справа — входные "
                            "данные статьи. Маржа и ставка дисконтирования общие: жёлтые ячейки справа." % MONTHS,
                            "Left: the retention and NRR measured in the export (average of months 2–%d); right: the "
                            "article's inputs. Margin and discount rate are shared: the yellow cells on the right."
                            % MONTHS))
    top = 4
    s.header("A%d" % top, [t("Входные данные", "Input"), t("Из выгрузки", "From the export"), t("Статья", "Article"),
                           t("В статье", "Printed"), t("Примечание", "Note")])
    moves = "$'%s'." % t(*MOVEMENTS)
    average = TABLE_TOP + MONTHS + 1
    inputs = [  # label, from the export, article's input, format, name of the article's input, note
        (t("MRR нового клиента, руб.", "MRR of a new member, RUB"), "=%s$C$%d" % (moves, average + 1),
         3000, WHOLE, "SUB_ARTICLE_MRR", t("Новый MRR / новые клиенты.", "New MRR / new members.")),
        (t("Валовая маржа", "Gross margin"), "=C{row}", 0.40, PERCENT, "SUB_MARGIN", ""),
        (t("Удержание клиентов в месяц", "Member retention a month"), "=%s$Q$%d" % (moves, average),
         0.90, PERCENT, "SUB_ARTICLE_RETENTION", t("Среднее CRR по месяцам.", "Average monthly CRR.")),
        (t("Удержание MRR в месяц (NRR)", "MRR retention a month (NRR)"), "=%s$N$%d" % (moves, average),
         0.95, PERCENT, "SUB_ARTICLE_MRR_RETENTION", t("Среднее NRR по месяцам.", "Average monthly NRR.")),
        (t("Ставка дисконтирования в месяц", "Discount rate a month"), "=C{row}", 0.073, PERCENT, "SUB_DISCOUNT",
         ""),
    ]
    for offset, (label, measured, article, number_format, name, note) in enumerate(inputs, start=1):
        row = top + offset
        s.text("A%d" % row, label)
        s.helper("B%d" % row, measured.format(row=row), number_format)
        s.value("C%d" % row, article, number_format, name)
        if note:
            s.note("E%d" % row, note)
    row = top + len(inputs) + 1
    s.text("A%d" % row, t("LTV_SUBSCRIPTION, руб.", "LTV_SUBSCRIPTION, RUB"))
    s.formula("B%d" % row, "=LTV_SUBSCRIPTION(B{0};B{1};B{2};B{3};B{4})".format(*range(top + 1, top + 6)),
              MONEY, "SUB_LTV_EXPORT")
    s.formula("C%d" % row, "=LTV_SUBSCRIPTION(C{0};C{1};C{2};C{3};C{4})".format(*range(top + 1, top + 6)),
              MONEY, "SUB_LTV_ARTICLE")
    s.printed("D%d" % row, t("≈ 8 780 руб.", "≈ 8,780 RUB"))
    s.note("E%d" % row, t("MRR × маржа × удержание / (1 + ставка − удержание MRR).",
                          "MRR × margin × retention / (1 + rate − MRR retention)."))
    sbg_block(workbook, s, row + 3, top)
    return s


def wide_note(s, cells, text, height_cm=1.0):
    """An explanation over merged cells, wrapped, in a row tall enough for it."""
    s.merge_note(cells, text)
    first_row = int("".join(c for c in cells.split(":")[0] if c.isdigit()))
    s.sheet.getRows().getByIndex(first_row - 1).Height = int(height_cm * 1000)


def sbg_block(workbook, s, top, inputs_top):
    """The survival table fitted with the shifted-beta-geometric model and the LTV from its
    discounted expected residual lifetime, beside LTV_SUBSCRIPTION (needs SBG_FIT, SBG_DERL).
    inputs_top: the heading row of the LTV inputs (MRR from the export in B below it, margin
    and rate in C)."""
    t = workbook.t
    first, last = TABLE_TOP, TABLE_TOP + MONTHS - 1
    mrr, margin, rate = "B%d" % (inputs_top + 1), "C%d" % (inputs_top + 2), "C%d" % (inputs_top + 5)
    survival = "$'%s'." % t(*SURVIVAL)
    s.header("A%d" % top, [t("Модель sBG по таблице выживания", "The sBG model of the survival table"),
                           "alpha", "beta", "LL"])
    fit = s.sheet.getCellRangeByPosition(1, top, 3, top)
    fit.NumberFormat = workbook.format_key("0.000")
    s.sheet.getCellByPosition(3, top).NumberFormat = workbook.format_key(MONEY)  # LL: -3 244.25, as the sums
    fit.setArrayFormula("=SBG_FIT(%sB%d:%s%d)" % (survival, first, chr(ord("A") + MONTHS), last))
    fit.CellStyle = workbook.style("result")
    s.text("A%d" % (top + 1), t("Параметры SBG_FIT", "SBG_FIT parameters"))
    s.name_cell("SUB_SBG_ALPHA", "B%d" % (top + 1))
    params = "B{0}:C{0}".format(top + 1)
    s.text("A%d" % (top + 2), t("DERL: ожидаемые оплаты нового клиента, с дисконтом",
                                "DERL: a new member's expected payments, discounted"))
    # DERL counts the renewals after the current payment, the next one undiscounted
    # (docs/FUNCTIONS.md, SBG_DERL): discounted once more it is on LTV_SUBSCRIPTION's footing.
    s.formula("B%d" % (top + 2), "=SBG_DERL(%s;%s)" % (params, rate), DECIMAL, "SUB_SBG_DERL")
    s.text("A%d" % (top + 3), t("LTV = MRR × маржа × DERL / (1 + ставка), руб.",
                                "LTV = MRR × margin × DERL / (1 + rate), RUB"))
    s.formula("B%d" % (top + 3), "=%s*%s*B%d/(1+%s)" % (mrr, margin, top + 2, rate), MONEY, "SUB_SBG_LTV")
