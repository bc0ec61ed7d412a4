#!/usr/bin/env bash
# Runs valgrind's leak check over the PDF reader: every corpus PDF and PDF test fixture, each read
# without and with the fixtures' password. Prints valgrind's LEAK SUMMARY; "definitely lost" must be 0
# (GLib's and the Swift runtime's one-time allocations show as "still reachable" or "possibly lost").
#
#   swift build -c release --static-swift-stdlib --product scrutiny && tools/leakcheck_pdf.sh
#
# valgrind 3.19 (Debian 12) cannot run the `scrutiny` executable itself: it dies in libdispatch's
# signal thread, which the async command-line entry point starts, and it cannot read the DWARF 5
# that Swift 6 emits. So this script links a small synchronous driver against the release build's
# ScrutinyKit objects and strips its debug information before running it. Needs: valgrind.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
release=$root/.build/release
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/main.swift" <<'SWIFT'
import ScrutinyKit
var blocks = 0
for path in CommandLine.arguments.dropFirst() {
    for reader in [DocumentReader(), DocumentReader(options: .init(password: "scrutiny"))] {
        do { blocks += try reader.read(path: path).blocks.count } catch { print(error.errorDescription ?? "") }
    }
}
print("blocks:", blocks)
SWIFT

checkouts=$root/.build/checkouts
swiftc -O "$work/main.swift" -o "$work/driver" -I "$release/Modules" \
    -I "$root/Sources/CPoppler" -I "$root/Sources/CLibXML2" \
    -Xcc -I"$checkouts/Yams/Sources/CYaml/include" -Xcc -I"$checkouts/ZIPFoundation/Sources/CZLib" \
    $(pkg-config --cflags poppler-glib libxml-2.0 | sed 's/-I/-Xcc -I/g') \
    "$release"/ScrutinyKit.build/*.o "$release"/ZIPFoundation.build/*.o "$release"/Yams.build/*.o \
    $(find "$release/CYaml.build" -name '*.o') \
    -lpoppler-glib -lgobject-2.0 -lglib-2.0 -lxml2 -lz 2>&1 | grep -v 'warning' || true
strip --strip-debug "$work/driver"
valgrind --leak-check=full --errors-for-leak-kinds=definite "$work/driver" \
    "$root"/corpus/documents/*.pdf "$root"/Tests/ScrutinyKitTests/Fixtures/pdf/*.pdf 2>&1 >/dev/null \
    | sed -n '/LEAK SUMMARY/,/suppressed/p;/ERROR SUMMARY/p'
