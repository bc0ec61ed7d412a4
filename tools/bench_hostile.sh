#!/usr/bin/env bash
# Times scrutiny on hostile inputs that once cost far more than their size (issue 18): prose of
# "should" sentences at 1, 2 and 4 MB, one 256 KB and one 1 MB "word", 40,000 numbered lines,
# an HTML list numbered in letters from 1,000,000, and an HTML page of 160,000 short paragraphs (the
# campaign's slowest file: `recommendations --format jsonl`, as the campaign runs it). Prints seconds and peak memory for each and
# the 4 MB / 1 MB time ratio (about 4 when finding items is linear). A benchmark, not a test.
set -euo pipefail
BIN=${1:-.build/release/scrutiny}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
python3 - "$WORK" <<'PY'
import sys, os
w = sys.argv[1]
s = "The partnership should review its audit programme and the board must publish its findings. "
for mb in (1, 2, 4):
    open(os.path.join(w, f"should-{mb}mb.txt"), "w").write(s * (mb * 1048576 // len(s)))
open(os.path.join(w, "word-256k.txt"), "w").write("a" * 262144 + "\n")
open(os.path.join(w, "word-1m.txt"), "w").write("b" * 1048576 + "\n")
open(os.path.join(w, "numbered-40k.txt"), "w").write("".join(f"{i}. The partnership should do item {i}.\n" for i in range(1, 40001)))
items = "".join(f'<li>Item {i}<ol type="a" start="1000000"><li>x</li><li>y</li></ol></li>' for i in range(200))
page = "".join(f"<p>The board should review item {i}.</p>" for i in range(160000))
open(os.path.join(w, "paragraphs-160k.html"), "w").write(f"<html><head><title>t</title></head><body>{page}</body></html>")
open(os.path.join(w, "letters-1m.html"), "w").write(f'<html><body><ol type="A" start="999999">{items}</ol></body></html>')
PY
run() { # command file
  # shellcheck disable=SC2086  # $1 is the subcommand and its options
  /usr/bin/time -o "$WORK/time" -f "%e %M" "$BIN" $1 "$WORK/$2" > "$WORK/out" 2>/dev/null || true
  # time writes "Command exited with non-zero status N" first when scrutiny exits 1 (a file read with errors)
  read -r seconds kilobytes < <(tail -n 1 "$WORK/time")
  printf "%-15s %-21s %7s s %6s MB  output %s bytes\n" "${1%% *}" "$2" "$seconds" "$(( kilobytes / 1024 ))" "$(wc -c < "$WORK/out")"
  echo "$seconds" > "$WORK/time-$2"
}
for f in should-1mb.txt should-2mb.txt should-4mb.txt word-256k.txt word-1m.txt numbered-40k.txt; do run recommendations "$f"; done
run extract numbered-40k.txt
run extract letters-1m.html
run "recommendations --format jsonl" paragraphs-160k.html
python3 -c "a=float(open('$WORK/time-should-1mb.txt').read()); b=float(open('$WORK/time-should-4mb.txt').read()); print(f'should prose 4 MB / 1 MB time ratio: {b/max(a,0.01):.1f} (4 is linear)')"
