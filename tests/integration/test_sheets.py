"""The self-checking test sheets of tests/sheets/, run in real Calc with the extension.

Each .fods holds one function family, laid out as LibreOffice's own add-in test sheets
(sc/qa/unit/data/functions/addin/fods in the LibreOffice core repository): Sheet1 B2 is
=AND(...) over every case sheet's "Correct" column; each case sheet has one case a row:
A the formula, B the expected value (or Calc's error code: 502 Err:502, 532 #DIV/0!,
503 #NUM!, 519 #VALUE!, 504 Err:504, 32767 #N/A), C Correct =
IF(ISERROR(A2);ORG.OPENOFFICE.ERRORTYPE(A2)=B2;ABS(A2-B2)<=1E-9*MAX(1;ABS(B2))),
D =FORMULA(A2), E the source of the expected number. This runner opens each sheet, recalculates
hard and names every failing row. Open a sheet in Calc with the extension installed and
press Ctrl+Shift+F9 to see the same: every Correct cell green.

Run: ctest --preset integration -R test_sheets
"""
import glob
import re
import os
import sys
import unittest

import cmoffice as lo
from calc import column_index, function_table
from cases import DATA_COLUMNS

SHEETS = sorted(glob.glob(os.path.join(lo.ROOT, "tests", "sheets", "*.fods")))

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


def used_rows(sheet):
    cursor = sheet.createCursor()
    cursor.gotoEndOfUsedArea(False)
    return cursor.getRangeAddress().EndRow + 1


def failing_rows(doc):
    """'sheet row N: formula -> shown, expected' for every case whose Correct is not TRUE."""
    found = []
    for sheet in doc.Sheets:
        if sheet.getCellByPosition(2, 0).getString() != "Correct":
            continue  # Sheet1 and the data sheets
        for row in range(1, used_rows(sheet)):
            result, expected, correct = (sheet.getCellByPosition(c, row) for c in range(3))
            if result.getFormula() == "":
                continue
            if correct.getError() == 0 and correct.getValue() == 1:
                continue
            shown = ("error %d" % result.getError()) if result.getError() else repr(result.getValue())
            found.append("%s row %d: %s -> %s, expected %s" % (
                sheet.Name, row + 1, sheet.getCellByPosition(3, row).getString(), shown,
                expected.getString()))
    return found


def formulas(doc):
    names = set()
    for sheet in doc.Sheets:
        if sheet.getCellByPosition(2, 0).getString() == "Correct":
            for row in range(1, used_rows(sheet)):
                names.add(sheet.getCellByPosition(3, row).getString().upper())
    return names


class TestSheets(unittest.TestCase):
    maxDiff = None

    def test_every_sheet_is_correct_after_a_hard_recalculation(self):
        self.assertGreaterEqual(len(SHEETS), 5, SHEETS)
        total = 0
        for path in SHEETS:
            with self.subTest(sheet=os.path.basename(path)):
                doc = office.open(path)
                try:
                    doc.calculateAll()
                    problems = failing_rows(doc)
                    self.assertEqual(problems, [], os.path.basename(path))
                    summary = doc.Sheets.getByName("Sheet1").getCellRangeByName("B2")
                    self.assertEqual((summary.getError(), summary.getValue()), (0, 1.0),
                                     "Sheet1.B2 of " + os.path.basename(path))
                    total += sum(used_rows(s) - 1 for s in doc.Sheets
                                 if s.getCellByPosition(2, 0).getString() == "Correct")
                finally:
                    doc.close(True)
        print("\n%d test sheets, %d cases checked in Calc" % (len(SHEETS), total), file=sys.stderr)

    def test_every_data_sheet_holds_the_shared_data(self):
        """The Data sheet of every .fods that has one holds cases.py's DATA_COLUMNS, which
        test_functions.py writes into its own document: a column changed in one place and not
        the other fails here (the segment column Y had drifted into survey.fods alone); make_sheet.py
        writes it into them."""
        from com.sun.star.table.CellContentType import EMPTY, FORMULA, TEXT
        checked = 0
        for path in SHEETS:
            doc = office.open(path)
            try:
                if not doc.Sheets.hasByName("Data"):
                    continue
                sheet = doc.Sheets.getByName("Data")
                problems = []
                for letter, values in DATA_COLUMNS.items():
                    for row, value in enumerate(values):
                        cell = sheet.getCellByPosition(column_index(letter), row)
                        kind = cell.getType()
                        if value is None:
                            ok = kind == EMPTY
                        elif isinstance(value, str) and value.startswith("="):
                            ok = kind == FORMULA and cell.getFormula().replace(" ", "").upper() == value.upper()
                        elif isinstance(value, str):
                            ok = kind == TEXT and cell.getString() == (value[1:] if value.startswith("'") else value)
                        else:
                            ok = kind not in (EMPTY, TEXT, FORMULA) and cell.getValue() == value
                        if not ok:
                            problems.append("%s%d: %r, shared data %r" % (letter, row + 1, cell.getFormula(), value))
                self.assertEqual(problems, [], os.path.basename(path))
                checked += 1
            finally:
                doc.close(True)
        self.assertGreater(checked, 0)

    def test_every_function_has_cases(self):
        seen = set()
        for path in SHEETS:
            doc = office.open(path)
            try:
                seen |= formulas(doc)
            finally:
                doc.close(True)
        called = set(re.findall(r"([A-Z_][A-Z0-9_.]*)\(", " ".join(seen)))
        missing = [f["name"] for f in function_table()["functions"] if f["name"] not in called]
        self.assertEqual(missing, [])


if __name__ == "__main__":
    unittest.main()
