"""Writes the shared test data (tests/integration/cases.py's DATA_COLUMNS, which
test_functions.py also writes into its own document) into the Data sheet of every
tests/sheets/*.fods that has one, recalculates in a headless Calc with the extension and saves,
refusing to save a sheet whose cases are not all right afterwards. test_sheets checks that the
sheets agree with DATA_COLUMNS; run this after changing it.

usage: PYTHONPATH=python:tests/integration:tests/reference /usr/bin/python3 tests/sheets/stamp_data.py build/customermetrics.oxt
"""
import glob
import os
import sys
import tempfile

import cmoffice as lo
from calc import fill_column
from cases import DATA_COLUMNS

HERE = os.path.dirname(os.path.abspath(__file__))


def main(oxt):
    office = lo.office_with_extension(oxt, tempfile.mkdtemp(prefix="cm-sheets-"))
    try:
        for path in sorted(glob.glob(os.path.join(HERE, "*.fods"))):
            doc = office.open(path)
            try:
                if not doc.Sheets.hasByName("Data"):
                    continue
                sheet = doc.Sheets.getByName("Data")
                for letter, values in DATA_COLUMNS.items():
                    fill_column(sheet, letter, values)
                doc.calculateAll()
                summary = doc.Sheets.getByName("Sheet1").getCellRangeByName("B2")
                if summary.getError() or summary.getValue() != 1:
                    raise SystemExit("%s: not every case is right with the shared data" % path)
                doc.storeToURL(lo.file_url(path), lo.props(FilterName="OpenDocument Spreadsheet Flat XML"))
                print("stamped", os.path.basename(path))
            finally:
                doc.close(True)
    finally:
        office.stop()
        lo.remove_profile(office)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
