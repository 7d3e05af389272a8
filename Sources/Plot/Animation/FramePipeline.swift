import Dispatch
import Foundation
import Raster

/// Frames made on worker threads and handed out in order: frame i is a pure
/// function of i, so the images (and every byte an encoder makes of them) are
/// the same for any number of workers.
///
/// Workers take indices 0, 1, 2, … in order, but never more than `window`
/// frames ahead of the consumer, so at most `window` finished or unfinished
/// frames exist at once, whatever the frame count: memory does not grow with
/// the animation's length. `cancel` stops the workers at their next frame.
final class FramePipeline: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var nextToMake = 0
    private var consumed = 0
    private var ready: [Int: Image] = [:]
    private var cancelled = false

    /// A pipeline of `count` frames, at most `window` (≥ 1) ahead of the consumer.
    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
    }

    /// A worker's loop: takes the next index while there is one within the
    /// window, makes its frame with `make` and publishes it.
    func work(_ make: (Int) -> Image) {
        while let i = claim() {
            let image = make(i)
            condition.lock()
            ready[i] = image
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

    /// Frame `i`, waiting until a worker has made it; frames must be taken in order.
    func take(_ i: Int) -> Image {
        condition.lock(); defer { condition.unlock() }
        while ready[i] == nil { condition.wait() }
        consumed = i + 1
        condition.broadcast()   // a worker may now take one more index
        return ready.removeValue(forKey: i)!
    }

    /// Stops handing out indices; workers finish the frame they are making.
    func cancel() {
        condition.lock(); defer { condition.unlock() }
        cancelled = true
        condition.broadcast()
    }
}
