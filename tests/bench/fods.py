"""Writes flat ODF spreadsheets (.fods) for the benchmarks: loading a generated document
is how a user meets a big model, and it avoids setting formulas cell by cell through the
API (quadratic in the number of cells)."""
from xml.sax.saxutils import escape

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:body><office:spreadsheet><table:table table:name="Data">
"""
TAIL = "</table:table></office:spreadsheet></office:body></office:document>\n"


class Matrix:
    """An array formula anchored in this cell, spanning rows × columns."""

    def __init__(self, formula, rows, columns):
        self.formula, self.rows, self.columns = formula, rows, columns


def cell(value):
    """None: empty; str starting with 'of:=': formula; other str: text; number: float;
    Matrix: an array formula."""
    if value is None:
        return "<table:table-cell/>"
    if isinstance(value, Matrix):
        return ('<table:table-cell table:number-matrix-columns-spanned="%d" '
                'table:number-matrix-rows-spanned="%d" table:formula="%s"/>'
                % (value.columns, value.rows, escape(value.formula, {'"': "&quot;"})))
    if isinstance(value, str):
        if value.startswith("of:="):
            return '<table:table-cell table:formula="%s"/>' % escape(value, {'"': "&quot;"})
        return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(value)
    return '<table:table-cell office:value-type="float" office:value="%r"/>' % float(value)


def write(path, rows):
    """rows: an iterable of lists of cell values."""
    with open(path, "w", encoding="utf-8") as out:
        out.write(HEAD)
        for row in rows:
            out.write("<table:table-row>%s</table:table-row>\n" % "".join(cell(v) for v in row))
        out.write(TAIL)
