"""The menu bar of a real office window (an Office started with display=...), read and used
through LibreOffice's accessibility API, as a user sees it: whether an entry is greyed out,
and choosing it. A headless office has no menu bar.

The state comes from the menu itself: on opening a menu, LibreOffice asks the frame for a
dispatch for each entry and disables the entries that get none (framework's MenuBarManager),
and the accessible entry is ENABLED or not accordingly.
"""
import threading
import time

import uno

_ROLE_MENU_BAR = uno.getConstantByName("com.sun.star.accessibility.AccessibleRole.MENU_BAR")
_ENABLED = uno.getConstantByName("com.sun.star.accessibility.AccessibleStateType.ENABLED")


def _find_menu_bar(context, depth=0):
    if context.getAccessibleRole() == _ROLE_MENU_BAR:
        return context
    if depth > 4:
        return None
    for index in range(context.getAccessibleChildCount()):
        found = _find_menu_bar(context.getAccessibleChild(index).getAccessibleContext(), depth + 1)
        if found is not None:
            return found
    return None


def menu_bar(frame, timeout=30):
    """The accessible menu bar of a frame's window (it appears a moment after the window)."""
    deadline = time.monotonic() + timeout
    while True:
        found = _find_menu_bar(frame.ContainerWindow.AccessibleContext)
        if found is not None or time.monotonic() > deadline:
            return found
        time.sleep(0.5)


def _act(context):
    # An action that opens a menu may not return while the menu is open: run it aside.
    threading.Thread(target=lambda: context.doAccessibleAction(0), daemon=True).start()


def open_menu(bar, index=-1, settle=3):
    """Opens the index-th menu of the bar (the last, Help, by default) and returns it."""
    menu = bar.getAccessibleChild(index % bar.getAccessibleChildCount()).getAccessibleContext()
    _act(menu)
    time.sleep(settle)
    return menu


def entries(menu):
    """{entry name: (enabled, accessible context)} of an open menu."""
    found = {}
    for index in range(menu.getAccessibleChildCount()):
        entry = menu.getAccessibleChild(index).getAccessibleContext()
        found[entry.getAccessibleName()] = (_has_state(entry.getAccessibleStateSet(), _ENABLED), entry)
    return found


def _has_state(states, state):
    """LibreOffice 7.4 gives an XAccessibleStateSet and state numbers; from 7.5 on a 64-bit set
    of flags, and the AccessibleStateType constants are those flags (the same name either way)."""
    if isinstance(states, int):
        return bool(states & state)
    return states.contains(state)


def choose(entry):
    """Chooses an entry of an open menu, as a click does."""
    _act(entry)
