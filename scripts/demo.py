"""The main job, shown: installs the built .oxt into a private LibreOffice profile
(build/profile), computes every worked example of the source articles (docs/SOURCES.md) in real Calc,
prints them beside the figures the articles printed, saves the sheet as .ods and .pdf,
then opens every template workbook (Russian and English) from the office's template path,
recalculates it, prints its results and renders it as PDF and PNG pages, all under
build/demo/.

Run through scripts/demo.sh (it builds first), with Debian's /usr/bin/python3.
"""
import os
import re
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
import cmoffice as lo
from calc import check_cell, error_cells
from cases import SEED_EXAMPLES
from builder import RESULT_STYLES

BUILD = os.path.join(ROOT, "build")
PROFILE = os.path.join(BUILD, "profile")
OUT = os.path.join(BUILD, "demo")
# PNG pages of every sheet: its first ones (a data log of the cohort, forecast and
# subscription templates runs to a hundred pages; the PDF has them all).
PAGES_PER_SHEET = 4


def shown(cell):
    return cell.getString() if cell.getError() else "%.6g" % cell.getValue()


def sheet_pages(doc):
    """[(sheet name, its first page, its page count)] as the PDF export numbers them: the
    document renders sheet after sheet (XRenderable.getRendererCount of each sheet)."""
    pages, first = [], 1
    for sheet in doc.Sheets:
        count = doc.getRendererCount(sheet, ())
        pages.append((sheet.Name, first, count))
        first += count
    return pages


def render_templates(office):
    """Opens every template of the extension from the office's template path, recalculates
    it, prints its results and writes it as PDF and PNG pages. Returns the error count."""
    templates = {name: path for name, path in office.find_templates().items()
                 if "customermetrics" in path}
    print("\nTemplates found on the office template path: %d" % len(templates))
    problems = 0
    for name, path in sorted(templates.items()):
        doc = office.open(path, AsTemplate=True)
        try:
            doc.calculateAll()
            errors = error_cells(doc)
            problems += len(errors)
            print("\n== %s (%s): %d error cells" % (doc.DocumentProperties.Title, name, len(errors)))
            for error in errors:
                print("   ERROR " + error)
            for range_name in doc.NamedRanges.getElementNames():
                cell = doc.NamedRanges.getByName(range_name).getReferredCells().getCellByPosition(0, 0)
                if cell.CellStyle in RESULT_STYLES:
                    print("   %-24s %-14s %s" % (range_name, cell.getString(), cell.getFormula()))
            pdf = os.path.join(OUT, name + ".pdf")
            sheets = sheet_pages(doc)
            doc.storeToURL(lo.file_url(pdf), lo.props(FilterName="calc_pdf_Export"))
        finally:
            doc.close(True)
        for _, first, count in sheets:
            if count:
                last = first + min(count, PAGES_PER_SHEET) - 1
                subprocess.run(["pdftoppm", "-r", "80", "-f", str(first), "-l", str(last), "-png", pdf,
                                os.path.join(OUT, name)], check=True)
        pages = sorted(f for f in os.listdir(OUT) if re.fullmatch(re.escape(name) + r"-\d+\.png", f))
        print("   rendered: %s.pdf (%s), %s" % (
            name, ", ".join("%s: %d p." % (sheet, count) for sheet, _, count in sheets), ", ".join(pages)))
    return problems


def main():
    shutil.rmtree(PROFILE, ignore_errors=True)
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(OUT, exist_ok=True)
    office = lo.office_with_extension(os.path.join(BUILD, "customermetrics.oxt"), PROFILE)
    try:
        print("Installed in %s: %s" % (PROFILE, office.installed_extensions()))
        doc = office.new_spreadsheet()
        sheet = doc.Sheets.getByIndex(0)
        sheet.setName("Seed examples")
        for column, title in enumerate(["Formula", "Calc result", "Article printed", "Source"]):
            sheet.getCellByPosition(column, 0).setString(title)
        for row, case in enumerate(SEED_EXAMPLES, start=1):
            sheet.getCellByPosition(0, row).setString(case.formula)
            sheet.getCellByPosition(1, row).setFormula(case.formula)
            sheet.getCellByPosition(2, row).setString(case.printed)
            sheet.getCellByPosition(3, row).setString(case.source)
        doc.calculateAll()
        sheet.getColumns().OptimalWidth = True

        width = max(len(c.formula) for c in SEED_EXAMPLES)
        print("\n%-*s  %-14s  %-24s  %s" % (width, "formula", "Calc computed", "article printed", "check"))
        failures = 0
        for row, case in enumerate(SEED_EXAMPLES, start=1):
            cell = sheet.getCellByPosition(1, row)
            problem = check_cell(cell, case)
            failures += bool(problem)
            print("%-*s  %-14s  %-24s  %s" % (width, case.formula, shown(cell), case.printed,
                                              "ok" if not problem else "WRONG: " + problem))
        doc.storeToURL(lo.file_url(os.path.join(OUT, "seed-examples.ods")), lo.props(FilterName="calc8"))
        doc.storeToURL(lo.file_url(os.path.join(OUT, "seed-examples.pdf")),
                       lo.props(FilterName="calc_pdf_Export"))
        doc.close(True)
        print("\n%d seed examples computed by the add-in in real Calc, %d wrong." % (
            len(SEED_EXAMPLES), failures))
        print("Saved: %s/seed-examples.ods and .pdf" % OUT)
        failures += render_templates(office)
    finally:
        office.stop()
    print("Try it yourself: /usr/lib/libreoffice/program/soffice --calc '-env:UserInstallation=%s'"
          % lo.file_url(PROFILE))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
