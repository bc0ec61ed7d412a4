#!/usr/bin/env bash
# Times `scrutiny extract` against poppler's own `pdftotext` over the same PDFs and prints the
# ratio of their medians. poppler's extraction is the floor for the PDF reader; the target is a
# ratio of at most 1.3. Not a test: the figure depends on the machine.
#
#   tools/bench_extract.sh [-n REPETITIONS] SCRUTINY PDF...
#   make bench-extract            # builds release first and runs this over corpus/documents/*.pdf
#
# Each repetition runs `scrutiny extract` once over all the PDFs (one process, as a user would)
# and `pdftotext FILE -` once per PDF (it takes one file at a time), both writing to /dev/null,
# after one untimed warm-up run of each.
set -euo pipefail

repetitions=9
if [ "${1:-}" = "-n" ]; then repetitions=$2; shift 2; fi
scrutiny=${1:?usage: bench_extract.sh [-n N] SCRUTINY PDF...}
shift
[ "$#" -gt 0 ] || { echo "bench_extract.sh: no PDF files given" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "bench_extract.sh: pdftotext not found (Debian: poppler-utils)" >&2; exit 2; }

now() { date +%s%N; }
run_scrutiny() { "$scrutiny" extract "$@" > /dev/null; }
run_pdftotext() { for file in "$@"; do pdftotext -q "$file" - > /dev/null; done; }
median() { sort -n | awk '{ values[NR] = $1 } END { print (NR % 2) ? values[(NR + 1) / 2] : (values[NR / 2] + values[NR / 2 + 1]) / 2 }'; }

run_scrutiny "$@"
run_pdftotext "$@"
scrutiny_times=()
pdftotext_times=()
for _ in $(seq "$repetitions"); do
    start=$(now); run_scrutiny "$@"; scrutiny_times+=($(( $(now) - start )))
    start=$(now); run_pdftotext "$@"; pdftotext_times+=($(( $(now) - start )))
done
scrutiny_ms=$(printf '%s\n' "${scrutiny_times[@]}" | median | awk '{ printf "%.1f", $1 / 1e6 }')
pdftotext_ms=$(printf '%s\n' "${pdftotext_times[@]}" | median | awk '{ printf "%.1f", $1 / 1e6 }')
pages=$(for file in "$@"; do pdfinfo "$file" 2>/dev/null | awk '/^Pages:/ { print $2 }'; done | awk '{ s += $1 } END { print s + 0 }')
echo "bench-extract: $# PDFs, $pages pages, median of $repetitions runs"
echo "  scrutiny extract  ${scrutiny_ms} ms"
echo "  pdftotext         ${pdftotext_ms} ms"
awk -v a="$scrutiny_ms" -v b="$pdftotext_ms" 'BEGIN { printf "  ratio             %.2f x pdftotext (target <= 1.30)\n", a / b }'
