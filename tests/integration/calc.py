"""Small helpers to fill Calc sheets and read what cells show."""
import os
import re
import sys

import uno

from cases import ERROR_CODES

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # the repository


sys.path.insert(0, os.path.join(ROOT, "registry"))
import function_table as _table  # noqa: E402  (registry/functions.json, the _ARRAY twins generated)


def function_table():
    """Every function with its texts in English and Russian, as the Function Wizard must show
    them: registry/functions.json with the _ARRAY twins generated (registry/function_table.py)."""
    return _table.load()


def function_descriptions(office):
    """{function name as the UI shows it: its Function Wizard entry} of a running office."""
    descriptions = office.service("com.sun.star.sheet.FunctionDescriptions")
    seen = {}
    for index in range(descriptions.getCount()):
        entry = {p.Name: p.Value for p in descriptions.getByIndex(index)}
        seen[entry["Name"]] = entry
    return seen


# The plain survey functions, whose first wizard page names their _ARRAY twin.
TWINS = tuple(_table.twins())


def array_functions():
    """The functions whose result the IDL declares as an array."""
    with open(os.path.join(ROOT, "idl", "XCustomerMetrics.idl"), encoding="utf-8") as f:
        idl = f.read()
    return set(re.findall(r"sequence<\s*sequence<\s*any\s*>\s*>\s+(\w+)\s*\(", idl))


def assert_wizard_says(test, seen, language, returns, markers):
    arrays = array_functions()
    test.assertIn("NPS_CI", arrays)
    for function in function_table()["functions"]:
        name = function["name"]
        entry = seen[name]
        # Three lines of the wizard's box (seen in gui_screenshots.py; a fourth is cut with "…").
        test.assertLessEqual(len(entry["Description"]), 195, name)
        if name in arrays:
            test.assertIn(returns, entry["Description"], name)
        if name in TWINS:
            test.assertIn(name + "_ARRAY", entry["Description"], name)
        for argument in entry["Arguments"]:
            if argument.IsOptional:
                test.assertTrue(any(m in argument.Description for m in markers),
                                "%s(%s): %s" % (name, argument.Name, argument.Description))


def column_index(column_letter):
    """0 for A, 25 for Z, 26 for AA... as Calc names its columns."""
    column = 0
    for letter in column_letter:
        column = column * 26 + ord(letter) - ord("A") + 1
    return column - 1


def fill_column(sheet, column_letter, values):
    """None leaves a cell empty, '=...' is a formula, "'text" is text even if it looks
    like a number, other strings are text, numbers are numbers."""
    column = column_index(column_letter)
    for row, value in enumerate(values):
        cell = sheet.getCellByPosition(column, row)
        if value is None:
            continue
        if isinstance(value, str):
            if value.startswith("="):
                cell.setFormula(value)
            else:
                cell.setString(value[1:] if value.startswith("'") else value)
        else:
            cell.setValue(value)


def check_cell(cell, case):
    """Returns None when the cell shows what `case` expects, else a description."""
    error = cell.getError()
    if isinstance(case.expected, str):
        want = ERROR_CODES[case.expected]
        if error != want:
            return "%s: want %s (%d), cell shows error %d, value %r" % (
                case.formula, case.expected, want, error, cell.getValue())
        return None
    if error:
        return "%s: want %r, cell shows error %d" % (case.formula, case.expected, error)
    value = cell.getValue()
    if abs(value - case.expected) > case.tolerance * max(1.0, abs(case.expected)):
        return "%s: want %r, cell shows %r" % (case.formula, case.expected, value)
    return None


def named_cell(doc, name):
    """The first cell of a document-level named range."""
    return doc.NamedRanges.getByName(name).getReferredCells().getCellByPosition(0, 0)


def error_cells(doc):
    """'Sheet!$A$1: formula' for every cell that shows an error. Only a formula can show one, so
    the office finds them (queryFormulaCells): reading every cell through UNO takes minutes on
    the templates that carry a data log of tens of thousands of rows."""
    error = uno.getConstantByName("com.sun.star.sheet.FormulaResult.ERROR")
    found = []
    for sheet in doc.Sheets:
        ranges = sheet.queryFormulaCells(error)
        for index in range(ranges.getCount()):
            area = ranges.getByIndex(index).getRangeAddress()
            for row in range(area.StartRow, area.EndRow + 1):
                for column in range(area.StartColumn, area.EndColumn + 1):
                    cell = sheet.getCellByPosition(column, row)
                    if cell.getError():
                        found.append("%s!%s: %s" % (sheet.Name, cell.AbsoluteName, cell.getFormula()))
    return found
