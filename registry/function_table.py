"""The Function Wizard table as every reader needs it: registry/functions.json with the
_ARRAY twins of the survey functions generated from their plain functions' records.

A record with "array_twin": true is a function over lists of answers taken as cell ranges
(XCellRange in the IDL). Its twin, <name>_ARRAY, takes the same parameters as `any` (a range,
an inline array or an array expression; addin/uno/any_cells.hxx). The record holds the words
both share; this module adds what differs:
- the function's description: the plain one names its twin, the twin says the plain one is
  faster on a range;
- each list of answers (a parameter the plain function takes as an XCellRange): ": a cell
  range (… use <twin>)" against ": a range, an inline array or an array expression
  (required)" (Calc marks every `any` optional in the wizard, so the twin says it is not).
The other parameters are the same in both.

Readers: registry/make_calcaddins.py (CalcAddIns.xcu) and the integration tests
(tests/integration/calc.py), which compare the wizard's texts with this table.
"""
import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, os.pardir, "idl"))
import idl_parameters  # noqa: E402  (the one reader of the IDL)

LANGUAGES = ("en", "ru")
TABLE = os.path.join(HERE, "functions.json")
IDL = os.path.join(HERE, os.pardir, "idl", "XCustomerMetrics.idl")

# The IDL type of a list of answers in a plain survey function.
CELL_RANGE = "com::sun::star::table::XCellRange"

# What the two forms' texts add to the shared words ({plain}, {twin}: the functions' names).
FUNCTION_PLAIN = {"en": " For {{…}} or IF(…): {twin}.",
                  "ru": " Для {{…}} или ЕСЛИ(…) — {twin}."}
FUNCTION_TWIN = {"en": " Also {{…}} and IF(…); {plain} is faster on a range.",
                 "ru": " Также {{…}} и ЕСЛИ(…); на диапазоне быстрее {plain}."}
ANSWERS_PLAIN = {"en": ": a cell range (for an inline array or an array expression use {twin}).",
                 "ru": ": диапазон ячеек (для массива {{…}} или выражения-массива — {twin})."}
ANSWERS_TWIN = {"en": ": a range, an inline array or an array expression (required).",
                "ru": ": диапазон, массив {{…}} или выражение-массив (обязательно)."}


def _with(texts, suffix, **names):
    return {lang: texts[lang] + suffix[lang].format(**names) for lang in LANGUAGES}


def expand(table, methods):
    """The table with every twin generated after its plain function, in the plain one's place
    in the list. `methods` is idl_parameters.methods() of the IDL: which parameters are lists
    of answers. A record marked "array_twin" whose function takes no XCellRange is an error."""
    functions = []
    for record in table["functions"]:
        if not record.get("array_twin"):
            functions.append(record)
            continue
        plain, twin = record["name"], record["name"] + "_ARRAY"
        ranges = {name for declared, name in methods.get(plain, []) if declared == CELL_RANGE}
        if not ranges:
            raise ValueError(f"{plain} is marked array_twin but takes no {CELL_RANGE} in the IDL")
        twin_types = dict((name, declared) for declared, name in methods.get(twin, []))
        if any(twin_types.get(name) != "any" for name in ranges):
            raise ValueError(f"{twin} must be in the IDL, taking as `any` what {plain} takes as a range: {sorted(ranges)}")
        forms = []
        for name, function_suffix, answers_suffix in ((plain, FUNCTION_PLAIN, ANSWERS_PLAIN),
                                                      (twin, FUNCTION_TWIN, ANSWERS_TWIN)):
            form = {key: copy.deepcopy(value) for key, value in record.items() if key != "array_twin"}
            form["name"] = name
            form["description"] = _with(record["description"], function_suffix, plain=plain, twin=twin)
            for param in form["params"]:
                if param["name"] in ranges:
                    param["description"] = _with(param["description"], answers_suffix, plain=plain, twin=twin)
            forms.append(form)
        functions += forms
    return dict(table, functions=functions)


def load(table_path=TABLE, idl_path=IDL):
    """The whole table, twins included."""
    with open(table_path, encoding="utf-8") as f:
        table = json.load(f)
    with open(idl_path, encoding="utf-8") as f:
        methods = idl_parameters.methods(f.read())
    return expand(table, methods)


def twins(table_path=TABLE):
    """The plain functions that have an _ARRAY twin."""
    with open(table_path, encoding="utf-8") as f:
        return [r["name"] for r in json.load(f)["functions"] if r.get("array_twin")]
