"""Every function the library declares (addin/core/include/cm/*.hpp) is called by a fuzz target
(tests/fuzz/*.cpp), or is named below with the reason it needs no call of its own: a new
function that no target drives fails this check (a ctest test of the unit label)."""
import glob
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

# Driven through the functions that call them, with every argument those give it.
NOT_CALLED_DIRECTLY = {
    "delta_interval": "the body of every *_interval function of intervals.hpp (fuzz_intervals)",
    "next_index": "a private member of CustomerIds (customers.hpp), which fuzz_ranges drives",
}


def declared():
    names = set()
    for header in glob.glob(os.path.join(ROOT, "addin/core/include/cm/*.hpp")):
        with open(header, encoding="utf-8") as f:
            for match in re.finditer(r"^(?:[\w:<>,]+\s+)+?([a-z][a-z0-9_]*)\(", f.read(), re.M):
                names.add(match.group(1))
    return names


def main():
    fuzz = ""
    for path in glob.glob(os.path.join(HERE, "*.cpp")) + glob.glob(os.path.join(HERE, "*.hpp")):
        with open(path, encoding="utf-8") as f:
            fuzz += f.read()
    names = declared()
    # called (f(...), a member too) or handed to a helper of the target that calls it (cm::f,)
    missing = sorted(n for n in names - set(NOT_CALLED_DIRECTLY)
                     if not re.search(r"\b%s\(|\bcm::%s\b" % (n, n), fuzz))
    print("%d library functions, %d called by a fuzz target, %d through their callers"
          % (len(names), len(names) - len(missing) - len(NOT_CALLED_DIRECTLY), len(NOT_CALLED_DIRECTLY)))
    if missing:
        print("no fuzz target calls: " + ", ".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
