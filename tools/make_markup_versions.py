#!/usr/bin/env python3
"""Generate HTML, DOCX and ODT versions of corpus documents, as councils publish them.

Each version is rendered from the blocks that `scrutiny extract --format json` reads from the
text original, so that it carries the same headings, numbered paragraphs, lists and tables, but
in the way each format really expresses them:

- HTML: a whole council web page (navigation, page header and footer, a cookie form, an aside,
  scripts and styles around the content), headings h1-h6, numbers typed into paragraphs or
  held by <ol> lists, nested lists, a table, character entities, a declared charset
  (Windows-1252 for one page, UTF-8 for the other).
- DOCX: written XML, not a library: real Word numbering (numbering.xml abstractNum/num with
  lvlText "%1.", "%1)", "%1.%2" and bullets, ilvl nesting, heading styles linked to a list,
  numbering switched off on one heading with numId 0), heading styles, a table, a page header
  and footer, a comment, a tracked deletion and a field; none of the last four must reach the
  output.
- ODT: content.xml with text:h (outline numbering or typed numbers), text:p, text:list
  (continued numbering, nested lists, a list whose level shows no number), table:table, and a
  comment (office:annotation), a tracked deletion and a header and footer that must not reach
  the output.

Run from the package root after building:
    swift build && python3 tools/make_markup_versions.py [--scrutiny .build/debug/scrutiny]
Needs only the Python 3 standard library (3.9 or later). The outputs are committed in
corpus/documents/; re-generate only on purpose and review the diff. The script does not touch
corpus/manifest.csv: the rows for these versions were added by hand (see `VERSIONS` below).
"""

import argparse
import json
import re
import subprocess
import sys
import zipfile
from html import escape as html_escape
from pathlib import Path
from xml.sax.saxutils import escape as xml_escape

ROOT = Path(__file__).resolve().parent.parent
DOCUMENTS = ROOT / "corpus" / "documents"

# original -> (council name for page furniture, page charset, whether minor headings are bold
# paragraphs rather than heading elements or styles, as many authors make them)
VERSIONS = {
    "calderwick-committee-report-2022.txt": ("Calderwick Metropolitan Borough Council", "windows-1252", False),
    "kestlebury-independent-review-2024.md": ("Kestlebury County Council", "utf-8", False),
    "ravensholme-committee-report-2022.txt": ("Ravensholme Metropolitan Borough Council", "utf-8", True),
}


def bold_heading(block):
    """Whether a heading can be written as a bold paragraph and still read back as the same
    heading: an unnumbered level-3 title that is not in capitals."""
    text = block["text"]
    return (block["level"] == 3 and not block.get("ordinal") and not text.isupper()
            and len(text.split()) <= 12 and text[-1] not in ".,;:!?")

# Text that the page furniture, headers, footers, comments and deletions carry: none of it is in
# the originals, and the readers must leave all of it out.
FURNITURE = {
    "header": "Printed copies of this paper are uncontrolled",
    "footer": "Produced by Democratic Services",
    "comment": "Reviewer query check these figures against the finance return",
    "deleted": "superseded interim wording removed",
    "nav": "Bins recycling parking council tax",
    "aside": "Related pages cost of living support",
    "form": "Accept analytics cookies",
    "script": "trackingPixelIdentifier",
}


def read_blocks(scrutiny, source):
    output = subprocess.run([scrutiny, "extract", "--format", "json", str(source)], check=True,
                            capture_output=True, text=True).stdout
    document = json.loads(output)[0]
    return document["blocks"], document["metadata"].get("title") or source.stem


def title_from_manifest(name):
    import csv
    with open(ROOT / "corpus" / "manifest.csv", newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if row["file"] == name:
                return row["title"]
    return name


# ---------------------------------------------------------------------------------------------
# Structure shared by the three renderers


def ordinal_kind(block):
    """How a list item is numbered: 'int', 'letter', 'dotted' or 'bullet'."""
    ordinal = block.get("ordinal")
    if not ordinal:
        return "bullet"
    if "." in ordinal:
        return "dotted"
    if ordinal.isdigit():
        return "int"
    return "letter"


def group(blocks):
    """Blocks as a sequence of ('heading', b), ('paragraph', b), ('table', [rows]) and
    ('list', [item]) where an item is {'block': b, 'children': [item]}; a list holds items of
    one numbering kind only."""
    groups = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        kind = block["kind"]
        if kind == "tableRow":
            rows = []
            while index < len(blocks) and blocks[index]["kind"] == "tableRow":
                rows.append(blocks[index]["cells"])
                index += 1
            groups.append(("table", rows))
            continue
        if kind == "listItem":
            run = []
            while index < len(blocks) and blocks[index]["kind"] == "listItem":
                run.append(blocks[index])
                index += 1
            groups.extend(("list", items) for items in split_by_kind(nest(run)))
            continue
        groups.append((kind, block))
        index += 1
    return groups


def nest(run):
    """Items of a run with their deeper items as children."""
    top = []
    stack = []
    for block in run:
        item = {"block": block, "children": []}
        depth = block.get("depth") or 0
        while stack and (stack[-1]["block"].get("depth") or 0) >= depth:
            stack.pop()
        (stack[-1]["children"] if stack else top).append(item)
        stack.append(item)
    return top


def split_by_kind(items):
    lists = []
    for item in items:
        kind = ordinal_kind(item["block"])
        if lists and ordinal_kind(lists[-1][-1]["block"]) == kind:
            lists[-1].append(item)
        else:
            lists.append([item])
    return lists


def letter_value(ordinal):
    """1 for "a", 2 for "b" ... (single letters only)."""
    return ord(ordinal.lower()) - ord("a") + 1 if len(ordinal) == 1 and ordinal.isalpha() else None


def typed_heading(block):
    ordinal = block.get("ordinal")
    if not ordinal:
        return block["text"]
    return f"{ordinal} {block['text']}" if "." in ordinal else f"{ordinal}. {block['text']}"


def typed_item(block):
    return f"{block['ordinal']} {block['text']}"


# ---------------------------------------------------------------------------------------------
# HTML


def html_text(text, charset):
    """Escapes text and brings back the typography the text original lost, as entities in a
    UTF-8 page and as Windows-1252 characters in the other."""
    escaped = html_escape(text, quote=False)
    if charset == "utf-8":
        escaped = escaped.replace(" - ", " &ndash; ").replace("£", "&pound;")
        escaped = re.sub(r"(\w)'(\w)", r"\1&rsquo;\2", escaped)
    else:
        escaped = escaped.replace(" - ", " \u2013 ")
        escaped = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", escaped)
    return escaped


def html_list(items, charset, indent="      "):
    kind = ordinal_kind(items[0]["block"])
    lines = []
    if kind == "dotted":
        if not any(item["children"] for item in items):
            for item in items:
                block = item["block"]
                lines.append(f'{indent}<p><span class="para-number">{block["ordinal"]}</span> '
                             f'{html_text(block["text"], charset)}</p>')
            return lines
        lines.append(f'{indent}<ol class="numbered-paragraphs" style="list-style-type: none">')
    elif kind == "int":
        first = int(items[0]["block"]["ordinal"])
        lines.append(f'{indent}<ol start="{first}">' if first != 1 else f"{indent}<ol>")
    elif kind == "letter":
        first = letter_value(items[0]["block"]["ordinal"]) or 1
        lines.append(f'{indent}<ol type="a" start="{first}">' if first != 1 else f'{indent}<ol type="a">')
    else:
        lines.append(f"{indent}<ul>")
    expected = int(items[0]["block"]["ordinal"]) if kind == "int" else None
    for item in items:
        block = item["block"]
        text = html_text(block["text"], charset)
        attributes = ""
        if kind == "dotted":
            text = f"{block['ordinal']} {text}"
        elif kind == "int":
            if int(block["ordinal"]) != expected:
                attributes = f' value="{block["ordinal"]}"'
            expected = int(block["ordinal"]) + 1
        if item["children"]:
            lines.append(f"{indent}  <li{attributes}>{text}")
            for sublist in split_by_kind(item["children"]):
                lines.extend(html_list(sublist, charset, indent + "    "))
            lines.append(f"{indent}  </li>")
        else:
            lines.append(f"{indent}  <li{attributes}>{text}</li>")
    lines.append(f"{indent}</{'ul' if kind == 'bullet' else 'ol'}>")
    return lines


def html_table(rows, charset, indent="      "):
    lines = [f'{indent}<table class="data">']
    for index, row in enumerate(rows):
        tag = "th" if index == 0 and charset == "utf-8" else "td"
        cells = "".join(f"<{tag}>{html_text(cell, charset)}</{tag}>" for cell in row)
        lines.append(f"{indent}  <tr>{cells}</tr>")
    lines.append(f"{indent}</table>")
    return lines


def render_html(blocks, title, council, charset, bold_headings=False):
    body = []
    for kind, value in group(blocks):
        if kind == "heading" and bold_headings and bold_heading(value):
            body.append(f"      <p><strong>{html_text(value['text'], charset)}</strong></p>")
        elif kind == "heading":
            level = value["level"]
            body.append(f"      <h{level}>{html_text(typed_heading(value), charset)}</h{level}>")
        elif kind == "paragraph":
            body.append(f"      <p>{html_text(value['text'], charset)}</p>")
        elif kind == "table":
            body.extend(html_table(value, charset))
        else:
            body.extend(html_list(value, charset))
    meta = ('<meta charset="utf-8">' if charset == "utf-8"
            else '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">')
    # The UTF-8 page wraps its content in <main>; the other has only an <article>.
    open_content, close_content = (("<main id=\"content\">", "</main>") if charset == "utf-8"
                                   else ("<div id=\"content\"><article class=\"report\">", "</article></div>"))
    page = f"""<!DOCTYPE html>
<html lang="en-GB">
<head>
  {meta}
  <title>{html_escape(title)} | {html_escape(council)}</title>
  <style>body {{ font-family: Arial, sans-serif; }} .para-number {{ font-weight: bold; }}</style>
  <script>window.analytics = {{ id: "{FURNITURE['script']}" }};</script>
</head>
<body>
  <header class="site-header"><p>{html_escape(council)}</p><p>{FURNITURE['header']}</p></header>
  <nav aria-label="Main"><ul><li><a href="/">Home</a></li><li><a href="/services">{FURNITURE['nav']}</a></li></ul></nav>
  <form id="cookies" action="/cookies" method="post"><p>{FURNITURE['form']}</p><button>Accept</button></form>
  {open_content}
{chr(10).join(body)}
  {close_content}
  <aside><h2>Related</h2><p>{FURNITURE['aside']}</p></aside>
  <footer><p>{FURNITURE['footer']}</p></footer>
  <script src="/js/site.js"></script>
</body>
</html>
"""
    if charset == "utf-8":
        return page.encode("utf-8")
    return page.encode("cp1252", errors="xmlcharrefreplace")


# ---------------------------------------------------------------------------------------------
# DOCX

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

HEADING_NUM = 1      # the multilevel list linked to Heading 2: "%1." then "%1.%2"
BULLET_ABSTRACT = 2  # bullets at every level


class WordNumberingPlan:
    """Chooses Word numbering for each numbered block and checks that Word's counters give the
    ordinal the original shows; where they would not, the number is typed into the text."""

    def __init__(self, integer_format):
        self.integer_format = integer_format  # "%1." or "%1)"
        self.heading_counters = [0] * 9
        self.nums = {HEADING_NUM: (0, None)}  # numId -> (abstractId, startOverride)
        self.integer_num = None
        self.integer_next = None
        self.typed = 0

    def heading_level_counter(self, ordinal):
        """numPr (numId, ilvl) for a numbered heading or dotted paragraph, or None to type it."""
        parts = ordinal.split(".")
        if not all(part.isdigit() for part in parts):
            return None
        ilvl = len(parts) - 1
        counters = list(self.heading_counters)
        counters[ilvl] += 1
        for deeper in range(ilvl + 1, 9):
            counters[deeper] = 0
        shown = [str(counters[level] if counters[level] else 1) for level in range(ilvl + 1)]
        if shown != parts:
            self.typed += 1
            return None
        self.heading_counters = counters
        return HEADING_NUM, ilvl

    def integer_item(self, ordinal):
        """The numId for a "1." or "1)" item: the current list's while the numbers run on, else a
        new w:num of the same abstract list, restarted with a startOverride (the first list
        starts at the level's own start)."""
        value = int(ordinal)
        if self.integer_num is None or value != self.integer_next:
            first_list = self.integer_num is None
            self.integer_num = max(self.nums) + 1
            self.nums[self.integer_num] = (1, None if first_list and value == 1 else value)
        self.integer_next = value + 1
        return self.integer_num

    def letter_item(self, ordinal):
        """The numId for an "(a)" item, as integer_item does for numbers (abstract list 3)."""
        value = letter_value(ordinal)
        if value is None:
            return None
        if getattr(self, "letter_num", None) is None or value != self.letter_next:
            self.letter_num = max(self.nums) + 1
            self.nums[self.letter_num] = (3, value)
        self.letter_next = value + 1
        return self.letter_num

    def bullet_list(self):
        num = max(self.nums) + 1
        self.nums[num] = (BULLET_ABSTRACT, None)
        return num

    def numbering_xml(self):
        def level(ilvl, fmt, text, font=None, start=1, style=None):
            rfonts = (f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:hint="default"/></w:rPr>'
                      if font else "")
            pstyle = f'<w:pStyle w:val="{style}"/>' if style else ""
            indent = 360 * (ilvl + 1) + 360
            return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>{pstyle}'
                    f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
                    f'<w:pPr><w:ind w:left="{indent}" w:hanging="360"/></w:pPr>{rfonts}</w:lvl>')
        heading_levels = [level(0, "decimal", "%1.", style="Heading2")]
        heading_levels += [level(i, "decimal", ".".join(f"%{n + 1}" for n in range(i + 1)))
                           for i in range(1, 9)]
        integer_levels = [level(0, "decimal", self.integer_format), level(1, "bullet", "\uf0b7", "Symbol"),
                          level(2, "bullet", "o", "Courier New")]
        integer_levels += [level(i, "lowerRoman", f"%{i + 1}.") for i in range(3, 9)]
        letter_levels = [level(0, "lowerLetter", "(%1)"), level(1, "lowerRoman", "(%2)")]
        bullet_levels = [level(i, "bullet", ["\uf0b7", "o", "\uf0a7"][i % 3],
                               ["Symbol", "Courier New", "Wingdings"][i % 3]) for i in range(9)]
        abstracts = [
            f'<w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="multilevel"/>{"".join(heading_levels)}</w:abstractNum>',
            f'<w:abstractNum w:abstractNumId="1"><w:multiLevelType w:val="hybridMultilevel"/>{"".join(integer_levels)}</w:abstractNum>',
            f'<w:abstractNum w:abstractNumId="2"><w:multiLevelType w:val="hybridMultilevel"/>{"".join(bullet_levels)}</w:abstractNum>',
            f'<w:abstractNum w:abstractNumId="3"><w:multiLevelType w:val="hybridMultilevel"/>{"".join(letter_levels)}</w:abstractNum>',
        ]
        nums = []
        for num, (abstract, start) in sorted(self.nums.items()):
            override = (f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start}"/></w:lvlOverride>'
                        if start is not None else "")
            nums.append(f'<w:num w:numId="{num}"><w:abstractNumId w:val="{abstract}"/>{override}</w:num>')
        return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:numbering xmlns:w="{W}">{"".join(abstracts)}{"".join(nums)}</w:numbering>')


def w_runs(text, emphasis_first_word=False):
    """Runs for `text`: curly apostrophes, and sometimes the first word in bold, as Word splits runs."""
    text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text).replace(" - ", " \u2013 ")
    if emphasis_first_word and " " in text:
        first, rest = text.split(" ", 1)
        return (f'<w:r><w:rPr><w:b/></w:rPr><w:t>{xml_escape(first)}</w:t></w:r>'
                f'<w:r><w:t xml:space="preserve"> {xml_escape(rest)}</w:t></w:r>')
    return f'<w:r><w:t xml:space="preserve">{xml_escape(text)}</w:t></w:r>'


def w_paragraph(text, style=None, num=None, extra_runs=""):
    properties = ""
    if style or num:
        style_xml = f'<w:pStyle w:val="{style}"/>' if style else ""
        num_xml = (f'<w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr>'
                   if num else "")
        properties = f"<w:pPr>{style_xml}{num_xml}</w:pPr>"
    return f"<w:p>{properties}{w_runs(text)}{extra_runs}</w:p>"


def docx_body(blocks, plan, bold_headings=False):
    parts = []
    first_heading = True
    comment_placed = False
    deletion_placed = False
    field_placed = False
    for kind, value in group(blocks):
        if kind == "heading" and bold_headings and bold_heading(value):
            parts.append(f'<w:p><w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>{xml_escape(value["text"])}</w:t></w:r></w:p>')
        elif kind == "heading":
            level = value["level"]
            ordinal = value.get("ordinal")
            if first_heading and level == 1:
                parts.append(w_paragraph(value["text"], "Title"))
            elif ordinal:
                num = plan.heading_level_counter(ordinal)
                style = f"Heading{level}"
                if num is None:
                    parts.append(f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:numPr><w:numId w:val="0"/></w:numPr>'
                                 f'</w:pPr>{w_runs(typed_heading(value))}</w:p>')
                elif level == 2 and num[1] == 0:
                    parts.append(w_paragraph(value["text"], style))  # numbered through the style
                else:
                    parts.append(w_paragraph(value["text"], style, num))
            elif level == 2:
                # Heading 2 is numbered through its style: this one has numbering switched off.
                parts.append(f'<w:p><w:pPr><w:pStyle w:val="Heading2"/><w:numPr><w:numId w:val="0"/></w:numPr>'
                             f'</w:pPr>{w_runs(value["text"])}</w:p>')
            else:
                parts.append(w_paragraph(value["text"], f"Heading{level}"))
            first_heading = False
        elif kind == "paragraph":
            text = value["text"]
            if not comment_placed and len(text) > 80:
                comment_placed = True
                parts.append(
                    f'<w:p><w:commentRangeStart w:id="0"/>{w_runs(text, True)}<w:commentRangeEnd w:id="0"/>'
                    f'<w:r><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr><w:commentReference w:id="0"/></w:r></w:p>')
            elif not deletion_placed and len(text) > 80:
                deletion_placed = True
                parts.append(
                    f'<w:p>{w_runs(text)}<w:del w:id="1" w:author="Editor" w:date="2022-08-01T10:00:00Z">'
                    f'<w:r><w:delText xml:space="preserve"> {FURNITURE["deleted"]}</w:delText></w:r></w:del></w:p>')
            else:
                parts.append(w_paragraph(text))
        elif kind == "table":
            parts.append(docx_table(value))
        else:
            parts.extend(docx_list(value, plan, 0))
    # A field: the instruction is left out, the result kept.
    for index, part in enumerate(parts):
        match = re.search(r"([\w.]+@[\w.]+\w)", part)
        if match and not field_placed:
            field_placed = True
            address = match.group(1)
            before, after = part.split(address, 1)
            parts[index] = (before + "</w:t></w:r>"
                            f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                            f'<w:r><w:instrText xml:space="preserve"> HYPERLINK "mailto:{address}" </w:instrText></w:r>'
                            f'<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                            f'<w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr><w:t>{address}</w:t></w:r>'
                            f'<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t xml:space="preserve">' + after)
    return "".join(parts)


def docx_list(items, plan, ilvl):
    parts = []
    kind = ordinal_kind(items[0]["block"])
    bullets = plan.bullet_list() if kind == "bullet" else None
    for item in items:
        block = item["block"]
        if kind == "dotted":
            num = plan.heading_level_counter(block["ordinal"])
            parts.append(w_paragraph(block["text"] if num else typed_item(block), "ListParagraph", num))
            child_ilvl = 1
        elif kind == "int":
            num = plan.integer_item(block["ordinal"])
            parts.append(w_paragraph(block["text"], "ListParagraph", (num, ilvl)))
            child_ilvl = ilvl + 1
        elif kind == "letter":
            num = plan.letter_item(block["ordinal"])
            parts.append(w_paragraph(block["text"], "ListParagraph", (num, ilvl)) if num
                         else w_paragraph(typed_item(block), "ListParagraph"))
            child_ilvl = ilvl + 1
        else:
            parts.append(w_paragraph(block["text"], "ListParagraph", (bullets, ilvl)))
            child_ilvl = ilvl + 1
        for sublist in split_by_kind(item["children"]):
            if kind == "int" and ordinal_kind(sublist[0]["block"]) == "bullet":
                # Bullets under a numbered recommendation: the next level of the same Word list.
                for child in sublist:
                    parts.append(w_paragraph(child["block"]["text"], "ListParagraph", (plan.integer_num, ilvl + 1)))
            else:
                parts.extend(docx_list(sublist, plan, child_ilvl))
    return parts


def docx_table(rows):
    grid = "".join('<w:gridCol w:w="4500"/>' for _ in rows[0])
    xml_rows = []
    for row in rows:
        cells = "".join(f'<w:tc><w:tcPr><w:tcW w:w="4500" w:type="dxa"/></w:tcPr>{w_paragraph(cell)}</w:tc>'
                        for cell in row)
        xml_rows.append(f"<w:tr>{cells}</w:tr>")
    return (f'<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr>'
            f'<w:tblGrid>{grid}</w:tblGrid>{"".join(xml_rows)}</w:tbl>')


DOCX_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}">
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:rPr><w:sz w:val="56"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:numPr><w:numId w:val="{HEADING_NUM}"/></w:numPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading4"><w:name w:val="heading 4"/><w:basedOn w:val="Heading3"/><w:pPr><w:outlineLvl w:val="3"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="720"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Footer"><w:name w:val="footer"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="CommentText"><w:name w:val="annotation text"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="character" w:styleId="CommentReference"><w:name w:val="annotation reference"/></w:style>
<w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>
<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/></w:style>
</w:styles>
"""


def render_docx(blocks, title, council, integer_format, bold_headings=False):
    plan = WordNumberingPlan(integer_format)
    body = docx_body(blocks, plan, bold_headings)
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                f'<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>{body}'
                f'<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader1"/>'
                f'<w:footerReference w:type="default" r:id="rIdFooter1"/>'
                f'<w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>')
    header = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:hdr xmlns:w="{W}">'
              f'<w:p><w:pPr><w:pStyle w:val="Header"/></w:pPr><w:r><w:t>{FURNITURE["header"]}</w:t></w:r></w:p></w:hdr>')
    footer = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr xmlns:w="{W}">'
              f'<w:p><w:pPr><w:pStyle w:val="Footer"/></w:pPr><w:r><w:t xml:space="preserve">{FURNITURE["footer"]} Page </w:t></w:r>'
              f'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
              f'<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r>'
              f'<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:ftr>')
    comments = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:comments xmlns:w="{W}">'
                f'<w:comment w:id="0" w:author="Reviewer" w:date="2022-08-01T09:00:00Z" w:initials="R">'
                f'<w:p><w:pPr><w:pStyle w:val="CommentText"/></w:pPr><w:r><w:t>{FURNITURE["comment"]}</w:t></w:r></w:p>'
                f'</w:comment></w:comments>')
    content_types = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/>
<Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/>
<Override PartName="/word/footer1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>
<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>
"""
    rels = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>
"""
    relationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    document_rels = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rIdStyles" Type="{relationship}/styles" Target="styles.xml"/>
<Relationship Id="rIdNumbering" Type="{relationship}/numbering" Target="numbering.xml"/>
<Relationship Id="rIdHeader1" Type="{relationship}/header" Target="header1.xml"/>
<Relationship Id="rIdFooter1" Type="{relationship}/footer" Target="footer1.xml"/>
<Relationship Id="rIdComments" Type="{relationship}/comments" Target="comments.xml"/>
</Relationships>
"""
    core = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{xml_escape(title)}</dc:title><dc:creator>{xml_escape(council)}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2022-01-01T00:00:00Z</dcterms:created></cp:coreProperties>
"""
    parts = [
        ("[Content_Types].xml", content_types), ("_rels/.rels", rels), ("docProps/core.xml", core),
        ("word/document.xml", document), ("word/styles.xml", DOCX_STYLES),
        ("word/numbering.xml", plan.numbering_xml()), ("word/header1.xml", header), ("word/footer1.xml", footer),
        ("word/comments.xml", comments), ("word/_rels/document.xml.rels", document_rels),
    ]
    return parts, plan.typed


# ---------------------------------------------------------------------------------------------
# ODT

ODF_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "svg": "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0",
}
ODF_DECLARATIONS = " ".join(f'xmlns:{prefix}="{uri}"' for prefix, uri in ODF_NS.items())


def odt_text(text):
    text = re.sub(r"(\w)'(\w)", "\\1\u2019\\2", text).replace(" - ", " \u2013 ")
    escaped = xml_escape(text)
    # Two spaces after the first full stop, written as ODF writes runs of spaces.
    return escaped.replace(". ", '. <text:s text:c="1"/>', 1)


class OutlinePlan:
    """Heading numbers through the outline style (numbered level-2 headings), checked against
    the original's ordinals; None where the number must be typed instead."""

    def __init__(self, numbered):
        self.numbered = numbered
        self.counters = [0] * 10

    def heading(self, level, ordinal):
        if not self.numbered or level != 2:
            return None
        if ordinal is None:
            return "header"  # text:is-list-header: numbering switched off for this heading
        if not ordinal.isdigit() or int(ordinal) != self.counters[1] + 1:
            return None
        self.counters[1] += 1
        return "numbered"


def odt_list(items, state, nested=False):
    kind = ordinal_kind(items[0]["block"])
    parts = []
    continues = False
    if kind == "int":
        first = int(items[0]["block"]["ordinal"])
        continues = state.get("next_int") == first
        style = "" if nested else ' text:style-name="LNumbered"'
        attributes = style + (' text:continue-numbering="true"' if continues else "")
    elif kind == "letter":
        first = letter_value(items[0]["block"]["ordinal"]) or 1
        continues = state.get("next_letter") == first
        attributes = ("" if nested else ' text:style-name="LLetter"') + (' text:continue-numbering="true"' if continues else "")
    elif kind == "dotted":
        attributes = "" if nested else ' text:style-name="LPlain"'
    else:
        attributes = "" if nested else ' text:style-name="LBullet"'
    parts.append(f"<text:list{attributes}>")
    previous = None
    for index, item in enumerate(items):
        block = item["block"]
        start = ""
        if kind == "int":
            value = int(block["ordinal"])
            expected = (state["next_int"] if continues else 1) if previous is None else previous + 1
            if value != expected:
                start = f' text:start-value="{value}"'
            previous = value
            state["next_int"] = value + 1
            text = odt_text(block["text"])
        elif kind == "letter" and letter_value(block["ordinal"]):
            value = letter_value(block["ordinal"])
            expected = (state["next_letter"] if continues else 1) if previous is None else previous + 1
            if value != expected:
                start = f' text:start-value="{value}"'
            previous = value
            state["next_letter"] = value + 1
            text = odt_text(block["text"])
        elif kind in ("dotted", "letter"):
            text = odt_text(typed_item(block))
        else:
            text = odt_text(block["text"])
        parts.append(f'<text:list-item{start}><text:p text:style-name="PList">{text}</text:p>')
        for sublist in split_by_kind(item["children"]):
            parts.extend(odt_list(sublist, state, nested=True))
        parts.append("</text:list-item>")
    parts.append("</text:list>")
    return parts


def odt_table(rows, index):
    columns = len(rows[0])
    xml_rows = []
    for number, row in enumerate(rows):
        cells = "".join(
            f'<table:table-cell office:value-type="string"><text:p>{odt_text(cell)}</text:p></table:table-cell>'
            if cell else "<table:table-cell/>" for cell in row)
        xml_row = f"<table:table-row>{cells}</table:table-row>"
        if number == 0 and len(rows) > 2:
            xml_row = f"<table:table-header-rows>{xml_row}</table:table-header-rows>"
        xml_rows.append(xml_row)
    return (f'<table:table table:name="Table{index}"><table:table-column table:number-columns-repeated="{columns}"/>'
            f'{"".join(xml_rows)}</table:table>')


def odt_content(blocks, outline_numbered):
    parts = []
    outline = OutlinePlan(outline_numbered)
    state = {}
    tables = 0
    comment_placed = False
    deletion_placed = False
    for kind, value in group(blocks):
        if kind == "heading":
            level = value["level"]
            plan = outline.heading(level, value.get("ordinal"))
            attributes = f'text:style-name="Heading_20_{level}" text:outline-level="{level}"'
            if plan == "header":
                parts.append(f'<text:h {attributes} text:is-list-header="true">{odt_text(value["text"])}</text:h>')
            elif plan == "numbered":
                parts.append(f'<text:h {attributes}>{odt_text(value["text"])}</text:h>')
            else:
                parts.append(f'<text:h {attributes}>{odt_text(typed_heading(value))}</text:h>')
        elif kind == "paragraph":
            text = odt_text(value["text"])
            if not comment_placed and len(value["text"]) > 80:
                comment_placed = True
                text = (f'<office:annotation><dc:creator>Reviewer</dc:creator><dc:date>2022-08-01T09:00:00</dc:date>'
                        f'<text:p>{FURNITURE["comment"]}</text:p></office:annotation>{text}')
            elif not deletion_placed and len(value["text"]) > 80:
                deletion_placed = True
                text = f'{text}<text:change text:change-id="ct1"/>'
            parts.append(f'<text:p text:style-name="Standard">{text}</text:p>')
            parts.append("<text:soft-page-break/>" if len(parts) % 7 == 0 else "")
        elif kind == "table":
            tables += 1
            parts.append(odt_table(value, tables))
        else:
            parts.extend(odt_list(value, state))
    tracked = (f'<text:tracked-changes><text:changed-region xml:id="ct1" text:id="ct1"><text:deletion>'
               f'<office:change-info><dc:creator>Editor</dc:creator><dc:date>2022-08-01T10:00:00</dc:date></office:change-info>'
               f'<text:p>{FURNITURE["deleted"]}</text:p></text:deletion></text:changed-region></text:tracked-changes>')
    list_styles = """<text:list-style style:name="LNumbered">
<text:list-level-style-number text:level="1" style:num-suffix="{suffix}" style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"/></text:list-level-style-number>
<text:list-level-style-bullet text:level="2" text:bullet-char="\u2022"><style:list-level-properties/></text:list-level-style-bullet>
<text:list-level-style-bullet text:level="3" text:bullet-char="\u25e6"><style:list-level-properties/></text:list-level-style-bullet>
</text:list-style>
<text:list-style style:name="LBullet">
<text:list-level-style-bullet text:level="1" text:bullet-char="\u2022"><style:list-level-properties/></text:list-level-style-bullet>
<text:list-level-style-bullet text:level="2" text:bullet-char="\u25e6"><style:list-level-properties/></text:list-level-style-bullet>
</text:list-style>
<text:list-style style:name="LLetter">
<text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="a"><style:list-level-properties/></text:list-level-style-number>
</text:list-style>
<text:list-style style:name="LPlain">
<text:list-level-style-number text:level="1" style:num-format=""><style:list-level-properties/></text:list-level-style-number>
<text:list-level-style-bullet text:level="2" text:bullet-char="\u2013"><style:list-level-properties/></text:list-level-style-bullet>
</text:list-style>"""
    return parts, tracked, list_styles


def render_odt(blocks, title, council, integer_suffix, outline_numbered):
    parts, tracked, list_styles = odt_content(blocks, outline_numbered)
    content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODF_DECLARATIONS} office:version="1.3">'
               f'<office:automatic-styles>{list_styles.replace("{suffix}", integer_suffix)}'
               f'<style:style style:name="PList" style:family="paragraph" style:parent-style-name="Standard"/>'
               f'</office:automatic-styles><office:body><office:text>{tracked}'
               f'<text:sequence-decls><text:sequence-decl text:display-outline-level="0" text:name="Table"/></text:sequence-decls>'
               f'{"".join(parts)}</office:text></office:body></office:document-content>')
    outline_levels = []
    for level in range(1, 11):
        number_format = "1" if outline_numbered and level == 2 else ""
        suffix = ' style:num-suffix="."' if number_format else ""
        outline_levels.append(f'<text:outline-level-style text:level="{level}" style:num-format="{number_format}"{suffix}/>')
    heading_styles = "".join(
        f'<style:style style:name="Heading_20_{level}" style:display-name="Heading {level}" style:family="paragraph" '
        f'style:parent-style-name="Heading" style:default-outline-level="{level}"/>' for level in range(1, 7))
    styles = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles {ODF_DECLARATIONS} office:version="1.3">'
              f'<office:styles><style:style style:name="Standard" style:family="paragraph"/>'
              f'<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"/>'
              f'{heading_styles}<text:outline-style style:name="Outline">{"".join(outline_levels)}</text:outline-style>'
              f'</office:styles><office:automatic-styles><style:page-layout style:name="pm1"/></office:automatic-styles>'
              f'<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="pm1">'
              f'<style:header><text:p>{FURNITURE["header"]}</text:p></style:header>'
              f'<style:footer><text:p>{FURNITURE["footer"]} <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>'
              f'</style:master-page></office:master-styles></office:document-styles>')
    meta = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta {ODF_DECLARATIONS} office:version="1.3">'
            f'<office:meta><dc:title>{xml_escape(title)}</dc:title><meta:initial-creator>{xml_escape(council)}</meta:initial-creator>'
            f'</office:meta></office:document-meta>')
    manifest = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
<manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""
    return [("content.xml", content), ("styles.xml", styles), ("meta.xml", meta), ("META-INF/manifest.xml", manifest)]


# ---------------------------------------------------------------------------------------------


def write_zip(path, parts, mimetype=None):
    with zipfile.ZipFile(path, "w") as archive:
        if mimetype:
            info = zipfile.ZipInfo("mimetype", date_time=(2024, 1, 1, 0, 0, 0))
            archive.writestr(info, mimetype, compress_type=zipfile.ZIP_STORED)
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            archive.writestr(info, text.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--scrutiny", default=str(ROOT / ".build" / "debug" / "scrutiny"))
    arguments = parser.parse_args()
    for name, (council, charset, bold_headings) in VERSIONS.items():
        source = DOCUMENTS / name
        blocks, _ = read_blocks(arguments.scrutiny, source)
        title = title_from_manifest(name)
        stem = source.stem
        integer_markers = [b["marker"] for b in blocks if b["kind"] == "listItem" and ordinal_kind(b) == "int"]
        parenthesis = sum(m.endswith(")") for m in integer_markers) > len(integer_markers) / 2
        (DOCUMENTS / f"{stem}.html").write_bytes(render_html(blocks, title, council, charset, bold_headings))
        parts, typed = render_docx(blocks, title, council, "%1)" if parenthesis else "%1.", bold_headings)
        write_zip(DOCUMENTS / f"{stem}.docx", parts)
        write_zip(DOCUMENTS / f"{stem}.odt",
                  render_odt(blocks, title, council, ")" if parenthesis else ".", outline_numbered=charset == "utf-8"),
                  mimetype="application/vnd.oasis.opendocument.text")
        print(f"{stem}: html, docx ({typed} numbers typed where Word's counters would differ), odt", file=sys.stderr)


if __name__ == "__main__":
    main()
