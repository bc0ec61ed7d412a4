import Foundation
import Testing
@testable import ScrutinyKit

@Suite struct JSONOutputTests {
    struct Row: Codable, Sendable, Equatable {
        var number: Int
        var text: String
    }

    /// More rows than one run holds, so that several runs are encoded at once and written in order.
    static let rows = (0..<4_321).map { Row(number: $0, text: "row \($0) \u{2014} \"quoted\"") }

    @Test func jsonLinesAreTheSameForAnyNumberOfJobsAndInOrder() throws {
        let serial = JSONOutput.lines(Self.rows, jobs: 1)
        for jobs in [2, 3, 8] {
            #expect(JSONOutput.lines(Self.rows, jobs: jobs) == serial, "jobs \(jobs)")
        }
        let lines = serial.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == Self.rows.count + 1 && lines.last == "")
        let decoded = try lines.dropLast().map { try JSONDecoder().decode(Row.self, from: Data($0.utf8)) }
        #expect(decoded == Self.rows)
        #expect(lines[0] == #"{"number":0,"text":"row 0 — \"quoted\""}"#)
    }

    @Test func jsonLinesAreWrittenARunAtATime() {
        var writes: [String] = []
        JSONOutput.writeLines(Self.rows, jobs: 2) { writes.append($0) }
        #expect(writes.count == 3)  // 2,000 + 2,000 + 321 lines
        #expect(writes.joined() == JSONOutput.lines(Self.rows))
        var none: [String] = []
        JSONOutput.writeLines([Row](), jobs: 2) { none.append($0) }
        #expect(none.isEmpty)
    }
}
