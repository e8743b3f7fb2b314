"""Helpers to build a template workbook through the UNO API of a headless Calc.

The conventions every template follows (and the tests rely on):
  - input cells have the cell style "Ввод" (yellow): the user replaces them;
  - results are formulas of the add-in, style "Результат" (green), never typed numbers;
  - the figure the article printed stands beside a result, style "Статья" (grey italic),
    as text, so that it is never mistaken for a computed value;
  - every input and result a test or a reader needs has a document-level named range.
"""
import zipfile
from xml.sax.saxutils import quoteattr

import uno
from com.sun.star.awt import Rectangle
from com.sun.star.lang import Locale
from com.sun.star.table import CellAddress, CellRangeAddress

RU = Locale("ru", "RU", "")
EN = Locale("en", "US", "")

# Number formats, written in en-US syntax and converted to the Russian locale.
PERCENT = "0.0%"
PERCENT2 = "0.00%"
MONEY = "#,##0.00"
WHOLE = "#,##0"
DECIMAL = "0.00"

STYLES = {
    "Заголовок": dict(CharHeight=14.0, CharWeight=150.0),
    "Шапка": dict(CharWeight=150.0, CellBackColor=0xD9E2F3, IsTextWrapped=True),
    "Ввод": dict(CellBackColor=0xFFF2CC, CharColor=0x1F3864),
    "Результат": dict(CellBackColor=0xE2EFDA, CharWeight=150.0),
    "Статья": dict(CharPosture=uno.Enum("com.sun.star.awt.FontSlant", "ITALIC"), CharColor=0x595959),
    "Примечание": dict(CharColor=0x404040),
}


class Workbook:
    def __init__(self, doc, title):
        self.doc = doc
        self.formats = {}
        self.colour_scales = []
        doc.DocumentProperties.Title = title
        cell_styles = doc.StyleFamilies.getByName("CellStyles")
        cell_styles.getByName("Default").CharLocale = RU
        for name, properties in STYLES.items():
            style = doc.createInstance("com.sun.star.style.CellStyle")
            cell_styles.insertByName(name, style)
            style.ParentStyle = "Default"
            for key, value in properties.items():
                style.setPropertyValue(key, value)
        self._first_sheet_used = False

    def format_key(self, code):
        if code not in self.formats:  # addNewConverted returns the existing key if there is one
            self.formats[code] = self.doc.NumberFormats.addNewConverted(code, EN, RU)
        return self.formats[code]

    def heat_map(self, sheet_name, cells, stops):
        """Asks for a colour scale on `cells` ("C5:N16" of `sheet_name`), stops being
        (value, "#rrggbb") pairs. Calc 7.4's API cannot build one (a colour scale is created
        with no entries, and setting entries crashes the office), so it is written into the
        saved file by add_colour_scales()."""
        self.colour_scales.append((sheet_name, cells, stops))

    def _page_style(self, name, pages_tall):
        """A landscape page style, one page wide and `pages_tall` high (0: as many as needed)."""
        page_styles = self.doc.StyleFamilies.getByName("PageStyles")
        if not page_styles.hasByName(name):
            style = self.doc.createInstance("com.sun.star.style.PageStyle")
            page_styles.insertByName(name, style)
            default = page_styles.getByName("Default")
            style.IsLandscape = True
            style.Width = max(default.Width, default.Height)
            style.Height = min(default.Width, default.Height)
            style.ScaleToPagesX = 1
            style.ScaleToPagesY = pages_tall
        return name

    def sheet(self, name, widths_cm, one_page=True):
        """A new sheet; printed landscape, on one page or (one_page=False) one page wide."""
        sheets = self.doc.Sheets
        if not self._first_sheet_used:
            sheet = sheets.getByIndex(0)
            sheet.setName(name)
            self._first_sheet_used = True
        else:
            sheets.insertNewByName(name, sheets.getCount())
            sheet = sheets.getByName(name)
        sheet.PageStyle = (self._page_style("Одна страница", 1) if one_page
                           else self._page_style("По ширине страницы", 0))
        for index, width in enumerate(widths_cm):
            sheet.getColumns().getByIndex(index).Width = int(width * 1000)
        return Sheet(self, sheet, name)

    def recalculate(self):
        self.doc.calculateAll()


class Sheet:
    def __init__(self, workbook, sheet, name):
        self.workbook, self.sheet, self.name = workbook, sheet, name

    def cell(self, address):
        return self.sheet.getCellRangeByName(address)

    def _finish(self, cell, address, style, number_format, name):
        if style:
            cell.CellStyle = style
        if number_format:
            cell.NumberFormat = self.workbook.format_key(number_format)
        if name:
            self.name_cell(name, address)
        return cell

    def name_cell(self, name, address):
        column = "".join(c for c in address if c.isalpha())
        row = "".join(c for c in address if c.isdigit())
        content = "$'%s'.$%s$%s" % (self.name, column, row)
        self.workbook.doc.NamedRanges.addNewByName(name, content, CellAddress(0, 0, 0), 0)

    def text(self, address, text, style=None):
        cell = self.cell(address)
        cell.setString(text)
        return self._finish(cell, address, style, None, None)

    def title(self, address, text):
        return self.text(address, text, "Заголовок")

    def header(self, address, texts):
        """A row of column headings starting at `address`."""
        start = self.cell(address).getCellAddress()
        for offset, text in enumerate(texts):
            cell = self.sheet.getCellByPosition(start.Column + offset, start.Row)
            cell.setString(text)
            cell.CellStyle = "Шапка"

    def note(self, address, text, wrap=False):
        """An explanation; wrap=True only in a wide column of a table."""
        cell = self.text(address, text, "Примечание")
        cell.IsTextWrapped = wrap
        return cell

    def printed(self, address, text):
        """What the article printed: text, never a number a formula could pick up."""
        return self.text(address, text, "Статья")

    def value(self, address, number, number_format=None, name=None):
        """An input the user may replace."""
        cell = self.cell(address)
        cell.setValue(number)
        return self._finish(cell, address, "Ввод", number_format, name)

    def formula(self, address, formula, number_format=None, name=None, style="Результат"):
        cell = self.cell(address)
        cell.setFormula(formula)
        return self._finish(cell, address, style, number_format, name)

    def helper(self, address, formula, number_format=None, name=None):
        """A plain Calc formula that derives an input (no special style)."""
        return self.formula(address, formula, number_format, name, style=None)

    def merge_note(self, range_address, text):
        cells = self.sheet.getCellRangeByName(range_address)
        cells.merge(True)
        first = range_address.split(":")[0]
        self.note(first, text, wrap=True)
        cells.VertJustify = uno.Enum("com.sun.star.table.CellVertJustify", "TOP")
        return cells

    def chart(self, name, anchor, size_cm, ranges, kind, title, columns_are_series=True, stacked=False,
              horizontal=False, legend=True):
        """Inserts a chart of `ranges` (list of "A4:A9" strings, first column = labels)."""
        anchor_cell = self.cell(anchor)
        position = anchor_cell.Position
        addresses = []
        for text in ranges:
            address = self.sheet.getCellRangeByName(text).getRangeAddress()
            addresses.append(CellRangeAddress(address.Sheet, address.StartColumn, address.StartRow,
                                              address.EndColumn, address.EndRow))
        rectangle = Rectangle(position.X, position.Y, int(size_cm[0] * 1000), int(size_cm[1] * 1000))
        charts = self.sheet.getCharts()
        charts.addNewByName(name, rectangle, tuple(addresses), True, True)
        chart = charts.getByName(name).getEmbeddedObject()
        chart.setDiagram(chart.createInstance("com.sun.star.chart.%sDiagram" % kind))
        diagram = chart.getDiagram()
        if kind != "Pie":
            diagram.DataRowSource = uno.Enum("com.sun.star.chart.ChartDataRowSource",
                                             "COLUMNS" if columns_are_series else "ROWS")
        if stacked:
            diagram.Stacked = True
        if horizontal:  # bars grow to the right: long category names stay readable
            diagram.Vertical = True
        chart.HasMainTitle = True
        chart.getTitle().String = title
        chart.HasLegend = legend
        return chart


CALCEXT = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"


def add_colour_scales(path, colour_scales):
    """Writes colour-scale conditional formats into a saved ODF file, in the markup Calc
    itself writes for them (calcext:conditional-formats at the end of the table)."""
    if not colour_scales:
        return
    with zipfile.ZipFile(path) as package:
        entries = [(info, package.read(info.filename)) for info in package.infolist()]
    rewritten = []
    for info, data in entries:
        if info.filename == "content.xml":
            content = data.decode("utf-8")
            if 'xmlns:calcext="' not in content:
                content = content.replace("<office:document-content ",
                                          '<office:document-content xmlns:calcext="%s" ' % CALCEXT, 1)
            for sheet_name, cells, stops in colour_scales:
                start = content.index("<table:table table:name=%s" % quoteattr(sheet_name))
                end = content.index("</table:table>", start)
                first, last = cells.split(":")
                entries_xml = "".join(
                    '<calcext:color-scale-entry calcext:value="%s" calcext:type="number" calcext:color="%s"/>'
                    % (value, colour) for value, colour in stops)
                block = ('<calcext:conditional-formats><calcext:conditional-format '
                         'calcext:target-range-address=%s><calcext:color-scale>%s</calcext:color-scale>'
                         '</calcext:conditional-format></calcext:conditional-formats>'
                         % (quoteattr("%s.%s:%s.%s" % (sheet_name, first, sheet_name, last)), entries_xml))
                content = content[:end] + block + content[end:]
            data = content.encode("utf-8")
        rewritten.append((info, data))
    with zipfile.ZipFile(path, "w") as package:
        for info, data in rewritten:  # "mimetype" stays first and stored, as ODF requires
            package.writestr(info, data, compress_type=info.compress_type)
