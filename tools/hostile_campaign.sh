#!/usr/bin/env bash
# The hostile-input campaign of issue 18 (driven by `make bench-hostile-campaign`; not a test).
#
#   tools/hostile_campaign.sh [SCRUTINY]      (default .build/release/scrutiny)
#   CAMPAIGN_DIR   where files and results go (default .build/campaign)
#   CAMPAIGN_REAL  the real PDFs to use as sources too (default ../shared/real, if present)
#   CAMPAIGN_BATCH_STEP  run every Nth batch of step 2 only (default 1: all of them; each batch
#                  reads its files three more times, so all 22 batches take about three times step 1)
#
# tools/make_hostile_campaign.py writes the files: good copies of the corpus, fixtures and real
# PDFs, and 2,000 and more malformed ones (truncations and byte flips of each good file, cuts and
# flips inside the XML of each DOCX and ODT, hostile office files, deep nesting, blow-ups, odd
# encodings, special paths). Then, with the release binary:
#
# 1. Each file alone: `scrutiny recommendations --format jsonl FILE` under a 10 s limit
#    (timeout -s KILL) and /usr/bin/time. Checked: no signal exit (crash), no hang past 10 s, peak
#    memory under 500 MB, exit status 0 or 1, and a file that fails (status 1) is named in exactly
#    one line on standard error, its name escaped as scrutiny escapes control characters. A good
#    file must read cleanly: status 0 and nothing on standard error.
# 2. The files in batches of about 100 malformed files with a few good ones: `extract` and
#    `recommendations` over the good files alone (the clean run), then over the batch with the
#    malformed files linked in. Checked: every good file's extracted text and items are unchanged;
#    then `analyse` over the batch names every file that failed alone in the report's "Files not
#    read or read with errors" notes (report.md).
# Prints a table per kind of file and the totals; exit status 1 when any check failed.
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN=$(realpath "${1:-.build/release/scrutiny}")
WORK=$(realpath -m "${CAMPAIGN_DIR:-.build/campaign}")
LIMIT_S=10
LIMIT_KB=$((500 * 1024))
FILES=$WORK/files
RESULTS=$WORK/results.tsv
FAILURES=$WORK/failures.txt

python3 tools/make_hostile_campaign.py "$FILES" ${CAMPAIGN_REAL:+"$CAMPAIGN_REAL"} || exit 1
: > "$FAILURES"
fail() { printf '%s\n' "$*" >> "$FAILURES"; }

# The name as scrutiny prints it: control characters escaped (TerminalText).
escaped() {
  printf '%s' "$1" | perl -pe 's/\n/\\n/g; s/\r/\\r/g; s/\t/\\t/g; s/([\x00-\x1f\x7f])/sprintf("\\u{%X}", ord($1))/ge'
}

# 1. Every file alone.
printf 'kind\tstatus\tseconds\tkb\tlines\tfile\n' > "$RESULTS"
count=0
started=$SECONDS
while IFS= read -r -d '' file; do
  relative=${file#"$FILES"/}
  case $relative in  # good/NAME, bad/NNNN-KIND-NAME, special/NAME
    good/*) kind=good ;; special/*) kind=special ;; *) kind=${relative#bad/*-}; kind=${kind%%-*} ;;
  esac
  /usr/bin/time -o "$WORK/time" -f '%e %M' timeout -s KILL "$LIMIT_S" "$BIN" recommendations --format jsonl "$file" \
    > "$WORK/out" 2> "$WORK/err"
  status=$?
  read -r seconds kb < <(tail -n 1 "$WORK/time")
  lines=$(wc -l < "$WORK/err")
  name=$(escaped "$file")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$kind" "$status" "$seconds" "$kb" "$lines" "$name" >> "$RESULTS"
  if [ "$status" -ge 124 ]; then
    if [ "$status" = 137 ] && awk -v s="$seconds" -v l="$LIMIT_S" 'BEGIN { exit !(s >= l - 0.1) }'; then
      fail "HANG (over $LIMIT_S s): $name"
    else
      fail "CRASH (status $status): $name"
    fi
  elif [ "$status" != 0 ] && [ "$status" != 1 ]; then
    fail "STATUS $status: $name"
  fi
  [ "${kb:-0}" -ge "$LIMIT_KB" ] && fail "MEMORY $((kb / 1024)) MB: $name"
  if [ "$status" = 1 ]; then
    if [ "$lines" != 1 ] || ! grep -qF -- "$name" "$WORK/err"; then
      fail "MESSAGE ($lines lines, the file named: $(grep -cF -- "$name" "$WORK/err")): $name: $(head -c 300 "$WORK/err" | tr '\n' '|')"
    fi
  fi
  if [ "$kind" = good ] && { [ "$status" != 0 ] || [ "$lines" != 0 ]; }; then
    fail "GOOD FILE NOT READ CLEANLY (status $status): $name: $(head -c 300 "$WORK/err" | tr '\n' '|')"
  fi
  count=$((count + 1))
  [ $((count % 250)) = 0 ] && echo "campaign: $count files alone, $((SECONDS - started)) s"
done < <(find "$FILES/good" "$FILES/bad" "$FILES/special" -mindepth 1 -maxdepth 1 -print0 | sort -z)
echo "campaign: $count files alone, $((SECONDS - started)) s"

# 2. Batches: the good files' output unchanged beside malformed files; every failure in the report.
sections() {  # sections EXTRACT_OUTPUT NAME...: the extracted text of the named files only
  local output=$1; shift
  awk -v names="$(printf '%s\n' "$@")" 'BEGIN { n = split(names, list, "\n"); for (i = 1; i <= n; i++) want[list[i]] = 1 }
    /^==> .* <==$/ { path = substr($0, 5, length($0) - 8); sub(/.*\//, "", path); keep = (path in want) }
    keep' "$output"
}
items() {  # items JSONL NAME...: the items of the named files only, by file (each file's in order)
  local output=$1; shift
  jq -c -s --args 'map(select(.document as $d | $ARGS.positional | index($d))) | sort_by(.document) | .[]' "$@" < "$output"
}
# A good file whose words are those of a malformed copy read beside it (a byte flipped where it
# changes no text) is counted once, as a version of the copy that is read first, and its items
# come out under the copy's name (README, "every document counts once"). Item ids come from the
# text, not the file, so such a copy is known by the ids: its items are given back the good
# file's name, and must then be the good file's items, no more and no fewer.
as_good() {  # as_good CLEAN_JSONL MIXED_JSONL
  jq -c -s --slurpfile clean "$1" '
    ($clean | map({key: .id, value: .document}) | from_entries) as $owner
    | (map(.document) | unique) as $present
    | ([.[] | $owner[.id] as $good
        | select($good != null and $good != .document and ($present | index($good) | not))
        | {key: .document, value: $good}] | from_entries) as $alias
    | map(if $alias[.document] then .document = $alias[.document] else . end) | .[]' "$2"
}
mapfile -d '' goods < <(find "$FILES/good" -type f -print0 | sort -z)
mapfile -d '' bads < <(find "$FILES/bad" -type f -print0 | sort -z)
batches=$(( (${#bads[@]} + 99) / 100 ))
rm -rf "$WORK/batches"; mkdir -p "$WORK/batches"
step=${CAMPAIGN_BATCH_STEP:-1}
checked=0
for ((b = 0; b < batches; b++)); do
  [ $((b % step)) = 0 ] || continue
  dir=$WORK/batches/$b/docs
  mkdir -p "$dir"
  names=()
  for ((g = b; g < ${#goods[@]}; g += batches)); do ln "${goods[g]}" "$dir/"; names+=("$(basename "${goods[g]}")"); done
  timeout 600 "$BIN" extract "$dir" > "$WORK/batches/$b/clean.txt" 2>/dev/null
  timeout 600 "$BIN" recommendations --format jsonl "$dir" > "$WORK/batches/$b/clean.jsonl" 2>/dev/null
  for ((i = b * 100; i < (b + 1) * 100 && i < ${#bads[@]}; i++)); do ln "${bads[i]}" "$dir/"; done
  timeout 600 "$BIN" extract "$dir" > "$WORK/batches/$b/mixed.txt" 2> "$WORK/batches/$b/mixed.err"
  status=$?
  [ "$status" -ge 124 ] && fail "BATCH $b: extract status $status"
  timeout 600 "$BIN" recommendations --format jsonl "$dir" > "$WORK/batches/$b/mixed.jsonl" 2>/dev/null
  [ ${#names[@]} -gt 0 ] || continue
  if ! cmp -s <(sections "$WORK/batches/$b/clean.txt" "${names[@]}") <(sections "$WORK/batches/$b/mixed.txt" "${names[@]}"); then
    fail "BATCH $b: a good file's extracted text changed beside malformed files"
  fi
  as_good "$WORK/batches/$b/clean.jsonl" "$WORK/batches/$b/mixed.jsonl" > "$WORK/batches/$b/mixed-as-good.jsonl"
  if ! cmp -s <(items "$WORK/batches/$b/clean.jsonl" "${names[@]}") <(items "$WORK/batches/$b/mixed-as-good.jsonl" "${names[@]}"); then
    fail "BATCH $b: a good file's items changed beside malformed files"
  fi
  timeout 600 "$BIN" analyse "$dir" -o "$WORK/batches/$b/report" > /dev/null 2> "$WORK/batches/$b/analyse.err"
  report=$WORK/batches/$b/report/report.md
  if [ ! -f "$report" ]; then fail "BATCH $b: analyse wrote no report"; continue; fi
  # Every file that failed alone is named in the report's list of files not read or read with errors.
  while IFS= read -r name; do
    grep -qF -- "$(basename "$name")" "$report" || fail "BATCH $b: not in the report: $name"
  done < <(awk -F'\t' -v d="$FILES/bad/" '$2 == 1 && index($6, d) == 1 { print $6 }' "$RESULTS" \
             | grep -F -f <(for ((i = b * 100; i < (b + 1) * 100 && i < ${#bads[@]}; i++)); do escaped "${bads[i]}"; echo; done))
  checked=$((checked + 1))
  echo "campaign: batch $((b + 1)) of $batches checked"
done
echo "campaign: $checked of $batches batches checked ($(( (checked * 100) )) malformed files at most beside good ones)"

# The special folder walked as a whole: nothing outside it read, everything odd named.
timeout 60 "$BIN" extract "$FILES/special" > "$WORK/special.txt" 2> "$WORK/special.err"
grep -q '^root:' "$WORK/special.txt" && fail "WALK: a link out of the folder was followed"
for odd in dangling.txt passwd.txt loop-a.txt fifo.txt; do
  grep -qF "$odd" "$WORK/special.err" || fail "WALK: $odd not named"
done

# Summary.
{
  echo
  printf '%-14s %6s %7s %7s %7s %9s %9s\n' kind files 'exit 0' 'exit 1' other 'max s' 'max MB'
  awk -F'\t' 'NR > 1 { k = $1; n[k]++; if ($2 == 0) z[k]++; else if ($2 == 1) o[k]++; else x[k]++;
      if ($3 > s[k]) s[k] = $3; if ($4 > m[k]) m[k] = $4;
      N++; if ($2 == 0) Z++; else if ($2 == 1) O++; else X++; if ($3 > S) S = $3; if ($4 > M) M = $4 }
    END { for (k in n) printf "%-14s %6d %7d %7d %7d %9.2f %9.0f\n", k, n[k], z[k], o[k], x[k], s[k], m[k] / 1024 | "sort";
          close("sort"); printf "%-14s %6d %7d %7d %7d %9.2f %9.0f\n", "all", N, Z, O, X, S, M / 1024 }' "$RESULTS"
  echo
  if [ -s "$FAILURES" ]; then echo "campaign: $(wc -l < "$FAILURES") checks failed:"; cat "$FAILURES"; else echo "campaign: every check passed"; fi
} | tee "$WORK/summary.txt"
[ ! -s "$FAILURES" ]
