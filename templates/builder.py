"""Helpers to build a template workbook through the UNO API of a headless Calc.

The conventions every template follows (and the tests rely on):
  - input cells have the cell style "Ввод" / "Input" (yellow): the user replaces them;
  - results are formulas of the add-in, style "Результат" / "Computed" (green), never typed
    numbers;
  - the figure the article printed stands beside a result, style "Статья" / "Article
    figure" (grey italic), as text, so that it is never mistaken for a computed value;
  - every input and result a test or a reader needs has a document-level named range, the
    same name in both languages.

Every template is built in Russian and in English from one module: each text is written
as the pair workbook.t("по-русски", "in English"); the English workbook must not keep a
single Cyrillic letter (cyrillic_texts() finds any, and generate.py refuses the file).
"""
import zipfile
from xml.sax.saxutils import quoteattr

import uno
from com.sun.star.awt import Rectangle
from com.sun.star.lang import Locale
from com.sun.star.table import CellAddress, CellRangeAddress

RU = Locale("ru", "RU", "")
EN = Locale("en", "US", "")
LOCALES = {"ru": RU, "en": EN}

# Number formats, written in en-US syntax and converted to the workbook's locale.
PERCENT = "0.0%"
PERCENT2 = "0.00%"
MONEY = "#,##0.00"
WHOLE = "#,##0"
DECIMAL = "0.00"
COUNT = "General"     # counts typed by the user (3 purchases, 4 years): 3, not 3.00; 2.5 stays 2.5


def input_format(code):
    """The format of an input cell that shows a percent code. A cell in a percent format
    makes Calc add a % sign to what is typed into it (5 becomes 5 %, 0.05 becomes 0.05 %),
    so that typing "5%" gives the text "5%%" and every result an error (observed in
    LibreOffice 7.4, English and Russian). A conditional format is not a percent format for
    typing: "5%", "5 %" and 0.05 are all the number 0.05, shown as 5.0 %; a number above 1
    (5 typed for 5 %) shows as itself, 5.0, and the functions refuse it (Err:502), instead of
    a silent 500 %."""
    return "[<=1]%s;0.0##" % code if code.endswith("%") else code

# Cell styles by role: (Russian name, English name, properties). The English names avoid
# the built-in styles ("Result", "Note", "Heading" exist in every document).
STYLES = {
    "title": ("Заголовок", "Sheet title", dict(CharHeight=14.0, CharWeight=150.0)),
    "header": ("Шапка", "Column header", dict(CharWeight=150.0, CellBackColor=0xD9E2F3, IsTextWrapped=True)),
    "input": ("Ввод", "Input", dict(CellBackColor=0xFFF2CC, CharColor=0x1F3864)),
    "result": ("Результат", "Computed", dict(CellBackColor=0xE2EFDA, CharWeight=150.0)),
    "article": ("Статья", "Article figure",
                dict(CharPosture=uno.Enum("com.sun.star.awt.FontSlant", "ITALIC"), CharColor=0x595959)),
    "note": ("Примечание", "Explanation", dict(CharColor=0x404040)),
}
RESULT_STYLES = {STYLES["result"][0], STYLES["result"][1]}


def has_cyrillic(text):
    return any("\u0400" <= character <= "\u04ff" for character in text)


def cyrillic_texts(doc):
    """Every place of `doc` a user reads that holds a Cyrillic letter: sheet names, cell
    texts and formulas, chart titles, the document title. Empty for a complete English
    translation."""
    found = []
    if has_cyrillic(doc.DocumentProperties.Title):
        found.append("title: " + doc.DocumentProperties.Title)
    for sheet in doc.Sheets:
        if has_cyrillic(sheet.Name):
            found.append("sheet name: " + sheet.Name)
        cursor = sheet.createCursor()
        cursor.gotoEndOfUsedArea(False)
        end = cursor.getRangeAddress()
        formulas = sheet.getCellRangeByPosition(0, 0, end.EndColumn, end.EndRow).getFormulaArray()
        for row, cells in enumerate(formulas):
            for column, text in enumerate(cells):
                if has_cyrillic(text):
                    found.append("%s row %d column %d: %s" % (sheet.Name, row + 1, column + 1, text))
        charts = sheet.getCharts()
        for name in charts.getElementNames():
            chart = charts.getByName(name).getEmbeddedObject()
            if chart.HasMainTitle and has_cyrillic(chart.getTitle().String):
                found.append("chart %s: %s" % (name, chart.getTitle().String))
    return found


HEADER_STYLES = (STYLES["header"][0], STYLES["header"][1])
NOTE_STYLES = (STYLES["note"][0], STYLES["note"][1])
LINE_HEIGHT = 452  # one line of the default 10 pt font, 1/100 mm (Calc's default row)


class _Measure:
    """Widths of texts as Calc lays them out, in 1/100 mm: the optimal width of a column of
    a scratch sheet holding the text in a given cell style (removed on leaving)."""

    NAME = "~measure"

    def __init__(self, doc):
        self.doc, self.probes = doc, 0

    def __enter__(self):
        sheets = self.doc.Sheets
        sheets.insertNewByName(self.NAME, sheets.getCount())
        self.scratch = sheets.getByName(self.NAME)
        return self

    def __exit__(self, *exc):
        self.doc.Sheets.removeByName(self.NAME)
        return False

    def width(self, text, style):
        probe = self.scratch.getCellByPosition(self.probes % 1000, 0)
        probe.CellStyle = style
        probe.IsTextWrapped = False
        probe.setString(text)
        column = self.scratch.getColumns().getByIndex(self.probes % 1000)
        column.OptimalWidth = True
        self.probes += 1
        return column.Width

    def cells(self, styles, rows=80, columns=40):
        """(sheet, cell, row, column, last used column) of the cells of `styles` with text."""
        for sheet in list(self.doc.Sheets):
            if sheet.Name == self.NAME:
                continue
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            end = cursor.RangeAddress
            for row in range(min(end.EndRow, rows) + 1):
                for column in range(min(end.EndColumn, columns) + 1):
                    cell = sheet.getCellByPosition(column, row)
                    if cell.CellStyle in styles and cell.getString():
                        yield sheet, cell, row, column, end.EndColumn


def header_words_too_wide(doc):
    """[(sheet, column index, word, width it needs, column width)] of the words of wrapped
    column headers wider than their column (in 1/100 mm): Calc would break them inside the
    word ("Клиенто/в")."""
    found = []
    with _Measure(doc) as measure:
        for sheet, cell, _, column, _ in measure.cells(HEADER_STYLES):
            if not cell.IsTextWrapped:
                continue
            width = sheet.getColumns().getByIndex(column).Width
            for word in cell.getString().split():
                need = measure.width(word, cell.CellStyle)
                if need > width:
                    found.append((sheet, column, word, need, width))
    return found


def notes_past_the_edge(doc, log_rows=500):
    """[(sheet, row, column, width it needs, width to the last used column)] of the one-line
    explanations that run past the sheet's last used column: the page ends there, and the
    printout (and the PDF) cuts them off. Sheets of more than log_rows rows are data logs
    (orders, a billing export), read on the screen, not printed: their notes are left out."""
    found = []
    with _Measure(doc) as measure:
        for sheet, cell, row, column, last in measure.cells(NOTE_STYLES):
            if cell.IsTextWrapped or cell.getIsMerged():
                continue
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            if cursor.RangeAddress.EndRow > log_rows:
                continue
            room = sum(sheet.getColumns().getByIndex(k).Width for k in range(column, last + 1))
            need = measure.width(cell.getString(), cell.CellStyle)
            if need > room:
                found.append((sheet, row, column, need, room))
    return found


class Workbook:
    def __init__(self, doc, titles, language):
        """titles: (Russian, English); language: "ru" or "en"."""
        self.doc = doc
        self.language = language
        self.locale = LOCALES[language]
        self.formats = {}
        self.colour_scales = []
        doc.DocumentProperties.Title = self.t(*titles)
        # The document's language (Tools ▸ Options ▸ Language Settings ▸ Languages, "for the
        # current document"): the default style's locale, which the office otherwise takes
        # from its own UI language, and the language in the document's metadata.
        doc.CharLocale = self.locale
        doc.DocumentProperties.Language = self.locale
        cell_styles = doc.StyleFamilies.getByName("CellStyles")
        cell_styles.getByName("Default").CharLocale = self.locale
        for role, (_, _, properties) in STYLES.items():
            style = doc.createInstance("com.sun.star.style.CellStyle")
            cell_styles.insertByName(self.style(role), style)
            style.ParentStyle = "Default"
            for key, value in properties.items():
                style.setPropertyValue(key, value)
        self._first_sheet_used = False

    def t(self, russian, english):
        """The text in the workbook's language."""
        return russian if self.language == "ru" else english

    def style(self, role):
        """The name of the cell style of `role` ("input", "result", ...) in this language."""
        return self.t(*STYLES[role][:2])

    def format_key(self, code):
        if code not in self.formats:  # addNewConverted returns the existing key if there is one
            self.formats[code] = self.doc.NumberFormats.addNewConverted(code, EN, self.locale)
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
        sheet.PageStyle = (self._page_style(self.t("Одна страница", "One page"), 1) if one_page
                           else self._page_style(self.t("По ширине страницы", "One page wide"), 0))
        for index, width in enumerate(widths_cm):
            sheet.getColumns().getByIndex(index).Width = int(width * 1000)
        return Sheet(self, sheet, name)

    def recalculate(self):
        self.doc.calculateAll()

    def fit_header_words(self):
        """Widens every column whose header would break inside a word in this language."""
        for sheet, column, _, need, _ in header_words_too_wide(self.doc):
            columns = sheet.getColumns().getByIndex(column)
            columns.Width = max(columns.Width, need)

    def keep_notes_on_the_page(self, side_note_width=12000):
        """Wraps every explanation that would run past the printed area: across the columns
        to the sheet's last used one (merged), or, for a note beside a data log in a column
        of its own, in that column made side_note_width wide."""
        for sheet, row, column, need, room in notes_past_the_edge(self.doc):
            cell = sheet.getCellByPosition(column, row)
            cursor = sheet.createCursor()
            cursor.gotoEndOfUsedArea(False)
            last = cursor.RangeAddress.EndColumn
            beside = all(not sheet.getCellByPosition(k, row).getString() for k in range(column + 1, last + 1))
            if room < side_note_width / 2 or not beside:
                columns = sheet.getColumns().getByIndex(column)
                columns.Width = max(columns.Width, side_note_width)
                room, last = columns.Width, column
            else:
                sheet.getCellRangeByPosition(column, row, last, row).merge(True)
            cell.IsTextWrapped = True
            cell.VertJustify = uno.Enum("com.sun.star.table.CellVertJustify", "TOP")
            lines = -(-int(need * 1.1) // room)  # ceiling, with room for the wrapping's slack
            rows = sheet.getRows().getByIndex(row)
            rows.Height = max(rows.Height, lines * LINE_HEIGHT + 60)


class Sheet:
    def __init__(self, workbook, sheet, name):
        self.workbook, self.sheet, self.name = workbook, sheet, name

    def cell(self, address):
        return self.sheet.getCellRangeByName(address)

    def _finish(self, cell, address, role, number_format, name):
        if role:
            cell.CellStyle = self.workbook.style(role)
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

    def text(self, address, text, role=None):
        cell = self.cell(address)
        cell.setString(text)
        return self._finish(cell, address, role, None, None)

    def title(self, address, text):
        return self.text(address, text, "title")

    def header(self, address, texts):
        """A row of column headings starting at `address`."""
        start = self.cell(address).getCellAddress()
        for offset, text in enumerate(texts):
            cell = self.sheet.getCellByPosition(start.Column + offset, start.Row)
            cell.setString(text)
            cell.CellStyle = self.workbook.style("header")

    def note(self, address, text, wrap=False):
        """An explanation; wrap=True only in a wide column of a table."""
        cell = self.text(address, text, "note")
        cell.IsTextWrapped = wrap
        return cell

    def printed(self, address, text):
        """What the article printed: text, never a number a formula could pick up."""
        return self.text(address, text, "article")

    def printed_figure(self, address, figure):
        """A printed number given in English digits ("0.553"), as text with the workbook's
        decimal separator (0,553 in Russian)."""
        return self.printed(address, self.workbook.t(figure.replace(".", ","), figure))

    def value(self, address, number, number_format=None, name=None):
        """An input the user may replace (a percent format: input_format)."""
        cell = self.cell(address)
        cell.setValue(number)
        return self._finish(cell, address, "input", number_format and input_format(number_format), name)

    def formula(self, address, formula, number_format=None, name=None, role="result"):
        cell = self.cell(address)
        if number_format:  # first: a formula typed into a General cell gets the format Calc
            cell.NumberFormat = self.workbook.format_key(number_format)  # infers (0.00%)
        cell.setFormula(formula)
        return self._finish(cell, address, role, number_format, name)

    def helper(self, address, formula, number_format=None, name=None):
        """A plain Calc formula that derives an input (no special style)."""
        return self.formula(address, formula, number_format, name, role=None)

    def merge_note(self, range_address, text):
        cells = self.sheet.getCellRangeByName(range_address)
        cells.merge(True)
        first = range_address.split(":")[0]
        self.note(first, text, wrap=True)
        cells.VertJustify = uno.Enum("com.sun.star.table.CellVertJustify", "TOP")
        return cells

    def chart(self, name, anchor, size_cm, ranges, kind, title, columns_are_series=True, stacked=False,
              horizontal=False, legend=True, percent_axis=False):
        """Inserts a chart of `ranges` (list of "A4:A9" strings, first column = labels).
        percent_axis: the values are shares, so the value axis runs from 0 to 100 %, not to
        the 120 % that Calc's automatic scale picks above a 100 % point."""
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
        if percent_axis:
            axis = diagram.getYAxis()
            axis.AutoMin, axis.Min = False, 0.0
            axis.AutoMax, axis.Max = False, 1.0
            axis.AutoStepMain, axis.StepMain = False, 0.2
        chart.HasMainTitle = True
        chart.getTitle().String = title
        chart.HasLegend = legend
        return chart


def add_error_bars(chart, series, sheet, minus, plus):
    """Vertical error bars on data series `series` of a chart made by Sheet.chart: each point's
    bar reaches down by the value in `minus` and up by the value in `plus` (cell ranges of
    `sheet`, one cell per point), as Insert ▸ Y Error Bars ▸ Cell Range does."""
    properties = chart.getDiagram().getDataRowProperties(series)
    properties.ErrorBarStyle = ERROR_BAR_FROM_DATA
    properties.ErrorIndicator = uno.Enum("com.sun.star.chart.ChartErrorIndicatorType", "TOP_AND_BOTTOM")
    properties.ErrorBarRangeNegative = sheet.getCellRangeByName(minus).AbsoluteName
    properties.ErrorBarRangePositive = sheet.getCellRangeByName(plus).AbsoluteName


ERROR_BAR_FROM_DATA = 7  # com.sun.star.chart.ErrorBarStyle.FROM_DATA


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
