#!/usr/bin/env python3
"""Generates the files of the hostile-input campaign (issue 18), driven by tools/hostile_campaign.sh.

    make_hostile_campaign.py OUT [REAL_PDF_FOLDER]

Writes OUT/good/ (unchanged copies of the corpus documents, the markup fixtures that read cleanly
and the real PDFs) and OUT/bad/ (malformed files: truncations and byte flips of every good file,
flips and cuts inside the XML parts of each DOCX and ODT, hostile office files, deep nesting,
blow-ups, odd encodings, special paths and the hostile fixtures already in Tests/). OUT/cases.tsv
lists each file with its kind. Deterministic: the same sources give the same files.

Generation only: nothing here runs at test time, and the checks are made by the shell script.
"""
import io
import os
import random
import shutil
import struct
import sys
import zipfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Set by main(); tools/make_hostile_fixtures.py imports the builders below without them.
OUT = REAL = GOOD = BAD = None
EXTENSIONS = (".pdf", ".html", ".htm", ".docx", ".odt", ".txt", ".md")
# Fixtures that are hostile on purpose: they go to bad/ as they are.
HOSTILE_FIXTURES = {"billion-laughs", "empty-part", "huge-declared", "invalid-id", "lying-size", "missing-document",
                    "no-content", "not-xml", "truncated", "xxe", "zip-bomb", "corrupt", "encrypted", "scan"}
cases = []
counter = [0]


def add(kind, name, data, folder=None):
    folder = folder or BAD
    counter[0] += 1
    path = os.path.join(folder, f"{counter[0]:04d}-{kind}-{name}" if folder == BAD else name)
    with open(path, "wb") as handle:
        handle.write(data)
    cases.append((os.path.relpath(path, OUT), kind))
    return path


def sources():
    found = []
    for folder in ("corpus/documents", "Tests/ScrutinyKitTests/Fixtures/markup", "Tests/ScrutinyKitTests/Fixtures/pdf"):
        for name in sorted(os.listdir(os.path.join(ROOT, folder))):
            if name.endswith(EXTENSIONS):
                found.append(os.path.join(ROOT, folder, name))
    if os.path.isdir(REAL):
        found += [os.path.join(REAL, name) for name in sorted(os.listdir(REAL)) if name.endswith(".pdf")]
    return found


def truncations(name, data, rng):
    for fraction in (0.01, 0.05, 0.1, 0.25, 0.33, 0.5, 0.66, 0.75, 0.9, 0.99):
        add(f"cut{int(fraction * 100):02d}", name, data[: int(len(data) * fraction)])
    add("cutlast", name, data[:-1])
    add("cutrand", name, data[: rng.randrange(1, max(2, len(data)))])


def flips(name, data, rng):
    for count in (1, 1, 1, 10, 100, 1000):
        mutated = bytearray(data)
        for _ in range(min(count, len(mutated))):
            at = rng.randrange(len(mutated))
            mutated[at] ^= 1 << rng.randrange(8)
        add(f"flip{count}", name, bytes(mutated))
    mutated = bytearray(data)
    for _ in range(20):
        at = rng.randrange(len(mutated))
        mutated[at] = rng.choice(b"\x00\xff<>&%\r\n\x81\x8d\x8f\x90\x9d")
    add("bytes", name, bytes(mutated))
    at = rng.randrange(len(data))
    add("zeroblock", name, data[:at] + bytes(min(4096, len(data) - at)) + data[at + 4096:])
    at = rng.randrange(len(data))
    add("repeat", name, data[:at] + data[at:at + 8192] * 8 + data[at:])
    at = rng.randrange(len(data))
    add("junk", name, data[:at] + bytes(rng.randrange(256) for _ in range(512)) + data[at:])


def zipped(entries, compression=zipfile.ZIP_DEFLATED):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for entry, content in entries:
            archive.writestr(entry, content)
    return buffer.getvalue()


def inner_mutations(name, data, rng):
    """Cuts and flips inside the XML parts of an office archive, rezipped so the mutations reach the XML."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = [(info.filename, archive.read(info.filename)) for info in archive.infolist()]
    except Exception:
        return
    main = "word/document.xml" if name.endswith(".docx") else "content.xml"
    for variant in range(8):
        rebuilt = []
        for entry, content in entries:
            if entry.endswith(".xml") and (entry == main or variant >= 6):
                content = bytearray(content)
                if variant in (0, 1, 6):
                    content = content[: rng.randrange(1, max(2, len(content)))]
                else:
                    for _ in range(10 ** (variant % 3)):
                        at = rng.randrange(len(content))
                        content[at] = rng.choice(b"<>/&\"' \x00\xff\x80=")
                content = bytes(content)
            rebuilt.append((entry, content))
        add(f"part{variant}", name, zipped(rebuilt))
    add("nomain", name, zipped([(entry, content) for entry, content in entries if entry != main]))
    add("stored", name, zipped(entries, zipfile.ZIP_STORED))


def docx(body, numbering=None, extra=()):
    content_types = (b'<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                     b'<Default Extension="xml" ContentType="application/xml"/></Types>')
    document = (b'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
                b'wordprocessingml/2006/main"><w:body>' + body + b'</w:body></w:document>')
    entries = [("[Content_Types].xml", content_types), ("word/document.xml", document)]
    if numbering is not None:
        entries.append(("word/numbering.xml", b'<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/'
                        b'wordprocessingml/2006/main">' + numbering + b'</w:numbering>'))
    return zipped(entries + list(extra))


def odt(body, styles=b""):
    office = b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    content = (b'<?xml version="1.0" encoding="UTF-8"?><office:document-content ' + office + b'><office:automatic-styles>'
               + styles + b'</office:automatic-styles><office:body><office:text>' + body
               + b'</office:text></office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def paragraph(text):
    return b"<w:p><w:r><w:t>" + text + b"</w:t></w:r></w:p>"


def hostile():
    """Files built to cost far more than their size, or to break a reader."""
    should = b"The partnership should review its audit programme and the board must publish its findings. "
    page = lambda body: b"<html><head><title>t</title></head><body>" + body + b"</body></html>"
    # Deep nesting.
    for depth in (255, 300, 5000, 100000):
        add("deep", f"divs-{depth}.html", page(b"<div>" * depth + b"<p>The board should act.</p>" + b"</div>" * depth))
        add("deep", f"lists-{depth}.html", page(b"<ol><li>" * depth + b"x" + b"</li></ol>" * depth))
        add("deep", f"docx-{depth}.docx", docx(b"<w:tbl><w:tr><w:tc>" * min(depth, 20000) + paragraph(b"The board should act.")
                                               + b"</w:tc></w:tr></w:tbl>" * min(depth, 20000)))
        add("deep", f"odt-{depth}.odt", odt(b"<text:list><text:list-item>" * min(depth, 20000) + b"<text:p>x</text:p>"
                                            + b"</text:list-item></text:list>" * min(depth, 20000)))
    # Counters near a million in letters, repeated per level and item (the 77 MB page of the issue).
    items = b"".join(b'<li>Item %d<ol type="a" start="1000000"><li>x</li><li>y</li></ol></li>' % i for i in range(2000))
    add("blowup", "letters.html", page(b'<ol type="A" start="999999">' + items + b"</ol>"))
    numbering = (b'<w:abstractNum w:abstractNumId="0">' + b"".join(
        b'<w:lvl w:ilvl="%d"><w:start w:val="1000000"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%s"/></w:lvl>'
        % (level, "".join(f"%{n + 1}." for n in range(level + 1)).encode()) for level in range(9))
        + b'</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    body = b"".join(b'<w:p><w:pPr><w:numPr><w:ilvl w:val="%d"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>x</w:t></w:r></w:p>'
                    % (i % 9) for i in range(3000))
    add("blowup", "letters.docx", docx(body, numbering))
    styles = (b'<text:list-style style:name="L1" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0">' + b"".join(
        b'<text:list-level-style-number text:level="%d" style:num-format="a" text:start-value="1000000" text:display-levels="10"/>'
        % level for level in range(1, 11)) + b"</text:list-style>")
    nested = b""
    for _ in range(10):
        nested = b"<text:list-item><text:p>x</text:p>" + (b"<text:list>" + nested + b"</text:list>" if nested else b"") + b"</text:list-item>"
    add("blowup", "letters.odt", odt(b'<text:list text:style-name="L1">' + nested * 300 + b"</text:list>", styles))
    # Long lines, long words, many lines, megabytes of items.
    add("long", "word-1mb.txt", b"b" * (1 << 20) + b"\n")
    add("long", "line-4mb.html", page(b"<p>" + should * (4 * 1048576 // len(should)) + b"</p>"))
    add("long", "should-4mb.txt", should * (4 * 1048576 // len(should)))
    add("long", "numbered-40k.txt", b"".join(b"%d. The partnership should do item %d.\n" % (i, i) for i in range(1, 40001)))
    add("long", "paragraphs-160k.html", page(b"".join(b"<p>The board should review item %d.</p>" % i for i in range(160000))))
    add("long", "one-line-docx.docx", docx(paragraph(should * 40000)))
    add("long", "runs-docx.docx", docx(b"<w:p>" + b"<w:r><w:t>a</w:t></w:r>" * 200000 + b"</w:p>"))
    add("long", "newlines.txt", b"\n" * (8 << 20))
    add("long", "cr-only.txt", should.replace(b". ", b".\r") * 20000)
    # Encodings.
    add("encoding", "declared-1252-utf8.html", b'<html><head><meta charset="windows-1252"></head><body><p>Caf\xc3\xa9 should open.</p></body></html>')
    add("encoding", "stray-8d.html", page(b"<p>The board should \x8d act.</p>" * 50))
    add("encoding", "utf16-no-bom.html", page(b"<p>The board should act.</p>").decode().encode("utf-16-le"))
    add("encoding", "utf16-bom.txt", "The board should act.\n".encode("utf-16"))
    add("encoding", "latin1.txt", "Caf\u00e9 should open. \u00a3 sign.\n".encode("latin-1") * 100)
    add("encoding", "invalid-utf8.md", b"# Title\n\nThe board \xff\xfe\xc3 should act.\n" * 100)
    add("encoding", "nul-bytes.txt", b"The board\x00 should\x00 act.\n" * 100)
    add("encoding", "random-bytes.txt", random.Random(7).randbytes(1 << 20))
    add("encoding", "unknown-charset.html", b'<html><head><meta charset="x-no-such-charset"></head><body><p>The board should act.</p></body></html>')
    add("encoding", "control-chars.txt", b"The board \x1b[2J should \x07 act.\n" * 50)
    # Mark-up tricks.
    add("markup", "entity-bomb.html", b'<!DOCTYPE html [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        + page(b"<p>&b;&b;&b;</p>"))
    add("markup", "unclosed-comment.html", page(b"<p>before</p><!-- never closed <p>after</p>"))
    add("markup", "script-1mb.html", page(b"<script>" + b"var a = 1;" * 100000 + b"</script><p>The board should act.</p>"))
    add("markup", "attribute-1mb.html", page(b'<p title="' + b"x" * (1 << 20) + b'">The board should act.</p>'))
    add("markup", "many-tables.html", page(b"<table>" + b"<tr><td>The board should act.</td><td>x</td></tr>" * 50000 + b"</table>"))
    add("markup", "xxe.docx", zipped([
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'
         b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
         b'<w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>')]))
    # Archives.
    bomb = zipped([("[Content_Types].xml", b"<Types/>"), ("word/document.xml", b"<a>" + b" " * (200 << 20) + b"</a>")])
    add("archive", "bomb-200mb.docx", bomb)
    honest = bytearray(zipped([("content.xml", b"<a>" + b"x" * (2 << 20) + b"</a>"), ("mimetype", b"application/vnd.oasis.opendocument.text")]))
    # Declare 1,000 bytes for content.xml in both headers: the data expands to 2 MB anyway.
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = honest.find(signature)
        honest[at + offset: at + offset + 4] = struct.pack("<I", 1000)
    add("archive", "lying-size.odt", bytes(honest))
    add("archive", "traversal.docx", zipped([("[Content_Types].xml", b"<Types/>"), ("../../etc/evil.xml", b"x"),
                                             ("word/document.xml", b"<w:document/>")]))
    add("archive", "empty-zip.docx", zipped([]))
    add("archive", "many-entries.docx", zipped([(f"f{i}.xml", b"") for i in range(20000)] + [("word/document.xml", b"<w:document/>")]))
    add("archive", "pdf-named-docx.docx", open(os.path.join(ROOT, "Tests/ScrutinyKitTests/Fixtures/pdf/typography.pdf"), "rb").read())
    add("archive", "docx-named-pdf.pdf", open(os.path.join(ROOT, "Tests/ScrutinyKitTests/Fixtures/markup/word-features.docx"), "rb").read())
    # PDFs built by hand.
    add("pdf", "header-only.pdf", b"%PDF-1.7\n")
    add("pdf", "deep-array.pdf", b"%PDF-1.4\n1 0 obj\n" + b"[" * 200000 + b"]" * 200000 + b"\nendobj\ntrailer\n<</Root 1 0 R>>\n%%EOF\n")
    stream = zlib.compress(b" " * (100 << 20), 9)
    add("pdf", "flate-bomb.pdf", minimal_pdf(b"/Filter /FlateDecode", stream))
    add("pdf", "many-pages.pdf", minimal_pdf(b"", b"BT /F1 12 Tf 72 720 Td (The board should act.) Tj ET", pages=3000))
    add("pdf", "text-ops.pdf", minimal_pdf(b"", b"BT /F1 12 Tf 72 720 Td " + b"(should ) Tj 0 -1 Td " * 200000 + b"ET"))
    add("pdf", "xref-loop.pdf", b"%PDF-1.4\n1 0 obj\n<</Type /Catalog /Pages 1 0 R>>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \n"
        b"trailer\n<</Size 2 /Root 1 0 R /Prev 0>>\nstartxref\n60\n%%EOF\n")
    # Empty and wrong files of every kind.
    for extension in EXTENSIONS:
        add("empty", "empty" + extension, b"")
        add("wrong", "text" + extension, b"just some words\n")
        add("wrong", "binary" + extension, bytes(range(256)) * 8)


def minimal_pdf(filters, content, pages=1):
    """A small valid PDF: `pages` pages sharing one content stream."""
    objects = [b"<</Type /Catalog /Pages 2 0 R>>",
               b"<</Type /Pages /Kids [" + b" ".join(b"%d 0 R" % (5 + i) for i in range(pages)) + b"] /Count %d>>" % pages,
               b"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
               b"<</Length %d %s>>\nstream\n" % (len(content), filters) + content + b"\nendstream"]
    objects += [b"<</Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources <</Font <</F1 3 0 R>>>>>>"] * pages
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<</Size %d /Root 1 0 R>>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def special_paths(good_sample):
    """Names that break naive code: control characters, a leading dash, spaces, very long names; links, FIFOs, folders."""
    folder = os.path.join(OUT, "special")
    os.makedirs(folder)
    data = open(good_sample, "rb").read()
    for name in ("new\nline.txt", "esc\x1b[2Jclear.txt", "-rf.txt", "with spaces.txt", "caf\u0065\u0301.txt",
                 "x" * 240 + ".txt", "dots...txt", "semi;colon'quote\".txt", "tab\there.txt"):
        path = os.path.join(folder, name)
        open(path, "wb").write(data)
        cases.append((os.path.relpath(path, OUT), "name"))
    os.symlink("/no/such/file.txt", os.path.join(folder, "dangling.txt"))
    os.symlink("/etc/passwd", os.path.join(folder, "passwd.txt"))
    os.symlink(os.path.join(folder, "loop-a.txt"), os.path.join(folder, "loop-b.txt"))
    os.symlink(os.path.join(folder, "loop-b.txt"), os.path.join(folder, "loop-a.txt"))
    os.mkfifo(os.path.join(folder, "fifo.txt"))
    os.makedirs(os.path.join(folder, "folder.pdf"))
    for name in ("dangling.txt", "passwd.txt", "loop-a.txt", "fifo.txt", "folder.pdf"):
        cases.append((os.path.join("special", name), "path"))


def main():
    global OUT, REAL, GOOD, BAD
    OUT = os.path.abspath(sys.argv[1])
    REAL = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(ROOT), "shared", "real")
    GOOD, BAD = os.path.join(OUT, "good"), os.path.join(OUT, "bad")
    shutil.rmtree(OUT, ignore_errors=True)
    os.makedirs(GOOD)
    os.makedirs(BAD)
    good_files = []
    for path in sources():
        name = os.path.basename(path)
        stem = name.rsplit(".", 1)[0]
        data = open(path, "rb").read()
        if stem in HOSTILE_FIXTURES or not data:
            add("fixture", name, data)
            continue
        if os.path.exists(os.path.join(GOOD, name)):
            name = "fixture-" + name
        good_files.append(add("good", name, data, folder=GOOD))
        rng = random.Random(name)
        truncations(name, data, rng)
        flips(name, data, rng)
        if name.endswith((".docx", ".odt")):
            inner_mutations(name, data, rng)
    hostile()
    special_paths(next(p for p in good_files if p.endswith(".txt")))
    with open(os.path.join(OUT, "cases.tsv"), "w") as handle:
        for path, kind in cases:
            handle.write(f"{path.encode('unicode_escape').decode()}\t{kind}\n")
    print(f"{sum(1 for _, k in cases if k == 'good')} good files, {sum(1 for _, k in cases if k != 'good')} malformed, in {OUT}")


if __name__ == "__main__":
    main()
