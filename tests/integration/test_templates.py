"""The template workbooks, as a user gets them: with the .oxt installed in a fresh
profile, each template — in Russian and in English — is found through the office's template
path, opens as a new document, shows the articles' examples with no error cell, every result
is a live formula of the add-in, and changing an input changes the result. The English
workbooks hold no Cyrillic letter.

Expected numbers are the seed examples worked by hand (docs/SEED_EXAMPLES.md) or, for
the illustrative inputs, the arithmetic written out here.
"""
import unittest

import cmoffice as lo
from builder import STYLES, cyrillic_texts
from calc import error_cells, named_cell
from reference import cohort_reference, order_metrics

ADDIN = "ORG.CUSTOMERMETRICS.FUNCTIONS."
# Results that are plain Calc formulas on purpose: the articles' own churn variants and
# the native cross-check of the NPS.
NATIVE = {"NPS_NATIVE_CHECK", "VAR_NET_END_1", "VAR_NET_START_1", "VAR_NET_END_2"}

EXPECTED = {
    "retention-churn": {
        "CRR_SHOP": 55 / 110, "CHURN_SHOP": 55 / 110,                 # (115 − 60) / 110
        "CRR_ROMASHKA": 1400 / 1500,                                  # (1650 − 250) / 1500
        "CRR_MTS": 90 / 100,                                          # (95 − 5) / 100
        "CRR_ONLINE": 180 / 190, "CHURN_ONLINE": 10 / 190,            # 190 → 205, 25 new
        "CHURN_DECLINE": 10 / 100,                                    # 100 → 90
        "VAR_CHURN_1": 0.1, "VAR_ONE_MINUS_CRR_1": 0.1, "VAR_NET_END_1": 10 / 90, "VAR_NET_START_1": 0.1,
        "VAR_CHURN_2": 10 / 190, "VAR_ONE_MINUS_CRR_2": 10 / 190, "VAR_NET_END_2": -15 / 205,
        "MONTH_CRR_1": 0.5, "MONTH_CHURN_1": 0.5, "MONTH_CRR_2": 90 / 115,  # 115 → 120, 30 new
    },
    "nps-repeat-purchases": {
        "NPS_SURVEY": 20, "NPS_ANSWERS": 20, "NPS_NATIVE_CHECK": 20,  # 100 × (65 − 35) / 150
        "RPR_SHOP": 65 / 150,
    },
    "ltv-clv-romi": {
        "FIT_LTV": 1080 / 0.123, "FIT_LIFETIME": 10, "FIT_LTV_SHORT": 30000,
        "CALC_CLV": 182 / 0.63, "CALC_CLV_DISCOUNTED": 182 / 1.43,
        "CALC_ROMI": 182 / 0.63 / 600, "CALC_ROMI_DISCOUNTED": 182 / 1.43 / 600,
        "F_ARPU": 1500000 / 3000, "F_LTV_ARPU": 500 * 10, "F_LTV_REVENUE": 2000 * 3 * 4,
        "F_LTV_MARGIN": 2000 * 3 * 4 * 0.25, "F_LTV_CAC": 6000 / 1500, "F_ROMI_NET": (6000 - 1500) / 1500,
    },
    "cohort-analysis": {
        "LISTS_CRR": 55 / 110, "LISTS_CHURN": 55 / 110,  # seed 000: 110 → 115 with 60 new, as id lists
    },
    "earnings-retention": {
        "RETENTION_NED": 0.8, "PAYOUT_NED": 0.2, "RETENTION_ABC": 0.7, "PAYOUT_ABC": 0.3,
        "RETENTION_XYZ": 0.4, "PAYOUT_XYZ": 0.6,
    },
}

# The English workbooks: file name "<name>-en", the same named cells and numbers.
LANGUAGES = {"ru": "", "en": "-en"}
# Sheets of the cohort workbook the test reads, by language.
COHORT_SHEETS = {"ru": ("Заказы", "Когорты"), "en": ("Orders", "Cohorts")}

# (input, new value, result, expected after the change)
CHANGES = {
    "retention-churn": ("END_SHOP", 120, "CRR_SHOP", 60 / 110),
    "nps-repeat-purchases": ("DETRACTORS", 15, "NPS_SURVEY", 100 * (65 - 15) / 130),
    "ltv-clv-romi": ("FIT_DISCOUNT", 0.1, "FIT_LTV", 1080 / 0.15),
    "earnings-retention": ("DIVIDENDS_NED", 50000, "RETENTION_NED", 0.5),
    "cohort-analysis": ("COHORT_FIRST_SIZE", None, None, None),  # checked in test_cohort_template
}

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


class Templates(unittest.TestCase):
    def test_templates_are_on_the_office_template_path(self):
        found = office.find_templates()
        wanted = {name + suffix for name in EXPECTED for suffix in LANGUAGES.values()}
        self.assertEqual(sorted(wanted - set(found)), [])

    def check_values(self, doc, expected, when):
        for name, value in expected.items():
            cell = named_cell(doc, name)
            self.assertEqual(cell.getError(), 0, "%s %s" % (name, when))
            self.assertAlmostEqual(cell.getValue(), value, places=9, msg="%s %s" % (name, when))

    def test_each_template(self):
        found = office.find_templates()
        for (template, expected), (language, suffix) in \
                ((item, language) for item in EXPECTED.items() for language in LANGUAGES.items()):
            with self.subTest(template=template, language=language):
                doc = office.open(found[template + suffix], AsTemplate=True)
                try:
                    untranslated = cyrillic_texts(doc)
                    if language == "en":
                        self.assertEqual(untranslated, [], "Russian text in the English template")
                    else:  # the check finds Cyrillic where there is some
                        self.assertGreater(len(untranslated), 10)
                    input_style, result_style = (STYLES[role][0 if language == "ru" else 1]
                                                 for role in ("input", "result"))
                    source, new_value = CHANGES[template][:2]
                    if new_value is not None:
                        self.assertEqual(named_cell(doc, source).CellStyle, input_style, source)
                    self.check_values(doc, expected, "as opened")
                    doc.calculateAll()
                    self.check_values(doc, expected, "recalculated")
                    self.assertEqual(error_cells(doc), [])
                    for name in expected:
                        formula = named_cell(doc, name).getFormula()
                        self.assertTrue(formula.startswith("="), "%s is typed, not computed" % name)
                        if name not in NATIVE:
                            self.assertIn(ADDIN, formula.upper(), name)
                            self.assertEqual(named_cell(doc, name).CellStyle, result_style, name)
                    charts = sum(sheet.getCharts().getCount() for sheet in doc.Sheets)
                    self.assertGreaterEqual(charts, 1, "no chart")

                    source, new_value, result, after = CHANGES[template]
                    if new_value is not None:
                        named_cell(doc, source).setValue(new_value)
                        doc.calculateAll()
                        self.assertAlmostEqual(named_cell(doc, result).getValue(), after, places=9)
                finally:
                    doc.close(True)

    def test_cohort_template(self):
        for language in LANGUAGES:
            with self.subTest(language=language):
                self.check_cohort_template(language)

    def check_cohort_template(self, language):
        """The heat map shows what a Python count of the sample orders gives, and follows
        an edited order."""
        orders_name, cohorts_name = COHORT_SHEETS[language]
        doc = office.open(office.find_templates()["cohort-analysis" + LANGUAGES[language]], AsTemplate=True)
        try:
            orders = doc.Sheets.getByName(orders_name)
            cursor = orders.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last = cursor.getRangeAddress().EndRow
            rows = orders.getCellRangeByPosition(0, 1, 2, last).getDataArray()
            self.assertGreater(len(rows), 2000)
            cohorts_sheet = doc.Sheets.getByName(cohorts_name)

            def check():
                doc.calculateAll()
                _, sizes, shares = cohort_reference([(r[0], r[1]) for r in rows])
                for c, size in enumerate(sizes):
                    self.assertEqual(cohorts_sheet.getCellByPosition(1, 4 + c).getValue(), size)
                    for k, share in enumerate(shares[c]):
                        cell = cohorts_sheet.getCellByPosition(2 + k, 4 + c)
                        self.assertAlmostEqual(cell.getValue(), share, places=12, msg=(c, k))
                rpr, frequency, arpu = order_metrics([r[0] for r in rows], [r[2] for r in rows])
                self.assertAlmostEqual(named_cell(doc, "ORDERS_RPR").getValue(), rpr, places=12)
                self.assertAlmostEqual(named_cell(doc, "ORDERS_FREQUENCY").getValue(), frequency, places=12)
                self.assertAlmostEqual(named_cell(doc, "ORDERS_ARPU").getValue(), arpu, places=9)

            check()
            formats = cohorts_sheet.ConditionalFormats
            self.assertGreaterEqual(formats.getLength(), 1, "no heat map")
            entry = formats.getConditionalFormats()[0].getByIndex(0)
            self.assertEqual(entry.Type, 1)  # ConditionEntryType.COLORSCALE
            # A customer of the first cohort orders again in the last month.
            first_customer = rows[0][0]
            orders.getCellByPosition(0, last + 1).setString(first_customer)
            orders.getCellByPosition(1, last + 1).setValue(rows[-1][1])
            orders.getCellByPosition(2, last + 1).setValue(1000)
            rows = tuple(rows) + ((first_customer, rows[-1][1], 1000.0),)
            check()
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
