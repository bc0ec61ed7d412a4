#!/usr/bin/env python3
"""Generates the small regression fixtures of the hostile-input campaign (issue 18) into
Tests/ScrutinyKitTests/Fixtures/hostile/, for the cases no other fixture covers; HostileFixturesTests
says what scrutiny must do with each. Built with tools/make_hostile_campaign.py's builders, at the
smallest size that still shows the case. Run from anywhere; the outputs are committed, so re-generate
only on purpose and review the diff.

- deep-tables.docx, deep-lists.odt: XML parts nested 300 levels (libxml2 stops at 256).
- letters-million.docx, letters-million.odt: lists lettered from 1,000,000, nine or ten levels
  deep (each marker would be tens of thousands of letters without the cap).
- lying-size.odt: a part whose zip headers declare 1,000 bytes and which expands to 2 MB.
- deep-array.pdf: a PDF object of arrays nested 20,000 deep.
- flate-bomb.pdf: a page whose content stream expands from 20 KB to 20 MB of spaces.
- utf16-no-bom.html: a page in UTF-16LE without a byte-order mark.
- traversal.docx: a part named ../../etc/evil.xml beside a readable document.
"""
import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_hostile_campaign import ROOT, docx, minimal_pdf, odt, paragraph, zipped  # noqa: E402

OUT = os.path.join(ROOT, "Tests", "ScrutinyKitTests", "Fixtures", "hostile")


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as handle:
        handle.write(data)


def main():
    os.makedirs(OUT, exist_ok=True)
    depth = 300
    write("deep-tables.docx", docx(b"<w:tbl><w:tr><w:tc>" * depth + paragraph(b"The board should act.")
                                   + b"</w:tc></w:tr></w:tbl>" * depth))
    write("deep-lists.odt", odt(b"<text:list><text:list-item>" * depth + b"<text:p>The board should act.</text:p>"
                                + b"</text:list-item></text:list>" * depth))
    numbering = (b'<w:abstractNum w:abstractNumId="0">' + b"".join(
        b'<w:lvl w:ilvl="%d"><w:start w:val="1000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%s"/></w:lvl>'
        % (level, "".join(f"%{n + 1}." for n in range(level + 1)).encode()) for level in range(9))
        + b'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = b"".join(b'<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr>'
                    b'<w:r><w:t>Item %d</w:t></w:r></w:p>' % (i % 9, i) for i in range(90))
    write("letters-million.docx", docx(body, numbering))
    styles = (b'<text:list-style style:name="L1" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">' + b"".join(
        b'<text:list-level-style-number text:level="%d" style:num-format="a" text:start-value="1000000" '
        b'text:display-levels="10"/>' % level for level in range(1, 11)) + b"</text:list-style>")
    nested = b""
    for level in range(10, 0, -1):
        nested = (b"<text:list-item><text:p>Level %d</text:p>" % level
                  + (b"<text:list>" + nested + b"</text:list>" if nested else b"") + b"</text:list-item>")
    write("letters-million.odt", odt(b'<text:list text:style-name="L1">' + nested * 3 + b"</text:list>", styles))
    lying = bytearray(zipped([("mimetype", b"application/vnd.oasis.opendocument.text"),
                              ("content.xml", b"<a>" + b"x" * (2 << 20) + b"</a>")]))
    # Declare 1,000 bytes for content.xml in its local header and in the central directory.
    local = lying.find(b"PK\x03\x04", lying.find(b"content.xml") - 40)
    central = lying.find(b"PK\x01\x02", lying.find(b"PK\x01\x02") + 4)
    lying[local + 22: local + 26] = (1000).to_bytes(4, "little")
    lying[central + 24: central + 28] = (1000).to_bytes(4, "little")
    write("lying-size.odt", bytes(lying))
    write("deep-array.pdf", b"%PDF-1.4\n1 0 obj\n" + b"[" * 20000 + b"]" * 20000
          + b"\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n")
    write("flate-bomb.pdf", minimal_pdf(b"/Filter /FlateDecode", zlib.compress(b" " * (20 << 20), 9)))
    write("utf16-no-bom.html", "<html><head><title>t</title></head><body><p>The board should act.</p></body></html>"
          .encode("utf-16-le"))
    write("traversal.docx", docx(paragraph(b"The board should act."), extra=[("../../etc/evil.xml", b"<x/>")]))


if __name__ == "__main__":
    main()
