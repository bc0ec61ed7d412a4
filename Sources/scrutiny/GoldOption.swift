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
