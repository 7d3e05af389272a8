import Dispatch
import Foundation

/// Values made on worker threads and consumed in order on the calling thread:
/// value k is a pure function of k, so what the consumer sees — and every
/// byte made of it — is the same for any number of threads.
///
/// The shared mechanism behind everything drawn in parallel: an animation's
/// frames (made ahead of the encoder) and a filled contour's bands (each
/// band's coverage rasterized ahead of the painting, which stays in order).
public enum OrderedPipeline {
    /// Calls `consume(make(k))` for k = 0 ..< count, in order, on this thread.
    ///
    /// With `threads` ≤ 1 (or one value) everything runs here, one value at a
    /// time. Otherwise `threads` workers make values ahead of `consume`, taking
    /// k in order but never more than `threads` ahead of the one it holds, so at
    /// most `threads + 1` values exist at once (one per worker and the
    /// consumer's) whatever `count` is. When `consume` throws, the
    /// workers stop after the value they are making, and the error is rethrown.
    public static func run<Value>(count: Int, threads: Int, make: @escaping @Sendable (Int) -> Value,
                                  consume: (Value) throws -> Void) rethrows {
        guard threads > 1, count > 1 else {
            for k in 0..<count { try consume(make(k)) }
            return
        }
        let workers = min(threads, count)
        let queue = Queue<Value>(count: count, window: workers)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) { queue.work(make) }
        }
        defer {
            queue.cancel()
            group.wait()
        }
        for k in 0..<count { try consume(queue.take(k)) }
    }

    /// The indices handed to workers and the values they made, under one lock.
    final class Queue<Value>: @unchecked Sendable {
        private let condition = NSCondition()
        private let count: Int
        private let window: Int
        private var nextToMake = 0
        private var consumed = 0
        private var ready: [Int: Value] = [:]
        private var cancelled = false

        /// `count` values, at most `window` (≥ 1) ahead of the consumer.
        init(count: Int, window: Int) {
            self.count = count
            self.window = max(1, window)
        }

        /// A worker's loop: takes the next index while there is one within the
        /// window, makes its value and publishes it.
        func work(_ make: (Int) -> Value) {
            while let k = claim() {
                let value = make(k)
                condition.lock()
                ready[k] = value
                condition.broadcast()
                condition.unlock()
            }
        }

        private func claim() -> Int? {
            condition.lock(); defer { condition.unlock() }
            while !cancelled && nextToMake < count && nextToMake >= consumed + window { condition.wait() }
            guard !cancelled, nextToMake < count else { return nil }
            nextToMake += 1
            return nextToMake - 1
        }

        /// Value `k`, waiting until a worker has made it; taken in order.
        func take(_ k: Int) -> Value {
            condition.lock(); defer { condition.unlock() }
            while ready[k] == nil { condition.wait() }
            consumed = k + 1
            condition.broadcast()   // a worker may now take one more index
            return ready.removeValue(forKey: k)!
        }

        /// Stops handing out indices; workers finish the value they are making.
        func cancel() {
            condition.lock(); defer { condition.unlock() }
            cancelled = true
            condition.broadcast()
        }
    }
}
