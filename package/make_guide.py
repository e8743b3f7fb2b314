"""Writes the user guides (docs/*.md) as HTML pages for the .oxt, so that the guide is
inside the extension: Help ▸ CustomerMetrics user guide opens it (package/Addons.xcu).
LibreOffice gives its Function Wizard's Help button a target only for its own two add-ins
(sc/source/core/tool/addinhelpid.cxx in the LibreOffice core repository), so an extension's
functions cannot have help there.

Usage: make_guide.py DOCS_DIR OUT_DIR   (Debian's python3-markdown)
"""
import html
import os
import re
import sys

import markdown

STYLE = """body{font-family:'Liberation Sans',Arial,sans-serif;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.45}
table{border-collapse:collapse;margin:.8em 0}th,td{border:1px solid #bbb;padding:.25em .5em;vertical-align:top}
th{background:#dbe5f1}code{background:#f3f3f3;padding:0 .2em}pre{background:#f3f3f3;padding:.6em;overflow:auto}
h1,h2,h3{color:#1f4e79}"""


def convert(source, target, names):
    with open(source, encoding="utf-8") as f:
        text = f.read()
    title = next((line[2:].strip() for line in text.splitlines() if line.startswith("# ")), "CustomerMetrics")
    body = markdown.markdown(text, extensions=["tables", "fenced_code", "toc"])
    # links between the guides stay inside the extension
    body = re.sub(r'href="(%s)\.md(#[^"]*)?"' % "|".join(map(re.escape, names)),
                  lambda m: 'href="%s.html%s"' % (m.group(1), m.group(2) or ""), body)
    lang = "ru" if source.endswith(".ru.md") else "en"
    with open(target, "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE html>\n<html lang="%s"><head><meta charset="utf-8"><title>%s</title>'
                '<style>%s</style></head><body>\n%s\n</body></html>\n' % (lang, html.escape(title), STYLE, body))


def main(docs, out):
    os.makedirs(out, exist_ok=True)
    names = sorted(name[:-3] for name in os.listdir(docs) if name.endswith(".md"))
    for name in names:
        convert(os.path.join(docs, name + ".md"), os.path.join(out, name + ".html"), names)


if __name__ == "__main__":
    main(*sys.argv[1:])
