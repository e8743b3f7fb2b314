"""Cases evaluated in real Calc: the worked examples of the source articles
(docs/SOURCES.md, docs/SEED_EXAMPLES.md) and, for every function,
its error cases, edges, optional arguments and ranges with blanks and text.

A case is a formula as a user types it in an English Calc, and what the cell must show:
a number (within `tolerance`) or a Calc error code. The numbers come from the articles
of docs/SOURCES.md and from the definitions in docs/FUNCTIONS.md, worked by hand, never from
running the add-in.
"""
from collections import namedtuple

Case = namedtuple("Case", "formula expected tolerance printed source")

# Calc's error codes as XCell.getError() returns them.
ILLEGAL = "Err:502"      # argument outside its domain
DIV0 = "#DIV/0!"         # zero denominator (532)
VALUE = "#VALUE!"        # text given where a number is required (519)
NUM = "#NUM!"            # result too large (503)
PARAMETERS = "Err:504"   # Calc refuses the argument (an inline array where a range is needed)
NA = "#N/A"              # 32767
ERROR_CODES = {ILLEGAL: 502, DIV0: 532, VALUE: 519, NUM: 503, PARAMETERS: 504, NA: 32767}


def case(formula, expected, tolerance=1e-9, printed=None, source=None):
    return Case(formula, expected, tolerance, printed, source)


# Survey statistics for the cases below, written out from the papers (reference.py).
from reference import adjusted_wald, wald_test, wilson  # noqa: E402

# Every worked example of the source articles (docs/SEED_EXAMPLES.md), as the article printed it.
SEED_EXAMPLES = [
    case("=CRR(110;115;60)", 0.5, printed="50 %", source="article A1: (115 − 60) / 110"),
    case("=CRR(100;95;5)", 0.9, printed="90 %", source="article A5: (95 − 5) / 100"),
    case("=CRR(1500;1650;250)", 1400 / 1500, printed="93,33 %", source="article A4, Ромашка"),
    case("=CRR(190;205;25)", 180 / 190, printed="94,7 %", source="article A6: (205 − 25) / 190"),
    case("=CHURN(110;115;60)", 0.5, printed="50 %", source="article A1: 55 / 110"),
    case("=CHURN(190;205;25)", 10 / 190, printed="≈ 5,3 %", source="article A6: 10 / 190"),
    case("=CHURN(100;90;0)", 0.1, printed="10 %", source="article A5: 100 → 90"),
    case("=RETENTION_RATIO(100000;20000)", 0.8, printed="80 %", source="article A3, company 1"),
    case("=RETENTION_RATIO(200000;60000)", 0.7, printed="70 %", source="article A3, company 2"),
    case("=RETENTION_RATIO(100000;60000)", 0.4, printed="40 %", source="article A3, company 3"),
    case("=PAYOUT_RATIO(100000;20000)", 0.2, printed="20 %", source="article A3, company 1"),
    case("=PAYOUT_RATIO(200000;60000)", 0.3, printed="30 %", source="article A3, company 2"),
    case("=PAYOUT_RATIO(100000;60000)", 0.6, printed="60 %", source="article A3, company 3"),
    case("=NPS_COUNTS(65;50;35)", 20, printed="30 (counts subtracted)", source="article A6, 150 answers"),
    case("=RPR(65;150)", 65 / 150, printed="≈ 43,5 %", source="article A6: 65 of 150"),
    case("=LTV_SUBSCRIPTION(3000;0.4;0.9;0.95;0.073)", 1080 / 0.123, printed="≈ 8 780 ₽",
         source="article A2, fitness club"),
    case("=LTV_CHURN(3000;0.1)", 30000, printed="30 000 ₽", source="article A2, short formula"),
    case("=LIFETIME(0.1)", 10, printed="10 months", source="article A2: 1 / 10 %"),
    case("=CLV(182;0.37)", 182 / 0.63, printed="288,89", source="article A2, CLV calculator"),
    case("=CLV(182;0.37;0.8)", 182 / 1.43, printed="127,27", source="article A2, CLV calculator"),
    case("=ROMI(CLV(182;0.37);600)", 182 / 0.63 / 600, printed="48,1 %", source="article A2, CAC 600"),
    case("=ROMI(CLV(182;0.37;0.8);600)", 182 / 1.43 / 600, printed="21,2 %", source="article A2, CAC 600"),
]

# Ordinary formulas (Enter, not Ctrl+Shift+Enter) over the Data sheet below.
LOOKUP_CASES = [
    # One segment's NPS at range speed (guide 1.5): its row picked out of NPS_BY's table.
    case('=INDEX(NPS_BY(Data.B1:B8;Data.Y1:Y8);MATCH("South";INDEX(NPS_BY(Data.B1:B8;Data.Y1:Y8);0;1);0);3)',
         50, source="Data: South answered 9 and 7 (one promoter, one passive): NPS 50"),
    case('=INDEX(NPS_BY(Data.B1:B8;Data.Y1:Y8);MATCH("North";INDEX(NPS_BY(Data.B1:B8;Data.Y1:Y8);0;1);0);2)',
         2, source="Data: North answered 10 and 0 (text and blanks skipped)"),
    case('=INDEX(NPS_BY(Data.B1:B8;Data.Y1:Y8);MATCH("West";INDEX(NPS_BY(Data.B1:B8;Data.Y1:Y8);0;1);0);3)',
         NA, source="no such segment: MATCH gives #N/A"),
]

# Sheet "Data" of the test document; ranges below refer to it.
#   A1:A150  article A6's survey as raw answers: 65 × 9–10, 50 × 7–8, 35 × 0–6
#   B1:B8    10, "n/a", <empty>, 9, 0, "10", <empty>, 7      (text "10" is text)
#   C1:C2    =1/0, 9                                          (an error inside a range)
#   D1:D3    9, 11, 5                                         (11 is out of scale)
#   E1:E3    <empty>                                          (nothing to count)
#   F1:F3    "x", "y", "z"                                    (text only)
#   G1:G8    5, 4, 3, <empty>, "ok", 2, 5, 1                  (1..5 answers)
#   H1:H4    10, 9, 8, 1                                      (1..10 answers)
#   I1       <empty>      J1  "text"      K1  8.5
#   L1:L3    10, =NA(), =1/0                                   (the first error wins)
#   M1:M4    =5+5, ="9", =TRUE(), 0      (formula results: number, text, boolean, constant)
#   N1:N8    start ids 1, 2, 3, "c4", "c5", <empty>, 2, "x"   -> 6 distinct customers
#   O1:O7    end ids 2, 3, "c5", 7, "c8", 3, "1" (text)        -> 6 distinct, 3 retained
#   P1:P8    order customers a, b, a, c, b, a, <empty>, d      (a ×3, b ×2, c, d)
#   Q1:Q8    amounts 100, 200, 50, 300, 100, 25, <empty>, 75   (850 in all)
#   R1:R8    order dates 2024-01-05, 01-20, 02-03, 02-10, 03-15, 03-20, <empty>, 03-02
#   S1:S8    like P but S3 holds =1/0
#   Y1:Y8    segments of B1:B8: North, South, North, South, North, North, South, South
#            (North answers 10 and 0, South 9 and 7; the rest is empty or text)
DATA_COLUMNS = {
    "A": [10 if i % 2 else 9 for i in range(65)] + [8 if i % 2 else 7 for i in range(50)]
         + [i % 7 for i in range(35)],
    "B": [10, "n/a", None, 9, 0, "'10", None, 7],
    "C": ["=1/0", 9],
    "D": [9, 11, 5],
    "F": ["x", "y", "z"],
    "G": [5, 4, 3, None, "ok", 2, 5, 1],
    "H": [10, 9, 8, 1],
    "J": ["text"],
    "K": [8.5],
    "L": [10, "=NA()", "=1/0"],
    "M": ["=5+5", '="9"', "=TRUE()", 0],
    "N": [1, 2, 3, "c4", "c5", None, 2, "x"],
    "O": [2, 3, "c5", 7, "c8", 3, "'1"],
    "P": ["a", "b", "a", "c", "b", "a", None, "d"],
    "Q": [100, 200, 50, 300, 100, 25, None, 75],
    "R": [45296, 45311, 45325, 45332, 45366, 45371, None, 45353],
    "S": ["a", "b", "=1/0", "c", "b", "a", None, "d"],
    "Y": ["North", "South", "North", "South", "North", "North", "South", "South"],
}

# More sheets of the test document: a name with a dot, as "Q1.2024" exports have.
EXTRA_SHEETS = {"Q1.2024": {"A": [10, 9, 0]}}

# The cases of every function (domain, errors, edges, optional arguments, ranges with blanks,
# text and errors) live in the self-checking test sheets tests/sheets/*.fods, one file per
# family, run by test_sheets.py; their Data sheet is DATA_COLUMNS above.

# COHORT_RETENTION(Data.P1:P8; Data.R1:R8) as an array: cohort start, size, shares 0..2
# months later; "" where the data cannot show the period yet.
COHORT_EXPECTED = [
    [45292, 2, 1, 0.5, 1],      # January: a, b; February a; March a and b
    [45323, 1, 1, 0, ""],       # February: c, nobody in March
    [45352, 1, 1, "", ""],      # March: d
]
ARRAY_CASES = [
    ("=COHORT_RETENTION(Data.P1:P8;Data.R1:R8)", COHORT_EXPECTED),
    ('=COHORT_RETENTION(Data.P1:P8;Data.R1:R8;"месяц")', COHORT_EXPECTED),
    ('=COHORT_RETENTION(Data.P:P;Data.R:R;"Month")', COHORT_EXPECTED),
    ('=COHORT_RETENTION(Data.P1:P8;Data.R1:R8;"fortnight")', ILLEGAL),
    ("=COHORT_RETENTION(Data.P1:P8;Data.B1:B8)", ILLEGAL),  # text and missing dates
    ("=COHORT_RETENTION(Data.E1:E3;Data.E1:E3)", DIV0),     # no orders
    # Survey statistics. The plain functions take a cell range; their _ARRAY twins take the
    # three forms of a list of answers (a range, an inline array, an array expression entered
    # with setArrayFormula, as Ctrl+Shift+Enter does). IF without an else branch leaves FALSE
    # in the rows that do not match: skipped, like empty cells.
    ('=NPS_ARRAY(IF(Data.Y1:Y8="North";Data.B1:B8))', [[0]]),        # 10 and 0
    ('=NPS_ARRAY(IF(Data.Y1:Y8="South";Data.B1:B8))', [[50]]),       # 9 and 7
    ('=NPS_ARRAY(IF(Data.Y1:Y8="South";Data.B1:B8;""))', [[50]]),
    # ...but a boolean computed inside an array reaches an add-in as a number (LibreOffice passes
    # no data types): FALSE() as the else branch makes the four North rows answers 0.
    ('=NPS_ARRAY(IF(Data.Y1:Y8="South";Data.B1:B8;FALSE()))', [[100 * (1 - 4) / 6]]),
    ('=NPS_ARRAY(IF(Data.A1:A3>0;Data.C1:C3))', DIV0),                 # an error inside shows as itself
    ('=NPS_ARRAY(Data.B1:B8)', [[25]]),                                # a range too
    ('=NPS(IF(Data.Y1:Y8="North";Data.B1:B8))', PARAMETERS),           # the plain NPS: a range only
    ('=CSAT_ARRAY(IF(Data.G1:G8>=3;Data.G1:G8))', [[3 / 4]]),          # 5, 4, 3, 5; "ok" skipped
    ("=NPS_CI(Data.A1:A150)", [list(adjusted_wald(65, 50, 35))]),
    ("=NPS_CI(Data.A:A)", [list(adjusted_wald(65, 50, 35))]),
    ("=NPS_CI_ARRAY({10;9;8;7;6;0;10})", [list(adjusted_wald(3, 2, 2))]),
    ('=NPS_CI_ARRAY(IF(Data.Y1:Y8="South";Data.B1:B8);0.9)', [list(adjusted_wald(1, 1, 0, 0.9))]),
    ("=NPS_CI({10;9;8;7;6;0;10})", PARAMETERS),
    ("=NPS_COUNTS_CI(65;50;35)", [list(adjusted_wald(65, 50, 35))]),
    ("=CSAT_CI(Data.G1:G8)", [list(wilson(3, 6))]),
    ("=CSAT_CI_ARRAY({5;4;1;2})", [list(wilson(2, 4))]),
    ('=CSAT_CI_ARRAY(IF(Data.G1:G8>=3;Data.G1:G8);5;0.9)', [list(wilson(3, 4, 0.9))]),
    ("=NPS_BY(Data.B1:B8;Data.Y1:Y8)", [["North", 2, 0, *adjusted_wald(1, 0, 1)],
                                        ["South", 2, 50, *adjusted_wald(1, 1, 0)]]),
    ("=NPS_BY_ARRAY(Data.B1:B8;Data.Y1:Y8)", [["North", 2, 0, *adjusted_wald(1, 0, 1)],
                                              ["South", 2, 50, *adjusted_wald(1, 1, 0)]]),
    ('=NPS_BY_ARRAY({10;0;9};{"a";"b";"a"})', [["a", 2, 100, *adjusted_wald(2, 0, 0)],
                                               ["b", 1, -100, *adjusted_wald(0, 0, 1)]]),
    ("=NPS_BY_ARRAY(Data.A1:A3;IF(Data.A1:A3=10;2;1))", [[1, 2, 100, *adjusted_wald(2, 0, 0)],   # 9, 9
                                                         [2, 1, 100, *adjusted_wald(1, 0, 0)]]),  # 10
    # Customer-base models. RFM_SUMMARY of the order log P/R/Q to 2024-03-16
    # in weeks (ids are text, so only the error cases here; the CDNOW sample: test_models.py).
    ("=RFM_SUMMARY(Data.P1:P8;Data.R1:R8;Data.Q1:Q8;DATE(2023;12;31))", DIV0),   # no order yet
    ("=RFM_SUMMARY(Data.P1:P8;Data.R1:R8;Data.P1:P8;DATE(2024;3;16))", ILLEGAL),  # text amounts
    ("=BGNBD_FIT(Data.P1:P8;Data.R1:R8;DATE(2024;3;16))", ILLEGAL),              # 4 customers
    ("=BGNBD_FIT_RFM({1;0;2};{1;0;2};{3;3;3})", PARAMETERS),  # cell ranges only (padding: test_models)
    ("=GG_FIT({1;2};{10;20})", PARAMETERS),
    ("=BGNBD_FIT_RFM(Data.P1:P8;Data.R1:R8;Data.Q1:Q8)", ILLEGAL),  # text ids as x
    ("=GG_FIT(Data.Q1:Q8;Data.Q1:Q9)", ILLEGAL),                    # other lengths
]

# Subscription revenue. Sheet "Billing": A:C a billing export worked by hand (the same log as
# tests/unit/subscription_test.cpp, rows out of order, one date as ISO text, a blank row):
#   a: Jan 100, Feb 100, Mar 150 (expansion 50), Apr 120 (contraction 30), May none (churned
#      120), Jun 80 (reactivation);  b: Jan 30 + 20, Feb 50, then nothing (churned 50 in Mar);
#   c: Feb..Mar 200, Apr 200 and a refund −200 (nets 0: not paying, churned 200), May 200
#      (reactivation), Jun 200;  d: Mar a row of 0 (not paying), Apr 40 (new), May −10 (churned).
# E:G  a row whose MRR is text;  H:J  only a zero and a refund;  K  empty.
EXTRA_SHEETS["Billing"] = {
    "A": ["c", "a", "b", "a", "b", "c", None, "b", "a", "c", "d", "a", "c", "c", "d", "c", "d", "a"],
    "B": [45445, 45292, "'2024-01-15", 45351, 45292, 45323, None, 45323, 45361, 45352, 45352, 45412, 45383,
          45412, 45383, 45432, 45413, 45444],
    "C": [200, 100, 30, 100, 20, 200, None, 50, 150, 200, 0, 120, 200, -200, 40, 200, -10, 80],
    "E": ["x", "y"], "F": [45292, 45292], "G": [10, "ten"],
    "H": ["x", "x"], "I": [45292, 45323], "J": [0, -5],
}
# NRR, GRR, QUICK_RATIO and single cells of the tables: tests/sheets/subscription.fods.
# MRR_MOVEMENTS(Billing.A1:A18; B1:B18; C1:C18): month, MRR start, new, expansion,
# contraction, churned, reactivation, MRR end, customers start, new, churned, reactivated, end.
MOVEMENTS_EXPECTED = [
    [45292, 0, 150, 0, 0, 0, 0, 150, 0, 2, 0, 0, 2],
    [45323, 150, 200, 0, 0, 0, 0, 350, 2, 1, 0, 0, 3],
    [45352, 350, 0, 50, 0, 50, 0, 350, 3, 0, 1, 0, 2],
    [45383, 350, 40, 0, 30, 200, 0, 160, 2, 1, 1, 0, 2],
    [45413, 160, 0, 0, 0, 160, 200, 200, 2, 0, 2, 1, 1],
    [45444, 200, 0, 0, 0, 0, 80, 280, 1, 0, 0, 1, 2],
]
# SUBSCRIPTION_SURVIVAL: cohort month, customers paying 0, 1, 2... months later without a
# break: January a, b (a until April); February c (until March); April d (April only).
SURVIVAL_EXPECTED = [
    [45292, 2, 2, 1, 1, 0, 0],
    [45323, 1, 1, 0, 0, 0, ""],
    [45383, 1, 0, 0, "", "", ""],
]
ARRAY_CASES += [
    ("=MRR_MOVEMENTS(Billing.A1:A18;Billing.B1:B18;Billing.C1:C18)", MOVEMENTS_EXPECTED),
    ("=MRR_MOVEMENTS(Billing.A:A;Billing.B:B;Billing.C:C)", MOVEMENTS_EXPECTED),
    ("=SUBSCRIPTION_SURVIVAL(Billing.A1:A18;Billing.B1:B18;Billing.C1:C18)", SURVIVAL_EXPECTED),
    ("=MRR_MOVEMENTS(Billing.H1:H2;Billing.I1:I2;Billing.J1:J2)", [[45292] + [0] * 12, [45323] + [0] * 12]),
    ("=SUBSCRIPTION_SURVIVAL(Billing.H1:H2;Billing.I1:I2;Billing.J1:J2)", DIV0),  # nobody ever pays
    ("=MRR_MOVEMENTS(Billing.E1:E2;Billing.F1:F2;Billing.G1:G2)", ILLEGAL),       # MRR as text
    ("=MRR_MOVEMENTS(Billing.A1:A18;Billing.B1:B18;Billing.C1:C17)", ILLEGAL),    # shapes differ
    ("=MRR_MOVEMENTS(Billing.A2:A8;Billing.B1:B7;Billing.C1:C7)", ILLEGAL),        # A7 blank beside a month and an MRR
    ("=MRR_MOVEMENTS(Billing.K1:K3;Billing.K1:K3;Billing.K1:K3)", DIV0),          # no rows
    ("=SUBSCRIPTION_SURVIVAL(Billing.A1:A18;Billing.B1:B18;Data.B1:B18)", ILLEGAL),  # text MRR
]
