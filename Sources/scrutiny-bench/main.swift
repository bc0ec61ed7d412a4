import Foundation
import ScrutinyKit

// scrutiny-bench — throughput of the classifier on one core, for `make bench-classify`.
//
// Collects every item the finder reports in the corpus, repeats them until the text reaches the
// requested size, classifies them all against wt2018 several times, and prints the median
// throughput in MB of item text per second. Usage: scrutiny-bench [corpus-folder] [megabytes] [repetitions]

let arguments = CommandLine.arguments
let folder = arguments.count > 1 ? arguments[1] : "corpus/documents"
let megabytes = arguments.count > 2 ? Double(arguments[2]) ?? 32 : 32
let repetitions = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5

do {
    let directory = try LexiconDirectory.locate()
    let finder = RecommendationFinder(rules: try directory.itemRules())
    let classifier = Classifier(scheme: try directory.scheme("wt2018"))
    let reader = DocumentReader()
    var seedItems: [Recommendation] = []
    for file in InputFiles.expand([folder]) where file.hasSuffix(".txt") || file.hasSuffix(".md") {
        seedItems += finder.recommendations(in: try reader.read(path: file))
    }
    guard !seedItems.isEmpty else {
        FileHandle.standardError.write(Data("scrutiny-bench: no items found in \(folder)\n".utf8))
        exit(1)
    }
    var items: [Recommendation] = []
    var bytes = 0
    while Double(bytes) < megabytes * 1_000_000 {
        for item in seedItems {
            items.append(item)
            bytes += item.text.utf8.count
        }
    }
    var rates: [Double] = []
    var checksum = 0
    let matcherOnly = ProcessInfo.processInfo.environment["SCRUTINY_BENCH_MATCHER_ONLY"] != nil
    let matcher = LexiconMatcher(lexicon: classifier.scheme.lexicon)
    for _ in 0..<repetitions {
        let start = DispatchTime.now().uptimeNanoseconds
        if matcherOnly {
            for item in items { checksum &+= matcher.matches(in: item.text).count }
        } else {
            // In batches, as a document's items are classified.
            var start = 0
            while start < items.count {
                let batch = Array(items[start..<min(items.count, start + 100)])
                for item in classifier.classify(batch) { checksum &+= item.matches.count }
                start += 100
            }
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        rates.append(Double(bytes) / 1e6 / seconds)
    }
    rates.sort()
    let median = rates[rates.count / 2]
    print(String(format: "classify: %d items, %.1f MB of text, %d repetitions; median %.1f MB/s (min %.1f, max %.1f) on one core [matches %d]",
                 items.count, Double(bytes) / 1e6, repetitions, median, rates.first!, rates.last!, checksum))
} catch {
    FileHandle.standardError.write(Data("scrutiny-bench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
