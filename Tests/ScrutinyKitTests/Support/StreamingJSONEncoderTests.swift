import Foundation
import Testing
@testable import ScrutinyKit

struct StreamingJSONEncoderTests {
    struct Sample: Codable, Equatable {
        enum Shade: String, Codable { case light, dark }
        var text: String
        var number: Int
        var negative: Int64
        var large: UInt64
        var fraction: Double
        var flag: Bool
        var missing: String?
        var present: Int?
        var shade: Shade
        var nested: [[Int]]
        var table: [String: [String]]
        var empty: [String]
        var set: Set<String>
    }

    /// Written with `encodeNil` (synthesised conformances skip a nil instead).
    struct Nulls: Codable, Equatable {
        var value: String?
        enum CodingKeys: CodingKey { case value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(value, forKey: .value)
        }
    }

    struct Nothing: Codable, Equatable {
        func encode(to encoder: any Encoder) throws {}
    }

    struct Nested: Encodable {
        enum CodingKeys: CodingKey { case inner, value }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            var inner = container.nestedContainer(keyedBy: CodingKeys.self, forKey: .inner)
            try inner.encode(1, forKey: .value)
        }
    }

    let awkward = "quote \" backslash \\ newline \n return \r tab \t nul \u{0} unit \u{1F} slash / é 😀 e\u{301} \u{2028}"

    @Test func whatItWritesReadsBackAsTheSameValueAndIsJSON() throws {
        let sample = Sample(text: awkward, number: 0, negative: Int64.min, large: UInt64.max, fraction: 0.1, flag: true,
                            missing: nil, present: -42, shade: .dark, nested: [[], [1, 22, 333]],
                            table: ["a \"key\"": ["x", awkward], "": []], empty: [], set: ["one", "two"])
        let data = try StreamingJSONEncoder().encode(sample)
        #expect(try JSONDecoder().decode(Sample.self, from: data) == sample)
        #expect(try JSONSerialization.jsonObject(with: data) is [String: Any])
        // Keys in the order encoded, a nil left out, nothing spaced.
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.hasPrefix(#"{"text":"quote \" backslash \\ newline \n return \r tab \t nul \u0000 unit \u001f slash / é 😀"#))
        #expect(!text.contains("missing"))
        #expect(text.contains(#""present":-42,"shade":"dark","nested":[[],[1,22,333]]"#))
    }

    @Test func nullsEmptyValuesAndBareValuesAreWrittenAsJSONEncoderWritesThem() throws {
        #expect(String(decoding: try StreamingJSONEncoder().encode(Nulls(value: nil)), as: UTF8.self) == #"{"value":null}"#)
        #expect(String(decoding: try StreamingJSONEncoder().encode(Nothing()), as: UTF8.self) == "{}")
        #expect(String(decoding: try StreamingJSONEncoder().encode([Nothing()]), as: UTF8.self) == "[{}]")
        #expect(String(decoding: try StreamingJSONEncoder().encode("a\"b"), as: UTF8.self) == #""a\"b""#)
        #expect(String(decoding: try StreamingJSONEncoder().encode([1, -1, 10, -10, 1_234_567]), as: UTF8.self) == "[1,-1,10,-10,1234567]")
        for value in [0.1, 1e-5, 1e21, -2.5, 3.0, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude] {
            #expect(try JSONDecoder().decode([Double].self, from: StreamingJSONEncoder().encode([value])) == [value])
        }
    }

    @Test func whatItCannotWriteFailsInsteadOfWritingWrongJSON() {
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder().encode(Nested()) }
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder().encode([Double.nan]) }
        #expect(throws: StreamingJSONEncoder.Unsupported.self) { try StreamingJSONEncoder().encode([Double.infinity]) }
    }

    /// What the store keeps: every analysis of the project's documents and the seeds reads back
    /// equal to itself, and to what JSONEncoder's JSON reads back as.
    @Test func analysesOfRealAndCorpusDocumentsReadBackUnchanged() throws {
        let lexicons = LexiconDirectory(url: Paths.lexicons)
        let rules = try lexicons.metadataRules()
        let analyser = DocumentAnalyser(detector: MetadataDetector(rules: rules, eras: try lexicons.eraRules()), manifest: nil,
                                        finder: RecommendationFinder(rules: try lexicons.itemRules(), narrative: true),
                                        lexicon: try lexicons.arrangementLexicon(), inspections: rules.inspections)
        var paths = Paths.corpusDocuments()
        if Paths.seedsExist {
            paths += ((try? FileManager.default.contentsOfDirectory(atPath: Paths.seeds.path)) ?? []).sorted()
                .filter { $0.hasSuffix(".pdf") }.map { Paths.seeds.appendingPathComponent($0).path }
        }
        var items = 0
        for path in paths {
            let analysis = analyser.analysis(of: try DocumentReader().read(path: path))
            items += analysis.items.count
            let streamed = try StreamingJSONEncoder().encode(analysis)
            let decoded = try JSONDecoder().decode(DocumentAnalysis.self, from: streamed)
            #expect(decoded == analysis, "\(path)")
            #expect(decoded == (try JSONDecoder().decode(DocumentAnalysis.self, from: JSONEncoder().encode(analysis))), "\(path)")
        }
        #expect(paths.count >= 19 && items > 100)
    }
}
