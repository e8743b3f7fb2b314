"""The extension's lifecycle in real LibreOffice, with a user's document: install → use
→ upgrade → remove → reopen without the extension → save → reinstall → recalculate; and
the same document as .xlsx, reopened with and without the extension, saved again without
it and recalculated after reinstalling. Nothing the user typed may be lost at any step, and
a cell of ours shows its value or an error, never another number.
"""
import os
import re
import shutil
import sys
import tempfile
import unittest
import zipfile

import cmoffice as lo

OXT = lo.OXT
IDENTIFIER = "org.customermetrics.addin"
STORED = "ORG.CUSTOMERMETRICS.FUNCTIONS."
NAME = 525  # #NAME?: Calc's error for a function it does not know
XLSX = "Calc MS Excel 2007 XML"

# The user's sheet: inputs, our formulas, native formulas (one of them using ours) and a note.
CELLS = {"A1": 110, "B1": 115, "C1": 60, "E1": 10, "E2": 9, "E3": 0, "E4": 7, "E5": "n/a"}
OURS = {"D1": ("=CRR(A1;B1;C1)", 0.5), "D2": ("=NPS(E1:E5)", 100 * (2 - 1) / 4),
        "D3": ("=LTV_SUBSCRIPTION(3000;0.4;0.9;0.95;0.073)", 1080 / 0.123)}
NATIVE = {"F1": ("=SUM(A1:C1)", 285)}
DEPENDENT = {"F2": ("=D1*100", 50)}  # a native formula on one of ours
FORMULAS = {**OURS, **NATIVE, **DEPENDENT}
NOTE = ("G1", "Заметка пользователя: не потерять")


def with_version(oxt, version, folder):
    """A copy of the .oxt whose description.xml announces another version."""
    copy = os.path.join(folder, "customermetrics-%s.oxt" % version)
    with zipfile.ZipFile(oxt) as source, zipfile.ZipFile(copy, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "description.xml":
                text = data.decode("utf-8")
                start = text.index('<version value="') + len('<version value="')
                data = (text[:start] + version + text[text.index('"', start):]).encode("utf-8")
            target.writestr(info, data)
    return copy


def stored_formulas(ods):
    with zipfile.ZipFile(ods) as package:
        return package.read("content.xml").decode("utf-8")


class Lifecycle(unittest.TestCase):
    def setUp(self):
        self.folder = tempfile.mkdtemp(prefix="cm-lifecycle-")
        self.office = lo.Office(os.path.join(self.folder, "profile"))
        self.office.start()

    def tearDown(self):
        self.office.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def make_document(self, path):
        doc = self.office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        for address, value in CELLS.items():
            cell = sheet.getCellRangeByName(address)
            cell.setString(value) if isinstance(value, str) else cell.setValue(value)
        for address, (formula, _) in FORMULAS.items():
            sheet.getCellRangeByName(address).setFormula(formula)
        sheet.getCellRangeByName(NOTE[0]).setString(NOTE[1])
        doc.calculateAll()
        doc.storeToURL(lo.file_url(path), lo.props(FilterName="calc8"))
        doc.close(True)

    def check_user_data(self, sheet):
        for address, value in CELLS.items():
            cell = sheet.getCellRangeByName(address)
            self.assertEqual(cell.getString() if isinstance(value, str) else cell.getValue(), value, address)
        self.assertEqual(sheet.getCellRangeByName(NOTE[0]).getString(), NOTE[1])
        for address, (formula, _) in FORMULAS.items():
            stored = sheet.getCellRangeByName(address).getFormula().upper()
            if address in OURS:
                self.assertIn(STORED + formula[1:].split("(")[0] + "(", stored, address)
            else:
                self.assertEqual(formula, stored, address)

    def check_no_wrong_number(self, sheet):
        """Without the add-in our cells (and the formula using one) show an error or the value
        they had: never another number. Returns what they show."""
        shown = {}
        for address, (formula, value) in {**OURS, **DEPENDENT}.items():
            cell = sheet.getCellRangeByName(address)
            shown[address] = (cell.getError(), cell.getValue())
            if not cell.getError():
                self.assertAlmostEqual(cell.getValue(), value, places=9, msg=(address, "neither an error nor its value"))
        self.assertEqual(sheet.getCellRangeByName("F1").getValue(), 285)
        return shown

    def check_values(self, sheet):
        for address, (formula, value) in FORMULAS.items():
            cell = sheet.getCellRangeByName(address)
            self.assertEqual(cell.getError(), 0, formula)
            self.assertAlmostEqual(cell.getValue(), value, places=9, msg=formula)

    def reopen(self, path, recalculate=True):
        doc = self.office.open(path)
        if recalculate:
            doc.calculateAll()
        return doc

    def test_install_upgrade_remove_reinstall(self):
        steps = []
        ods = os.path.join(self.folder, "model.ods")
        self.office.install_extension(OXT)
        self.office.restart()
        self.make_document(ods)
        doc = self.reopen(ods)
        self.check_values(doc.Sheets.getByIndex(0))
        doc.close(True)
        steps.append("install, use, save .ods")

        newer = with_version(OXT, "99.0.0", self.folder)
        self.office.install_extension(newer)
        self.office.restart()
        self.assertEqual(self.office.installed_extensions(), [(IDENTIFIER, "99.0.0")])
        doc = self.reopen(ods)
        self.check_values(doc.Sheets.getByIndex(0))
        doc.close(True)
        steps.append("upgrade to 99.0.0, same values")

        self.office.remove_extension(IDENTIFIER)
        self.office.restart()
        self.assertEqual(self.office.installed_extensions(), [])
        doc = self.reopen(ods, recalculate=False)
        sheet = doc.Sheets.getByIndex(0)
        self.check_user_data(sheet)
        on_load = self.check_no_wrong_number(sheet)
        doc.calculateAll()  # without the add-in our cells become errors; nothing else changes
        self.check_user_data(sheet)
        self.check_no_wrong_number(sheet)
        for address in list(OURS) + list(DEPENDENT):
            self.assertEqual(sheet.getCellRangeByName(address).getError(), NAME, address)
        saved_without = os.path.join(self.folder, "saved-without-extension.ods")
        doc.storeToURL(lo.file_url(saved_without), lo.props(FilterName="calc8"))
        doc.close(True)
        # Calc writes the unknown name back in lower case; it matches it again without regard
        # to case once the extension is back (next step).
        content = stored_formulas(saved_without).lower()
        for name in ("CRR", "NPS", "LTV_SUBSCRIPTION"):
            self.assertIn(("of:=%s%s(" % (STORED, name)).lower(), content)
        steps.append("remove, reopen: data and formula text kept, errors shown (on load: %r), saved again" % on_load)

        self.office.install_extension(OXT)
        self.office.restart()
        doc = self.reopen(saved_without)
        self.check_user_data(doc.Sheets.getByIndex(0))
        self.check_values(doc.Sheets.getByIndex(0))
        doc.close(True)
        steps.append("reinstall, the file saved without the extension recalculates to the same values")
        print("\nlifecycle steps passed: " + "; ".join(steps), file=sys.stderr)

    def shown(self, sheet):
        return {a: (sheet.getCellRangeByName(a).getError(), sheet.getCellRangeByName(a).getValue()) for a in FORMULAS}

    def test_xlsx_round_trip(self):
        """Excel knows nothing of our functions: what survives a save as .xlsx, with the
        extension and without it."""
        steps = []
        self.office.install_extension(OXT)
        self.office.restart()
        ods = os.path.join(self.folder, "model.ods")
        xlsx = os.path.join(self.folder, "model.xlsx")
        self.make_document(ods)
        doc = self.reopen(ods)
        doc.storeToURL(lo.file_url(xlsx), lo.props(FilterName=XLSX))
        doc.close(True)
        stored = xlsx_formulas(xlsx)
        # Written under the name the document stores, with Excel's comma; the last computed
        # value is cached beside it.
        self.assertIn("ORG.CUSTOMERMETRICS.FUNCTIONS.CRR(A1,B1,C1)", stored)
        doc = self.office.open(xlsx)
        sheet = doc.Sheets.getByIndex(0)
        self.check_user_data(sheet)
        on_load = self.shown(sheet)
        doc.calculateAll()
        self.check_values(sheet)
        doc.close(True)
        steps.append("saved as .xlsx %r, reopened with the extension: on load %r, recalculated to the "
                     "same values" % (stored, on_load))

        self.office.remove_extension(IDENTIFIER)
        self.office.restart()
        doc = self.office.open(xlsx)
        sheet = doc.Sheets.getByIndex(0)
        self.check_user_data(sheet)
        on_load = self.check_no_wrong_number(sheet)
        doc.calculateAll()
        self.check_user_data(sheet)
        recalculated = self.check_no_wrong_number(sheet)
        resaved = os.path.join(self.folder, "saved-without-extension.xlsx")
        doc.storeToURL(lo.file_url(resaved), lo.props(FilterName=XLSX))
        doc.close(True)
        self.assertIn("org.customermetrics.functions.crr(a1,b1,c1)", [f.lower() for f in xlsx_formulas(resaved)])
        steps.append(".xlsx reopened without the extension: data and formula text kept, on load %r, "
                     "recalculated %r, saved again" % (on_load, recalculated))

        self.office.install_extension(OXT)
        self.office.restart()
        doc = self.reopen(resaved)
        self.check_user_data(doc.Sheets.getByIndex(0))
        self.check_values(doc.Sheets.getByIndex(0))
        doc.close(True)
        steps.append("reinstalled: the .xlsx saved without the extension recalculates to the same values")
        print("\nxlsx steps passed:\n  " + "\n  ".join(steps), file=sys.stderr)


def xlsx_formulas(path):
    with zipfile.ZipFile(path) as package:
        return re.findall(r"<f[^>]*>([^<]*)</f>", package.read("xl/worksheets/sheet1.xml").decode("utf-8"))


if __name__ == "__main__":
    unittest.main()
