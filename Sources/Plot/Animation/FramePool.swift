import Foundation
import Raster

/// Frames an encoder is done with, handed back so the next frames are drawn
/// into their buffers instead of new ones.
///
/// Why: every growing frame starts as a copy of the static layer (2.4 MB for
/// a 1000 × 600 figure). Made fresh, each copy is a large allocation that
/// glibc either maps anew (its pages faulted in again, unmapped on free) or
/// carves from the arena of the thread that makes it, where freed frames pile
/// up per arena (the figure's peak memory). Reused, a frame is one `memcpy`
/// into pages already mapped.
///
/// Reuse cannot change a byte: a frame is always overwritten whole with the
/// static layer before it is drawn on, and a buffer something else still holds
/// (an encoder's previous frame) is copied on write, as Swift's arrays are —
/// the pool saves work only where it is safe to.
///
/// Thread-safe: workers take, the consumer gives back. At most `capacity`
/// frames are kept (the frames in flight bound it; extras are freed).
final class FramePool: @unchecked Sendable {
    private let lock = NSLock()
    private var free: [Image] = []
    let capacity: Int
    /// How many frames `copy(of:)` has drawn into a reused buffer.
    private(set) var reused = 0

    /// A pool that keeps at most `capacity` frames (at least 1).
    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// A frame given back earlier, or nil when none is waiting.
    func take() -> Image? {
        lock.lock(); defer { lock.unlock() }
        return free.popLast()
    }

    /// Keeps `frame` for a later `take`, unless the pool is full.
    func giveBack(_ frame: Image) {
        lock.lock(); defer { lock.unlock() }
        if free.count < capacity { free.append(frame) }
    }

    /// `background`'s pixels in a frame from the pool when one of its size is
    /// waiting, else `background` itself (copied on its first write).
    func copy(of background: Image) -> Image {
        guard var frame = take(), frame.overwrite(with: background) else { return background }
        lock.lock(); defer { lock.unlock() }
        reused += 1
        return frame
    }
}
