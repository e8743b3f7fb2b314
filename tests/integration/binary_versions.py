"""The add-in's binary asks no more of a user's system than the README says: the highest
GLIBC, GLIBCXX and CXXABI symbol versions libcustomermetrics.so needs (objdump -T), at most
GLIBC 2.29, GLIBCXX 3.4.22, CXXABI 1.3.9 (Debian 11, Ubuntu 20.04 and later; see
addin/uno/libstdcxx_compat.cxx). GLIBCXX 3.4.22 (GCC 6, 2016) is std::thread's, for the Pareto/NBD
fit's second thread: every system with GLIBC 2.29 has a newer libstdc++. A build on a newer compiler that raises one fails here, not on a
user's machine.

  /usr/bin/python3 tests/integration/binary_versions.py build/addin/uno/libcustomermetrics.so
"""
import re
import subprocess
import sys

LIMITS = {"GLIBC": (2, 29), "GLIBCXX": (3, 4, 22), "CXXABI": (1, 3, 9)}


def needed(path):
    out = subprocess.run(["objdump", "-T", path], check=True, capture_output=True, text=True).stdout
    highest = {}
    for name, version in re.findall(r"\((GLIBC|GLIBCXX|CXXABI)_([0-9.]+)\)", out):
        v = tuple(int(p) for p in version.split("."))
        highest[name] = max(highest.get(name, v), v)
    return highest


def main(path):
    highest = needed(path)
    too_new = {n: v for n, v in highest.items() if v > LIMITS[n]}
    for name, v in sorted(highest.items()):
        print("%s needs %s_%s (limit %s)" % (path, name, ".".join(map(str, v)), ".".join(map(str, LIMITS[name]))))
    if too_new:
        sys.exit("too new: %s" % too_new)


if __name__ == "__main__":
    main(sys.argv[1])
