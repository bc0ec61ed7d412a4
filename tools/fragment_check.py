#!/usr/bin/env python3
"""How the report's links into text files land: reads REPORT/report.md (from `scrutiny analyse
PATH -o REPORT`), and for each evidence sentence linked to a .txt file with a text fragment
(`#:~:text=START`) finds START as Chromium does (case-insensitively, within one line of the file)
and says whether it marks the quoted sentence.

A sentence can be placed when its first seven words, quotes and dashes made plain and white space
folded, stand once in the file. Prints counts: links, with a fragment, fragment found, placeable,
marked right, marked another sentence. A measurement for the README, not a test.

Usage: tools/fragment_check.py REPORT_FOLDER
"""
import os
import re
import sys
import urllib.parse

PLAIN = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def plain(text):
    return text.translate(PLAIN).replace("\u2026", "...").lower()


def bare(sentence):
    sentence = sentence.strip()
    if sentence.count('"') == 2 and sentence.startswith('"') and sentence.endswith('"'):
        return sentence[1:-1]
    return sentence


def folded(raw):
    """The file's text, plain and with white space folded, and each character's offset in raw."""
    out, offsets, space = [], [], False
    for index, character in enumerate(raw):
        if character.isspace():
            if not space:
                out.append(" ")
                offsets.append(index)
            space = True
        else:
            out.append(plain(character))
            offsets.append(index)
            space = False
    return "".join(out), offsets


def main(report):
    markdown = open(os.path.join(report, "report.md"), encoding="utf-8").read()
    links = re.findall(r"\u201c(.*?)\u201d \(\[[^\]]*\]\(([^)#]+\.txt)(#:~:text=[^)]*)?\)", markdown)
    counts = dict(links=0, fragment=0, found=0, placeable=0, right=0, wrong=0)
    files = {}
    for sentence, path, fragment in links:
        file = os.path.normpath(os.path.join(report, urllib.parse.unquote(path)))
        counts["links"] += 1
        if file not in files:
            raw = open(file, encoding="utf-8", errors="replace").read()
            files[file] = (raw.lower(),) + folded(raw)
        lower, text, offsets = files[file]
        key = plain(" ".join(bare(sentence).split()[:7]))
        places = [match.start() for match in re.finditer(re.escape(key), text)]
        sentence_at = offsets[places[0]] if len(places) == 1 else None
        counts["placeable"] += sentence_at is not None
        if not fragment:
            continue
        counts["fragment"] += 1
        start = urllib.parse.unquote(fragment[len("#:~:text="):]).lower()
        at = lower.find(start)
        counts["found"] += at >= 0
        if sentence_at is not None and at >= 0:
            # The fragment may begin a few words in (after a word with an apostrophe).
            counts["right" if sentence_at <= at <= sentence_at + 60 else "wrong"] += 1
    print(" ".join(f"{name} {value}" for name, value in counts.items()))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
