extension Array {
    /// Empties the array and keeps its buffer for the next text; does nothing when it is empty
    /// already, which the buffers of the matcher and classifier often are. The standard library's
    /// `removeAll(keepingCapacity:)` always makes a call and a uniqueness check, once or twice for
    /// every text.
    @inline(__always) mutating func clear() {
        if !isEmpty { removeAll(keepingCapacity: true) }
    }
}
