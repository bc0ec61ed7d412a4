import Testing
@testable import ScrutinyKit

/// The progress line a long run shows on a terminal: its words, its clock, and that it always fits.
@Suite struct ProgressLineTests {
    @Test func saysFilesReadOfTotalTheTimeAndTheFile() {
        let line = ProgressLine.text(done: 12, total: 1050, elapsed: 7.9, file: "corpus/documents/a.pdf", width: 80)
        #expect(line == "scrutiny: 12 of 1050 files, 0:07, reading corpus/documents/a.pdf")
    }

    @Test func oneFileIsSingularAndNoFileLeavesTheFileOut() {
        #expect(ProgressLine.text(done: 0, total: 1, elapsed: 0, file: nil, width: 80) == "scrutiny: 0 of 1 file, 0:00")
        #expect(ProgressLine.text(done: 3, total: 9, elapsed: 61, file: "", width: 80) == "scrutiny: 3 of 9 files, 1:01")
    }

    @Test func theClockCountsMinutesAndHours() {
        #expect(ProgressLine.clock(0) == "0:00")
        #expect(ProgressLine.clock(59.99) == "0:59")
        #expect(ProgressLine.clock(760) == "12:40")
        #expect(ProgressLine.clock(3729) == "1:02:09")
        #expect(ProgressLine.clock(-3) == "0:00")
    }

    @Test func aLongPathLosesItsBeginningAndTheLineFitsTheTerminal() {
        let path = "/home/someone/research/partnerships/2024/inspections/" + String(repeating: "long-folder-name/", count: 6)
            + "hartsey-independent-review-2021.pdf"
        for width in [40, 60, 80, 132] {
            let line = ProgressLine.text(done: 48, total: 1050, elapsed: 125, file: path, width: width)
            #expect(line.count <= width - 1, "width \(width): \(line)")
            #expect(line.hasPrefix("scrutiny: 48 of 1050 files, 2:05"))
        }
        let line = ProgressLine.text(done: 48, total: 1050, elapsed: 125, file: path, width: 80)
        #expect(line == "scrutiny: 48 of 1050 files, 2:05, reading …/hartsey-independent-review-2021.pdf")
        #expect(line.count == 79)
        // Too narrow for a useful piece of the name: the counts alone, cut to the width.
        let narrow = ProgressLine.text(done: 48, total: 1050, elapsed: 125, file: path, width: 30)
        #expect(narrow == String("scrutiny: 48 of 1050 files, 2:05".prefix(29)))
    }

    @Test func controlCharactersInAFileNameCannotBreakTheLine() {
        let line = ProgressLine.text(done: 1, total: 6, elapsed: 1, file: "odd\nname\u{1B}[2J.pdf", width: 80)
        #expect(!line.contains("\n") && !line.contains("\u{1B}"))
        #expect(line.hasSuffix("odd\\nname\\u{1B}[2J.pdf"))
    }
}
