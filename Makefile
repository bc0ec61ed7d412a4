# scrutiny — build, test, run and benchmark.
# `make run` and `make test` work from a fresh clone on a new Debian machine: they install the
# system libraries the package needs with apt-get when pkg-config cannot find them (and xmllint, with
# which the tests validate exported REFI-QDA projects against their schema).

SWIFT       ?= swift
APT_PACKAGES = pkg-config libpoppler-glib-dev libxml2-dev libxml2-utils libsqlite3-dev
SUDO        := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
BIN          = .build/release/scrutiny
# Release builds link the Swift runtime and Foundation into the executable: calls into the runtime
# (retain and release, 15% of a run) no longer go through shared-library stubs (8% less CPU over
# the corpus x64), and a run starts without looking up their symbols (10 to 15 ms, much of a warm
# re-run). The system C libraries (poppler, libxml2, SQLite) stay shared.
RELEASE      = -c release --static-swift-stdlib

.PHONY: deps build run test clean

deps:
	@if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists poppler-glib libxml-2.0 sqlite3 || ! command -v xmllint >/dev/null 2>&1; then \
	  echo "make: installing $(APT_PACKAGES) with apt-get"; \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $(APT_PACKAGES); \
	fi

build: deps
	$(SWIFT) build $(RELEASE) --product scrutiny

run: build
	$(BIN) analyse
	@echo "make: open $(CURDIR)/report/report.html"

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build report

# Times `scrutiny extract` against poppler's pdftotext over the corpus PDFs (median of several
# runs) and prints the ratio; the target is <= 1.3 x pdftotext. A benchmark, not a test.
.PHONY: bench-extract
bench-extract: deps
	@command -v pdftotext >/dev/null 2>&1 || { echo "make: installing poppler-utils with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends poppler-utils; }
	$(SWIFT) build $(RELEASE) --product scrutiny
	tools/bench_extract.sh $(BIN) corpus/documents/*.pdf

# Classification throughput on one core: classifies every corpus item, repeated to 32 MB of text,
# five times against wt2018 and prints the median MB/s; the target is >= 50 MB/s. A benchmark, not a test.
.PHONY: bench-classify
bench-classify: deps
	$(SWIFT) build $(RELEASE) --product scrutiny-bench
	.build/release/scrutiny-bench corpus/documents 32 5

# Times hostile inputs that once cost far more than their size (long words, 40,000 numbered
# lines, megabytes of "should" prose, lists numbered from 1,000,000). A benchmark, not a test.
# The whole pipeline (issue 20): `scrutiny analyse` over ../shared/real and over the corpus's text
# files copied x4, x16 and x64, cold and warm, beside pdftotext (serial and on every core) and
# PyMuPDF (installed with pip when missing) over the same PDFs; paired rounds, medians, ratios
# and peak memory. BENCH_ROUNDS rounds (default 3). A benchmark, not a test.
BENCH_ROUNDS ?= 3
.PHONY: bench-pipeline
bench-pipeline: deps
	@command -v pdftotext >/dev/null 2>&1 || { echo "make: installing poppler-utils with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends poppler-utils; }
	$(SWIFT) build $(RELEASE) --product scrutiny
	tools/bench_pipeline.sh -n $(BENCH_ROUNDS) $(BIN) ../shared/real corpus/documents

.PHONY: bench-hostile
bench-hostile: deps
	$(SWIFT) build $(RELEASE) --product scrutiny
	tools/bench_hostile.sh $(BIN)

# Prints report/report.html (made by `make run`) to report/report.pdf with headless Chromium, as a
# national team would publish it, and prints the page count (pdfinfo, from poppler-utils); the
# corpus report should fit in 30 pages. Installs chromium and poppler-utils from Debian when missing.
.PHONY: report-pdf
report-pdf: run
	@command -v chromium >/dev/null 2>&1 || { echo "make: installing chromium with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	@command -v pdfinfo >/dev/null 2>&1 || { echo "make: installing poppler-utils with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends poppler-utils; }
	chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=report/report.pdf \
	  file://$(CURDIR)/report/report.html 2>/dev/null
	@echo "make: report/report.pdf, $$(pdfinfo report/report.pdf | awk '/^Pages:/ {print $$2}') pages"

# Renders report/report.html (made by `make run`) to report/report.png with headless Chromium,
# installed from Debian when missing, to check that the figures and tables read well.
.PHONY: report-png
report-png: run
	@command -v chromium >/dev/null 2>&1 || { echo "make: installing chromium with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; }
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot=report/report.png \
	  --window-size=1280,4000 file://$(CURDIR)/report/report.html
	@echo "make: report/report.png"

# libFuzzer targets (Fuzz/, one file per entry point) built with AddressSanitizer and run one at
# a time by tools/fuzz.sh: FUZZ_RUNS executions each (default 1,000,000), FUZZ_TARGETS to pick
# (e.g. FUZZ_TARGETS="html docx"), FUZZ_SECONDS to cap each target's time. Seeds are made from
# the corpus, fixtures and lexicons at run time; findings go to .build/fuzz/artifacts. Not a test.
.PHONY: fuzz
fuzz: deps
	tools/fuzz.sh

# The test suite under AddressSanitizer (and LeakSanitizer), built into .build/asan so that the
# normal build is left alone. Leaks in third-party code are suppressed narrowly by Fuzz/lsan.supp,
# each with its reason. Swift has no UndefinedBehaviorSanitizer on Linux (`swiftc
# -sanitize=undefined` is refused: "unsupported option for target x86_64-unknown-linux-gnu");
# Swift's own overflow, bounds and exclusivity checks trap in every build instead, so there is
# no test-sanitize-undefined. The tests took 15 minutes on two shared cores, plus 4 to build:
# too long for CI's ten minutes, so not part of `make test` (NOTES.md, "Fuzzing (session 7)").
.PHONY: test-sanitize
test-sanitize: deps
	$(SWIFT) build --build-tests --build-path .build/asan -Xswiftc -sanitize=address -Xcc -fsanitize=address
	@rm -rf .build/asan/reports && mkdir -p .build/asan/reports
	@# Reports go to files, not standard error, where the CLI tests read the binary's messages.
	SWIFT_BACKTRACE=enable=no ASAN_OPTIONS=log_path=$(CURDIR)/.build/asan/reports/asan \
	  LSAN_OPTIONS=suppressions=$(CURDIR)/Fuzz/lsan.supp:print_suppressions=0 \
	  $(SWIFT) test --skip-build --build-path .build/asan; status=$$?; \
	  if ls .build/asan/reports/asan.* >/dev/null 2>&1; then \
	    cat .build/asan/reports/asan.*; echo "make: AddressSanitizer reports in .build/asan/reports"; exit 1; \
	  fi; exit $$status

# The hostile-input campaign (issue 18): 2,000 and more malformed files (truncations and byte flips
# of the corpus, fixtures and ../shared/real PDFs, hostile office files, deep nesting, blow-ups,
# odd encodings, special paths) mixed with good ones, each run under a 10 s limit; checks no crash,
# no hang, peak memory under 500 MB, good files' output unchanged, every failure named in one line
# and in the report. Results in .build/campaign/summary.txt. Takes 15-20 minutes. Not a test.
.PHONY: bench-hostile-campaign
bench-hostile-campaign: deps
	@command -v jq >/dev/null 2>&1 || { echo "make: installing jq with apt-get"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends jq; }
	$(SWIFT) build $(RELEASE) --product scrutiny
	tools/hostile_campaign.sh $(BIN)
