/// SplitMix64, a small seeded generator: its draws are the same on every machine and toolchain,
/// which the standard library's generators do not promise. The evaluation's intervals draw with
/// it, and the tests generate their random cases with it.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in 0..<bound, from the high half of a 128-bit product (Lemire's method
    /// without its rejection step: a bias below one in 2^50 for the bounds drawn here). Not
    /// `Int.random(in:using:)`, whose way of drawing may change between toolchains.
    mutating func index(below bound: Int) -> Int {
        Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }
}
