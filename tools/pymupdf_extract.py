#!/usr/bin/env python3
"""Text extraction with PyMuPDF in one Python process, for `make bench-pipeline`.

Reads every PDF named on the command line, page by page, and writes the text to standard
output (the benchmark sends it to /dev/null). Exits 3 when PyMuPDF is not installed, so the
benchmark can say so and go on without it.
"""
import sys

try:
    import pymupdf  # PyMuPDF >= 1.24
except ImportError:
    try:
        import fitz as pymupdf  # older PyMuPDF
    except ImportError:
        sys.exit(3)


def main(paths):
    out = sys.stdout
    for path in paths:
        with pymupdf.open(path) as document:
            for page in document:
                out.write(page.get_text())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
