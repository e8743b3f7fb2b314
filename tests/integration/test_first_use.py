"""What a new user meets first, checked in a real office with the .oxt installed: the
Extension Manager entry (a short name, our own icons), the user guide inside the extension
(Help ▸ CustomerMetrics user guide), and the template workbooks' language and chart axes.

Run: ctest --preset integration -R test_first_use
"""
import os
import unittest

import uno

import cmoffice as lo
from test_templates import EXPECTED, LANGUAGES

office = lo.SharedOffice()
setUpModule, tearDownModule = office.set_up, office.tear_down

IDENTIFIER = "org.customermetrics.addin"
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

    def test_help_menu_opens_the_guide_inside_the_extension(self):
        provider = office.service("com.sun.star.configuration.ConfigurationProvider")
        entries = provider.createInstanceWithArguments(
            "com.sun.star.configuration.ConfigurationAccess",
            lo.props(nodepath="/org.openoffice.Office.Addons/AddonUI/OfficeHelp"))
        urls = {entries.getByName(name).URL: entries.getByName(name).Title
                for name in entries.getElementNames() if name.startswith("org.customermetrics.")}
        self.assertEqual(set(urls), {"macro:///CustomerMetricsGuide.Guide.OpenEnglish()",
                                     "macro:///CustomerMetricsGuide.Guide.OpenRussian()"})
        self.assertIn("CustomerMetrics user guide", urls.values())
        # The macro behind the menu finds the guide where the extension was installed.
        factory = office.service("com.sun.star.script.provider.MasterScriptProviderFactory")
        scripts = factory.createScriptProvider("")
        for page, words in (("FUNCTIONS.html", "Conventions"), ("FUNCTIONS.ru.html", "Соглашения")):
            script = scripts.getScript(
                "vnd.sun.star.script:CustomerMetricsGuide.Guide.GuideUrl?language=Basic&location=application")
            url = script.invoke((page,), (), ())[0]
            path = uno.fileUrlToSystemPath(url)
            self.assertTrue(os.path.isfile(path), path)
            with open(path, encoding="utf-8") as f:
                self.assertIn(words, f.read())

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


if __name__ == "__main__":
    unittest.main()
