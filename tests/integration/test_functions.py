"""Every add-in function evaluated in real headless Calc, with the .oxt installed in a
fresh private profile: the worked examples of the articles and COHORT_RETENTION's arrays
(every other case is in the test sheets, test_sheets.py). The document is saved as .ods,
reopened (cached values), recalculated, and checked again each time. Also checks the Function Wizard texts the office reads.

Run: CM_OXT=build/customermetrics.oxt /usr/bin/python3 -m unittest test_functions
"""
import os
import sys
import tempfile
import unittest

import cmoffice as lo
from calc import assert_wizard_says, check_cell, fill_column, function_descriptions, function_table
from cases import ARRAY_CASES, DATA_COLUMNS, ERROR_CODES, EXTRA_SHEETS, LOOKUP_CASES, SEED_EXAMPLES

# Every other case of every function is in the test sheets (tests/sheets, test_sheets.py).
ALL_CASES = SEED_EXAMPLES + LOOKUP_CASES

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


class FunctionsInCalc(unittest.TestCase):
    def build_document(self):
        doc = office.new_spreadsheet()
        sheets = doc.Sheets
        sheets.getByIndex(0).setName("Cases")
        sheets.insertNewByName("Data", 1)
        data = sheets.getByName("Data")
        for column, values in DATA_COLUMNS.items():
            fill_column(data, column, values)
        for name, columns in EXTRA_SHEETS.items():
            sheets.insertNewByName(name, sheets.getCount())
            for column, values in columns.items():
                fill_column(sheets.getByName(name), column, values)
        cases = sheets.getByName("Cases")
        for row, case in enumerate(ALL_CASES):
            cases.getCellByPosition(0, row).setString(case.formula)
            cases.getCellByPosition(1, row).setFormula(case.formula)
        doc.calculateAll()
        return doc

    def failures(self, doc):
        sheet = doc.Sheets.getByName("Cases")
        found = []
        for row, case in enumerate(ALL_CASES):
            problem = check_cell(sheet.getCellByPosition(1, row), case)
            if problem:
                found.append(problem)
        return found

    def test_every_case_before_and_after_save_and_reopen(self):
        path = os.path.join(tempfile.mkdtemp(prefix="cm-it-"), "cases.ods")
        doc = self.build_document()
        try:
            self.assertEqual(self.failures(doc), [], "freshly calculated")
            doc.storeToURL(lo.file_url(path), lo.props(FilterName="calc8"))
        finally:
            doc.close(True)
        reopened = office.open(path)
        try:
            self.assertEqual(self.failures(reopened), [], "reopened, cached values")
            formula = reopened.Sheets.getByName("Cases").getCellByPosition(1, 0).getFormula()
            self.assertIn("ORG.CUSTOMERMETRICS.FUNCTIONS.CRR", formula.upper())
            reopened.calculateAll()
            self.assertEqual(self.failures(reopened), [], "reopened and recalculated")
        finally:
            reopened.close(True)
        print("\n%d cases (%d functions) checked 3 times in Calc" % (
            len(ALL_CASES), len({c.formula.split("(")[0] for c in ALL_CASES})), file=sys.stderr)

    def test_range_results_follow_their_cells(self):
        """The range is passed as a reference, not a copy: changing a cell recalculates."""
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            fill_column(sheet, "A", [10, 10, 0])
            sheet.getCellRangeByName("B1").setFormula("=NPS(A1:A10)")
            sheet.getCellRangeByName("B2").setFormula("=CSAT(C1:C10)")
            fill_column(sheet, "C", [5, 1])
            self.assertAlmostEqual(sheet.getCellRangeByName("B1").getValue(), 100 / 3)
            self.assertAlmostEqual(sheet.getCellRangeByName("B2").getValue(), 0.5)
            sheet.getCellRangeByName("A3").setValue(9)       # automatic recalculation, no calculateAll
            sheet.getCellRangeByName("A4").setString("n/a")
            sheet.getCellRangeByName("C3").setValue(4)
            self.assertAlmostEqual(sheet.getCellRangeByName("B1").getValue(), 100.0)
            self.assertAlmostEqual(sheet.getCellRangeByName("B2").getValue(), 2 / 3)
            sheet.getCellRangeByName("A5").setFormula("=1/0")  # the error cell shows as itself
            self.assertEqual(sheet.getCellRangeByName("B1").getError(), 532)
            sheet.getCellRangeByName("A6").setFormula("=B1")  # a circular reference, not a crash
            self.assertNotEqual(sheet.getCellRangeByName("A6").getError(), 0)
        finally:
            doc.close(True)

    def test_array_functions(self):
        doc = self.build_document()
        try:
            sheet = doc.Sheets.getByName("Cases")
            for formula, expected in ARRAY_CASES:
                if isinstance(expected, str):  # an error: shown in the corner cell
                    corner = sheet.getCellRangeByName("H1:H1")
                    corner.setArrayFormula(formula)
                    doc.calculateAll()
                    self.assertEqual(corner.getCellByPosition(0, 0).getError(), ERROR_CODES[expected], formula)
                    corner.setArrayFormula("")
                    continue
                target = sheet.getCellByPosition(7, 0).getSpreadsheet().getCellRangeByPosition(
                    7, 0, 7 + len(expected[0]) - 1, len(expected) - 1)
                target.setArrayFormula(formula)
                doc.calculateAll()
                for r, row in enumerate(expected):
                    for c, want in enumerate(row):
                        cell = target.getCellByPosition(c, r)
                        self.assertEqual(cell.getError(), 0, (formula, r, c))
                        if isinstance(want, str):  # "": an empty cell; else a text (a segment)
                            self.assertEqual(cell.getString(), want, (formula, r, c))
                        else:
                            self.assertAlmostEqual(cell.getValue(), want, places=12, msg=(formula, r, c))
                target.setArrayFormula("")
        finally:
            doc.close(True)

    def test_dates_follow_the_documents_origin(self):
        """A document whose null date is 1904-01-01 (Mac Excel), and dates typed as ISO text
        (a CSV import): orders 2024-03-01 (a), 2024-03-15 (b), 2024-04-02 (a) are one March
        cohort of 2, labelled 2024-03-01 in the document's own serials."""
        import uno
        for null_date, as_text in (((1904, 1, 1), False), ((1904, 1, 1), True), ((1899, 12, 30), True)):
            doc = office.new_spreadsheet()
            try:
                origin = uno.createUnoStruct("com.sun.star.util.Date")
                origin.Year, origin.Month, origin.Day = null_date
                doc.NullDate = origin
                sheet = doc.Sheets.getByIndex(0)
                fill_column(sheet, "A", ["a", "b", "a"])
                dates = ["2024-03-01", "2024-03-15", "2024-04-02"]
                fill_column(sheet, "B", ["'" + d for d in dates] if as_text else ["=DATEVALUE(\"%s\")" % d for d in dates])
                sheet.getCellRangeByName("D1").setFormula('=DATEVALUE("2024-03-01")')
                target = sheet.getCellRangeByName("E1:H1")
                target.setArrayFormula("=COHORT_RETENTION(A1:A3;B1:B3)")
                doc.calculateAll()
                label = (null_date, as_text)
                self.assertEqual(target.getCellByPosition(0, 0).getError(), 0, label)
                self.assertEqual(target.getCellByPosition(0, 0).getValue(), sheet.getCellRangeByName("D1").getValue(), label)
                self.assertEqual(target.getCellByPosition(1, 0).getValue(), 2, label)           # one cohort of 2
                self.assertEqual(target.getCellByPosition(2, 0).getValue(), 1, label)           # 100 % in March
                self.assertEqual(target.getCellByPosition(3, 0).getValue(), 0.5, label)         # a in April
                sheet.getCellRangeByName("B2").setString("15.03.2024")  # not ISO: refused, not guessed
                doc.calculateAll()
                self.assertEqual(target.getCellByPosition(0, 0).getError(), 502, label)
            finally:
                doc.close(True)

    def test_function_wizard_texts(self):
        table = function_table()
        seen = function_descriptions(office)
        for function in table["functions"]:
            entry = seen.get(function["name"])
            self.assertIsNotNone(entry, function["name"])
            self.assertEqual(entry["Description"], function["description"]["en"])
            self.assertEqual([a.Name for a in entry["Arguments"]], [p["display"]["en"] for p in function["params"]])
            self.assertEqual([a.Description for a in entry["Arguments"]], [p["description"]["en"] for p in function["params"]])

    def test_every_function_is_in_both_guides(self):
        """A new function needs its section in docs/FUNCTIONS.md and its row in FUNCTIONS.ru.md
        (CONTRIBUTING.md, "Adding a function"): its name must appear in each."""
        import re
        docs = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "docs")
        for guide in ("FUNCTIONS.md", "FUNCTIONS.ru.md"):
            with open(os.path.join(docs, guide), encoding="utf-8") as f:
                text = f.read()
            missing = [function["name"] for function in function_table()["functions"]
                       if not re.search(r"(?<![A-Z_])%s(?![A-Z_])" % re.escape(function["name"]), text)]
            self.assertEqual(missing, [], "document these functions in docs/%s" % guide)

    def test_function_wizard_says_what_calc_does_not(self):
        """The wizard's first page of every function that returns several cells says so (a
        function entered with Enter shows only its first value), the plain survey functions
        name their _ARRAY twin (Err:504 on an array says nothing), and an argument the wizard
        marks optional says "(optional)" or "(required)" (Calc marks every `any` optional)."""
        assert_wizard_says(self, function_descriptions(office), "en", "Returns",
                           ("(optional", "optional,", "(required)"))

    def test_documents_from_the_cell_range_version(self):
        """A document saved by the version before the survey functions took lists (tests/integration/data, made with
        the add-in built from commit 8c4100d) stores only the names and arguments, and loads
        and computes the same values. (NPS and CSAT took an XCellRange then, took an `any`
        for a while, and take an XCellRange again, arrays going to their _ARRAY
        twins: a stored call does not record the parameter's type.)"""
        import zipfile
        path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data",
                            "nps-csat-cell-range-version.ods")
        with zipfile.ZipFile(path) as package:
            content = package.read("content.xml").decode("utf-8")
        self.assertIn("of:=ORG.CUSTOMERMETRICS.FUNCTIONS.NPS([.A1:.A10])", content)
        doc = office.open(path)
        try:
            doc.calculateAll()
            sheet = doc.Sheets.getByIndex(0)
            # A1:A10: 10, 9, empty, 7, "n/a", 0, 10, 6, 9, 8 -> 4 promoters, 2 detractors of 8
            self.assertEqual(sheet.getCellRangeByName("B1").getError(), 0)
            self.assertAlmostEqual(sheet.getCellRangeByName("B1").getValue(), 100 * (4 - 2) / 8)
            for address in ("B2", "B3"):  # C1:C5: 5, 4, 3, 1, 5 -> 3 of 5 satisfied
                self.assertAlmostEqual(sheet.getCellRangeByName(address).getValue(), 3 / 5)
        finally:
            doc.close(True)

if __name__ == "__main__":
    unittest.main()
