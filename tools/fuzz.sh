#!/usr/bin/env bash
# Builds the libFuzzer targets in Fuzz/ and runs them one at a time (driven by `make fuzz`).
#
#   FUZZ_TARGETS   the targets to run, separated by spaces (default: all of them; see below)
#   FUZZ_RUNS      executions per target (default 1000000)
#   FUZZ_SECONDS   stop a target after this many seconds even if FUZZ_RUNS is not reached (default: no limit)
#   FUZZ_MAX_LEN   the longest input libFuzzer makes, in bytes (default 1024; 4096 for HTML, 8192 for DOCX and ODT:
#                  longer inputs reach no new code and cost more per execution)
#
# ScrutinyKit and its dependencies are compiled once by SwiftPM into .build/fuzz with coverage
# instrumentation and AddressSanitizer (-sanitize=fuzzer,address on compiling only: no link
# happens there); each target is then linked from its file in Fuzz/, Fuzz/Support and those
# objects with -sanitize=fuzzer,address, which brings in libFuzzer's main. Seed corpora are made
# at run time from the project's own documents, fixtures and lexicons into .build/fuzz/seeds;
# what libFuzzer finds is kept in .build/fuzz/corpus (reused by the next run) and crashes,
# leaks and timeouts in .build/fuzz/artifacts. Exit status 1 when any target found something.
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/.build/fuzz
KIT=$OUT/release
RUNS=${FUZZ_RUNS:-1000000}
ALL="plain-text html docx odt pdf-blocks items lexicon-yaml liwc wordstat manifest-csv annotation-csv"
TARGETS=${FUZZ_TARGETS:-$ALL}
export SWIFT_BACKTRACE=enable=no   # libFuzzer reports crashes itself; Swift's backtracer would hang it
export LSAN_OPTIONS="suppressions=$ROOT/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"   # third-party leaks, each explained there

# Which file in Fuzz/ each target is.
source_of() {
  case $1 in
    plain-text) echo PlainText ;; html) echo HTML ;; docx) echo DOCX ;; odt) echo ODT ;;
    pdf-blocks) echo PDFBlocks ;; items) echo Items ;; lexicon-yaml) echo LexiconYAML ;;
    liwc) echo LIWC ;; wordstat) echo WordStat ;; manifest-csv) echo ManifestCSV ;;
    annotation-csv) echo AnnotationCSV ;;
    *) echo "fuzz.sh: unknown target '$1'; the targets are: $ALL" >&2; exit 64 ;;
  esac
}
for target in $TARGETS; do source_of "$target" >/dev/null; done

echo "fuzz: building ScrutinyKit with coverage and AddressSanitizer into .build/fuzz"
swift build -c release --build-path "$OUT" --target ScrutinyKit \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing -Xcc -fsanitize=fuzzer-no-link,address \
  | grep -v '^\[' || true
test -f "$KIT/Modules/ScrutinyKit.swiftmodule" || { echo "fuzz: ScrutinyKit did not build" >&2; exit 1; }

# shellcheck disable=SC2046
link() {  # link TARGET SOURCE
  local binary=$OUT/bin/$1 source=Fuzz/$2.swift
  mkdir -p "$OUT/bin"
  if [ -x "$binary" ] && [ -z "$(find "$source" Fuzz/Support "$KIT/ScrutinyKit.build" -newer "$binary" -print -quit)" ]; then return; fi
  echo "fuzz: linking $1"
  swiftc -O -parse-as-library -sanitize=fuzzer,address -module-name "Fuzz_${2}" \
    -I "$KIT/Modules" -I Sources/CPoppler -I Sources/CLibXML2 \
    -I .build/checkouts/Yams/Sources/CYaml/include -I .build/checkouts/ZIPFoundation/Sources/CZLib \
    -I .build/checkouts/swift-crypto/Sources/CCryptoBoringSSL/include \
    -I .build/checkouts/swift-crypto/Sources/CCryptoBoringSSLShims/include \
    $(pkg-config --cflags poppler-glib libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    "$source" Fuzz/Support/*.swift \
    $(find -L "$KIT" -path "$KIT/*.build/*" -name '*.o' | sort) \
    $(pkg-config --libs poppler-glib libxml-2.0 zlib) -o "$binary" 2>&1 | grep -v 'Cannot export local symbol' || true
  test -x "$binary"
}

# Text files cut into pieces of at most 1,000 bytes at line ends, so that inputs within
# FUZZ_MAX_LEN still start anywhere in the documents and not only at their first page.
pieces() {  # pieces DIR FILE...
  local dir=$1; shift
  for file in "$@"; do split -C 1000 -d -a 3 "$file" "$dir/$(basename "$file")."; done
}

# The parts of an office archive joined by NUL bytes: the other input form of the docx and odt targets.
parts() {  # parts ARCHIVE PART...
  local archive=$1; shift
  for part in "$@"; do unzip -p "$archive" "$part" 2>/dev/null || true; printf '\0'; done
}

seed() {  # seed TARGET DIR
  local dir=$2 file
  rm -rf "$dir"; mkdir -p "$dir"
  case $1 in
    plain-text|items)
      pieces "$dir" corpus/documents/*.txt corpus/documents/*.md Tests/Gold/real/*.txt ;;
    pdf-blocks)
      # Text with a page break every 60 lines; the geometry bytes take their defaults.
      for file in corpus/documents/*.txt; do
        awk '{ print } NR % 60 == 0 { printf "\f" }' "$file" > "$dir/$(basename "$file").pages"
      done
      pieces "$dir" "$dir"/*.pages; rm "$dir"/*.pages ;;
    html)
      cp corpus/documents/*.html Tests/ScrutinyKitTests/Fixtures/markup/*.html "$dir/" ;;
    docx)
      for file in corpus/documents/*.docx Tests/ScrutinyKitTests/Fixtures/markup/*.docx; do
        cp "$file" "$dir/"
        parts "$file" word/document.xml word/styles.xml word/numbering.xml docProps/core.xml > "$dir/$(basename "$file").parts"
      done ;;
    odt)
      for file in corpus/documents/*.odt Tests/ScrutinyKitTests/Fixtures/markup/*.odt; do
        cp "$file" "$dir/"
        parts "$file" content.xml styles.xml meta.xml META-INF/manifest.xml > "$dir/$(basename "$file").parts"
      done ;;
    lexicon-yaml)
      cp lexicons/*.yml "$dir/" ;;
    liwc|wordstat)
      # The project's lexicons converted by scrutiny itself.
      local extension=dic; [ "$1" = wordstat ] && extension=cat
      [ -x .build/debug/scrutiny ] || swift build --product scrutiny >/dev/null
      for file in lexicons/wt2018.yml lexicons/six-steps.yml lexicons/topics.yml lexicons/arrangements.yml; do
        .build/debug/scrutiny lexicon convert "$file" "$dir/$(basename "$file" .yml).$extension" >/dev/null 2>&1 || true
      done ;;
    manifest-csv)
      cp corpus/manifest.csv "$dir/"; cp Tests/ScrutinyKitTests/Fixtures/survey/manifest.csv "$dir/survey-manifest.csv" ;;
    annotation-csv)
      pieces "$dir" corpus/annotations.csv Tests/Gold/real/second-coding.csv
      cp Tests/Gold/real/items/*.csv "$dir/" ;;
  esac
}

status=0
printf '\n%-15s %12s %8s  %s\n' target executions exec/s result > "$OUT/summary.txt"
for target in $TARGETS; do
  link "$target" "$(source_of "$target")"
  seed "$target" "$OUT/seeds/$target"
  mkdir -p "$OUT/corpus/$target" "$OUT/artifacts/$target"
  max_len=${FUZZ_MAX_LEN:-1024}
  case $target in html) max_len=${FUZZ_MAX_LEN:-4096} ;; docx|odt) max_len=${FUZZ_MAX_LEN:-8192} ;; esac
  # ZIPFoundation leaks ~55 bytes on every archive opened (suppressed in Fuzz/lsan.supp), so with
  # libFuzzer's per-input leak check every docx and odt execution ends in a full LeakSanitizer heap
  # scan, 85% of the time (55 exec/s instead of 585). For those two the leak check runs once, when
  # the run ends, over everything the run leaked: a leak of scrutiny's still fails the run, though
  # the input that caused it is not saved.
  leaks=1
  case $target in docx|odt) leaks=0 ;; esac
  echo "fuzz: running $target ($RUNS executions${FUZZ_SECONDS:+, at most $FUZZ_SECONDS s}, inputs up to $max_len bytes)"
  log=$OUT/$target.log
  set +e
  "$OUT/bin/$target" -runs="$RUNS" ${FUZZ_SECONDS:+-max_total_time=$FUZZ_SECONDS} -max_len="$max_len" \
    -detect_leaks=$leaks -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$target/" \
    "$OUT/corpus/$target" "$OUT/seeds/$target" > "$log" 2>&1
  code=$?
  set -e
  runs=$(awk '/stat::number_of_executed_units/ {print $2}' "$log")
  speed=$(awk '/stat::average_exec_per_sec/ {print $2}' "$log")
  if [ "$code" = 0 ]; then
    result="nothing found"
  else
    status=1
    result="FOUND ($(grep -o -m1 -E 'ERROR: (libFuzzer|AddressSanitizer|LeakSanitizer): [a-z -]+|Fatal error: .{0,80}' "$log" || echo "exit $code")); see $log and .build/fuzz/artifacts/$target"
  fi
  line=$(printf '%-15s %12s %8s  %s' "$target" "${runs:-?}" "${speed:-?}" "$result")
  echo "fuzz: $line"
  echo "$line" >> "$OUT/summary.txt"
done
cat "$OUT/summary.txt"
exit $status
