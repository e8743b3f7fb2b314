"""The add-in in a Russian Calc: the Function Wizard shows the Russian texts of
registry/functions.json, and formulas typed the Russian way (decimal comma) work
under the same function names."""
import unittest

import cmoffice as lo
from calc import assert_wizard_says, function_descriptions, function_table

office = lo.SharedOffice(language="ru")
setUpModule, tearDownModule = office.set_up, office.tear_down


class RussianCalc(unittest.TestCase):
    def test_function_wizard_is_russian(self):
        table = function_table()
        seen = function_descriptions(office)
        self.assertIn("СУММ", seen, "the office UI is not Russian: is libreoffice-l10n-ru installed?")
        for function in table["functions"]:
            entry = seen.get(function["name"])
            self.assertIsNotNone(entry, function["name"])
            self.assertEqual(entry["Description"], function["description"]["ru"])
            self.assertEqual([a.Name for a in entry["Arguments"]], [p["display"]["ru"] for p in function["params"]])
            self.assertEqual([a.Description for a in entry["Arguments"]], [p["description"]["ru"] for p in function["params"]])

    def test_function_wizard_says_what_calc_does_not(self):
        """As test_functions: in Russian, "Возвращает N ячеек", the _ARRAY twins named, and
        "(необязательно)" or "(обязательно)" on every argument Calc marks optional."""
        assert_wizard_says(self, function_descriptions(office), "ru", "Возвращает",
                           ("необязательно", "(обязательно)"))

    def test_formulas_typed_in_russian(self):
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            typed = {
                "=CRR(110;115;60)": 0.5,
                "=LTV_SUBSCRIPTION(3000;0,4;0,9;0,95;0,073)": 1080 / 0.123,
                "=ROMI(CLV(182;0,37;0,8);600;ЛОЖЬ())": 182 / 1.43 / 600,
                "=СУММ(NPS_COUNTS(65;50;35);1)": 21,
            }
            for row, formula in enumerate(typed):
                sheet.getCellByPosition(0, row).setPropertyValue("FormulaLocal", formula)
            doc.calculateAll()
            for row, (formula, expected) in enumerate(typed.items()):
                cell = sheet.getCellByPosition(0, row)
                self.assertEqual(cell.getError(), 0, formula)
                self.assertAlmostEqual(cell.getValue(), expected, places=9, msg=formula)
                self.assertEqual(cell.getPropertyValue("FormulaLocal"), formula)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
