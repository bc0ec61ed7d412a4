import Foundation
import ScrutinyKit

// scrutiny-bench — throughput of the classifier on one core, for `make bench-classify`.
//
// Collects every item the finder reports in the corpus, repeats them until the text reaches the
// requested size, classifies them all against wt2018 several times, and prints the median
// throughput in MB of item text per second, for the whole classification (themes, scores and the
// explained matches) and for the lexicon matching inside it.
// Usage: scrutiny-bench [corpus-folder] [megabytes] [repetitions] [classify|match]
// (the last argument runs one of the two measures alone, for profiling)
// SCRUTINY_BENCH_DOCUMENT_TYPE=inspection-report gives every item that document type, so that
// wt2018's learned layer (which applies to inspection documents) is measured too.

let arguments = CommandLine.arguments
let folder = arguments.count > 1 ? arguments[1] : "corpus/documents"
let megabytes = arguments.count > 2 ? Double(arguments[2]) ?? 32 : 32
let repetitions = arguments.count > 3 ? Int(arguments[3]) ?? 5 : 5
let only = arguments.count > 4 ? arguments[4] : nil

do {
    let directory = try LexiconDirectory.locate()
    let finder = RecommendationFinder(rules: try directory.itemRules())
    let classifier = Classifier(scheme: try directory.scheme("wt2018"))
    let reader = DocumentReader()
    var seedItems: [Recommendation] = []
    for file in InputFiles.expand([folder]) where file.hasSuffix(".txt") || file.hasSuffix(".md") {
        seedItems += finder.recommendations(in: try reader.read(path: file))
    }
    if let type = ProcessInfo.processInfo.environment["SCRUTINY_BENCH_DOCUMENT_TYPE"] {
        for index in seedItems.indices { seedItems[index].documentType = type }
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
    let matcher = LexiconMatcher(lexicon: classifier.scheme.lexicon)
    func measure(_ label: String, _ work: () -> Int) {
        var rates: [Double] = []
        var checksum = 0
        for _ in 0..<repetitions {
            let start = DispatchTime.now().uptimeNanoseconds
            checksum &+= work()
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            rates.append(Double(bytes) / 1e6 / seconds)
        }
        rates.sort()
        print(String(format: "%@: median %.1f MB/s (min %.1f, max %.1f) [%d matches]", label, rates[rates.count / 2],
                     rates.first!, rates.last!, checksum / repetitions))
    }
    print(String(format: "scrutiny-bench: %d items, %.1f MB of item text, wt2018, %d repetitions, one core", items.count,
                 Double(bytes) / 1e6, repetitions))
    // The whole stage: themes, scores and explained matches, in batches of 100 as a document's
    // items are classified. The batches are made before the clock starts, as a document's items
    // are in an array already when they reach the classifier.
    let batches = stride(from: 0, to: items.count, by: 100).map { Array(items[$0..<min(items.count, $0 + 100)]) }
    if only != "match" { measure("classify (themes with explanations)") {
        var total = 0
        for batch in batches {
            let classified = classifier.classify(batch)
            for index in classified.indices { total &+= classified[index].matches.count }
        }
        return total
    } }
    // The lexicon matching inside it, on the item texts alone, reusing one workspace as classify does.
    if only != "classify" { measure("lexicon matching alone") {
        var workspace = matcher.makeWorkspace()
        var total = 0
        for item in items {
            matcher.match(item.text, in: &workspace)
            total &+= workspace.result.count
        }
        return total
    } }
} catch {
    FileHandle.standardError.write(Data("scrutiny-bench: \(error.localizedDescription)\n".utf8))
    exit(1)
}
