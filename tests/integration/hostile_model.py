"""What a cell of the hostile-input test must show, worked out without Calc.

Two halves. How Calc hands an argument to the add-in — observed on LibreOffice 7.4 and
recorded here as the tokens' conversions: a reference to an empty cell is 0, TRUE() is 1,
text where a number belongs is #VALUE! and the add-in is not called, an error value is
passed on, a range where a number belongs is intersected with the formula's row (or
column), a plain number where a range belongs is Err:504. And what the add-in does with
what it receives: reference.py for the scalar formulas, the range functions below (they
follow docs/FUNCTIONS.md (§ 1.5, § 5): empty cells and text are skipped, an error cell
shows as itself, the read limits of § 1.9 (read from the guide itself, below); the plain
survey functions read their answers so too), and the lists of survey answers of the _ARRAY twins, `any` parameters that
Calc fills as addin/uno/any_cells.hxx describes (a range holding an error is Err:504, an
inline array's elements are answers).

An outcome is Value(x), Error(codes) — the cell must show one of these codes; several
when a formula has several problems and either may be reported first — or UNKNOWN
(a finite number or an error value: only for inputs whose conversion Calc does not define
clearly, such as a reference through two sheets in a number argument).
"""
import datetime
import math
import os
import re
import sys

import reference

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, "idl"))
import idl_parameters  # noqa: E402  (the one reader of the IDL)


# ---------------------------------------------------------------------------------------
# The documented limits: docs/FUNCTIONS.md § 1.9 ("How much one call reads"), the same in the
# Russian guide. What a cell must show at a limit follows the guide, not the add-in's constants:
# a limit changed in the C++ and not in the guide fails this test; one changed in the guide
# needs no edit here.

DOCS = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir, os.pardir, "docs")


def _table_after(text, marker):
    """The rows of the first Markdown table after `marker`: [[cell, ...], ...] without the
    header and the separator."""
    rows = []
    for line in text[text.index(marker):].splitlines()[1:]:
        line = line.strip()
        if not line.startswith("|"):
            if rows:
                break
            continue
        rows.append([cell.strip() for cell in line.strip("|").split("|")])
    return rows[2:]


def _amount(text):
    """10^8 -> 1e8, 4·10^6 -> 4e6, 1200 -> 1200.0: the figure that starts `text`."""
    match = re.match(r"(?:(\d+)·)?10\^(\d+)|(\d+)", text)
    if not match:
        raise ValueError("no limit in %r" % text)
    if match.group(3):
        return float(match.group(3))
    return float(int(match.group(1) or 1) * 10 ** int(match.group(2)))


def guide_limits():
    """{limit's name in the English guide: its value}, after checking that the Russian guide
    states the same values in the same order."""
    with open(os.path.join(DOCS, "FUNCTIONS.md"), encoding="utf-8") as f:
        english = _table_after(f.read(), "### 1.9 How much one call reads")
    with open(os.path.join(DOCS, "FUNCTIONS.ru.md"), encoding="utf-8") as f:
        russian = _table_after(f.read(), "**Сколько читает один вызов**")
    values = [_amount(row[1]) for row in english]
    if values != [_amount(row[1]) for row in russian]:
        raise ValueError("the guides state different limits: FUNCTIONS.md § 1.9 and FUNCTIONS.ru.md")
    return {row[0]: value for row, value in zip(english, values)}


LIMITS = guide_limits()
MAX_STREAMED = LIMITS["answers read from ranges"]
MAX_HELD = LIMITS["data held at once"]
MAX_DATE = LIMITS["a date"]  # days either side of 1899-12-30
MAX_COHORT_CELLS = LIMITS["a cohort table"]
MAX_BILLING_MONTHS = LIMITS["a billing export's span"]


# ---------------------------------------------------------------------------------------
# Outcomes

class Value:
    def __init__(self, number):
        self.number = number

    def accepts(self, error, number):
        return not error and abs(number - self.number) <= 1e-12 * max(1.0, abs(self.number))

    def __repr__(self):
        return "Value(%r)" % self.number


class Error:
    def __init__(self, codes):
        self.codes = frozenset(codes)

    def accepts(self, error, number):
        return error in self.codes

    def __repr__(self):
        return "Error(%s)" % sorted(self.codes)


class _Unknown:
    def accepts(self, error, number):
        return bool(error) or math.isfinite(number)

    def __repr__(self):
        return "UNKNOWN"


UNKNOWN = _Unknown()


class Failed(Exception):
    """An argument or the call fails with one of `codes`."""

    def __init__(self, *codes):
        super().__init__(codes)
        self.codes = set(codes)


class Unmodelled(Exception):
    pass


DIV0, VALUE, ILLEGAL, PARAMETERS, NA = 532, 519, 502, 504, 32767


# ---------------------------------------------------------------------------------------
# The sheets the formulas refer to

class Cell:
    """A cell as Calc holds it: number (booleans are numbers), text, error, or empty."""

    def __init__(self, source, kind, value=None):
        self.source, self.kind, self.value = source, kind, value


def number(x):
    return Cell(x, "number", float(x))


def text(s):
    return Cell(s, "text", s)


def formula(source, kind, value):
    return Cell(source, kind, value)


TRUE, FALSE = formula("=TRUE()", "number", 1.0), formula("=FALSE()", "number", 0.0)


def error(source, code):
    return Cell(source, "error", code)


# Sheet "Data": A answers, ids and dates mixed; B text; C an error; D mixed with an error;
# E empty; F text only; G booleans; H ids, text and numbers; I valid NPS answers; J valid
# CSAT answers; K order dates for H; L amounts for H (a refund among them); M answers that
# our own functions compute (a range read while the add-in is being called).
DATA = {
    "A": [number(v) for v in (10, 9, 8, 0, 7, 6, 5, 10, 9, 3, 45292, 45300, 1, 2, 3, 4, 5, 5, 4, 1)],
    "B": [text("text")] * 6,
    "C": [error("=1/0", DIV0)],
    "D": [number(5), text("x"), error("=NA()", NA), None, number(9)],
    "F": [text("a"), text("b"), text("c")],
    "G": [TRUE, FALSE, TRUE, number(3)],
    "H": [text("a"), number(1), text("b"), number(2), text("a"), number(1)],
    "I": [number(v) for v in (10, 9, 9, 7, 3, 0, 10, 8)],
    "J": [number(v) for v in (5, 4, 3, 5, 1, 2, 4)],
    "K": [number(v) for v in (45292, 45300, 45350, 45400, 45420, 45500)],
    "L": [number(v) for v in (100, 50.5, -20, 10, 0, 7)],
    "M": [formula("=LIFETIME(0.1)", "number", 10.0), formula("=CRR(10;9;0)*10", "number", 9.0),
          formula("=NPS_COUNTS(1;0;0)/10", "number", 10.0), number(8)],
}
# Sheet "Far": data in its first and last cell, so that its used area is the whole sheet.
FAR = {(0, 0): number(9), (1023, 1048575): number(10)}

LAST_COLUMN, LAST_ROW = 1023, 1048575
ROW_REFERENCE_LAST_COLUMN = 16383


def column_index(letters):
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


class Sheet:
    def __init__(self, name, cells):
        self.name, self.cells = name, cells  # {(column, row): Cell}
        columns = [c for c, _ in cells]
        rows = [r for _, r in cells]
        self.used = (min(columns), min(rows), max(columns), max(rows))

    @classmethod
    def from_columns(cls, name, columns):
        return cls(name, {(column_index(letter), row): cell
                          for letter, values in columns.items()
                          for row, cell in enumerate(values) if cell is not None})

    def cell(self, column, row):
        return self.cells.get((column, row))


SHEETS = {"Data": Sheet.from_columns("Data", DATA), "Far": Sheet("Far", FAR)}


class Region:
    """A rectangle of one sheet: columns c1..c2, rows r1..r2 (0-based, inclusive)."""

    def __init__(self, sheet, c1, r1, c2, r2):
        self.sheet, self.c1, self.r1, self.c2, self.r2 = SHEETS[sheet], c1, r1, c2, r2

    @property
    def shape(self):
        return self.r2 - self.r1 + 1, self.c2 - self.c1 + 1

    def used_part(self):
        uc1, ur1, uc2, ur2 = self.sheet.used
        part = (max(self.c1, uc1), max(self.r1, ur1), min(self.c2, uc2), min(self.r2, ur2))
        return part if part[0] <= part[2] and part[1] <= part[3] else None

    def cells(self):
        """(row, column, Cell) of every non-empty cell, row by row."""
        found = [(r, c, cell) for (c, r), cell in self.sheet.cells.items()
                 if self.c1 <= c <= self.c2 and self.r1 <= r <= self.r2]
        return sorted(found, key=lambda item: (item[0], item[1]))

    def error_codes(self):
        return {cell.value for _, _, cell in self.cells() if cell.kind == "error"}


# ---------------------------------------------------------------------------------------
# Argument tokens: the text of an argument and how Calc converts it for each kind of
# parameter (a number: `double` in the IDL; an optional argument: `any`; a cell range).
# The formulas sit in column A of the first sheet; `row` is the formula's row (0-based).

def cell_as_number(cell):
    if cell is None:
        return 0.0
    if cell.kind == "number":
        return cell.value
    if cell.kind == "text":
        raise Failed(VALUE)
    raise Failed(cell.value)


def cell_as_any(cell):
    if cell is None:
        return ("double", 0.0)  # Calc passes an empty cell's 0, not "omitted" (CSAT(r;Z1) is Err:502)
    if cell.kind == "number":
        return ("double", cell.value)
    if cell.kind == "text":
        return ("string", cell.value)
    raise Failed(cell.value)


class Token:
    # expensive: costs Calc a noticeable time per call (a million-row array built for an
    # optional argument, a million cells read): used once per position, not in random draws.
    def __init__(self, text, expensive=False):
        self.text, self.expensive = text, expensive

    def as_number(self, row, array_mode=False):
        raise Unmodelled()

    def as_any(self, row):
        raise Unmodelled()

    def as_range(self):
        raise Failed(PARAMETERS)  # Calc: a value where a cell range is required

    def as_answers(self, row):
        """The numbers an `any` list of answers receives (addin/uno/any_cells.hxx)."""
        raise Unmodelled()


class Literal(Token):
    def __init__(self, text, value=None):
        super().__init__(text)
        self.value = float(text) if value is None else value

    def as_number(self, row, array_mode=False):
        return self.value

    def as_any(self, row):
        return ("double", self.value)

    def as_answers(self, row):
        return [self.value]  # TRUE() too: Calc passes a boolean as the number 1


class Text(Token):
    def __init__(self, value):
        super().__init__('"%s"' % value)
        self.value = value

    def as_number(self, row, array_mode=False):
        raise Failed(VALUE)

    def as_any(self, row):
        return ("string", self.value)

    def as_answers(self, row):
        return []  # a text is skipped


class ErrorValue(Token):
    def __init__(self, text, code):
        super().__init__(text)
        self.code = code

    def as_number(self, row, array_mode=False):
        raise Failed(self.code)

    as_any = as_number

    def as_range(self):
        raise Failed(self.code)

    def as_answers(self, row):
        raise Failed(self.code)


class Refused:
    """What the add-in receives for an empty range argument or a range through two sheets:
    it is called, and refuses the argument (Err:502) when it reads it."""

    def used_part(self):
        raise Failed(ILLEGAL)

    def error_codes(self):
        return set()


class Omitted(Token):
    """An empty argument: =F(1;;3)."""

    def __init__(self):
        super().__init__("")

    def as_number(self, row, array_mode=False):
        raise Failed(ILLEGAL)

    def as_any(self, row):
        return ("void",)

    def as_range(self):
        return Refused()

    def as_answers(self, row):
        raise Failed(ILLEGAL)  # a list of answers is required


class Reference(Token):
    """A reference to a cell or a range of one sheet."""

    def __init__(self, text, region, expensive=False):
        super().__init__(text, expensive)
        self.region = region

    def single(self):
        return self.region.shape == (1, 1)

    def as_number(self, row, array_mode=False):
        region = self.region
        if self.single():
            return cell_as_number(region.sheet.cell(region.c1, region.r1))
        if array_mode:  # the range is an array too; the cell shows the result of its first cells
            first = region.sheet.cell(region.c1, region.r1)
            if first is None or first.kind != "number":
                raise Unmodelled()
            return first.value
        if region.c1 == region.c2:  # a column: the cell in the formula's row
            if region.r1 <= row <= region.r2:
                return cell_as_number(region.sheet.cell(region.c1, row))
            raise Failed(VALUE)
        if region.r1 == region.r2:  # a row: the cell in the formula's column (A)
            if region.c1 <= 0 <= region.c2:
                return cell_as_number(region.sheet.cell(0, region.r1))
            raise Failed(VALUE)
        raise Failed(VALUE, ILLEGAL)  # a 2-D range: Calc shows Err:502

    def as_any(self, row):
        if self.single():
            return cell_as_any(self.region.sheet.cell(self.region.c1, self.region.r1))
        if self.region.error_codes():
            raise Failed(PARAMETERS)  # observed: Calc does not pass an array holding an error
        return ("array", self.region.shape)

    def as_range(self):
        return self.region

    def as_answers(self, row):
        region = self.region
        if self.single():  # Calc passes the cell's value: an empty cell is the number 0
            value = cell_as_any(region.sheet.cell(region.c1, region.r1))
            return [value[1]] if value[0] == "double" else []
        if region.shape[0] * region.shape[1] > 1e8:
            # Calc builds one Any per cell before calling the add-in: a whole sheet (10^9
            # cells) takes the office down, so the test never gives one (docs/ROBUSTNESS.md).
            raise Unmodelled()
        if region.error_codes():
            raise Failed(PARAMETERS)  # Calc does not pass an array holding an error
        return [cell.value for _, _, cell in region.cells() if cell.kind == "number"]


def ref(text, expensive=False, shown=None):
    """A Reference from its address: Sheet.A1, Sheet.A1:B2, Sheet.A:A or Sheet.1:1;
    `shown` is the argument's text when it is an expression giving that range (OFFSET...)."""
    sheet, address = text.lstrip("$").split(".", 1)
    corners = address.replace("$", "").split(":")
    bounds = []
    for corner in corners:
        letters, digits = re.fullmatch(r"([A-Z]*)(\d*)", corner).groups()
        bounds.append((column_index(letters) if letters else None, int(digits) - 1 if digits else None))
    (c1, r1), (c2, r2) = bounds[0], bounds[-1]
    # A whole row (Far.1:1) is 16 384 columns wide in LibreOffice 7.4 (COLUMNS(Far.1:1) =
    # 16384), although a sheet shows 1 024: beside a 1 024-column range it is another shape.
    region = Region(sheet, 0 if c1 is None else c1, 0 if r1 is None else r1,
                    ROW_REFERENCE_LAST_COLUMN if c2 is None else c2, LAST_ROW if r2 is None else r2)
    return Reference(shown or text, region, expensive)


class InlineArray(Token):
    def __init__(self, values):
        super().__init__("{%s}" % ";".join(str(v) for v in values))
        self.values = [float(v) for v in values]

    def as_number(self, row, array_mode=False):
        return self.values[0]

    def as_any(self, row):
        return ("double", self.values[0]) if len(self.values) == 1 else ("array", (len(self.values), 1))

    def as_answers(self, row):
        return list(self.values)


class ThroughSheets(Token):
    """A reference through two sheets: the add-in refuses it as a range (Err:502); where a
    number belongs Calc cannot intersect it (#VALUE!; Err:504 when the call is evaluated
    over arrays), where a value belongs it passes nothing (Err:504)."""

    def as_number(self, row, array_mode=False):
        raise Failed(PARAMETERS if array_mode else VALUE)

    def as_any(self, row):
        raise Failed(PARAMETERS)

    def as_range(self):
        return Refused()


class ReferenceList(Token):
    """Two ranges joined with ~: not one range (Err:504)."""


# ---------------------------------------------------------------------------------------
# What the add-in does with what it receives

def number_or(value, default):
    """The guide, § 1.4 (optional arguments): omitted is the default, text or a larger array Err:502."""
    kind = value[0]
    if kind == "void":
        return default
    if kind == "double":
        return value[1]
    raise Failed(ILLEGAL)


def flag_or(value, default):
    kind = value[0]
    if kind == "void":
        return default
    if kind == "double":
        return value[1] != 0
    raise Failed(ILLEGAL)


# The guide, COHORT_RETENTION: English names in any letter case, Russian ones in lower case or capitalised.
PERIODS = {"month": "month", "месяц": "month", "Месяц": "month", "week": "week", "неделя": "week",
           "Неделя": "week", "quarter": "quarter", "квартал": "quarter", "Квартал": "quarter"}


def period_of(value):
    if value[0] == "void" or value == ("string", ""):
        return "month"
    if value[0] == "string":
        key = "".join(c.lower() if c.isascii() else c for c in value[1])
        if key in PERIODS:
            return PERIODS[key]
    raise Failed(ILLEGAL)


def is_integer_in(x, lowest, highest):
    return lowest <= x <= highest and x == math.floor(x)


def answers_in(answers, valid):
    """The answers (numbers) after the add-in's check: a number `valid` refuses is Err:502."""
    if any(not valid(x) for x in answers):
        raise Failed(ILLEGAL)
    return answers


def is_nps_answer(x):
    return is_integer_in(x, 0, 10)


def range_answers(region, valid):
    """What the plain survey functions read from a range (the guide, § 1.5 and § 1.9):
    the numbers of its used part, row by row, each checked as it is met (a number `valid`
    refuses is Err:502); an error cell shows the range's error; through two sheets or left
    out Err:502, more than 10^8 cells in the used part Err:502."""
    part = region.used_part()
    if part is None:
        return []
    if (part[2] - part[0] + 1) * (part[3] - part[1] + 1) > MAX_STREAMED:
        raise Failed(ILLEGAL)
    numbers = []
    for _, _, cell in region.cells():
        if cell.kind == "error":
            raise Failed(*region.error_codes())
        if cell.kind == "number":
            if not valid(cell.value):
                raise Failed(ILLEGAL)
            numbers.append(cell.value)
    return numbers


def nps_classes(scores):
    """Promoters, passives, detractors of a list of answers, or of a range (a Region)."""
    if not isinstance(scores, list):
        scores = range_answers(scores, is_nps_answer)
    answers = answers_in(scores, is_nps_answer)
    promoters = sum(1 for x in answers if x >= 9)
    detractors = sum(1 for x in answers if x <= 6)
    return promoters, len(answers) - promoters - detractors, detractors


def nps(scores):
    return reference.nps_counts(*nps_classes(scores))


def csat_counts(scores, scale_max):
    """(satisfied, answers); the add-in checks the scale, then every answer."""
    scale = number_or(scale_max, 5.0)
    if not math.isfinite(scale) or not is_integer_in(scale, 3, 1e9):
        raise Failed(ILLEGAL)
    def valid(x):
        return is_integer_in(x, 1, scale)
    answers = answers_in(scores if isinstance(scores, list) else range_answers(scores, valid), valid)
    return sum(1 for x in answers if x >= scale - 1), len(answers)


def csat(scores, scale_max):
    satisfied, answers = csat_counts(scores, scale_max)
    if not answers:
        raise reference.Division()
    return satisfied / answers


def nps_by(scores, segments):
    # The corner of NPS_BY's table is the first segment's name: a text, not modelled here (the
    # test still requires a finite number or an error value); tests/integration/cases.py
    # checks whole tables.
    raise Unmodelled()


# The survey statistics return a row; a formula in one cell shows its first element.
def nps_ci(scores, confidence):
    return reference.adjusted_wald(*nps_classes(scores), number_or(confidence, 0.95))[0]


def nps_counts_ci(promoters, passives, detractors, confidence):
    return reference.adjusted_wald(promoters, passives, detractors, number_or(confidence, 0.95))[0]


def nps_test(scores_a, scores_b):
    return reference.wald_test(nps_classes(scores_a), nps_classes(scores_b))


def nps_sample_size(margin, confidence, promoters, detractors):
    return reference.nps_sample_size(margin, number_or(confidence, 0.95), number_or(promoters, None),
                                     number_or(detractors, None))


def csat_ci(scores, scale_max, confidence):
    satisfied, answers = csat_counts(scores, scale_max)
    return reference.wilson(satisfied, answers, number_or(confidence, 0.95))[0]


def aligned(*regions):
    """read_aligned: the ranges' cells row by row as lists of Cell or None, all of one shape."""
    if any(isinstance(region, Refused) for region in regions):
        raise Failed(ILLEGAL, *set().union(*(region.error_codes() for region in regions)))
    if len({region.shape for region in regions}) > 1:
        raise Failed(ILLEGAL)
    rows, columns = regions[0].shape
    first, last = None, None
    for region in regions:
        part = region.used_part()
        if part:
            first = part[1] - region.r1 if first is None else min(first, part[1] - region.r1)
            last = part[3] - region.r1 if last is None else max(last, part[3] - region.r1)
    if first is not None and (last - first + 1) * columns > MAX_HELD / len(regions):
        raise Failed(ILLEGAL)
    problems = set()
    for region in regions:
        problems |= region.error_codes()
    if problems:
        raise Failed(*problems)
    result = []
    for region in regions:
        cells = {(r - region.r1, c - region.c1): cell for r, c, cell in region.cells()}
        result.append(cells)
    positions = sorted(set().union(*result))
    return [[cells.get(position) for position in positions] for cells in result]


def customer(cell):
    """The guide, § 5: a number or a text is an id (never equal to each other)."""
    if cell is None:
        return None
    return (cell.kind, cell.value)


def ids_in(region):
    return [customer(cell) for cell in aligned(region)[0] if cell is not None]


def compare_ids(start, end):
    at_start, at_end = map(set, together(lambda: ids_in(start), lambda: ids_in(end)))
    retained = len(at_start & at_end)
    return len(at_start), len(at_end), retained


def crr_ids(start, end):
    s, e, retained = compare_ids(start, end)
    return reference.crr(s, e, e - retained)


def churn_ids(start, end):
    s, e, retained = compare_ids(start, end)
    return reference.churn(s, e, e - retained)


def order_counts(orders):
    counts = {}
    for order in ids_in(orders):
        counts[order] = counts.get(order, 0) + 1
    return counts


def rpr_orders(orders):
    counts = order_counts(orders)
    return reference.rpr(sum(1 for n in counts.values() if n > 1), len(counts))


def purchase_frequency_orders(orders):
    counts = order_counts(orders)
    return reference.purchase_frequency(sum(counts.values()), len(counts))


def order_log(ids, numbers):
    """The guide, § 5 (paired ranges): (customer, number) of every row with an id."""
    id_cells, number_cells = aligned(ids, numbers)
    log = []
    for id_cell, number_cell in zip(id_cells, number_cells):
        who = customer(id_cell)
        if who is None:
            if number_cell is not None:
                raise Failed(ILLEGAL)  # a number without its customer
            continue
        if number_cell is None or number_cell.kind != "number":
            raise Failed(ILLEGAL)      # an order without its number
        log.append((who, number_cell.value))
    return log


def arpu_orders(ids, amounts):
    log = order_log(ids, amounts)
    revenue = 0.0
    for _, amount in log:  # in the order of the rows, as the library adds them
        revenue += amount
    if revenue < 0:
        raise Failed(ILLEGAL)
    return reference.arpu(reference._result(revenue), len({who for who, _ in log}))


EPOCH = datetime.date(1899, 12, 30)


def period_index(serial, period):
    """The guide, COHORT_RETENTION (weeks start on Monday): weeks since Monday 1900-01-01, months
    or quarters since year 0."""
    if abs(serial) > MAX_DATE:
        raise Failed(ILLEGAL)
    day = math.floor(serial)
    if period == "week":  # serial 2 is Monday 1900-01-01
        return (day - 2) // 7
    try:
        date = EPOCH + datetime.timedelta(days=day)
    except OverflowError:  # beyond Python's years 1..9999
        raise Unmodelled()
    month = date.year * 12 + date.month - 1
    return month if period == "month" else month // 3


def period_start(index, period):
    if period == "week":
        return index * 7 + 2
    month = index if period == "month" else index * 3
    return (datetime.date(month // 12, month % 12 + 1, 1) - EPOCH).days


def cohort_retention(ids, dates, period):
    """The first cell of the cohort table, the start of the earliest cohort: the formula is
    in one cell, which shows the top left of the array."""
    chosen, log = together(lambda: period_of(period), lambda: order_log(ids, dates))
    if not log:
        raise reference.Division()
    first, last = {}, None
    for who, date in log:
        index = period_index(date, chosen)
        first[who] = min(first.get(who, index), index)
        last = index if last is None else max(last, index)
    if sum(last - cohort + 1 for cohort in set(first.values())) > MAX_COHORT_CELLS:
        raise Failed(ILLEGAL)
    return float(period_start(min(first.values()), chosen))


def together(*steps):
    """Runs every step; when some fail, any of their errors may be the one shown (the
    add-in may check them in any order)."""
    results, problems = [], set()
    for step in steps:
        try:
            results.append(step())
        except Failed as failure:
            problems |= failure.codes
    if problems:
        raise Failed(*problems)
    return results


# Each function's parameters in the add-in, and how its result follows from them. The kinds
# come from the IDL (test_hostile.py checks that they agree).
def scalar(name, defaults=()):
    """A function of reference.py; `defaults` converts its optional arguments."""
    def compute(*args):
        required = len(args) - len(defaults)
        values = list(args[:required])
        for convert, value in zip(defaults, args[required:]):
            values.append(convert(value))
        return reference.SCALAR[name](*values)
    return compute


MODELS = {
    "NPS": nps,
    "CSAT": csat,
    "NPS_CI": nps_ci,
    "NPS_COUNTS_CI": nps_counts_ci,
    "NPS_TEST": nps_test,
    "NPS_SAMPLE_SIZE": nps_sample_size,
    "CSAT_CI": csat_ci,
    "NPS_BY": nps_by,
    # The _ARRAY twins: the same models, the list of answers an `any` (as_answers)
    "NPS_ARRAY": nps,
    "CSAT_ARRAY": csat,
    "NPS_CI_ARRAY": nps_ci,
    "NPS_TEST_ARRAY": nps_test,
    "CSAT_CI_ARRAY": csat_ci,
    "NPS_BY_ARRAY": nps_by,
    "CRR_IDS": crr_ids,
    "CHURN_IDS": churn_ids,
    "RPR_ORDERS": rpr_orders,
    "PURCHASE_FREQUENCY_ORDERS": purchase_frequency_orders,
    "ARPU_ORDERS": arpu_orders,
    "COHORT_RETENTION": cohort_retention,
    "LTV_AOV": scalar("LTV_AOV", [lambda v: number_or(v, 1.0)]),
    "LTV_SUBSCRIPTION": scalar("LTV_SUBSCRIPTION", [lambda v: number_or(v, None), lambda v: number_or(v, 0.0)]),
    "LTV_CHURN": scalar("LTV_CHURN", [lambda v: number_or(v, 1.0)]),
    "CLV": scalar("CLV", [lambda v: number_or(v, 0.0)]),
    "ROMI": scalar("ROMI", [lambda v: flag_or(v, False)]),
}


# sBG (the guide, § 8). `params`: one row or column of 2 numbers (3: a fit's row); `alive`: a
# block of numbers and empty cells. The
# tokens tell an array's shape but not its numbers: a possible pair of parameters or a cohort
# table is not modelled (only checked to be a finite number or an error); everything else is
# refused with Err:502.
def sbg_params(value):
    kind = value[0]
    if kind == "array":
        rows, columns = value[1]
        if min(rows, columns) == 1 and max(rows, columns) in (2, 3):
            raise Unmodelled()
    raise Failed(ILLEGAL)  # a single number, text, nothing, a 2-D block, another length


def sbg_fit(alive):
    if alive[0] == "array":
        raise Unmodelled()
    raise Failed(ILLEGAL)  # one value is one period at most; text or nothing is no table


MODELS.update({
    "SBG_FIT": sbg_fit,
    "SBG_SURVIVAL": lambda params, t: sbg_params(params),
    "SBG_RETENTION": lambda params, t: sbg_params(params),
    "SBG_DERL": lambda params, discount, renewals: sbg_params(params),
})

for _name in reference.SCALAR:
    MODELS.setdefault(_name, scalar(_name))


# The customer-base models (the guide, § 9: BG/NBD, Gamma-Gamma, Pareto/NBD). What the fits and the predictions compute from valid data is checked
# against published and SciPy numbers elsewhere (test_models.py); here: every refusal, and
# RFM_SUMMARY's first cell. A valid `params` array's contents are not modelled (UNKNOWN).

class ShownText:
    """The cell shows this text (RFM_SUMMARY's first cell: a text customer id)."""

    def __init__(self, text):
        self.text = text

    def accepts(self, error, number):
        return not error and number == self.text

    def __repr__(self):
        return "ShownText(%r)" % self.text


def params_row(value, count):
    """The guide, § 9 (a prediction's `params`): one row or column of count (or count + 1) numbers, or a fit's
    whole block (rows of count + 1 cells)."""
    if value[0] == "array":
        rows, columns = value[1]
        if min(rows, columns) == 1 and max(rows, columns) in (count, count + 1):
            raise Unmodelled()  # the contents decide
        if rows > 1 and columns == count + 1:
            raise Unmodelled()
    raise Failed(ILLEGAL)


def fit_block(value, count):
    """The guide, § 9 ("How sure is the fit"): a fit's block over count + 2 rows
    or more, of count columns or more."""
    if value[0] == "array":
        rows, columns = value[1]
        if rows >= count + 2 and columns >= count:
            raise Unmodelled()
    raise Failed(ILLEGAL)


def summary_columns(*regions):
    """The guide, § 9 (the customer summary) over cell ranges (GG_FIT, BGNBD_FIT_RFM): each one row or
    one column, all of one length; read clipped to the used area (at most 10^7 cells in all).
    After the last row with data, rows #N/A (or empty) in every column are padding; another
    error cell shows as itself, text or a row empty in some columns only is Err:502. What is
    left is fitted (the contents decide: Unmodelled)."""
    if any(isinstance(region, Refused) for region in regions):
        raise Failed(ILLEGAL)
    if any(min(region.shape) > 1 for region in regions) or len({max(r.shape) for r in regions}) > 1:
        raise Failed(ILLEGAL)
    columns = []
    first, last = None, None
    for region in regions:
        along = 1 if region.shape[0] == 1 and region.shape[1] > 1 else 0  # a row: along its columns
        start = region.c1 if along else region.r1
        cells = {(c if along else r) - start: cell for r, c, cell in region.cells()}
        part = region.used_part()
        if part:
            lo, hi = (part[0], part[2]) if along else (part[1], part[3])
            first = lo - start if first is None else min(first, lo - start)
            last = hi - start if last is None else max(last, hi - start)
        columns.append(cells)
    if first is None:
        raise Unmodelled()  # nothing to fit: the library refuses too few customers
    if (last - first + 1) > MAX_HELD / len(regions):
        raise Failed(ILLEGAL)
    rows = [[cells.get(i) for cells in columns] for i in range(first, last + 1)]
    while rows and (all(c is None for c in rows[-1]) or
                    all(c is not None and c.kind == "error" and c.value == NA for c in rows[-1])):
        rows.pop()
    problems = set()
    for row in rows:
        for cell in row:
            if cell is not None and cell.kind == "error":
                problems.add(cell.value)
            elif cell is not None and cell.kind == "text":
                problems.add(ILLEGAL)
        if any(c is None for c in row) and not all(c is None for c in row):
            problems.add(ILLEGAL)
    if problems:
        raise Failed(*problems)
    raise Unmodelled()


def date_of(value):
    """The guide, § 9 (calibration_end): a date or ISO text (none in the pools); else Err:502."""
    if value[0] == "double":
        return value[1]
    if value[0] == "string" and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[1]):
        raise Unmodelled()
    raise Failed(ILLEGAL)


def dated_amounts(ids, dates, amounts):
    """The guide, § 5 and RFM_SUMMARY: (customer, date, amount) of every row with an id;
    orders with their value and billing rows with their MRR alike."""
    log = []
    for id_cell, date_cell, amount_cell in zip(*aligned(ids, dates, amounts)):
        who = customer(id_cell)
        if who is None:
            if date_cell is not None or amount_cell is not None:
                raise Failed(ILLEGAL)
            continue
        if date_cell is None or date_cell.kind != "number" or amount_cell is None or amount_cell.kind != "number":
            raise Failed(ILLEGAL)
        log.append((who, date_cell.value, amount_cell.value))
    return log


def rfm_rows(log, end, days):
    """cm::rfm_summary: [(customer, x, t_x, T)] in order of first appearance."""
    if not math.isfinite(days) or days <= 0 or not math.isfinite(end) or abs(end) > MAX_DATE:
        raise Failed(ILLEGAL)
    if any(not math.isfinite(date) or abs(date) > MAX_DATE or not math.isfinite(amount) for _, date, amount in log):
        raise Failed(ILLEGAL)
    end_day = math.floor(end)
    days_of = {}
    for who, date, _ in log:
        days_of.setdefault(who, set())
        if math.floor(date) <= end_day:
            days_of[who].add(math.floor(date))
    rows = []
    for who, purchase_days in days_of.items():
        if purchase_days:
            first, last = min(purchase_days), max(purchase_days)
            T = (end_day - first) / days
            if not math.isfinite(T):
                raise reference.Overflow()
            rows.append((who, len(purchase_days) - 1, (last - first) / days, T))
    if not rows:
        raise reference.Division()
    return rows


def bgnbd_identifiable(rows):
    """cm::bgnbd_fit's refusals before the search; past them the fit is not modelled."""
    if len(rows) < 5 or all(x == 0 for _, x, _, _ in rows) or all(T == 0 for _, _, _, T in rows):
        raise Failed(ILLEGAL)
    raise Unmodelled()


def bgnbd_fit(ids, dates, end, days):
    log, end_date, period = together(lambda: order_log(ids, dates), lambda: date_of(end), lambda: number_or(days, 7.0))
    return bgnbd_identifiable(rfm_rows([(who, date, 0.0) for who, date in log], end_date, period))


def rfm_summary(ids, dates, amounts, end, days):
    log, end_date, period = together(lambda: dated_amounts(ids, dates, amounts), lambda: date_of(end),
                                     lambda: number_or(days, 7.0))
    first = rfm_rows(log, end_date, period)[0][0]
    return ShownText(first[1]) if first[0] == "text" else first[1]


def gg_then_bgnbd(bgnbd_params, gg_params, *numbers):
    params_row(gg_params, 3)  # read first; past it the outcome depends on the arrays' contents


MODELS.update({
    "BGNBD_FIT": bgnbd_fit,
    "RFM_SUMMARY": rfm_summary,
    "BGNBD_FIT_RFM": lambda x, t_x, T: summary_columns(x, t_x, T),
    "GG_FIT": lambda frequencies, averages: summary_columns(frequencies, averages),
    "BGNBD_EXPECTED": lambda params, *numbers: params_row(params, 4),
    "BGNBD_P_ALIVE": lambda params, *numbers: params_row(params, 4),
    "GG_SPEND": lambda params, *numbers: params_row(params, 3),
    "BGNBD_CLV": gg_then_bgnbd,
    "BGNBD_P_ALIVE_CI": lambda fit, *numbers: fit_block(fit, 4),
    "BGNBD_EXPECTED_CI": lambda fit, *numbers: fit_block(fit, 4),
    "BGNBD_CLV_CI": lambda bgnbd, gg, *numbers: (fit_block(bgnbd, 4), fit_block(gg, 3)),
    "BGNBD_FORECAST": lambda fit, x, t_x, T, *rest: ranges_then_fit(fit, 4, x, t_x, T),
    "SBG_SURVIVAL_CI": lambda fit, *rest: fit_block(fit, 2),
    "SBG_RETENTION_CI": lambda fit, *rest: fit_block(fit, 2),
    "SBG_DERL_CI": lambda fit, *rest: fit_block(fit, 2),
    # Pareto/NBD: cm::pnbd_fit refuses what cm::bgnbd_fit refuses, before its search.
    "PNBD_FIT": bgnbd_fit,
    "PNBD_FIT_RFM": lambda x, t_x, T: summary_columns(x, t_x, T),
    "PNBD_EXPECTED": lambda params, *numbers: params_row(params, 4),
    "PNBD_P_ALIVE": lambda params, *numbers: params_row(params, 4),
    "PNBD_DERT": lambda params, *numbers: params_row(params, 4),
    "PNBD_CLV": gg_then_bgnbd,
    "PNBD_EXPECTED_NEW": lambda params, *numbers: params_row(params, 4),
    "PNBD_PMF": lambda params, *numbers: params_row(params, 4),
    "BGBB_FIT": lambda x, t_x, n, *weights: summary_columns(x, t_x, n),
    "BGBB_P_ALIVE": lambda params, *numbers: params_row(params, 4),
    "BGBB_EXPECTED": lambda params, *numbers: params_row(params, 4),
    "BGBB_DERT": lambda params, *numbers: params_row(params, 4),
    "BGBB_EXPECTED_NEW": lambda params, *numbers: params_row(params, 4),
    "BGBB_P_ALIVE_CI": lambda fit, *numbers: fit_block(fit, 4),
    "BGBB_EXPECTED_CI": lambda fit, *numbers: fit_block(fit, 4),
    "PNBD_P_ALIVE_CI": lambda fit, *numbers: fit_block(fit, 4),
    "PNBD_EXPECTED_CI": lambda fit, *numbers: fit_block(fit, 4),
    "PNBD_CLV_CI": lambda pnbd, gg, *numbers: (fit_block(pnbd, 4), fit_block(gg, 3)),
})


def ranges_then_fit(fit, k, *regions):
    """BGNBD_FORECAST: the summary's ranges are read first (their errors show as themselves),
    then the fit's block."""
    try:
        summary_columns(*regions)
    except Unmodelled:
        pass
    fit_block(fit, k)


def expected(name, kinds, tokens, row):
    """The outcome of =name(tokens...) in `row`; kinds: 'number', 'optional' or 'range' for
    each parameter (tokens may be fewer: trailing optional arguments left out)."""
    if name not in MODELS:
        return UNKNOWN
    if len(tokens) == 1 and isinstance(tokens[0], Omitted):
        tokens = []  # =F() has no argument at all
    # An inline array where a number belongs makes Calc evaluate the call over arrays: a
    # range in another number argument is then an array too, not intersected with the row;
    # the cell shows the result for the arrays' first elements.
    array_mode = any(kind == "number" and isinstance(token, InlineArray) for kind, token in zip(kinds, tokens))
    arguments, problems = [], set()
    try:
        for kind, token in zip(kinds, tokens):
            try:
                if kind == "number":
                    arguments.append(token.as_number(row, array_mode))
                elif kind == "answers":
                    arguments.append(token.as_answers(row))
                elif kind == "optional":
                    arguments.append(token.as_any(row))
                else:
                    arguments.append(token.as_range())
            except Failed as failure:  # Calc does not call the add-in
                problems |= failure.codes
        for kind in kinds[len(tokens):]:
            if kind == "answers":
                problems.add(ILLEGAL)  # Calc passes an `any` left out as void; the add-in refuses it
            elif kind != "optional":
                problems.add(PARAMETERS)  # a required argument missing
            arguments.append(("void",))
        if problems:
            return Error(problems)
        try:
            result = MODELS[name](*arguments)
            return result if isinstance(result, ShownText) else Value(result)
        except Failed as failure:
            return Error(failure.codes)
        except (reference.Domain, reference.Division, reference.Overflow) as failure:
            return Error({failure.code})
    except Unmodelled:
        return UNKNOWN


# ---------------------------------------------------------------------------------------
# The IDL: which parameter is a number, an optional value or a range

# `any` parameters that take a list of survey answers (a range, an inline array or an array
# expression: the _ARRAY twins, addin/uno/any_cells.hxx) rather than one optional value.
ANSWER_PARAMETERS = {"scores", "scoresA", "scoresB", "segments"}


def signatures(idl_text):
    """{method: ['number' | 'optional' | 'answers' | 'range', ...]} from the add-in's IDL, read by
    idl/idl_parameters.py (the reader the Function Wizard table's check uses too)."""
    found = {}
    for method, params in idl_parameters.methods(idl_text).items():
        kinds = []
        for declared, name in params:
            if declared == "double":
                kinds.append("number")
            elif declared == "any" and name in ANSWER_PARAMETERS:
                kinds.append("answers")
            elif declared == "any":
                kinds.append("optional")
            elif "XCellRange" in declared or "sequence" in declared:
                kinds.append("range")
            else:
                kinds.append("other:" + declared)
        found[method] = kinds
    return found


# Subscription revenue: MRR_MOVEMENTS and SUBSCRIPTION_SURVIVAL show the first day of their
# first month (the top left of the array); the guide's § 10 decides the errors, in
# this order: the rows (an id without its
# month or MRR, or the reverse, a wrong kind: Err:502), each row's date (beyond the guide's
# limit: Err:502), no rows (#DIV/0!), a span beyond the guide's months (Err:502), a customer's
# month too large to add up (#NUM!).
def billing_log(ids, months, mrr):
    log = dated_amounts(ids, months, mrr)
    if not log:
        raise reference.Division()
    indices = [period_index(date, "month") for _, date, _ in log]
    if max(indices) - min(indices) + 1 > MAX_BILLING_MONTHS:
        raise Failed(ILLEGAL)
    net = {}
    for (who, _, value), index in zip(log, indices):
        net[(who, index)] = net.get((who, index), 0.0) + value
    if any(not math.isfinite(v) for v in net.values()):
        raise reference.Overflow()
    return log, indices, net


def mrr_movements(ids, months, mrr):
    log, indices, net = billing_log(ids, months, mrr)
    by_month = {}
    for (who, index), value in net.items():
        if value > 0:
            by_month[index] = by_month.get(index, 0.0) + value
    if any(not math.isfinite(v) for v in by_month.values()):
        raise reference.Overflow()  # the month's total overflows
    return float(period_start(min(indices), "month"))


def subscription_survival(ids, months, mrr):
    log, indices, net = billing_log(ids, months, mrr)
    paying = [index for (who, index), value in net.items() if value > 0]
    if not paying:
        raise reference.Division()
    return float(period_start(min(paying), "month"))


MODELS.update({
    "MRR_MOVEMENTS": mrr_movements,
    "SUBSCRIPTION_SURVIVAL": subscription_survival,
    "QUICK_RATIO": scalar("QUICK_RATIO", [lambda v: number_or(v, 0.0)]),
})


# BG/BB and new-customer forecasts (the guide, § 9 and § 11). As for the other
# models: `params` through parameter_row, the fit's columns through summary_columns.
MODELS.update({
    "BGNBD_EXPECTED_NEW": lambda params, t: params_row(params, 4),
    "BGNBD_PMF": lambda params, t, k: params_row(params, 4),
})
