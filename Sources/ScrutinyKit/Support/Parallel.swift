import Dispatch
import Foundation

/// Runs a pure function over every element of an array on several threads, and gives the results
/// back in the elements' order, so that a run on several threads says exactly what a run on one
/// does (`--jobs`). Each thread takes the next element not yet taken, so a long document does not
/// hold up the short ones behind it.
public enum Parallel {
    /// The number of cores, the default of `--jobs`.
    public static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// `transform` applied to every element, on up to `jobs` threads; in order.
    public static func map<T: Sendable, U: Sendable>(_ elements: [T], jobs: Int, _ transform: @Sendable (T) -> U) -> [U] {
        guard jobs > 1, elements.count > 1 else { return elements.map(transform) }
        let results = Slots<U>(count: elements.count)
        let queue = WorkQueue(count: elements.count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, elements.count)) { _ in
            while let index = queue.next() {
                results.store(transform(elements[index]), at: index)
            }
        }
        return results.values()
    }
}

private extension Parallel {
    /// Hands out the indices 0..<count, each once.
    final class WorkQueue: @unchecked Sendable {
        private let lock = NSLock()
        private var taken = 0
        private let count: Int

        init(count: Int) { self.count = count }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard taken < count else { return nil }
            taken += 1
            return taken - 1
        }
    }

    /// One slot per element, each written once by the thread that took its index (under a lock:
    /// one store a document costs nothing beside reading it) and read after every thread has
    /// finished (`concurrentPerform` returns then).
    final class Slots<U>: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [U?]

        init(count: Int) { slots = Array(repeating: nil, count: count) }

        func store(_ value: U, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            slots[index] = value
        }

        func values() -> [U] {
            lock.lock()
            defer { lock.unlock() }
            return slots.map { $0! }
        }
    }
}
