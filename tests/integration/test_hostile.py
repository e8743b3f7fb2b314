"""Hostile input through real Calc. For every function, arguments drawn from a pool of
things users and files really produce — text, empty text, booleans, error values, empty
cells, ranges where a number belongs, numbers where a range belongs, inline arrays, whole
columns, 1E+308 and 1E-308, negatives — are combined into thousands of formulas in one
document. After a full recalculation the office must still answer, every cell must be a
finite number or an error value, and wherever every argument is a plain number the cell
must show exactly what an independent Python implementation says (reference.py): the right
number or the right error, never a silently wrong number.
"""
import math
import os
import random
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import office as lo  # noqa: E402
import reference  # noqa: E402
from calc import fill_column, function_table  # noqa: E402

FORMULAS_PER_FUNCTION = 120

# Numbers whose result Python can predict exactly.
# (Calc's formula parser refuses a subnormal literal such as 1E-308 with Err:502 itself,
# so the subnormal is computed: 1E-300*1E-20.)
NUMBERS = ["-1", "0", "0.5", "1", "2", "100", "1E+308", "-1E+308", "1E-300", "2.3E-308", "1E-300*1E-20",
           "0.95", "1.1"]
NUMBER_VALUES = {text: float(text) for text in NUMBERS if "*" not in text}
NUMBER_VALUES["1E-300*1E-20"] = 1e-300 * 1e-20
# Everything else a cell argument can be.
HOSTILE_SCALARS = NUMBERS + [
    '"text"', '""', "TRUE()", "FALSE()", "1/0", "NA()", "Data.Z1", "Data.B1", "Data.C1",
    "Data.A1:A3", "{1;2}", "Data.A:A", "",
]
HOSTILE_RANGES = [
    "Data.A1:A20", "Data.A:A", "Data.A1:B20", "Data.A1", "Data.D1:D5", "Data.E1:E3", "Data.F1:F3",
    "Data.G1:G4", "Data.H1:H6", "Data.A1:AMJ1", "Data.Z1:Z1048576", "$Sheet1.A1:$Data.A3", "5", '"x"',
    "{1;2;3}", "1/0", "",
]
# Sheet "Data": A answers/ids/dates; B text; C an error; D mixed with an error; E empty;
# F text only; G booleans; H ids with text and numbers.
DATA = {
    "A": [10, 9, 8, 0, 7, 6, 5, 10, 9, 3, 45292, 45300, 1, 2, 3, 4, 5, 5, 4, 1],
    "B": ["text"] * 6,
    "C": ["=1/0"],
    "D": [5, "x", "=NA()", None, 9],
    "F": ["a", "b", "c"],
    "G": ["=TRUE()", "=FALSE()", "=TRUE()", 3],
    "H": ["a", 1, "b", 2, "a", 1],
}
OPTIONAL_TRAILING = {"LTV_AOV": 1, "LTV_SUBSCRIPTION": 2, "LTV_CHURN": 1, "CLV": 1, "ROMI": 1, "CSAT": 1,
                     "COHORT_RETENTION": 1}
RANGE_PARAMETERS = {  # which arguments are cell ranges
    "NPS": {0}, "CSAT": {0}, "CRR_IDS": {0, 1}, "CHURN_IDS": {0, 1}, "RPR_ORDERS": {0},
    "PURCHASE_FREQUENCY_ORDERS": {0}, "ARPU_ORDERS": {0, 1}, "COHORT_RETENTION": {0, 1},
}

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down


def formulas_for(function, rng):
    """(formula, numeric arguments or None) for one function."""
    name, arity = function["name"], len(function["params"])
    ranges = RANGE_PARAMETERS.get(name, set())
    pools = [HOSTILE_RANGES if i in ranges else HOSTILE_SCALARS for i in range(arity)]
    made = []
    # Every pool value in every position, the other arguments plain...
    for position in range(arity):
        for value in pools[position]:
            args = [rng.choice(NUMBERS) if i not in ranges else "Data.A1:A20" for i in range(arity)]
            args[position] = value
            made.append(args)
    # ...then random combinations, half of them purely numeric for the cross-check.
    while len(made) < FORMULAS_PER_FUNCTION:
        if not ranges and rng.random() < 0.5:
            made.append([rng.choice(NUMBERS) for _ in range(arity)])
        else:
            made.append([rng.choice(pool) for pool in pools])
    result = []
    for args in made:
        # Optional trailing arguments: sometimes omitted altogether.
        if arity > 2 and rng.random() < 0.2:
            args = args[:-1]
        numeric = None
        required = arity - OPTIONAL_TRAILING.get(name, 0)
        if not ranges and len(args) >= required and all(a in NUMBER_VALUES for a in args):
            numeric = [NUMBER_VALUES[a] for a in args]
            if name == "ROMI" and len(numeric) == 3:
                numeric[2] = numeric[2] != 0
        result.append(("=%s(%s)" % (name, ";".join(args)), numeric))
    return result


class HostileInput(unittest.TestCase):
    def test_hostile_arguments(self):
        rng = random.Random(20261124)
        cases = []
        for function in function_table()["functions"]:
            for formula, numeric in formulas_for(function, rng):
                cases.append((function["name"], formula, numeric))
        doc = office.new_spreadsheet()
        try:
            sheets = doc.Sheets
            sheets.insertNewByName("Data", 1)
            for column, values in DATA.items():
                fill_column(sheets.getByName("Data"), column, values)
            sheet = sheets.getByIndex(0)
            for row, (_, formula, _) in enumerate(cases):
                sheet.getCellByPosition(0, row).setFormula(formula)
            doc.calculateAll()

            problems, checked = [], 0
            for row, (name, formula, numeric) in enumerate(cases):
                cell = sheet.getCellByPosition(0, row)
                error, value = cell.getError(), cell.getValue()
                if not error and not math.isfinite(value):
                    problems.append("%s shows a non-finite %r" % (formula, value))
                if numeric is not None:
                    checked += 1
                    kind, want = reference.expected(name, numeric)
                    if kind == "error" and error != want:
                        problems.append("%s: want error %d, cell shows error %d value %r" % (formula, want, error, value))
                    if kind == "value" and (error or abs(value - want) > 1e-12 * max(1.0, abs(want))):
                        problems.append("%s: want %r, cell shows error %d value %r" % (formula, want, error, value))
            # The office is alive and still computes.
            probe = sheet.getCellByPosition(2, 0)
            probe.setFormula("=1+1")
            doc.calculateAll()
            self.assertEqual(probe.getValue(), 2)
            self.assertEqual(problems, [], "\n".join(problems[:60]))
            print("\n%d hostile formulas over %d functions evaluated in Calc, %d cross-checked against "
                  "reference.py" % (len(cases), len(function_table()["functions"]), checked), file=sys.stderr)
        finally:
            doc.close(True)


if __name__ == "__main__":
    unittest.main()
