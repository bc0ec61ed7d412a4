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
        each(elements.count, jobs: jobs) { index in results.store(transform(elements[index]), at: index) }
        return results.values()
    }

    /// `transform` applied to every element on up to `jobs` threads, each result handed to
    /// `consume` with its element's index, in the elements' order, as soon as it and every result
    /// before it are ready, and not kept after: a run holds at once only the results waiting for
    /// an earlier one, not all of them as ``map(_:jobs:_:)`` does. `consume` is called for one
    /// result at a time (on whichever thread finished the result that completed the run), so
    /// what it keeps needs no lock of its own.
    public static func forEach<T: Sendable, U: Sendable>(_ elements: [T], jobs: Int, _ transform: @Sendable (T) -> U,
                                                       inOrder consume: @escaping @Sendable (Int, U) -> Void) {
        guard jobs > 1, elements.count > 1 else {
            for (index, element) in elements.enumerated() { consume(index, transform(element)) }
            return
        }
        let delivery = OrderedDelivery(consume)
        each(elements.count, jobs: jobs) { index in delivery.deliver(transform(elements[index]), at: index) }
    }
}

private extension Parallel {
    /// `body` for every index below `count`, on up to `jobs` threads, each thread taking the next
    /// index not yet taken.
    static func each(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> Void) {
        let queue = WorkQueue(count: count)
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while let index = queue.next() { body(index) }
        }
    }

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

    /// Results that came before their turn, held until every earlier one has been handed on.
    final class OrderedDelivery<U>: @unchecked Sendable {
        private let lock = NSLock()
        private var waiting: [Int: U] = [:]
        private var next = 0
        private let consume: @Sendable (Int, U) -> Void

        init(_ consume: @escaping @Sendable (Int, U) -> Void) { self.consume = consume }

        func deliver(_ value: U, at index: Int) {
            lock.lock()
            defer { lock.unlock() }
            waiting[index] = value
            while let ready = waiting.removeValue(forKey: next) {
                consume(next, ready)
                next += 1
            }
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
