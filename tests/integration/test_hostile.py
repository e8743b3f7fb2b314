"""Hostile input through real Calc. Every function of registry/functions.json gets
arguments from a pool of what users and files really produce — text, empty text,
booleans, error values, empty cells, error cells, ranges with errors, empty ranges, whole
columns, a whole sheet, ranges where a number belongs (a column, a row, a 2-D block),
numbers, text and inline arrays where a range belongs, a range through two sheets, a
reference list, OFFSET/INDIRECT, 1E+308, 1E-300, a subnormal, negatives — first each pool
value in each position, then random combinations: thousands of formulas in one document.

After a full recalculation the office must still answer, every cell must be a finite
number or an error value, and every cell must show what hostile_model.py works out without
Calc: the right number (reference.py) or the right error — never a silently wrong number.
The document is then saved, reopened, and must show the same.
"""
import datetime
import math
import os
import random
import sys
import tempfile
import time
import unittest

import cmoffice as lo
import hostile_model as model
from calc import ROOT, fill_column, function_table
from hostile_model import (ErrorValue, InlineArray, Literal, Omitted, ReferenceList, Text,
                           ThroughSheets, ref)

FORMULAS_PER_FUNCTION = 700
SEED = 20261124

NUMBERS = [Literal(t) for t in ("-1", "0", "0.5", "1", "2", "3", "10", "100", "0.9", "0.95", "1.1",
                                "0.073", "1E+308", "-1E+308", "1E-300", "2.3E-308")]
# Calc's own parser refuses a subnormal literal (Err:502 before the add-in is called): compute one.
NUMBERS.append(Literal("1E-300*1E-20", 1e-300 * 1e-20))
# Everything else a number or an optional argument can be given.
SCALARS = NUMBERS + [
    Text("text"), Text(""), Text("week"), Text("Quarter"), Text("Месяц"),
    Literal("TRUE()", 1.0), Literal("FALSE()", 0.0),
    ErrorValue("1/0", model.DIV0), ErrorValue("NA()", model.NA), Omitted(),
    ref("Data.Z1"), ref("Data.B1"), ref("Data.C1"), ref("Data.G1"), ref("Data.I1"),
    ref("Data.A1:A3"), ref("Data.A1:B2"), ref("Data.A1:AMJ1"), ref("Data.A:A", expensive=True),
    InlineArray([1, 2]), InlineArray([0.5]), ThroughSheets("$Sheet1.A1:$Data.A3"),
]
# Everything a range argument can be given.
RANGES = [
    ref("Data.A1:A20"), ref("Data.A:A"), ref("Data.A1:B20"), ref("Data.A1"), ref("Data.Z1"),
    ref("Data.C1:C3"), ref("Data.D1:D5"), ref("Data.E1:E3"), ref("Data.F1:F3"), ref("Data.G1:G4"),
    ref("Data.H1:H6"), ref("Data.H1:H4"), ref("Data.I1:I8"), ref("Data.I:I"), ref("Data.J1:J7"),
    ref("Data.K1:K6"), ref("Data.L1:L6"), ref("Data.M1:M4"), ref("Data.A1:AMJ1"), ref("Data.Z1:Z1048576"),
    ref("Data.A1:AMJ1048576"), ref("Far.1:1"), ref("Far.A1:AMJ1048576"), ref("Far.A:A", expensive=True),
    ref("Data.I1:I8", shown="OFFSET(Data.I1;0;0;8;1)"), ref("Data.J1:J7", shown='INDIRECT("Data.J1:J7")'),
    ref("Data.I1:J4", shown="Data.A1:J20!Data.I1:J4"), ReferenceList("Data.I1:I3~Data.I5:I8"),
    ThroughSheets("$Sheet1.A1:$Data.A3"), Literal("5"), Text("x"), InlineArray([1, 2, 3]),
    Literal("TRUE()", 1.0), ErrorValue("1/0", model.DIV0), Omitted(),
]
# Everything a list of answers (an `any` parameter: the survey functions' _ARRAY twins) can be
# given: the ranges without the whole sheets, which make Calc build 10^9 values before the
# add-in is called and take the office down (docs/ROBUSTNESS.md); inline arrays and values.
# A whole column costs Calc a million values per call here (a range parameter reads only its
# used part): drawn once per position, not in the random combinations.
ANSWERS = [ref(token.text, expensive=True) if token.text == "Data.Z1:Z1048576" else token
           for token in RANGES if token.text not in ("Data.A1:AMJ1048576", "Far.A1:AMJ1048576")] + [
    InlineArray([10, 9, 0]), InlineArray([11]), Literal("0"), Literal("FALSE()", 0.0), Text(""),
    ErrorValue("NA()", model.NA), ref("Data.I1"),
]
# A good value for a range argument, by parameter name, while another argument is hostile.
PLAIN_RANGES = {"scores": "Data.I1:I8", "startIds": "Data.H1:H6", "endIds": "Data.H1:H4",
                "orderCustomers": "Data.H1:H6", "amounts": "Data.L1:L6", "orderDates": "Data.K1:K6",
                "customerIds": "Data.H1:H6"}  # the customer-base models
PLAIN_RANGES_OF = {("CSAT", 0): "Data.J1:J7"}

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


def parameter_kinds():
    """{function: kinds of its parameters} for every function of the registry, from the IDL."""
    with open(os.path.join(ROOT, "idl", "XCustomerMetrics.idl"), encoding="utf-8") as f:
        return model.signatures(f.read())


def formulas_for(function, kinds, rng):
    """[(formula, argument tokens)] for one function."""
    name = function["name"]
    params = [p["name"] for p in function["params"]]
    pools = [RANGES if kind == "range" else ANSWERS if kind == "answers" else SCALARS for kind in kinds]
    cheap = [[t for t in pool if not t.expensive] for pool in pools]

    def plain(position):
        if kinds[position] in ("range", "answers"):
            return ref(PLAIN_RANGES_OF.get((name, position), PLAIN_RANGES.get(params[position], "Data.I1:I8")))
        if kinds[position] == "optional" and rng.random() < 0.3:
            return Omitted()
        return rng.choice(NUMBERS)

    made = []
    # Every pool value in every position, the other arguments plain...
    for position, pool in enumerate(pools):
        for token in pool:
            args = [plain(i) for i in range(len(kinds))]
            args[position] = token
            made.append(args)
    # ...then random combinations: all numbers, or each argument plain or hostile.
    while len(made) < FORMULAS_PER_FUNCTION:
        if "range" not in kinds and rng.random() < 0.4:
            made.append([rng.choice(NUMBERS) for _ in kinds])
        else:
            made.append([plain(i) if rng.random() < 0.5 else rng.choice(cheap[i]) for i in range(len(kinds))])
    result = []
    for args in made:
        # Trailing optional arguments: sometimes left out altogether.
        while args and kinds[len(args) - 1] == "optional" and rng.random() < 0.25:
            args = args[:-1]
        result.append(("=%s(%s)" % (name, ";".join(t.text for t in args)), args))
    return result


def build_cases():
    kinds_of = parameter_kinds()
    rng = random.Random(SEED)
    cases = []
    for function in function_table()["functions"]:
        kinds = kinds_of[function["name"]]
        for formula, args in formulas_for(function, kinds, rng):
            outcome = model.expected(function["name"], kinds, args, len(cases))
            cases.append((formula, outcome))
    return cases


def fill_data(doc):
    sheets = doc.Sheets
    sheets.insertNewByName("Data", 1)
    for column, cells in model.DATA.items():
        fill_column(sheets.getByName("Data"), column, [c if c is None else c.source for c in cells])
    sheets.insertNewByName("Far", 2)
    far = sheets.getByName("Far")
    for (column, row), cell in model.FAR.items():
        far.getCellByPosition(column, row).setValue(cell.value)


def write_formulas(sheet, formulas):
    """Column A: the formulas; column B: the error code of each (ERRORTYPE gives the code
    XCell.getError() gives), so that one getDataArray reads every result."""
    sheet.getCellRangeByPosition(0, 0, 1, len(formulas) - 1).setFormulaArray(tuple(
        (formula, "=IF(ISERROR(A%d);ERRORTYPE(A%d);0)" % (row, row))
        for row, formula in enumerate(formulas, start=1)))


def shown(sheet, count):
    """(error code, value) of every formula: the value is 0 for an error."""
    return [(int(error), 0.0 if error else value)
            for value, error in sheet.getCellRangeByPosition(0, 0, 1, count - 1).getDataArray()]


class HostileInput(unittest.TestCase):
    def test_every_function_is_modelled(self):
        """A new function needs its parameters in the IDL and its reference in hostile_model.py."""
        kinds_of = parameter_kinds()
        for function in function_table()["functions"]:
            name = function["name"]
            self.assertIn(name, kinds_of, "%s is in functions.json but not in the IDL" % name)
            self.assertEqual(len(kinds_of[name]), len(function["params"]), name)
            self.assertTrue(all(k in ("number", "optional", "answers", "range") for k in kinds_of[name]), (name, kinds_of[name]))
            self.assertIn(name, model.MODELS, "add a reference for %s to tests/integration/hostile_model.py" % name)

    def test_circular_references(self):
        """A range argument that holds the formula itself, or a cell that reads it: Calc's
        circular-reference error (Err:522), not a hang, a crash or a number. A list of answers
        (an `any` parameter) holding the cycle shows Err:504: Calc does not build an array
        that holds an error cell (addin/uno/any_cells.hxx)."""
        kinds_of = parameter_kinds()
        doc = office.new_spreadsheet()
        try:
            sheet = doc.Sheets.getByIndex(0)
            expected = []
            column = 0
            for function in function_table()["functions"]:
                kinds = kinds_of[function["name"]]
                if "range" not in kinds and "answers" not in kinds:
                    continue
                letter = chr(ord("A") + column % 26) * (1 + column // 26)
                own = "%s1:%s10" % (letter, letter)
                args = ";".join(own if kind in ("range", "answers") else "" for kind in kinds).rstrip(";")
                fill_column(sheet, letter, [5, 4, 3, 5, 1, "=%s(%s)" % (function["name"], args)])
                code = 522 if "range" in kinds else 504
                expected.append(("%s6" % letter, code))
                column += 1
                # Another cell's formula reads this one, and this one reads that cell.
                letter = chr(ord("A") + column % 26) * (1 + column // 26)
                fill_column(sheet, letter, [4, "=%s1" % letter, 5, 3, 2])
                sheet.getCellRangeByName("%s7" % letter).setFormula(
                    "=%s(%s)" % (function["name"], ";".join(
                        "%s1:%s5" % (letter, letter) if kind in ("range", "answers") else "" for kind in kinds).rstrip(";")))
                sheet.getCellRangeByName("%s1" % letter).setFormula("=%s7" % letter)
                expected += [("%s7" % letter, code), ("%s1" % letter, code)]
                column += 1
            doc.calculateAll()
            shown = {address: sheet.getCellRangeByName(address).getError() for address, _ in expected}
            self.assertEqual(shown, dict(expected))
            probe = sheet.getCellRangeByName("ZZ1")
            probe.setFormula("=1+1")
            self.assertEqual(probe.getValue(), 2)
        finally:
            doc.close(True)

    def test_the_guides_limits(self):
        """Each bound of docs/FUNCTIONS.md § 1.9 ("How much one call reads", hostile_model.LIMITS)
        on both sides where a small document reaches it: a limit changed in the guide and not in
        the add-in, or the reverse, fails here. The cohort table's is checked beyond it only
        (inside, a table of millions of cells would be built)."""
        rows = 1000000
        epoch = datetime.date(1899, 12, 30)
        doc = office.new_spreadsheet()
        try:
            sheets = doc.Sheets
            formulas = {}

            def sheet_named(name):
                sheets.insertNewByName(name, sheets.getCount())
                return sheets.getByName(name)

            # Held at once (RPR_ORDERS: one range of ids) and streamed (NPS: one range of answers):
            # a range whose used part is exactly the limit, and one with a row more.
            for name, limit, function, first, last in (("Held", model.MAX_HELD, "RPR_ORDERS", "a", "b"),
                                                       ("Streamed", model.MAX_STREAMED, "NPS", 9, 10)):
                columns = int(limit // rows)
                self.assertEqual(columns * rows, limit, "a limit of whole millions of cells")
                sheet = sheet_named(name)
                for row, value in ((0, first), (rows - 1, last), (rows, last)):
                    cell = sheet.getCellByPosition(0 if row == 0 else columns - 1, row)
                    cell.setString(value) if isinstance(value, str) else cell.setValue(value)
                end = sheet.getCellByPosition(columns - 1, rows - 1).AbsoluteName.split(".")[-1].replace("$", "")
                beyond = sheet.getCellByPosition(columns - 1, rows).AbsoluteName.split(".")[-1].replace("$", "")
                formulas["%s inside" % name] = "=%s($%s.A1:%s)" % (function, name, end)
                formulas["%s beyond" % name] = "=%s($%s.A1:%s)" % (function, name, beyond)
            # A date, each way: one order on the last day inside, and one a day beyond.
            dates = sheet_named("Dates")
            for row, day in enumerate((model.MAX_DATE, model.MAX_DATE + 1, -model.MAX_DATE, -model.MAX_DATE - 1)):
                dates.getCellByPosition(0, row).setString("a")
                dates.getCellByPosition(1, row).setValue(day)
                formulas["date %d" % day] = "=COHORT_RETENTION($Dates.A%d;$Dates.B%d)" % (row + 1, row + 1)
            # A billing export spanning exactly the most months, and a month more.
            billing = sheet_named("Billing")
            start = datetime.date(2000, 1, 1)
            for column, months in ((0, model.MAX_BILLING_MONTHS - 1), (3, model.MAX_BILLING_MONTHS)):
                index = start.year * 12 + int(months)
                last_month = datetime.date(index // 12, index % 12 + 1, 1)
                for row, (who, when) in enumerate((("a", start), ("b", last_month))):
                    billing.getCellByPosition(column, row).setString(who)
                    billing.getCellByPosition(column + 1, row).setValue((when - epoch).days)
                    billing.getCellByPosition(column + 2, row).setValue(100)
            formulas["billing inside"] = "=MRR_MOVEMENTS($Billing.A1:A2;$Billing.B1:B2;$Billing.C1:C2)"
            formulas["billing beyond"] = "=MRR_MOVEMENTS($Billing.D1:D2;$Billing.E1:E2;$Billing.F1:F2)"
            # A weekly cohort table beyond its cells: cohorts a week apart from the earliest
            # date, each observed to the latest.
            weeks = int(2 * model.MAX_DATE // 7) - 2
            cohorts = int(model.MAX_COHORT_CELLS // weeks) + 1
            self.assertGreater(cohorts * (weeks - cohorts), model.MAX_COHORT_CELLS)
            table = sheet_named("Cohorts")
            orders = [("c%d" % k, -model.MAX_DATE + 7 * k) for k in range(cohorts)] + [("c0", model.MAX_DATE)]
            for row, (who, day) in enumerate(orders):
                table.getCellByPosition(0, row).setString(who)
                table.getCellByPosition(1, row).setValue(day)
            formulas["cohort table beyond"] = '=COHORT_RETENTION($Cohorts.A1:A%d;$Cohorts.B1:B%d;"week")' % (
                len(orders), len(orders))

            sheet = sheets.getByIndex(0)
            labels = list(formulas)
            for row, label in enumerate(labels):
                sheet.getCellByPosition(0, row).setFormula(formulas[label])
            doc.calculateAll()
            seen = {label: sheet.getCellByPosition(0, row) for row, label in enumerate(labels)}
            errors = {label: cell.getError() for label, cell in seen.items()}
            self.assertEqual({label: code for label, code in errors.items() if label.endswith("beyond")},
                             {label: 502 for label in labels if label.endswith("beyond")})
            self.assertEqual(errors["Held inside"], 0)
            self.assertEqual(seen["Held inside"].getValue(), 0)  # two customers, no repeat
            self.assertEqual(errors["Streamed inside"], 0)
            self.assertEqual(seen["Streamed inside"].getValue(), 100)  # a 9 and a 10
            for day in (model.MAX_DATE, -model.MAX_DATE):
                label = "date %d" % day
                self.assertEqual(errors[label], 0, label)
                self.assertTrue(day - 31 < seen[label].getValue() <= day, (label, seen[label].getValue()))
            for day in (model.MAX_DATE + 1, -model.MAX_DATE - 1):
                self.assertEqual(errors["date %d" % day], 502, day)
            self.assertEqual(errors["billing inside"], 0)
            self.assertEqual(seen["billing inside"].getValue(), (start - epoch).days)
        finally:
            doc.close(True)

    def test_hostile_arguments(self):
        started = time.monotonic()
        cases = build_cases()
        doc = office.new_spreadsheet()
        path = os.path.join(tempfile.mkdtemp(prefix="cm-hostile-"), "hostile.ods")
        try:
            fill_data(doc)
            sheet = doc.Sheets.getByIndex(0)
            doc.enableAutomaticCalculation(False)  # one calculation, not one per formula
            write_formulas(sheet, [formula for formula, _ in cases])
            doc.calculateAll()
            results = shown(sheet, len(cases))

            problems, values, errors = [], 0, 0
            for (formula, outcome), (error, value) in zip(cases, results):
                # RFM_SUMMARY's first cell is its first customer's id: text when the ids are text.
                if not error and not isinstance(value, str) and not math.isfinite(value):
                    problems.append("%s shows a non-finite %r" % (formula, value))
                elif not outcome.accepts(error, value):
                    problems.append("%s: want %r, cell shows error %d value %r" % (formula, outcome, error, value))
                values += isinstance(outcome, model.Value)
                errors += isinstance(outcome, model.Error)
            # The office is alive and still computes.
            probe = sheet.getCellByPosition(3, 0)
            probe.setFormula("=1+1")
            doc.calculateAll()
            self.assertEqual(probe.getValue(), 2)
            self.assertEqual(problems, [], "%d problems:\n%s" % (len(problems), "\n".join(problems[:80])))
            # Saved with AutoCalculate off, a document reopens with 0 in place of every cached
            # error, ours and Calc's own (=1/0) alike, until it is recalculated: save it on.
            doc.enableAutomaticCalculation(True)
            doc.storeToURL(lo.file_url(path), lo.props(FilterName="calc8"))
        finally:
            doc.close(True)
        # Saved and reopened: the same formulas, the same results.
        reopened = office.open(path)
        try:
            sheet = reopened.Sheets.getByIndex(0)
            self.assertEqual(shown(sheet, len(cases)), results, "cached results after reopening")
            reopened.calculateAll()
            self.assertEqual(shown(sheet, len(cases)), results, "recalculated after reopening")
            self.assertIn("ORG.CUSTOMERMETRICS.FUNCTIONS.", sheet.getCellByPosition(0, 0).getFormula().upper())
        finally:
            reopened.close(True)
        print("\n%d hostile formulas over %d functions evaluated in Calc in %.0f s: %d showed exactly the number "
              "of the Python reference, %d exactly the expected error, %d were only checked to be a finite number "
              "or an error; none non-finite; saved, reopened and recalculated: the same" % (
                  len(cases), len(function_table()["functions"]), time.monotonic() - started, values, errors,
                  len(cases) - values - errors), file=sys.stderr)


if __name__ == "__main__":
    unittest.main()
