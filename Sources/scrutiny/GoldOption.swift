import ArgumentParser

/// `--gold`: the hand-coded items a command measures against (`evaluate`) or learns from
/// (`lexicon learn`). (`profile --gold` takes the hand coding of profiles, a folder of its own.)
struct GoldOption: ParsableArguments {
    @Option(help: ArgumentHelp(
        "Hand-coded items: a CSV (document,kind,theme,subtheme,text) or a gold folder (items/*.csv, scope/*.tsv, heldout.txt); repeat to combine.",
        valueName: "path"))
    var gold: [String] = []

    func validate() throws {
        if gold.isEmpty { throw ValidationError("--gold: give the hand-coded items, for example --gold corpus/annotations.csv") }
    }
}

/// `--show N`: how many disagreements with the hand coding a command that measures against it
/// lists (`evaluate`: misses and false finds; `profile --gold`: the cells of the partnerships not
/// held back). Each command has its own default.
struct ShowOption: ParsableArguments {
    // Read unconditionally, so that `--show -1` is a number refused by `validate()`, not "Missing value".
    @Option(parsing: .unconditional, help: ArgumentHelp(
        "How many disagreements with the hand coding to list (default: 50 in evaluate, 40 in profile --gold, 20 in agree).",
        valueName: "n"))
    var show: Int?

    func validate() throws {
        if let show, show < 0 { throw ValidationError("--show: give 0 or more (\(show) given)") }
    }
}
