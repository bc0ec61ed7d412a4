#!/usr/bin/env python3
"""Generate the PDF versions of corpus documents and the PDF test fixtures.

Run from the repository root, after building the command-line tool:

    swift build --product scrutiny
    python3 tools/make_pdfs.py                 # or: --scrutiny .build/release/scrutiny

Needs (PyPI): weasyprint==70.0 pyphen==0.18.1 pikepdf==10.17.0 pillow==13.0.0 reportlab==5.1.0
     (Debian): fonts-dejavu-core (the fonts), libpango-1.0-0 (for WeasyPrint)

What it writes (all committed, so that no test needs Python):

- corpus/documents/<name>.pdf — each chosen text or Markdown document, laid out as a council
  would export it from Word: A4, justified and hyphenated text (pyphen, en-GB), running headers
  and footers, page numbers ("Page N of M", "- N -", "N", "page N" inside a footer), numbered and
  bulleted lists with hanging indents, tables with borders, a heading hierarchy by font size and
  weight, and one report set in two columns. The content is the text reader's extraction of the
  original (`scrutiny extract --format json`), so the PDF holds the same blocks as the original.
- corpus/manifest.csv — one row per PDF with the original's partnership, type, date and title and
  `version_of` naming the original (the column is added when missing; rows for these PDFs are
  replaced, every other row is kept as it is).
- Tests/ScrutinyKitTests/Fixtures/pdf/running-lines.json — for each corpus PDF, the header and
  footer strings printed on its pages (none of which occurs in the original's text).
- Tests/ScrutinyKitTests/Fixtures/pdf/: typography.pdf (reportlab: line-end hyphens U+002D,
  U+2010 and U+00AD, a compound broken at its own hyphen, ligature code points, curly quotes,
  bullet glyphs, a lone "l" bullet), encrypted.pdf (AES-256, user password "scrutiny"),
  truncated.pdf (a corpus PDF cut in half), corrupt.pdf (a PDF header followed by junk) and
  scan.pdf (one page holding only an image, no text layer).
"""

import argparse
import csv
import html
import io
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCUMENTS = os.path.join(ROOT, "corpus", "documents")
MANIFEST = os.path.join(ROOT, "corpus", "manifest.csv")
FIXTURES = os.path.join(ROOT, "Tests", "ScrutinyKitTests", "Fixtures", "pdf")

# Each corpus document to render, and how its pages look. `page` is the page-number style,
# `header`/`footer` the running strings (left, right), `hyphen` the character a line-end
# hyphenation prints.
DOCUMENTS_TO_RENDER = [
    dict(source="ravensholme-scrutiny-report-2022.md", font="DejaVu Serif", size=11,
         header=("RSCP Independent Scrutiny 2021-22", "OFFICIAL"), footer=("", "Page {n} of {m}"),
         first_page_plain=True, hyphen="\u2010", author="Dr Celia Brannock"),
    dict(source="calderwick-committee-report-2022.txt", font="DejaVu Sans", size=10.5,
         header=("Calderwick MBC Cabinet, 14 September 2022", ""), footer=("", "- {n} -"),
         footer_centre=True, hyphen="-", author="Strategic Director (Children and Families)"),
    dict(source="kestlebury-independent-review-2024.md", font="DejaVu Serif", size=11,
         header=("", "OFFICIAL"), footer=("Kestlebury SCP Independent Scrutiny Review | January 2024", "{n}"),
         hyphen="\u2010", author="Kestlebury Safeguarding Children Partnership"),
    dict(source="hartsey-independent-review-2021.txt", font="DejaVu Sans", size=10.5,
         header=("", ""), footer=("Hartsey independent review of arrangements, page {n}", ""),
         hyphen="-", author="Hartsey Safeguarding Children Partnership"),
    dict(source="orrin-valley-annual-report-2021.md", font="DejaVu Serif", size=10,
         header=("OVSCP Annual Report 2020-21", "OFFICIAL"), footer=("", "Page {n} of {m}"),
         columns=2, hyphen="\u2010", author="Orrin Valley Safeguarding Children Partnership"),
    dict(source="farrowdale-annual-report-2020.txt", font="DejaVu Sans", size=10.5,
         header=("Farrowdale SCP", "Annual Report 2019/20"), footer=("", "Page {n}"),
         footer_centre=True, hyphen="\u2010", author="Farrowdale Safeguarding Children Partnership"),
    dict(source="brindlecombe-scrutiny-report-2024.txt", font="DejaVu Serif", size=11,
         header=("BrSCP independent scrutiny 2023-24", "OFFICIAL"), footer=("", "Page {n} of {m}"),
         hyphen="-", author="Brindlecombe Safeguarding Children Partnership"),
]

HEADING_SIZES = {1: 1.9, 2: 1.45, 3: 1.2, 4: 1.08, 5: 1.0, 6: 1.0}


def extract(scrutiny, path):
    output = subprocess.run([scrutiny, "extract", path, "--format", "json"], check=True, capture_output=True)
    return json.loads(output.stdout)[0]


def heading_text(block):
    ordinal = block.get("ordinal")
    if not ordinal:
        return block["text"]
    if ordinal.replace(".", "").isdigit():
        return (ordinal + ". " if "." not in ordinal else ordinal + " ") + block["text"]
    return ordinal + ". " + block["text"]


def list_marker(block, bullets):
    marker = block.get("marker") or ""
    depth = block.get("depth") or 0
    if marker in ("", "-", "*", "\u2022", "\u00b7") or len(marker) == 1 and not marker.isalnum():
        return bullets[min(depth, len(bullets) - 1)]
    return marker


def render_html(document, config):
    blocks = document["blocks"]
    bullets = ["\u2022", "\u25e6", "\u25aa"] if config["hyphen"] != "-" else ["\u2022", "\u2013", "\u25aa"]
    parts = []
    index = 0
    columns = config.get("columns", 1)
    opened_columns = False
    while index < len(blocks):
        block = blocks[index]
        kind = block["kind"]
        if kind == "tableRow":
            rows = []
            while index < len(blocks) and blocks[index]["kind"] == "tableRow":
                cells = "".join(f"<td>{html.escape(cell)}</td>" for cell in blocks[index]["cells"])
                rows.append(f"<tr>{cells}</tr>")
                index += 1
            parts.append("<table>" + "".join(rows) + "</table>")
            continue
        if kind == "heading":
            level = min(block["level"], 6)
            if columns > 1 and level >= 2 and not opened_columns:
                parts.append('<div class="cols">')
                opened_columns = True
            parts.append(f"<h{level}>{html.escape(heading_text(block))}</h{level}>")
        elif kind == "paragraph":
            parts.append(f"<p>{html.escape(block['text'])}</p>")
        elif kind == "listItem":
            depth = block.get("depth") or 0
            marker = list_marker(block, bullets)
            parts.append(f'<div class="li" style="margin-left:{depth * 2.2:.1f}em"><span class="mk">{html.escape(marker)}</span>'
                         f"{html.escape(block['text'])}</div>")
        index += 1
    if opened_columns:
        parts.append("</div>")
    return "\n".join(parts)


def page_css(config, document):
    size = config["size"]
    longest = max([len(list_marker(block, ["*"])) for block in document["blocks"] if block["kind"] == "listItem"] or [1])
    indent = max(2.6, 0.62 * longest + 0.9)
    left_header, right_header = config["header"]
    left_footer, right_footer = config["footer"]

    def content(template):
        if not template:
            return None
        pieces = []
        for chunk in template.replace("{n}", "\0n\0").replace("{m}", "\0m\0").split("\0"):
            if chunk == "n":
                pieces.append("counter(page)")
            elif chunk == "m":
                pieces.append("counter(pages)")
            elif chunk:
                pieces.append('"' + chunk.replace('"', '\\"') + '"')
        return " ".join(pieces)

    boxes = []
    for box, template in (("top-left", left_header), ("top-right", right_header)):
        if content(template):
            boxes.append(f"@{box} {{ content: {content(template)}; font-size: {size - 2}pt; vertical-align: bottom }}")
    if config.get("footer_centre"):
        template = left_footer or right_footer
        boxes.append(f"@bottom-center {{ content: {content(template)}; font-size: {size - 2}pt; vertical-align: top }}")
    else:
        for box, template in (("bottom-left", left_footer), ("bottom-right", right_footer)):
            if content(template):
                boxes.append(f"@{box} {{ content: {content(template)}; font-size: {size - 2}pt; vertical-align: top }}")
    first = ""
    if config.get("first_page_plain"):
        first = "@page :first { @top-left { content: none } @top-right { content: none } }"
    heading_css = "\n".join(
        f"h{level} {{ font-size: {size * scale:.1f}pt; font-weight: bold; margin: {0.9 if level <= 2 else 0.6}em 0 0.35em;"
        f" text-align: left; hyphens: manual; {'font-style: italic;' if level == 6 else ''} }}"
        for level, scale in HEADING_SIZES.items())
    hyphen_char = config["hyphen"]
    columns = ""
    if config.get("columns", 1) > 1:
        columns = (".cols { columns: 2; column-gap: 0.9cm; } .cols h2, .cols table { column-span: all; }"
                   " h1 { column-span: all; }")
    return f"""
@page {{ size: A4; margin: 2.4cm 2.2cm 2.3cm 2.2cm; {' '.join(boxes)} }}
{first}
body {{ font-family: "{config['font']}"; font-size: {size}pt; line-height: 1.25; text-align: justify;
       hyphens: auto; hyphenate-character: "{hyphen_char}"; }}
p {{ margin: 0 0 0.75em; }}
.li {{ padding-left: {indent}em; text-indent: -{indent}em; margin: 0 0 0.35em; }}
.mk {{ display: inline-block; width: {indent}em; text-indent: 0; }}
table {{ border-collapse: collapse; margin: 0.4em 0 0.9em; width: 100%; text-align: left; hyphens: manual; }}
td {{ border: 0.5pt solid #555; padding: 3pt 5pt; vertical-align: top; font-size: {size - 0.5}pt; }}
{heading_css}
{columns}
"""


def write_pdf(path, body, css, title, author, date):
    from weasyprint import HTML

    document = f"""<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8">
<title>{html.escape(title)}</title><meta name="author" content="{html.escape(author)}">
<meta name="dcterms.created" content="{date}-01T09:00:00Z"><meta name="dcterms.modified" content="{date}-01T09:00:00Z">
<style>{css}</style></head><body>{body}</body></html>"""
    HTML(string=document, base_url=ROOT).write_pdf(path)


def read_manifest():
    with open(MANIFEST, newline="", encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    return rows[0], rows[1:]


def update_manifest(new_rows):
    """Adds or replaces the rows for the generated PDFs; re-reads the file just before writing."""
    header, rows = read_manifest()
    if "version_of" not in header:
        header = header + ["version_of"]
    width = len(header)
    rows = [row + [""] * (width - len(row)) for row in rows if row]
    generated = {row[0] for row in new_rows}
    rows = [row for row in rows if row[0] not in generated]
    by_name = {row[0]: row for row in rows}
    column = header.index("version_of")
    for row in new_rows:
        original = by_name[row[-1]]
        full = list(original)
        full[0] = row[0]
        full[column] = row[-1]
        rows.append(full)
    with open(MANIFEST, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def running_strings(config, pages):
    strings = []
    for template in list(config["header"]) + list(config["footer"]):
        if not template:
            continue
        for chunk in template.replace("{m}", "{n}").split("{n}"):
            chunk = chunk.strip(" -|,")
            if chunk.lower().endswith(" page"):
                chunk = chunk[: -len(" page")].strip(" -|,")
            if len(chunk) >= 4 and chunk.lower() not in ("page", "of"):
                strings.append(chunk)
    return strings


def make_corpus_pdfs(scrutiny, write_manifest=True):
    manifest_rows = []
    running = {}
    for config in DOCUMENTS_TO_RENDER:
        source = os.path.join(DOCUMENTS, config["source"])
        document = extract(scrutiny, source)
        text = "\n".join(block["text"] for block in document["blocks"])
        _, rows = read_manifest()
        meta = next(row for row in rows if row and row[0] == config["source"])
        name = os.path.splitext(config["source"])[0] + ".pdf"
        target = os.path.join(DOCUMENTS, name)
        body = render_html(document, config)
        write_pdf(target, body, page_css(config, document), meta[4], config["author"], meta[3])
        strings = running_strings(config, None)
        for string in strings:
            if string.lower() in text.lower():
                sys.exit(f"make_pdfs: running string {string!r} occurs in {config['source']}; choose another")
        running[name] = {"version_of": config["source"], "running": strings,
                         "columns": config.get("columns", 1)}
        manifest_rows.append([name, config["source"]])
        print(f"wrote {os.path.relpath(target, ROOT)}")
    if write_manifest:
        update_manifest(manifest_rows)
    os.makedirs(FIXTURES, exist_ok=True)
    with open(os.path.join(FIXTURES, "running-lines.json"), "w", encoding="utf-8") as handle:
        json.dump(running, handle, indent=2, ensure_ascii=False)
        handle.write("\n")


def make_typography_fixture():
    """Exact lines drawn with reportlab, so that each line-end case is where the test expects it."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    pdfmetrics.registerFont(TTFont("DejaVuBold", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"))
    path = os.path.join(FIXTURES, "typography.pdf")
    pdf = canvas.Canvas(path, pagesize=A4, invariant=1)
    pdf.setTitle("Typography fixture")
    pdf.setAuthor("scrutiny tests")
    width, height = A4
    y = height - 72
    pdf.setFont("DejaVuBold", 18)
    pdf.drawString(72, y, "Typography")
    y -= 36
    pdf.setFont("DejaVu", 11)
    lines = [
        # Each paragraph's lines are wrapped by hand: the right margin is about 470 points.
        "Every partner agency plays its part in the work of safe\u2010",
        "guarding, and the statutory partners each commit resources to the multi-",
        "agency arrangements that the partnership describes in its pub-",
        "lished plan; the \ufb01nal \u201cof\ufb01ce\u201d review \u2013 a di\ufb00erent, e\ufb03cient and",
        "in\ufb02uential exercise with a ba\ufb04ing scope \u2013 found the scheme\u2019s",
        "paperwork was thorough and the re\u00ad",
        "commendations were accepted in full by the Executive.",
    ]
    for line in lines:
        pdf.drawString(72, y, line)
        y -= 14
    y -= 14
    items = [("\u2022", "The first bullet item."), ("\u25aa", "The second bullet item."),
             ("\u25e6", "The third bullet item."), ("\u2023", "The fourth bullet item."),
             ("\u2013", "The fifth bullet item."), ("l", "The sixth item, whose bullet lost its symbol font."),
             ("1.", "The first numbered item."), ("2.5", "A numbered paragraph."), ("(a)", "A lettered item.")]
    for marker, text in items:
        pdf.drawString(90, y, marker)
        pdf.drawString(112, y, text)
        y -= 16
    pdf.showPage()
    pdf.save()
    print(f"wrote {os.path.relpath(path, ROOT)}")


def make_bad_fixtures():
    import pikepdf
    from PIL import Image, ImageDraw

    source = os.path.join(FIXTURES, "typography.pdf")
    with pikepdf.open(source) as pdf:
        pdf.save(os.path.join(FIXTURES, "encrypted.pdf"),
                 encryption=pikepdf.Encryption(user="scrutiny", owner="scrutiny-owner", R=6))
    # Only an owner password (printing and copying restricted): opens without a password.
    with pikepdf.open(source) as pdf:
        pdf.save(os.path.join(FIXTURES, "owner-only.pdf"),
                 encryption=pikepdf.Encryption(user="", owner="scrutiny-owner", R=6,
                                               allow=pikepdf.Permissions(extract=False, print_highres=False)))
    with open(os.path.join(DOCUMENTS, "ravensholme-scrutiny-report-2022.pdf"), "rb") as handle:
        data = handle.read()
    with open(os.path.join(FIXTURES, "truncated.pdf"), "wb") as handle:
        handle.write(data[: len(data) // 2])
    with open(os.path.join(FIXTURES, "corrupt.pdf"), "wb") as handle:
        handle.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
                     + b"this file was damaged in transfer and holds no page tree\n" * 20)
    image = Image.new("L", (827, 1169), 255)
    draw = ImageDraw.Draw(image)
    for top in range(120, 1040, 26):
        draw.rectangle([90, top, 740 - (top * 37) % 180, top + 11], fill=40)
    buffer = io.BytesIO()
    image.save(buffer, format="PDF", resolution=100)
    with open(os.path.join(FIXTURES, "scan.pdf"), "wb") as handle:
        handle.write(buffer.getvalue())
    print("wrote encrypted.pdf, owner-only.pdf, truncated.pdf, corrupt.pdf, scan.pdf")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scrutiny", default=os.path.join(ROOT, ".build", "debug", "scrutiny"),
                        help="the built scrutiny executable (default: .build/debug/scrutiny)")
    parser.add_argument("--no-manifest", action="store_true", help="leave corpus/manifest.csv alone")
    arguments = parser.parse_args()
    os.makedirs(FIXTURES, exist_ok=True)
    make_corpus_pdfs(arguments.scrutiny, write_manifest=not arguments.no_manifest)
    make_typography_fixture()
    make_bad_fixtures()


if __name__ == "__main__":
    main()
