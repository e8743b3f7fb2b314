"""What a new user meets first, checked in a real office with the .oxt installed: the
Extension Manager entry (a short name, our own icons), the user guide inside the extension
(Help ▸ CustomerMetrics user guide: enabled, and what choosing it does), and the template
workbooks' language and chart axes.

The Help entries are checked twice: headless, by asking the frame for the entry's dispatch
as the menu does (none: the entry is greyed out) and dispatching it with no browser on the
machine (the guide opens in LibreOffice itself); and in a real window on a virtual display
(Xvfb), by opening the Help menu through the accessibility API, reading the entries' state
and choosing one, with a stand-in browser (xdg-open starts $BROWSER) that records the page.

Run: ctest --preset integration -R test_first_use
"""
import os
import shutil
import stat
import tempfile
import time
import unittest

import uno

import cmmenu
import cmoffice as lo
from calc import error_cells
from test_templates import EXPECTED, LANGUAGES

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down

IDENTIFIER = "org.customermetrics.addin"
GUIDE_PAGES = {"macro:///CustomerMetricsGuide.Guide.OpenEnglish()": "FUNCTIONS.html",
               "macro:///CustomerMetricsGuide.Guide.OpenRussian()": "FUNCTIONS.ru.html"}
# What Debian's xdg-open tries when no desktop says which browser to start.
BROWSERS = ("x-www-browser", "firefox", "iceweasel", "seamonkey", "mozilla", "epiphany", "konqueror",
            "chromium", "chromium-browser", "google-chrome", "www-browser", "links2", "elinks", "links",
            "lynx", "w3m")


def help_entries(running):
    """{entry name: its Addons.xcu properties} of our Help menu entries."""
    provider = running.service("com.sun.star.configuration.ConfigurationProvider")
    entries = provider.createInstanceWithArguments(
        "com.sun.star.configuration.ConfigurationAccess",
        lo.props(nodepath="/org.openoffice.Office.Addons/AddonUI/OfficeHelp"))
    return {name: entries.getByName(name) for name in entries.getElementNames()
            if name.startswith("org.customermetrics.")}


def guide_url(running, page):
    """The guide page's file URL, found as the menu's macro finds it."""
    factory = running.service("com.sun.star.script.provider.MasterScriptProviderFactory")
    script = factory.createScriptProvider("").getScript(
        "vnd.sun.star.script:CustomerMetricsGuide.Guide.GuideUrl?language=Basic&location=application")
    return script.invoke((page,), (), ())[0]


def parsed(running, text):
    url = uno.createUnoStruct("com.sun.star.util.URL")
    url.Complete = text
    return running.service("com.sun.star.util.URLTransformer").parseStrict(url)[1]


# A small order log: customers and their order dates (four monthly cohorts).
COHORT_LOG = [("a", "2024-01-05"), ("b", "2024-01-20"), ("c", "2024-02-03"), ("a", "2024-02-10"),
              ("b", "2024-03-15"), ("d", "2024-03-20"), ("a", "2024-03-02"), ("c", "2024-04-01"),
              ("e", "2024-04-11")]


def format_key(doc, code):
    formats = doc.NumberFormats
    locale = uno.createUnoStruct("com.sun.star.lang.Locale")
    key = formats.queryKey(code, locale, False)
    return key if key != -1 else formats.addNew(code, locale)


def shown(sheet, area):
    block = sheet.getCellRangeByName(area)
    return [[block.getCellByPosition(c, r).getString() for c in range(block.Columns.Count)]
            for r in range(block.Rows.Count)]


def formula_cells_shown(doc, rows_per_range=60):
    """{(sheet, column, row): text shown} of the formula cells (the first rows of each block)."""
    found = {}
    for sheet in doc.Sheets:
        ranges = sheet.queryFormulaCells(uno.getConstantByName("com.sun.star.sheet.FormulaResult.VALUE"))
        for index in range(ranges.Count):
            area = ranges.getByIndex(index).RangeAddress
            for r in range(area.StartRow, min(area.EndRow, area.StartRow + rows_per_range) + 1):
                for c in range(area.StartColumn, area.EndColumn + 1):
                    found[(sheet.Name, c, r)] = sheet.getCellByPosition(c, r).getString()
    return found


def open_components(running):
    found = []
    components = running.desktop.Components.createEnumeration()
    while components.hasMoreElements():
        found.append(components.nextElement())
    return found
# Charts of shares: their value axis must run from 0 to 100 %, not to Calc's automatic 120 %.
PERCENT_CHARTS = {"RetentionCurve", "CrrChurnChart", "MonthlyChart", "EarningsChart"}


class FirstUse(unittest.TestCase):
    def test_extension_manager_entry(self):
        manager = office.context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        packages = [p for p in manager.getDeployedExtensions("user", manager.createAbortChannel(),
                                                             lo._CommandEnvironment())
                    if p.getIdentifier().Value == IDENTIFIER]
        self.assertEqual(len(packages), 1)
        package = packages[0]
        self.assertEqual(package.getDisplayName(), "CustomerMetrics")  # not cut off in the list
        self.assertIsNotNone(package.getIcon(False), "icon")
        self.assertIsNotNone(package.getIcon(True), "high-contrast icon")
        # The description names every family, not only the first functions.
        description = package.getDescription()
        for words in ("NPS and CSAT", "sBG", "BG/NBD", "Gamma-Gamma", "MRR movements", "NRR", "cohort",
                      "Templates", "Help ▸ CustomerMetrics user guide"):
            self.assertIn(words, description)

    def test_help_menu_opens_the_guide_inside_the_extension(self):
        entries = help_entries(office)
        urls = {entry.URL: entry.Title for entry in entries.values()}
        self.assertEqual(set(urls), set(GUIDE_PAGES))
        self.assertIn("CustomerMetrics user guide", urls.values())
        # The macro behind the menu finds the guide where the extension was installed.
        for page, words in (("FUNCTIONS.html", "Conventions"), ("FUNCTIONS.ru.html", "Соглашения")):
            path = uno.fileUrlToSystemPath(guide_url(office, page))
            self.assertTrue(os.path.isfile(path), path)
            with open(path, encoding="utf-8") as f:
                self.assertIn(words, f.read())

    def test_help_menu_entries_are_enabled(self):
        """The menu asks the document's frame for a dispatch of each entry's URL with the
        entry's Target and greys out an entry that gets none."""
        doc = office.new_spreadsheet()
        try:
            frame = doc.CurrentController.Frame
            for name, entry in help_entries(office).items():
                url = parsed(office, entry.URL)
                self.assertIsNotNone(frame.queryDispatch(url, entry.Target, 0), name)
                # Why the Target is _self: for _blank, a URL no filter loads gets no dispatch.
                self.assertIsNone(frame.queryDispatch(url, "_blank", 0), name)
        finally:
            doc.close(True)

    def test_help_menu_without_a_browser_opens_the_guide_in_libreoffice(self):
        found = [b for b in BROWSERS if shutil.which(b)]
        if found:
            self.skipTest("a browser is installed (%s): the guide would open there" % found[0])
        doc = office.new_spreadsheet()
        helper = office.service("com.sun.star.frame.DispatchHelper")
        try:
            for name, entry in help_entries(office).items():
                with self.subTest(entry=name):
                    page = guide_url(office, GUIDE_PAGES[entry.URL])
                    helper.executeDispatch(doc.CurrentController.Frame, entry.URL, entry.Target, 0, ())
                    opened = [c for c in open_components(office) if c.getURL() == page]
                    self.assertEqual(len(opened), 1, "no document of %s after the dispatch" % page)
                    self.assertTrue(opened[0].isReadonly())
                    opened[0].close(True)
        finally:
            doc.close(True)

    def cohort_sheet(self):
        doc = office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        for r, (customer, day) in enumerate(COHORT_LOG, start=1):
            sheet.getCellByPosition(0, r).setString(customer)
            sheet.getCellByPosition(1, r).setFormula('=DATEVALUE("%s")' % day)
        return doc, sheet

    def test_cohort_formats_survive_a_hard_recalculation(self):
        """COHORT_RETENTION over D2:H5 (a date first column): Calc gives the cells of an array
        that are in a *standard* format (General; the 0.00 % that Ctrl+Shift+5 applies) the
        format of the array's top-left cell at a hard recalculation: the guide's § 1.1 says to
        use formats of one's own (0 %, 0), which are kept, also through .ods and .xlsx."""
        formula = "=COHORT_RETENTION(A2:A10;B2:B10)"
        want = [["2024-01-01", "2", "100%", "50%", "100%"], ["2024-02-01", "1", "100%", "0%", "100%"],
                ["2024-03-01", "1", "100%", "0%", ""], ["2024-04-01", "1", "100%", "", ""]]
        folder = tempfile.mkdtemp(prefix="cm-cohort-formats-")
        try:
            # What the issue saw: entered, then shares by Ctrl+Shift+5 (the standard percent
            # format), sizes General; the hard recalculation turns them into dates.
            doc, sheet = self.cohort_sheet()
            try:
                sheet.getCellRangeByName("D2:H5").setArrayFormula(formula)
                doc.calculate()
                locale = uno.createUnoStruct("com.sun.star.lang.Locale")
                sheet.getCellRangeByName("D2:D5").NumberFormat = format_key(doc, "YYYY-MM-DD")
                sheet.getCellRangeByName("F2:H5").NumberFormat = doc.NumberFormats.getStandardFormat(
                    uno.getConstantByName("com.sun.star.util.NumberFormat.PERCENT"), locale)
                doc.calculateAll()
                self.assertEqual(shown(sheet, "E2:F2"), [["01/01/00", "12/31/99"]], "Calc's behaviour changed")
            finally:
                doc.close(True)
            # The guide's formats, given after entering the formula, as a user does.
            for extension, filter_name in (("ods", "calc8"), ("xlsx", "Calc MS Excel 2007 XML")):
                with self.subTest(saved_as=extension):
                    doc, sheet = self.cohort_sheet()
                    path = os.path.join(folder, "cohort." + extension)
                    try:
                        sheet.getCellRangeByName("D2:H5").setArrayFormula(formula)
                        doc.calculate()
                        sheet.getCellRangeByName("D2:D5").NumberFormat = format_key(doc, "YYYY-MM-DD")
                        sheet.getCellRangeByName("E2:E5").NumberFormat = format_key(doc, "0")
                        sheet.getCellRangeByName("F2:H5").NumberFormat = format_key(doc, "0%")
                        doc.calculateAll()
                        self.assertEqual(shown(sheet, "D2:H5"), want)
                        doc.storeToURL(lo.file_url(path), lo.props(FilterName=filter_name))
                    finally:
                        doc.close(True)
                    doc = office.open(path)
                    try:
                        doc.calculateAll()
                        self.assertEqual(shown(doc.Sheets.getByIndex(0), "D2:H5"), want)
                    finally:
                        doc.close(True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def test_templates_survive_a_hard_recalculation(self):
        """The templates with an array whose first column is a date: what every formula cell
        shows is the same after a hard recalculation, also saved as .ods or .xlsx and reopened."""
        found = office.find_templates()
        folder = tempfile.mkdtemp(prefix="cm-template-recalc-")
        try:
            for template in ("cohort-analysis", "subscription-mrr"):
                for suffix, (extension, filter_name) in (("", ("ods", "calc8")),
                                                         ("-en", ("xlsx", "Calc MS Excel 2007 XML"))):
                    with self.subTest(template=template + suffix):
                        doc = office.open(found[template + suffix], AsTemplate=True)
                        path = os.path.join(folder, template + suffix + "." + extension)
                        try:
                            before = formula_cells_shown(doc)
                            doc.calculateAll()
                            self.assertEqual(formula_cells_shown(doc), before)
                            doc.storeToURL(lo.file_url(path), lo.props(FilterName=filter_name))
                        finally:
                            doc.close(True)
                        doc = office.open(path)
                        try:
                            doc.calculateAll()
                            after = formula_cells_shown(doc)
                            changed = {k: (v, after.get(k)) for k, v in before.items() if after.get(k) != v}
                            self.assertEqual(changed, {})
                        finally:
                            doc.close(True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def test_templates_language_and_percent_axes(self):
        found = office.find_templates()
        seen_percent_charts = set()
        for template in EXPECTED:
            for language, suffix in LANGUAGES.items():
                with self.subTest(template=template, language=language):
                    doc = office.open(found[template + suffix], AsTemplate=True)
                    try:
                        self.assertEqual(doc.CharLocale.Language, language)
                        self.assertEqual(doc.DocumentProperties.Language.Language, language)
                        for sheet in doc.Sheets:
                            charts = sheet.getCharts()
                            for name in charts.getElementNames():
                                if template == "cohort-analysis":
                                    # its only chart, whose name the sheet move loses ("Object 1")
                                    seen_percent_charts.add("RetentionCurve")
                                elif name in PERCENT_CHARTS:
                                    seen_percent_charts.add(name)
                                else:
                                    continue
                                axis = charts.getByName(name).getEmbeddedObject().getDiagram().getYAxis()
                                self.assertEqual((axis.AutoMax, axis.Max, axis.Min), (False, 1.0, 0.0), name)
                    finally:
                        doc.close(True)
        self.assertEqual(seen_percent_charts, PERCENT_CHARTS)


@unittest.skipUnless(lo.VirtualDisplay.available(), "needs Xvfb (Debian xvfb)")
class HelpMenuInAWindow(unittest.TestCase):
    """Calc in a real window: the Help menu shows both entries enabled, and choosing one
    hands the guide's page to the browser (a stand-in that records what it is given)."""

    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.mkdtemp(prefix="cm-first-use-")
        cls.record = os.path.join(cls.folder, "browser-was-given")
        browser = os.path.join(cls.folder, "browser")
        with open(browser, "w") as f:
            f.write('#!/bin/sh\necho "$1" >> "%s"\n' % cls.record)
        os.chmod(browser, stat.S_IRWXU)
        cls.display = lo.VirtualDisplay().__enter__()
        try:
            cls.office = lo.office_with_extension(lo.OXT, os.path.join(cls.folder, "profile"),
                                                  environment={"BROWSER": browser}, display=cls.display.name)
        except BaseException:
            cls.display.__exit__()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        cls.display.__exit__()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def test_entries_enabled_and_chosen(self):
        doc = self.office.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, ())
        try:
            titles = {entry.Title: GUIDE_PAGES[entry.URL] for entry in help_entries(self.office).values()}
            bar = cmmenu.menu_bar(doc.CurrentController.Frame)
            self.assertIsNotNone(bar, "no menu bar in the window")
            for title, page in titles.items():
                with self.subTest(entry=title):
                    shown = cmmenu.entries(cmmenu.open_menu(bar))
                    self.assertIn(title, shown)
                    enabled, entry = shown[title]
                    self.assertTrue(enabled, "%s is greyed out" % title)
                    if os.path.exists(self.record):
                        os.remove(self.record)
                    cmmenu.choose(entry)
                    for _ in range(40):
                        if os.path.exists(self.record):
                            break
                        time.sleep(0.25)
                    time.sleep(0.5)
                    with open(self.record) as f:
                        given = f.read().split()
                    self.assertEqual(given, [uno.fileUrlToSystemPath(guide_url(self.office, page))])
        finally:
            doc.close(True)


def percent_inputs(doc):
    """[(sheet, cell)] of the cells in the input style whose format shows a percent."""
    found = []
    for sheet in doc.Sheets:
        area = sheet.createCursor()
        area.gotoEndOfUsedArea(False)
        end = area.RangeAddress
        for row in range(min(end.EndRow, 80) + 1):
            for column in range(min(end.EndColumn, 20) + 1):
                cell = sheet.getCellByPosition(column, row)
                if cell.CellStyle in ("Ввод", "Input") and "%" in doc.NumberFormats.getByKey(cell.NumberFormat).FormatString:
                    found.append((sheet, cell))
    return found


class TemplateInputsInAWindow(unittest.TestCase):
    """What a user types into a template's percent input, typed by Calc's own UI test
    machinery (org.libreoffice.uitest.UITest: key presses into the grid window of a real
    window on Xvfb; XCell.setFormula does not go through the input line, which is where a
    percent format adds its % sign), in an English and a Russian Calc."""

    LANGUAGE = "en"
    TEMPLATES = ("ltv-clv-romi", "retention-forecast-clv", "nps-repeat-purchases", "retention-churn")

    @classmethod
    def setUpClass(cls):
        if not lo.VirtualDisplay.available():
            raise unittest.SkipTest("needs Xvfb (Debian xvfb)")
        cls.folder = tempfile.mkdtemp(prefix="cm-typing-")
        cls.display = lo.VirtualDisplay().__enter__()
        try:
            cls.office = lo.office_with_extension(lo.OXT, os.path.join(cls.folder, "profile"),
                                                  language=cls.LANGUAGE, display=cls.display.name)
        except BaseException:
            cls.display.__exit__()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.office.stop()
        cls.display.__exit__()
        shutil.rmtree(cls.folder, ignore_errors=True)

    def type_into(self, doc, cell, text):
        doc.CurrentController.select(cell)
        time.sleep(0.2)
        grid = self.office.service("org.libreoffice.uitest.UITest").getTopFocusWindow().getChild("grid_window")
        grid.executeAction("TYPE", lo.props(TEXT=text))
        grid.executeAction("TYPE", lo.props(KEYCODE="RETURN"))
        time.sleep(0.2)

    def test_percent_typed_naturally_is_a_number(self):
        decimal = "," if self.LANGUAGE == "ru" else "."
        typed = [("5%", 0.05), ("5 %", 0.05), ("0%s05" % decimal, 0.05), ("12%s5%%" % decimal, 0.125)]
        found = self.office.find_templates()
        suffix = "" if self.LANGUAGE == "ru" else "-en"
        seen = 0
        for template in self.TEMPLATES:
            doc = self.office.desktop.loadComponentFromURL(lo.file_url(found[template + suffix]), "_blank", 0,
                                                           lo.props(AsTemplate=True))
            try:
                inputs = percent_inputs(doc)
                self.assertTrue(inputs, template)
                for index, (sheet, cell) in enumerate(inputs):
                    doc.CurrentController.setActiveSheet(sheet)
                    where = "%s %s" % (template, cell.AbsoluteName)
                    # Every value in the first input; "5%" in every other one.
                    for text, want in (typed if index == 0 else typed[:1]):
                        with self.subTest(cell=where, typed=text):
                            self.type_into(doc, cell, text)
                            self.assertEqual(cell.getType().value, "VALUE", "%s: text %r" % (where, cell.getString()))
                            self.assertAlmostEqual(cell.getValue(), want, places=12)
                            code = doc.NumberFormats.getByKey(cell.NumberFormat).FormatString
                            if want == 0.05 and "0%s0%%" % decimal in code:  # shown as a percent
                                self.assertEqual(cell.getString(), "5%s0%%" % decimal)
                    seen += 1
                doc.calculateAll()
                self.assertEqual(error_cells(doc), [], template)
            finally:
                doc.close(True)
        self.assertGreater(seen, 5)


class TemplateInputsInARussianWindow(TemplateInputsInAWindow):
    LANGUAGE = "ru"


if __name__ == "__main__":
    unittest.main()
