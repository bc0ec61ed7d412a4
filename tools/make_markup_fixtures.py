#!/usr/bin/env python3
"""Generate the DOCX, ODT and HTML test fixtures in Tests/ScrutinyKitTests/Fixtures/markup/.

Two kinds:
- Malicious or broken files that the readers must refuse or neutralise: an external entity
  pointing at /etc/passwd (DOCX, ODT, HTML), "billion laughs" entity bombs (DOCX, ODT, HTML), zip
  bombs (a part with a huge expansion ratio, a part whose header lies about its size, a part
  declared at 4 GB), a DOCX without word/document.xml, a DOCX whose document.xml is not XML,
  truncated archives.
- Small hand-made documents exercising one feature set each (word-features.docx,
  odf-features.odt), whose expected blocks the tests spell out.

Run from the package root:
    python3 tools/make_markup_fixtures.py
Needs only the Python 3 standard library. The outputs are committed; re-generate only on
purpose and review the diff.
"""

import struct
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "ScrutinyKitTests" / "Fixtures" / "markup"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
ODF = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/"')
XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
CONTENT_TYPES = (XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                 '<Default Extension="xml" ContentType="application/xml"/>'
                 '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
                 'officedocument.wordprocessingml.document.main+xml"/></Types>')
ODT_MIMETYPE = "application/vnd.oasis.opendocument.text"

XXE = '<!DOCTYPE doc [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
LAUGHS = ('<!DOCTYPE doc [\n<!ENTITY lol "lol">\n'
          + "".join(f'<!ENTITY lol{n} "{("&lol" + (str(n - 1) if n > 1 else "") + ";") * 10}">\n' for n in range(1, 10))
          + "]>\n")


def write_zip(name, parts, mimetype=None):
    path = OUT / name
    with zipfile.ZipFile(path, "w") as archive:
        if mimetype:
            archive.writestr(zipfile.ZipInfo("mimetype", (2024, 1, 1, 0, 0, 0)), mimetype,
                             compress_type=zipfile.ZIP_STORED)
        for part, data in parts:
            info = zipfile.ZipInfo(part, (2024, 1, 1, 0, 0, 0))
            archive.writestr(info, data.encode("utf-8") if isinstance(data, str) else data,
                             compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return path


def docx(body, styles=None, numbering=None, extra=()):
    parts = [("[Content_Types].xml", CONTENT_TYPES),
             ("word/document.xml", XML_HEAD + f'<w:document xmlns:w="{W}" xmlns:r="{R}" '
              f'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>{body}</w:body></w:document>')]
    if styles:
        parts.append(("word/styles.xml", XML_HEAD + f'<w:styles xmlns:w="{W}">{styles}</w:styles>'))
    if numbering:
        parts.append(("word/numbering.xml", XML_HEAD + f'<w:numbering xmlns:w="{W}">{numbering}</w:numbering>'))
    return parts + list(extra)


def p(text, style=None, num=None, ilvl=0, outline=None):
    props = ""
    if style:
        props += f'<w:pStyle w:val="{style}"/>'
    if num is not None:
        props += f'<w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num}"/></w:numPr>'
    if outline is not None:
        props += f'<w:outlineLvl w:val="{outline}"/>'
    return f'<w:p>{"<w:pPr>" + props + "</w:pPr>" if props else ""}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


def patch_sizes(path, part, size):
    """Rewrites the uncompressed size that the local header and the central directory declare for `part`."""
    data = bytearray(path.read_bytes())
    name = part.encode()
    local = data.find(b"PK\x03\x04" + b"")
    while local != -1:
        name_length = struct.unpack_from("<H", data, local + 26)[0]
        if data[local + 30:local + 30 + name_length] == name:
            struct.pack_into("<I", data, local + 22, size)
        local = data.find(b"PK\x03\x04", local + 4)
    central = data.find(b"PK\x01\x02")
    while central != -1:
        name_length = struct.unpack_from("<H", data, central + 28)[0]
        if data[central + 46:central + 46 + name_length] == name:
            struct.pack_into("<I", data, central + 24, size)
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


# ---------------------------------------------------------------------------------------------
# Malicious and broken files


def malicious():
    text_run = '<w:p><w:r><w:t>Before &xxe; after</w:t></w:r></w:p>'
    write_zip("xxe.docx", [("[Content_Types].xml", CONTENT_TYPES),
                           ("word/document.xml", '<?xml version="1.0"?>\n' + XXE +
                            f'<w:document xmlns:w="{W}"><w:body>{text_run}</w:body></w:document>')])
    write_zip("xxe.odt", [("content.xml", '<?xml version="1.0"?>\n' + XXE +
                           f'<office:document-content {ODF}><office:body><office:text>'
                           '<text:p>Before &xxe; after</text:p></office:text></office:body></office:document-content>')],
              mimetype=ODT_MIMETYPE)
    (OUT / "xxe.html").write_text('<!DOCTYPE html [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
                                  '<html><body><h1>Report</h1><p>Before &xxe; after</p></body></html>\n')

    write_zip("billion-laughs.docx", [("[Content_Types].xml", CONTENT_TYPES),
                                      ("word/document.xml", '<?xml version="1.0"?>\n' + LAUGHS +
                                       f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
                                       '</w:body></w:document>')])
    write_zip("billion-laughs.odt", [("content.xml", '<?xml version="1.0"?>\n' + LAUGHS +
                                      f'<office:document-content {ODF}><office:body><office:text>'
                                      '<text:p>&lol9;</text:p></office:text></office:body></office:document-content>')],
              mimetype=ODT_MIMETYPE)
    (OUT / "billion-laughs.html").write_text("<!DOCTYPE html " + LAUGHS[len("<!DOCTYPE doc "):] +
                                             "<html><body><h1>Laughs</h1><p>&lol9;</p></body></html>\n")

    # A zip bomb: 40 MB of document.xml in about 40 KB (a ratio near 1000:1).
    padding = " " * (40 << 20)
    bomb = XML_HEAD + f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>{padding}</w:body></w:document>'
    write_zip("zip-bomb.docx", [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", bomb)])
    content_bomb = (f'<?xml version="1.0"?>\n<office:document-content {ODF}><office:body><office:text>'
                    f'<text:p>x</text:p>{padding}</office:text></office:body></office:document-content>')
    write_zip("zip-bomb.odt", [("content.xml", content_bomb)], mimetype=ODT_MIMETYPE)

    # A part whose headers say 1,000 bytes while it inflates to 5 MB.
    lying = XML_HEAD + f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p>{" " * (5 << 20)}</w:body></w:document>'
    path = write_zip("lying-size.docx", [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", lying)])
    patch_sizes(path, "word/document.xml", 1000)

    # A part declared at 4 GB.
    path = write_zip("huge-declared.docx", docx(p("Small in truth.")))
    patch_sizes(path, "word/document.xml", 0xFFFF_FFF0)

    write_zip("missing-document.docx", [("[Content_Types].xml", CONTENT_TYPES),
                                        ("word/styles.xml", XML_HEAD + f'<w:styles xmlns:w="{W}"/>')])
    write_zip("empty-part.docx", [("[Content_Types].xml", CONTENT_TYPES), ("word/document.xml", "")])
    write_zip("not-xml.docx", [("[Content_Types].xml", CONTENT_TYPES),
                               ("word/document.xml", "<w:document><w:body><w:p>unclosed")])
    whole = write_zip("truncated.docx", docx(p("A paragraph that will be cut off.") * 40)).read_bytes()
    (OUT / "truncated.docx").write_bytes(whole[: len(whole) // 2])
    whole = write_zip("truncated.odt", [("content.xml", f'<office:document-content {ODF}><office:body><office:text>'
                                                       + "<text:p>Cut off.</text:p>" * 200 +
                                                       "</office:text></office:body></office:document-content>")],
                      mimetype=ODT_MIMETYPE).read_bytes()
    (OUT / "truncated.odt").write_bytes(whole[: len(whole) // 2])
    # Well-formed but invalid: libxml2 reports the xml:id that is not a name on its own channel.
    write_zip("invalid-id.odt", [("content.xml", f'<office:document-content {ODF}><office:body><office:text>'
                                                 '<text:list xml:id="0"><text:list-item><text:p>Item</text:p></text:list-item>'
                                                 '</text:list></office:text></office:body></office:document-content>')],
              mimetype=ODT_MIMETYPE)
    write_zip("no-content.odt", [("styles.xml", f'<office:document-styles {ODF}/>')], mimetype=ODT_MIMETYPE)


# ---------------------------------------------------------------------------------------------
# Feature fixtures


def word_features():
    styles = """
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="Ttulo2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Berschrift"><w:name w:val="Section Heading"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="2"/></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="RecHeading"><w:name w:val="Recommendation Heading"/><w:basedOn w:val="Berschrift"/></w:style>
<w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered Para"/><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
<w:style w:type="paragraph" w:styleId="TOC1"><w:name w:val="toc 1"/><w:basedOn w:val="Normal"/></w:style>
"""
    numbering = """
<w:abstractNum w:abstractNumId="10">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%2)"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="11">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:isLgl/><w:lvlText w:val="%1.%2"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="12">
  <w:lvl w:ilvl="0"><w:start w:val="5"/><w:numFmt w:val="decimal"/><w:pStyle w:val="Numbered"/><w:lvlText w:val="%1"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="13">
  <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0a7"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl>
  <w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="\u2013"/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="14">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="none"/><w:lvlText w:val=""/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="11"/></w:num>
<w:num w:numId="3"><w:abstractNumId w:val="12"/></w:num>
<w:num w:numId="4"><w:abstractNumId w:val="13"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
<w:num w:numId="6"><w:abstractNumId w:val="10"/></w:num>
<w:num w:numId="7"><w:abstractNumId w:val="14"/></w:num>
"""
    toc = ('<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/></w:docPartObj></w:sdtPr>'
           '<w:sdtContent>' + p("Contents entry in a content control", "TOC1") + '</w:sdtContent></w:sdt>')
    body = "".join([
        p("Report on features", "Heading1"),
        p("Contents entry by style", "TOC1"),
        toc,
        p("Localised heading style", "Ttulo2"),
        p("Direct outline level", None, outline=3),
        p("Inherited outline level", "RecHeading"),
        p("First lettered item", None, 1),
        p("Second lettered item", None, 1),
        p("Roman sub item", None, 1, 1),
        p("Third lettered item continues", None, 1),
        p("Continues through a second num", None, 6),
        p("Restarted by a start override", None, 5),
        p("Upper roman one", None, 2),
        p("Legal numbering shows decimals", None, 2, 1),
        p("Upper roman two", None, 2),
        p("Legal again", None, 2, 1),
        p("Level three never restarts", None, 2, 2),
        p("Style numbered paragraph starting at five", "Numbered"),
        p("Style numbered paragraph six", "Numbered"),
        '<w:p><w:pPr><w:pStyle w:val="Numbered"/><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr>'
        '<w:r><w:t>Numbering switched off</w:t></w:r></w:p>',
        p("Wingdings bullet", None, 4),
        p("Dash bullet", None, 4, 1),
        p("(c) Typed marker in an unnumbered level", None, 7),
        p("2.5 Typed number in a plain paragraph"),
        # Bold lines standing for headings, and a bold sentence that stays a paragraph.
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Bold </w:t></w:r>'
        '<w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>Recommendations</w:t></w:r></w:p>',
        '<w:p><w:r><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>NEXT STEPS</w:t></w:r></w:p>',
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>A bold sentence is still a paragraph.</w:t></w:r></w:p>',
        '<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Partly bold </w:t></w:r><w:r><w:t>line</w:t></w:r></w:p>',
        # Runs, hidden text, deletions, insertions, fields, symbols, tabs, hyperlinks, smart tags, text boxes.
        '<w:p><w:r><w:t xml:space="preserve">Visible </w:t></w:r>'
        '<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>'
        '<w:del w:id="1" w:author="A"><w:r><w:delText>DELETED</w:delText></w:r></w:del>'
        '<w:ins w:id="2" w:author="A"><w:r><w:t xml:space="preserve">inserted </w:t></w:r></w:ins>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.org/FIELDCODE" </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>result</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:r><w:tab/><w:t>after</w:t><w:br/><w:t>tab</w:t></w:r>'
        '<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> linked</w:t></w:r></w:hyperlink>'
        '<w:smartTag w:uri="x" w:element="place"><w:r><w:t xml:space="preserve"> Kestlebury</w:t></w:r></w:smartTag>'
        '<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>TEXTBOX</w:t></w:r></w:p>'
        '</w:txbxContent></w:drawing></mc:Choice></mc:AlternateContent></w:r>'
        '<w:commentRangeStart w:id="0"/><w:r><w:commentReference w:id="0"/></w:r>'
        '<w:r><w:noBreakHyphen/><w:t>end</w:t></w:r></w:p>',
        '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell one</w:t></w:r></w:p><w:p><w:r><w:t>second paragraph</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:p/></w:tc><w:tc><w:tbl><w:tr><w:tc><w:p><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc></w:tr>'
        '<w:tr><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>',
        '<w:sdt><w:sdtPr/><w:sdtContent>' + p("Inside a content control") + '</w:sdtContent></w:sdt>',
        '<w:sectPr/>',
    ])
    write_zip("word-features.docx", docx(body, styles, numbering))


def odf_features():
    content = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {ODF} office:version="1.3">
<office:automatic-styles>
  <text:list-style style:name="LA">
    <text:list-level-style-number text:level="1" style:num-prefix="(" style:num-suffix=")" style:num-format="a"/>
    <text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1" text:display-levels="2"/>
    <text:list-level-style-bullet text:level="3" text:bullet-char="\u25aa"/>
  </text:list-style>
  <text:list-style style:name="LR">
    <text:list-level-style-number text:level="1" style:num-suffix="." style:num-format="i" text:start-value="3"/>
  </text:list-style>
  <style:style style:name="PNum" style:family="paragraph" style:list-style-name="LR"/>
  <style:style style:name="PNumChild" style:family="paragraph" style:parent-style-name="PNum"/>
</office:automatic-styles>
<office:body><office:text>
  <text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>DELETED</text:p></text:deletion></text:changed-region></text:tracked-changes>
  <text:table-of-content><text:index-body><text:p>CONTENTS ENTRY</text:p></text:index-body></text:table-of-content>
  <text:h text:outline-level="1">Report on features</text:h>
  <text:h text:outline-level="2">Numbered by the outline</text:h>
  <text:h text:outline-level="2" text:is-list-header="true">Not numbered</text:h>
  <text:h text:outline-level="2">Second numbered</text:h>
  <text:h text:outline-level="3">Third level shows two numbers</text:h>
  <text:h text:outline-level="2"><text:number>7.</text:number>Cached number wins</text:h>
  <text:p>Before<text:s text:c="3"/>spaces<text:tab/>tab<text:line-break/>break <text:span>span</text:span> <text:a xlink:href="x" xmlns:xlink="http://www.w3.org/1999/xlink">link</text:a><text:note text:note-class="footnote"><text:note-citation>1</text:note-citation><text:note-body><text:p>FOOTNOTE</text:p></text:note-body></text:note><office:annotation><dc:creator>R</dc:creator><text:p>COMMENT</text:p></office:annotation> end<text:change text:change-id="c1"/><draw:frame><draw:text-box><text:p>TEXTBOX</text:p></draw:text-box></draw:frame></text:p>
  <text:list text:style-name="LA" xml:id="list1">
    <text:list-item><text:p>First lettered</text:p>
      <text:list><text:list-item><text:p>Two levels shown</text:p></text:list-item>
        <text:list-item><text:p>Second of two</text:p>
          <text:list><text:list-item><text:p>Square bullet</text:p></text:list-item></text:list>
        </text:list-item>
      </text:list>
    </text:list-item>
    <text:list-item><text:p>Second lettered</text:p></text:list-item>
  </text:list>
  <text:p>Interrupting paragraph.</text:p>
  <text:list text:style-name="LA" text:continue-numbering="true">
    <text:list-item><text:p>Third lettered continues</text:p></text:list-item>
  </text:list>
  <text:list text:style-name="LA">
    <text:list-item text:start-value="5"><text:p>Fifth lettered by start value</text:p></text:list-item>
  </text:list>
  <text:list text:style-name="LA" text:continue-list="list1">
    <text:list-item><text:p>Fourth continues list one</text:p></text:list-item>
  </text:list>
  <text:list>
    <text:list-item><text:p text:style-name="PNumChild">Roman from a paragraph style</text:p></text:list-item>
    <text:list-header><text:p text:style-name="PNumChild">A list header has no number</text:p></text:list-header>
  </text:list>
  <text:section text:name="S1"><text:p>(b) Typed marker inside a section</text:p></text:section>
  <table:table table:name="T1">
    <table:table-column table:number-columns-repeated="3"/>
    <table:table-header-rows><table:table-row><table:table-cell><text:p>Area</text:p></table:table-cell><table:table-cell><text:p>Rating</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2"/></table:table-row></table:table-header-rows>
    <table:table-row><table:table-cell><text:p>Leadership</text:p><text:p>and accountability</text:p></table:table-cell><table:covered-table-cell/><table:table-cell><text:p>Amber</text:p></table:table-cell></table:table-row>
  </table:table>
</office:text></office:body></office:document-content>
"""
    styles = f"""<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {ODF} office:version="1.3"><office:styles>
  <text:outline-style style:name="Outline">
    <text:outline-level-style text:level="1" style:num-format=""/>
    <text:outline-level-style text:level="2" style:num-format="1" style:num-suffix="."/>
    <text:outline-level-style text:level="3" style:num-format="1" text:display-levels="2"/>
  </text:outline-style>
</office:styles>
<office:master-styles><style:master-page style:name="Standard"><style:header><text:p>PAGEHEADER</text:p></style:header></style:master-page></office:master-styles>
</office:document-styles>
"""
    write_zip("odf-features.odt", [("content.xml", content), ("styles.xml", styles)], mimetype=ODT_MIMETYPE)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    malicious()
    word_features()
    odf_features()
    for path in sorted(OUT.iterdir()):
        print(f"{path.name}: {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
