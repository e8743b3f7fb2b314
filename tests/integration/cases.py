"""Cases evaluated in real Calc: the seed examples of SPEC.md and, for every function,
its error cases, edges, optional arguments and ranges with blanks and text.

A case is a formula as a user types it in an English Calc, and what the cell must show:
a number (within `tolerance`) or a Calc error code. The numbers come from the articles
in ../shared/seeds and from the SPEC, worked by hand, never from running the add-in.
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


# Every worked example of the SPEC catalog, as the article printed it.
SEED_EXAMPLES = [
    case("=CRR(110;115;60)", 0.5, printed="50 %", source="seed 000: (115 − 60) / 110"),
    case("=CRR(100;95;5)", 0.9, printed="90 %", source="seed 000: (95 − 5) / 100"),
    case("=CRR(1500;1650;250)", 1400 / 1500, printed="93,33 %", source="seed 000, Ромашка"),
    case("=CRR(190;205;25)", 180 / 190, printed="94,7 %", source="seed 000: (205 − 25) / 190"),
    case("=CHURN(110;115;60)", 0.5, printed="50 %", source="seed 000: 55 / 110"),
    case("=CHURN(190;205;25)", 10 / 190, printed="≈ 5,3 %", source="seed 000: 10 / 190"),
    case("=CHURN(100;90;0)", 0.1, printed="10 %", source="seed 000: 100 → 90"),
    case("=RETENTION_RATIO(100000;20000)", 0.8, printed="80 %", source="seed 000, company 1"),
    case("=RETENTION_RATIO(200000;60000)", 0.7, printed="70 %", source="seed 000, company 2"),
    case("=RETENTION_RATIO(100000;60000)", 0.4, printed="40 %", source="seed 000, company 3"),
    case("=PAYOUT_RATIO(100000;20000)", 0.2, printed="20 %", source="seed 000, company 1"),
    case("=PAYOUT_RATIO(200000;60000)", 0.3, printed="30 %", source="seed 000, company 2"),
    case("=PAYOUT_RATIO(100000;60000)", 0.6, printed="60 %", source="seed 000, company 3"),
    case("=NPS_COUNTS(65;50;35)", 20, printed="30 (counts subtracted)", source="seed 000, 150 answers"),
    case("=RPR(65;150)", 65 / 150, printed="≈ 43,5 %", source="seed 000: 65 of 150"),
    case("=LTV_SUBSCRIPTION(3000;0.4;0.9;0.95;0.073)", 1080 / 0.123, printed="≈ 8 780 ₽",
         source="seed 000, fitness club"),
    case("=LTV_CHURN(3000;0.1)", 30000, printed="30 000 ₽", source="seed 000, short formula"),
    case("=LIFETIME(0.1)", 10, printed="10 months", source="seed 000: 1 / 10 %"),
    case("=CLV(182;0.37)", 182 / 0.63, printed="288,89", source="seed 000, CLV calculator"),
    case("=CLV(182;0.37;0.8)", 182 / 1.43, printed="127,27", source="seed 000, CLV calculator"),
    case("=ROMI(CLV(182;0.37);600)", 182 / 0.63 / 600, printed="48,1 %", source="seed 000, CAC 600"),
    case("=ROMI(CLV(182;0.37;0.8);600)", 182 / 1.43 / 600, printed="21,2 %", source="seed 000, CAC 600"),
]

# Sheet "Data" of the test document; ranges below refer to it.
#   A1:A150  the seed survey as raw answers: 65 × 9–10, 50 × 7–8, 35 × 0–6
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
}

# More sheets of the test document: a name with a dot, as "Q1.2024" exports have.
EXTRA_SHEETS = {"Q1.2024": {"A": [10, 9, 0]}}

FUNCTION_CASES = [
    # CRR / CHURN: domain, division, text
    case("=CRR(0;5;0)", DIV0), case("=CRR(-1;5;0)", ILLEGAL), case("=CRR(10;5;6)", ILLEGAL),
    case("=CRR(10;25;5)", ILLEGAL), case("=CRR(10;-5;0)", ILLEGAL), case('=CRR("a";1;1)', VALUE),
    case("=CRR(10;10;0)", 1), case("=CRR(10;3;3)", 0), case("=CRR(2.5;2;0)", 0.8),
    case("=CRR(100;Data.I1;0)", 0),  # an empty cell is 0 for a required number
    case("=CHURN(0;0;0)", DIV0), case("=CHURN(100;90;91)", ILLEGAL), case("=CHURN(100;250;10)", ILLEGAL),
    case("=CHURN(100;70;20)", 0.5),
    # RETENTION_RATIO / PAYOUT_RATIO
    case("=RETENTION_RATIO(0;10)", DIV0), case("=RETENTION_RATIO(-100;10)", ILLEGAL),
    case("=RETENTION_RATIO(100;-10)", ILLEGAL), case("=RETENTION_RATIO(100;150)", -0.5),
    case("=PAYOUT_RATIO(0;0)", DIV0), case("=PAYOUT_RATIO(100;-1)", ILLEGAL), case("=PAYOUT_RATIO(100;0)", 0),
    # NPS over ranges: blanks and text skipped, out-of-scale rejected, empty is an error
    case("=NPS(Data.A1:A150)", 20),
    case("=NPS(Data.B1:B8)", 100 * (2 - 1) / 4),  # 10, 9, 0, 7: P 2, passive 1, D 1
    case("=NPS(Data.D1:D3)", ILLEGAL), case("=NPS(Data.K1)", ILLEGAL),
    case("=NPS(Data.C1:C2)", DIV0), case("=NPS(Data.L1:L3)", NA),  # an error inside propagates
    case("=NPS(Data.M1:M4)", 100 * (1 - 2) / 3),  # 10, TRUE() = 1 and 0; the text "9" is skipped
    case("=NPS($'Q1.2024'.A1:A3)", 100 / 3), case("=NPS($'Q1.2024'.A:A)", 100 / 3),
    case("=NPS($Data.A1:$'Q1.2024'.A3)", ILLEGAL),  # through several sheets: refused, not cut short
    case("=CRR_IDS($Data.N1:$'Q1.2024'.N8;Data.O1:O7)", ILLEGAL),
    case("=NPS(Data.A:A)", 20), case("=NPS(Data.A:B)", 100 * (65 + 2 - 35 - 1) / 154),
    case("=NPS(Data.E1:E3)", DIV0), case("=NPS(Data.F1:F3)", DIV0),
    case("=NPS({10;9;0})", PARAMETERS), case("=NPS(9)", PARAMETERS),  # a range is required
    case("=NPS(Data.A1:B150)", 100 * (65 + 2 - 35 - 1) / 154),  # two columns, blanks past B8
    # NPS_COUNTS
    case("=NPS_COUNTS(0;0;0)", DIV0), case("=NPS_COUNTS(-1;5;5)", ILLEGAL), case("=NPS_COUNTS(10;0;0)", 100),
    case("=NPS_COUNTS(0;0;10)", -100), case("=NPS_COUNTS(0;10;0)", 0),
    # CSAT: scale default 5, given, omitted, empty, text
    case("=CSAT(Data.G1:G8)", 3 / 6), case("=CSAT(Data.G1:G8;5)", 3 / 6), case("=CSAT(Data.G1:G8;)", 3 / 6),
    case("=CSAT(Data.G1:G8;Data.I1)", ILLEGAL),  # an empty cell is 0, as anywhere in Calc
    case("=CSAT(Data.H1:H4;10)", 0.5),
    case("=CSAT(Data.H1:H4)", ILLEGAL), case("=CSAT(Data.G1:G8;2)", ILLEGAL),
    case('=CSAT(Data.G1:G8;"five")', ILLEGAL), case("=CSAT(Data.E1:E3)", DIV0), case("=CSAT(Data.A1:A150;10)", ILLEGAL),
    # RPR / RCR / REDEMPTION_RATE / PURCHASE_FREQUENCY
    case("=RPR(1;0)", DIV0), case("=RPR(151;150)", ILLEGAL), case("=RPR(-1;150)", ILLEGAL),
    case("=RCR(65;150)", 65 / 150), case("=RCR(5;0)", DIV0), case("=RCR(5;-150)", ILLEGAL),
    case("=REDEMPTION_RATE(30;120)", 0.25), case("=REDEMPTION_RATE(0;0)", DIV0),
    case("=REDEMPTION_RATE(130;120)", ILLEGAL),
    case("=PURCHASE_FREQUENCY(450;150)", 3), case("=PURCHASE_FREQUENCY(10;0)", DIV0),
    case("=PURCHASE_FREQUENCY(-10;5)", ILLEGAL),
    # ARPU / LTV_ARPU / LTV_AOV
    case("=ARPU(150000;300)", 500), case("=ARPU(150000;0)", DIV0), case("=ARPU(-1;10)", ILLEGAL),
    case("=LTV_ARPU(500;10)", 5000), case("=LTV_ARPU(-500;10)", ILLEGAL), case("=LTV_ARPU(500;-10)", ILLEGAL),
    case("=LTV_ARPU(ARPU(150000;300);LIFETIME(0.1))", 5000),
    case("=LTV_AOV(2000;3;4)", 24000), case("=LTV_AOV(2000;3;4;)", 24000), case("=LTV_AOV(2000;3;4;0.25)", 6000),
    case("=LTV_AOV(2000;3;4;Data.I1)", 0),  # empty cell: margin 0, not the default
    case("=LTV_AOV(2000;3;4;25)", ILLEGAL),
    case("=LTV_AOV(2000;3;4;Data.J1)", ILLEGAL), case("=LTV_AOV(-2000;3;4)", ILLEGAL),
    case("=LTV_AOV(1E+200;1E+200;1E+200)", NUM),
    # LTV_SUBSCRIPTION: optional arguments omitted and empty
    case("=LTV_SUBSCRIPTION(100;1;0.9)", 900, 1e-9), case("=LTV_SUBSCRIPTION(100;1;0.9;;)", 900, 1e-9),
    case("=LTV_SUBSCRIPTION(100;1;0.9;;0.1)", 450, 1e-9), case("=LTV_SUBSCRIPTION(100;1;0.9;0.9)", 900, 1e-9),
    case("=LTV_SUBSCRIPTION(3000;0.4;1)", DIV0), case("=LTV_SUBSCRIPTION(3000;0.4;0.9;1.2;0.1)", ILLEGAL),
    case("=LTV_SUBSCRIPTION(3000;0.4;90)", ILLEGAL), case("=LTV_SUBSCRIPTION(3000;40;0.9)", ILLEGAL),
    case('=LTV_SUBSCRIPTION(3000;0.4;0.9;"x")', ILLEGAL),
    # LTV_CHURN / CLV / CLV_NET / LIFETIME
    case("=LTV_CHURN(3000;0.1;0.4)", 12000), case("=LTV_CHURN(3000;0.1;)", 30000),
    case("=LTV_CHURN(3000;0)", DIV0), case("=LTV_CHURN(3000;10)", ILLEGAL), case("=LTV_CHURN(3000;0.1;1.5)", ILLEGAL),
    case("=CLV(100;0)", 100), case("=CLV(-50;0.5)", -100), case("=CLV(100;1)", DIV0), case("=CLV(100;1;0.1)", 1000, 1e-9),
    case("=CLV(100;1.1)", ILLEGAL), case("=CLV(100;0.5;-0.5)", ILLEGAL), case("=CLV(182;0.37;)", 182 / 0.63),
    case('=CLV(182;0.37;"x")', ILLEGAL),
    case("=CLV_NET(10000;2500;1500)", 6000), case("=CLV_NET(1000;2500;1500)", -3000),
    case("=CLV_NET(1000;-1;0)", ILLEGAL),
    case("=LIFETIME(1)", 1), case("=LIFETIME(0)", DIV0), case("=LIFETIME(-0.1)", ILLEGAL), case("=LIFETIME(10)", ILLEGAL),
    # ROMI: the flag as boolean, number, omitted, empty; text is illegal
    case("=ROMI(1500;1000)", 1.5), case("=ROMI(1500;1000;TRUE())", 0.5), case("=ROMI(1500;1000;1)", 0.5),
    case("=ROMI(1500;1000;FALSE())", 1.5), case("=ROMI(1500;1000;)", 1.5), case("=ROMI(-500;1000;TRUE())", -1.5),
    case("=ROMI(1500;0)", DIV0), case("=ROMI(1500;-1)", ILLEGAL), case('=ROMI(1500;1000;"yes")', ILLEGAL),
    # LTV_CAC / GROSS_MARGIN / MRR_RETENTION
    case("=LTV_CAC(30000;10000)", 3), case("=LTV_CAC(30000;0)", DIV0), case("=LTV_CAC(30000;-5)", ILLEGAL),
    case("=GROSS_MARGIN(1000;600)", 0.4), case("=GROSS_MARGIN(1000;1500)", -0.5),
    case("=GROSS_MARGIN(0;600)", DIV0), case("=GROSS_MARGIN(1000;-1)", ILLEGAL),
    case("=MRR_RETENTION(95000;100000)", 0.95), case("=MRR_RETENTION(110000;100000)", 1.1),
    case("=MRR_RETENTION(1;0)", DIV0), case("=MRR_RETENTION(-1;10)", ILLEGAL),
    # Raw data: id lists and order logs (hand-worked in the Data sheet comment above)
    case("=CRR_IDS(Data.N1:N8;Data.O1:O7)", 3 / 6), case("=CHURN_IDS(Data.N1:N8;Data.O1:O7)", 3 / 6),
    case("=CRR_IDS(Data.N:N;Data.O:O)", 3 / 6),  # whole columns
    case("=CRR(6;6;3)", 3 / 6),                    # the same, counted by hand
    case("=CRR_IDS(Data.E1:E3;Data.O1:O7)", DIV0), case("=CRR_IDS(Data.S1:S8;Data.O1:O7)", DIV0),
    case("=CHURN_IDS(Data.N1:N8;Data.E1:E3)", 1),
    case("=RPR_ORDERS(Data.P1:P8)", 2 / 4), case("=PURCHASE_FREQUENCY_ORDERS(Data.P1:P8)", 7 / 4),
    case("=RPR_ORDERS(Data.E1:E3)", DIV0), case("=RPR_ORDERS(Data.L1:L3)", NA),
    case("=ARPU_ORDERS(Data.P1:P8;Data.Q1:Q8)", 850 / 4), case("=ARPU_ORDERS(Data.P:P;Data.Q:Q)", 850 / 4),
    case("=ARPU_ORDERS(Data.P1:P8;Data.Q1:Q7)", ILLEGAL),  # different shapes
    case("=ARPU_ORDERS(Data.P1:P8;Data.B1:B8)", ILLEGAL),  # text and missing amounts
    case("=ARPU_ORDERS(Data.S1:S8;Data.Q1:Q8)", DIV0),     # the =1/0 in the ids shows
]

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
FUNCTION_CASES += [
    # ChartMogul Help Center, "Gross MRR Churn Rate" / "Net MRR Churn Rate": $100 at the start,
    # $10 churned, $10 contraction, $10 expansion -> gross MRR churn 20 %, net 10 %.
    case("=GRR(100;10;10)", 0.8, source="ChartMogul: 1 − gross MRR churn 20 %"),
    case("=NRR(100;10;10;10)", 0.9, source="ChartMogul: 1 − net MRR churn 10 %"),
    case("=NRR(350;0;30;200)", 120 / 350), case("=NRR(100;30;5;5)", 1.2), case("=GRR(100;0;100)", 0),
    case("=NRR(0;0;0;0)", DIV0), case("=GRR(0;0;0)", DIV0), case("=NRR(-100;0;0;0)", ILLEGAL),
    case("=GRR(100;60;50)", ILLEGAL), case("=NRR(100;-1;0;0)", ILLEGAL), case('=GRR(100;"a";0)', VALUE),
    case("=QUICK_RATIO(40;0;30;200)", 40 / 230), case("=QUICK_RATIO(0;0;0;160;200)", 200 / 160),
    case("=QUICK_RATIO(0;0;0;160;)", 0), case("=QUICK_RATIO(20;8;3;5)", 3.5),
    case("=QUICK_RATIO(10;0;0;0)", DIV0), case("=QUICK_RATIO(-1;0;0;5)", ILLEGAL),
    case('=QUICK_RATIO(1;1;1;1;"x")', ILLEGAL), case("=QUICK_RATIO(1;1;1;1;-1)", ILLEGAL),
]
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
