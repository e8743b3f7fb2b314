"""The one reader of the add-in's IDL (XCustomerMetrics.idl) for the scripts that need its
methods: registry/make_calcaddins.py (the Function Wizard table must list the same parameters)
and tests/integration/hostile_model.py (which argument is a number, a value or a range)."""
import re


def methods(idl_text):
    """{method: [(type, name), ...]} in declaration order, for every method of the interface,
    without the hidden parameter: one typed XPropertySet is the caller's document settings (its
    date origin), which Calc fills itself and shows nowhere."""
    body = idl_text[idl_text.index("interface XCustomerMetrics"):]
    found = {}
    for match in re.finditer(r"([\w:<> ]+?)\s+([A-Z][A-Z0-9_]*)\s*\(([^)]*)\)\s*raises", body):
        params = []
        for declaration in filter(None, (p.strip() for p in match.group(3).split(","))):
            if not declaration.startswith("[in]"):
                continue
            declared, name = re.sub(r"^\[in\]\s*", "", declaration).rsplit(None, 1)
            if declared.endswith("XPropertySet"):
                continue
            params.append((declared, name))
        found[match.group(2)] = params
    return found
