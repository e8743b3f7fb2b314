"""Builds the template workbooks (.ots), each in Russian and in English, with a headless
Calc in which the add-in is installed, so that every result is a live formula of the add-in.

usage: /usr/bin/python3 templates/generate.py CORE_OXT OUT_DIR
"""
import os
import sys
import tempfile

import cmoffice as lo
from builder import Workbook, add_colour_scales, cyrillic_texts
import cohort
import earnings
import loyalty
import retention
import subscription
import value
import forecast  # Retention forecast and CLV: sBG, and the CDNOW sheets of forecast_cdnow

TEMPLATES = [retention, loyalty, value, earnings, cohort, forecast, subscription]


LANGUAGES = ("ru", "en")


def file_name(module, language):
    """retention-churn.ots (Russian), retention-churn-en.ots (English)."""
    return module.FILE + ("" if language == "ru" else "-" + language) + ".ots"


def generate(office, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    written = []
    for language in LANGUAGES:
        for module in TEMPLATES:
            doc = office.new_spreadsheet()
            try:
                workbook = Workbook(doc, module.TITLE, language)
                module.build(workbook)
                workbook.recalculate()
                workbook.fit_header_words()
                workbook.keep_notes_on_the_page()
                if language == "en":
                    untranslated = cyrillic_texts(doc)
                    if untranslated:
                        raise SystemExit("%s: Russian text left in the English template:\n  %s"
                                         % (module.FILE, "\n  ".join(untranslated)))
                path = os.path.join(out_dir, file_name(module, language))
                doc.storeToURL(lo.file_url(path), lo.props(FilterName="calc8_template"))
                add_colour_scales(path, workbook.colour_scales)
                written.append(path)
            finally:
                doc.close(True)
    return written


def main(oxt, out_dir):
    profile = tempfile.mkdtemp(prefix="cm-templates-")
    office = lo.office_with_extension(oxt, profile)
    try:
        for path in generate(office, out_dir):
            print("wrote", path)
    finally:
        office.stop()
        lo.remove_profile(office)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(*sys.argv[1:])
