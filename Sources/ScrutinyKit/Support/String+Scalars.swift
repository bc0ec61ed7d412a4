extension String {
    /// The string of `scalars`, made from their UTF-8 bytes at once (appending to a
    /// `String.UnicodeScalarView` one scalar at a time was the largest cost of splitting sentences).
    init<Scalars: Collection<Unicode.Scalar>>(scalars: Scalars) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(scalars.count)
        for scalar in scalars {
            if scalar.isASCII { bytes.append(UInt8(scalar.value)) } else { UTF8.encode(scalar) { bytes.append($0) } }
        }
        self.init(decoding: bytes, as: UTF8.self)
    }
}
