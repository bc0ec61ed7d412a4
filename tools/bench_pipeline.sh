#!/usr/bin/env bash
# The whole pipeline against the tools a user could use instead (issue 20). Not a test: the
# figures depend on the machine and on what else it is doing.
#
#   tools/bench_pipeline.sh [-n ROUNDS] SCRUTINY REAL_FOLDER CORPUS_DOCUMENTS
#   make bench-pipeline       # builds release first; ../shared/real and corpus/documents
#
# Each round runs every case once, one after the other (paired runs), so a slow moment of the
# machine falls on every case of that round alike; the figures printed are medians over the
# rounds, and the ratios are ratios of those medians. Peak memory is /usr/bin/time's maximum
# resident set size. Cases:
#   pdftotext serial     `pdftotext FILE -` once per PDF of REAL_FOLDER, one after the other
#   pdftotext -P N       the same through `xargs -P N` (N = nproc)
#   pymupdf              tools/pymupdf_extract.py over the same PDFs in one Python process
#                        (installed with pip when missing; left out with a message when it cannot be)
#   analyse real cold    `scrutiny analyse REAL_FOLDER` into a fresh folder (no store yet)
#   analyse real warm    the same command again, the store of the cold run in place
#   analyse real jobs 1  cold, one document at a time (only when scrutiny has --jobs)
#   analyse xK cold      the text and Markdown files of CORPUS_DOCUMENTS copied K times (K = 4, 16,
#                        64; one folder per copy) into a temporary folder
#   analyse x64 warm     the x64 command again over its store
#   analyse x64 distinct the x64 copies, each file with one line of its own at the end ("Benchmark
#                        copy N."), so that no copy is a version of another: since a document
#                        whose words equal another's is counted once, the plain x64 run keeps 19
#                        documents of 1,216 read, while this one keeps all 1,216 (more items,
#                        profiles and report rows, as a corpus of distinct documents has)
#   extract x64          `scrutiny extract` over the x64 text files: reading text files alone
# "cold" means no store of earlier results; the files themselves are in the page cache (the
# machine is shared, so the page cache is not dropped).
set -euo pipefail

rounds=3
if [ "${1:-}" = "-n" ]; then rounds=$2; shift 2; fi
scrutiny=$(realpath "${1:?usage: bench_pipeline.sh [-n ROUNDS] SCRUTINY REAL_FOLDER CORPUS_DOCUMENTS}")
real=${2:?give the folder of real PDFs (../shared/real)}
documents=${3:?give the corpus documents folder (corpus/documents)}
here=$(cd "$(dirname "$0")" && pwd)
cores=$(nproc)

[ -d "$real" ] || { echo "bench-pipeline: $real not found: the real PDFs are in ../shared/real" >&2; exit 2; }
command -v pdftotext >/dev/null || { echo "bench-pipeline: pdftotext not found (Debian: poppler-utils)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench-pipeline: /usr/bin/time not found (Debian: time)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/bench-pipeline.XXXXXX")
trap 'rm -rf "$work"' EXIT
mapfile -t pdfs < <(find "$real" -maxdepth 1 -name '*.pdf' | sort)
[ "${#pdfs[@]}" -gt 0 ] || { echo "bench-pipeline: no PDF in $real" >&2; exit 2; }

# PyMuPDF: installed with pip when missing, left out when that fails.
pymupdf=yes
if ! python3 "$here/pymupdf_extract.py" >/dev/null 2>&1; then
    echo "bench-pipeline: installing PyMuPDF with pip" >&2
    python3 -m pip install -q pymupdf >/dev/null 2>&1 || true
    if ! python3 "$here/pymupdf_extract.py" >/dev/null 2>&1; then
        echo "bench-pipeline: PyMuPDF could not be installed; its case is left out" >&2
        pymupdf=no
    fi
fi

# --jobs and a store exist only from issue 20 on; the script measures builds before it too.
help=$("$scrutiny" analyse --help 2>&1 || true)
has_jobs=no; grep -q -- '--jobs' <<<"$help" && has_jobs=yes

# The corpus copies: text and Markdown files only, one folder per copy.
for k in 4 16 64; do
    for i in $(seq "$k"); do
        mkdir -p "$work/x$k/docs/copy$i"
        cp "$documents"/*.txt "$documents"/*.md "$work/x$k/docs/copy$i/"
    done
done
corpus_bytes() { cat "$work/x$1"/docs/*/* | wc -c; }
for i in $(seq 64); do
    mkdir -p "$work/d64/docs/copy$i"
    for f in "$documents"/*.txt "$documents"/*.md; do
        { cat "$f"; printf '\n\nBenchmark copy %d.\n' "$i"; } > "$work/d64/docs/copy$i/$(basename "$f")"
    done
done

# run NAME COMMAND...: one timed run; wall time (ns) and peak RSS (KB) appended to NAME's lists.
declare -A walls rss
run() {
    local name=$1; shift
    local start end
    start=$(date +%s%N)
    /usr/bin/time -f '%M' -o "$work/time.out" "$@" >/dev/null 2>"$work/stderr.out" || {
        local status=$?
        # analyse exits 1 when a file was read with errors; anything else stops the benchmark.
        if [ "$status" -ne 1 ]; then echo "bench-pipeline: $name failed ($status):" >&2; tail -5 "$work/stderr.out" >&2; exit 1; fi
    }
    end=$(date +%s%N)
    walls[$name]+="$(( end - start )) "
    rss[$name]+="$(tail -1 "$work/time.out") "
}

names=()
for round in $(seq "$rounds"); do
    echo "bench-pipeline: round $round of $rounds" >&2
    run "pdftotext serial" bash -c 'for f in "$@"; do pdftotext -q "$f" - ; done' _ "${pdfs[@]}"
    run "pdftotext -P $cores" bash -c 'printf "%s\0" "$@" | xargs -0 -P "$0" -I{} pdftotext -q {} -' "$cores" "${pdfs[@]}"
    [ "$pymupdf" = yes ] && run "pymupdf" python3 "$here/pymupdf_extract.py" "${pdfs[@]}"
    rm -rf "$work/real"; mkdir -p "$work/real"
    run "analyse real cold" "$scrutiny" analyse "$real" --output "$work/real/report"
    run "analyse real warm" "$scrutiny" analyse "$real" --output "$work/real/report"
    if [ "$has_jobs" = yes ]; then
        rm -rf "$work/real1"; mkdir -p "$work/real1"
        run "analyse real jobs 1" "$scrutiny" analyse "$real" --output "$work/real1/report" --jobs 1
    fi
    for k in 4 16 64; do
        rm -rf "$work/x$k/out"; mkdir -p "$work/x$k/out"
        run "analyse x$k cold" "$scrutiny" analyse "$work/x$k/docs" --output "$work/x$k/out/report"
    done
    run "analyse x64 warm" "$scrutiny" analyse "$work/x64/docs" --output "$work/x64/out/report"
    rm -rf "$work/d64/out"; mkdir -p "$work/d64/out"
    run "analyse x64 distinct" "$scrutiny" analyse "$work/d64/docs" --output "$work/d64/out/report"
    run "extract x64" "$scrutiny" extract "$work/x64/docs"
done

median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
seconds() { median <<<"${walls[$1]}" | awk '{ printf "%.3f", $1 / 1e9 }'; }
megabytes() { median <<<"${rss[$1]}" | awk '{ printf "%.0f", $1 / 1024 }'; }

pages=$(for f in "${pdfs[@]}"; do pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ { print $2 }'; done | awk '{ s += $1 } END { print s + 0 }')
echo "bench-pipeline: $(date -u '+%Y-%m-%d %H:%M UTC'), $cores cores, load $(cut -d' ' -f1-3 /proc/loadavg), median of $rounds paired rounds"
echo "  real: ${#pdfs[@]} PDFs, $pages pages; corpus x4/x16/x64: $(corpus_bytes 4) / $(corpus_bytes 16) / $(corpus_bytes 64) bytes of text"
printf '  %-22s %10s %10s\n' case seconds "peak MB"
order=("pdftotext serial" "pdftotext -P $cores" pymupdf "analyse real cold" "analyse real warm" "analyse real jobs 1"
       "analyse x4 cold" "analyse x16 cold" "analyse x64 cold" "analyse x64 warm" "analyse x64 distinct" "extract x64")
for name in "${order[@]}"; do
    [ -n "${walls[$name]:-}" ] || continue
    printf '  %-22s %10s %10s\n' "$name" "$(seconds "$name")" "$(megabytes "$name")"
done

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
cold=$(seconds "analyse real cold")
echo "  targets (issue 20):"
echo "    analyse real cold / pdftotext serial  $(ratio "$cold" "$(seconds "pdftotext serial")")  (<= 0.60)"
[ "$pymupdf" = yes ] && echo "    analyse real cold / pymupdf           $(ratio "$cold" "$(seconds pymupdf)")  (< 1)"
x64_bytes=$(corpus_bytes 64)
echo "    analyse x64 MB of text a second       $(awk -v b="$x64_bytes" -v s="$(seconds "analyse x64 cold")" 'BEGIN { printf "%.2f", b / 1e6 / s }')  (>= 5)"
echo "    peak RSS x64 / x4                     $(ratio "$(megabytes "analyse x64 cold")" "$(megabytes "analyse x4 cold")")  (<= 1.20)"
echo "    (x64 distinct: $(awk -v b="$(cat "$work"/d64/docs/*/* | wc -c)" -v s="$(seconds "analyse x64 distinct")" 'BEGIN { printf "%.2f", b / 1e6 / s }') MB a second, peak RSS $(ratio "$(megabytes "analyse x64 distinct")" "$(megabytes "analyse x4 cold")") of x4's)"
echo "    warm / cold, real                     $(ratio "$(seconds "analyse real warm")" "$cold")  (<= 0.05)"
echo "    warm / cold, x64                      $(ratio "$(seconds "analyse x64 warm")" "$(seconds "analyse x64 cold")")  (<= 0.05)"
echo "    extract x64 MB of text a second       $(awk -v b="$x64_bytes" -v s="$(seconds "extract x64")" 'BEGIN { printf "%.2f", b / 1e6 / s }')  (>= 20)"
[ "$has_jobs" = yes ] && echo "    analyse real jobs 1 / cold (all cores) $(ratio "$(seconds "analyse real jobs 1")" "$cold")"

# Per-stage times of one cold run over real/, when the binary reports them.
rm -rf "$work/stages"; mkdir -p "$work/stages"
SCRUTINY_TIMINGS=1 "$scrutiny" analyse "$real" --output "$work/stages/report" >/dev/null 2>"$work/stages.err" || true
if grep -q 'timing' "$work/stages.err"; then
    echo "  stages of one cold run over real (SCRUTINY_TIMINGS=1):"
    grep 'timing' "$work/stages.err" | sed 's/^/    /'
fi
