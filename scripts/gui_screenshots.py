"""What a user sees, as pictures: a real (not headless) Calc on a virtual display (Xvfb),
with the built .oxt installed in a private profile, showing the Function Wizard on
=CRR(110;115;60), the Extension Manager, the two forms of a survey function (a sheet
where =NPS over a range works, NPS over an inline array shows Err:504 and its twin
NPS_ARRAY takes an array expression, with the Function Wizard open on NPS_ARRAY), the
Function Wizard on NPS_CI (its first page says it returns two cells), and the
Help menu open on the two CustomerMetrics user guide entries (enabled: the state each entry
shows is printed). Writes build/screenshots/<what>-<language>.png.

Run: PYTHONPATH=python /usr/bin/python3 scripts/gui_screenshots.py [en|ru ...]
Needs Xvfb (Debian xvfb) and ImageMagick's import. Every process it starts (Xvfb, soffice)
is ended by its own PID; the profile is removed.
"""
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

import uno

import cmmenu
import cmoffice as lo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "build", "screenshots")


def crr_cell(doc):
    cell = doc.Sheets.getByIndex(0).getCellRangeByName("A1")
    cell.setFormula("=CRR(110;115;60)")
    return cell


def survey_forms(doc):
    """Answers and regions, NPS over the range, NPS over an inline array (Err:504), and the
    North's NPS by NPS_ARRAY over an array expression (the cell the wizard opens on)."""
    sheet = doc.Sheets.getByIndex(0)
    rows = [("Region", "Answer"), ("North", 10), ("South", 9), ("North", 0), ("South", 7),
            ("North", 9), ("South", 10), ("North", 8)]
    for r, (region, answer) in enumerate(rows, start=1):
        sheet.getCellRangeByName("A%d" % r).setString(region)
        target = sheet.getCellRangeByName("B%d" % r)
        target.setString(answer) if isinstance(answer, str) else target.setValue(answer)
    cases = [("=NPS(B2:B8)", False), ("=NPS({10;9;0})", False),
             ('=NPS_ARRAY(IF(A2:A8="North";B2:B8))', True)]
    for r, (formula, array) in enumerate(cases, start=1):
        sheet.getCellRangeByName("D%d" % r).setString("{%s}" % formula if array else formula)
        cell = sheet.getCellRangeByName("E%d" % r)
        if array:
            sheet.getCellRangeByName("E%d:E%d" % (r, r)).setArrayFormula(formula)
        else:
            cell.setFormula(formula)
    sheet.Columns.getByIndex(3).Width = 7500
    return sheet.getCellRangeByName("E3")


def nps_ci_cells(doc):
    """NPS_CI over a few answers, typed with Enter into one cell as a new user does: the
    wizard's first page says it returns two cells (it does not open on an array formula)."""
    sheet = doc.Sheets.getByIndex(0)
    for r, answer in enumerate((10, 9, 0, 7, 9, 10, 8), start=1):
        sheet.getCellRangeByName("B%d" % r).setValue(answer)
    sheet.getCellRangeByName("D1").setFormula("=NPS_CI(B1:B7)")
    return sheet.getCellRangeByName("D1")


def help_menu(frame):
    """Opens the Help menu (the menu bar's last) and prints the state of our entries."""
    menu = cmmenu.open_menu(cmmenu.menu_bar(frame), settle=1)
    for name, (enabled, _) in cmmenu.entries(menu).items():
        if "CustomerMetrics" in name:
            print("  Help menu: %s: %s" % (name, "enabled" if enabled else "GREYED OUT"))


SHOTS = [("function-wizard", ".uno:FunctionDialog", crr_cell),
         ("extension-manager", "service:com.sun.star.deployment.ui.PackageManagerDialog", crr_cell),
         ("survey-two-forms", ".uno:FunctionDialog", survey_forms),
         ("help-menu", help_menu, crr_cell),
         ("wizard-nps-ci", ".uno:FunctionDialog", nps_ci_cells)]


def connect(pipe, timeout=90):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + timeout
    while True:
        try:
            return resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
        except Exception:  # not listening yet, or the bridge of a starting office went away
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


def shoot(display, profile, language, command, setup, path):
    """Starts a Calc window, fills it with setup(doc) and selects the cell it returns, runs
    `command` (a dialog: the call does not return while it is open; or a function of the
    frame) and photographs the screen."""
    env = dict(os.environ, DISPLAY=display, SAL_USE_VCLPLUGIN="gen")
    if language == "ru":
        env.update(LANG="ru_RU.UTF-8", LC_ALL="ru_RU.UTF-8", LANGUAGE="ru")
    pipe = "cmshot%d" % os.getpid()
    office = subprocess.Popen([lo.SOFFICE, "-env:UserInstallation=" + lo.file_url(profile), "--norestore",
                               "--nologo", "--nofirststartwizard", "--nolockcheck",
                               "--accept=pipe,name=%s;urp;" % pipe, "--calc"], env=env, start_new_session=True)
    try:
        context = connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        for _ in range(60):
            doc = desktop.getCurrentComponent()
            if doc is not None and doc.supportsService("com.sun.star.sheet.SpreadsheetDocument"):
                break
            time.sleep(0.5)
        cell = setup(doc)
        doc.CurrentController.select(cell)
        helper = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.DispatchHelper", context)
        frame = doc.CurrentController.Frame
        if callable(command):
            command(frame)
        else:
            threading.Thread(target=lambda: helper.executeDispatch(frame, command, "", 0, ()), daemon=True).start()
        time.sleep(8)
        subprocess.run(["import", "-display", display, "-window", "root", path], check=True)
    finally:
        os.killpg(office.pid, signal.SIGKILL)
        office.wait()


def main(languages):
    os.makedirs(OUT, exist_ok=True)
    with lo.VirtualDisplay() as display:
        for language in languages:
            profile = tempfile.mkdtemp(prefix="cm-gui-")
            try:
                lo.office_with_extension(lo.OXT, profile_dir=profile, language=language).stop()
                for name, command, setup in SHOTS:
                    path = os.path.join(OUT, "%s-%s.png" % (name, language))
                    shoot(display.name, profile, language, command, setup, path)
                    print(path)
            finally:
                shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:] or ["en", "ru"])
