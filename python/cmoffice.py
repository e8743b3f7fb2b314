"""A private, headless LibreOffice for tests and demos.

Office(profile) starts soffice with its own user profile and a named pipe, connects
through python3-uno, and always ends the process group it started, by its own PID:
no test or script may leave soffice running. install_extension() adds an .oxt to the
private profile through the ExtensionManager ("user" repository, an
interaction handler that approves), since `unopkg add` refuses root without --shared.

Run with Debian's /usr/bin/python3 (python3-uno).
"""
import atexit
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from urllib.parse import unquote

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler

LOCALES = {"ru": "ru_RU.UTF-8", "en": "en_US.UTF-8"}
SOFFICE = os.environ.get("CM_SOFFICE", "/usr/lib/libreoffice/program/soffice")


def props(**values):
    """A tuple of PropertyValue, as UNO calls want their options."""
    result = []
    for name, value in values.items():
        prop = PropertyValue()
        prop.Name, prop.Value = name, value
        result.append(prop)
    return tuple(result)


def file_url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


class _Approve(unohelper.Base, XInteractionHandler):
    """Approves what the extension manager asks (licence, replacing an older version)."""

    def handle(self, request):
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        for continuation in request.getContinuations():
            if continuation.queryInterface(approve) is not None:
                continuation.select()
                return
        try:
            what = request.getRequest()
        except Exception as error:  # some requests do not convert to Python
            what = error
        print("extension manager request not approved:", what, file=sys.stderr)


class _NoProgress(unohelper.Base, XProgressHandler):
    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


class _CommandEnvironment(unohelper.Base, XCommandEnvironment):
    def getInteractionHandler(self):
        return _Approve()

    def getProgressHandler(self):
        return _NoProgress()


# Every office this process started and has not stopped: ended on exit, and on SIGTERM
# (what ctest's and timeout's time limits send), so that a killed test leaves no soffice.
_running = set()


def _stop_all():
    for office in list(_running):
        office.stop()


def _terminate(signum, frame):
    _stop_all()
    raise SystemExit(128 + signum)


atexit.register(_stop_all)
signal.signal(signal.SIGTERM, _terminate)


class Office:
    """Context manager: with Office(profile_dir) as office: office.desktop ...

    environment: variables added to the office's environment (e.g. BROWSER for what
    xdg-open starts). display: an X display (VirtualDisplay.name) to show real windows on
    instead of running headless, for what only a window has (its menu bar)."""

    def __init__(self, profile_dir, start_timeout=90, language=None, environment=None, display=None):
        self.profile_dir = os.path.abspath(profile_dir)
        self.environment = dict(os.environ)
        if language:  # the UI language follows the environment when the profile sets none
            self.environment.update(LANGUAGE=language, LC_ALL=LOCALES.get(language, language))
        self.environment.update(environment or {})
        self.display = display
        if display:
            self.environment.update(DISPLAY=display, SAL_USE_VCLPLUGIN="gen")
        self.start_timeout = start_timeout
        self.process = None
        self.context = None
        self.desktop = None

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False

    def start(self):
        pipe = "cm" + uuid.uuid4().hex
        self.process = subprocess.Popen(
            [SOFFICE] + ([] if self.display else ["--headless", "--invisible"]) +
            ["--nologo", "--norestore", "--nodefault",
             "--nolockcheck", "--nofirststartwizard",
             "-env:UserInstallation=" + file_url(self.profile_dir),
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
            env=self.environment)
        _running.add(self)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.monotonic() + self.start_timeout
        while True:
            try:
                self.context = resolver.resolve(
                    "uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except NoConnectException:
                if self.process.poll() is not None or time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError("soffice did not start (exit %s)" % self.process.returncode)
                time.sleep(0.25)
        self.desktop = self.context.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", self.context)

    def stop(self):
        """Asks the office to quit, then ends the whole process group by its PID."""
        if self.process is None:
            return
        if self.desktop is not None:
            try:
                self.desktop.terminate()
            except Exception:  # the bridge dies with the office; that is the point
                pass
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            pass
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        _running.discard(self)
        self.process, self.context, self.desktop = None, None, None

    def restart(self):
        self.stop()
        self.start()

    def service(self, name):
        return self.context.ServiceManager.createInstanceWithContext(name, self.context)

    def install_extension(self, oxt_path):
        manager = self.context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        manager.addExtension(file_url(oxt_path), (), "user", manager.createAbortChannel(),
                             _CommandEnvironment())

    def remove_extension(self, identifier):
        manager = self.context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        manager.removeExtension(identifier, "", "user", manager.createAbortChannel(),
                                _CommandEnvironment())

    def installed_extensions(self):
        manager = self.context.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
        found = []
        for package in manager.getDeployedExtensions("user", manager.createAbortChannel(),
                                                     _CommandEnvironment()):
            found.append((package.getIdentifier().Value, package.getVersion()))
        return found

    def template_dirs(self):
        """The office's template folders as local paths, macros expanded."""
        expander = self.context.getValueByName("/singletons/com.sun.star.util.theMacroExpander")
        folders = []
        for url in self.service("com.sun.star.util.PathSettings").getPropertyValue("Template").split(";"):
            if url.startswith("vnd.sun.star.expand:"):
                url = expander.expandMacros(unquote(url[len("vnd.sun.star.expand:"):]))
            if url.startswith("file:"):
                folders.append(os.path.normpath(uno.fileUrlToSystemPath(url)))
        return folders

    def find_templates(self, suffix=".ots"):
        """{file name without suffix: path} for every template under the template path."""
        found = {}
        for folder in self.template_dirs():
            for directory, _, files in os.walk(folder):
                for name in files:
                    if name.endswith(suffix):
                        found[name[:-len(suffix)]] = os.path.join(directory, name)
        return found

    def new_spreadsheet(self):
        return self.desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0,
                                                 props(Hidden=True))

    def open(self, path, **options):
        options.setdefault("Hidden", True)
        return self.desktop.loadComponentFromURL(file_url(path), "_blank", 0, props(**options))


def office_with_extension(oxt_path, profile_dir=None, language=None, environment=None, display=None):
    """Starts an office on a fresh private profile with the .oxt installed and active
    (the office is restarted after the installation, as an add-in needs). language="ru"
    gives a Russian Calc (needs Debian's libreoffice-l10n-ru); environment and display as
    for Office."""
    profile_dir = profile_dir or tempfile.mkdtemp(prefix="cm-profile-")
    office = Office(profile_dir, language=language, environment=environment, display=display)
    office.start()
    try:
        office.install_extension(oxt_path)
        office.restart()
    except BaseException:
        office.stop()
        raise
    return office


class VirtualDisplay:
    """An X server in memory (Debian's xvfb) for offices with real windows:

        with VirtualDisplay() as display: Office(profile, display=display.name) ...

    Xvfb picks a free display number itself (-displayfd), so that several runs at once do not
    meet; it is ended by its own PID. VirtualDisplay.available() says whether Xvfb is here."""

    def __init__(self, size="1280x900x24"):
        self.size, self.name, self.process = size, None, None

    @staticmethod
    def available():
        return shutil.which("Xvfb") is not None

    def __enter__(self):
        read, write = os.pipe()
        self.process = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", self.size, "-nolisten", "tcp"],
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True, pass_fds=(write,))
        os.close(write)
        with os.fdopen(read) as numbers:
            number = numbers.readline().strip()
        if not number:
            self.__exit__()
            raise RuntimeError("Xvfb did not start")
        self.name = ":" + number
        return self

    def __exit__(self, *exc):
        try:
            os.killpg(self.process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.process.wait()
        return False


def remove_profile(office):
    shutil.rmtree(office.profile_dir, ignore_errors=True)


ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The extension under test: CM_OXT (set by ctest), else the default build's.
OXT = os.environ.get("CM_OXT", os.path.join(ROOT, "build", "customermetrics.oxt"))


class SharedOffice:
    """One office with the extension for every test of a module:

        office = lo.SharedOffice()
        setUpModule, tearDownModule = office.set_up, office.tear_down

    then office.new_spreadsheet() and the rest of Office's methods."""

    def __init__(self, oxt=OXT, language=None):
        self.oxt, self.language, self.office = oxt, language, None

    def set_up(self):
        self.office = office_with_extension(self.oxt, language=self.language)

    def tear_down(self):
        if self.office is not None:
            self.office.stop()
            remove_profile(self.office)

    def __getattr__(self, name):
        return getattr(self.office, name)
