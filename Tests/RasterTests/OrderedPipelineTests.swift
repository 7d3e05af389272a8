import Dispatch
import Foundation
import Testing
@testable import Raster

/// `OrderedPipeline` hands values to the consumer in order for any thread
/// count, and a raster canvas's `fillInOrder` paints what one fill at a time
/// paints.
struct OrderedPipelineTests {
    struct Stop: Error {}

    @Test(arguments: [1, 2, 4, 16])
    func valuesArriveInOrderOnAnyThreadCount(threads: Int) {
        var seen: [Int] = []
        OrderedPipeline.run(count: 200, threads: threads, make: { $0 * $0 }) { seen.append($0) }
        #expect(seen == (0..<200).map { $0 * $0 })
    }

    @Test func aThrowingConsumerStopsTheRun() {
        var seen = 0
        #expect(throws: Stop.self) {
            try OrderedPipeline.run(count: 1000, threads: 3, make: { $0 }) { k in
                seen += 1
                if k == 5 { throw Stop() }
            }
        }
        #expect(seen == 6)
    }

    @Test func workersStayWithinTheWindow() {
        // Values are made at most `threads` ahead of the last one taken; this
        // records a take just after it happens, so a worker may be seen one further.
        let made = MaxAhead()
        OrderedPipeline.run(count: 100, threads: 2, make: { k in made.made(k); return k }) { k in
            made.consumed(k)
        }
        #expect(made.largestLead <= 3)
    }

    /// Overlapping translucent discs: the order of painting shows in every
    /// pixel where two overlap, so any reordering would change the image.
    @Test(arguments: [2, 3, 8])
    func fillInOrderOnThreadsPaintsWhatFillsOneByOnePaint(threads: Int) {
        let shapes: @Sendable (Int) -> (path: Path, color: Color) = { k in
            let c = Point(20 + 7 * Double(k % 9), 20 + 5 * Double(k / 9))
            return (Path.ellipse(in: Rect(x: c.x - 9.5, y: c.y - 9.3, width: 19, height: 18.6)),
                    Color(r: Double(k % 3) / 2, g: Double(k % 5) / 4, b: Double(k % 7) / 6, a: 0.6))
        }
        var one = RasterCanvas(width: 100, height: 80, background: .white)
        for k in 0..<40 { let (p, c) = shapes(k); one.fill(p, color: c, rule: .nonZero) }
        var many = RasterCanvas(width: 100, height: 80, background: .white)
        many.threads = threads
        many.clip = Rect(x: 0, y: 0, width: 100, height: 80)
        many.fillInOrder(count: 40, shapes)
        #expect(many.image.pixels == one.image.pixels)
    }
}

/// Records how far ahead of the consumer values were made.
private final class MaxAhead: @unchecked Sendable {
    private let lock = NSLock()
    private var lastConsumed = -1
    private(set) var largestLead = 0

    func made(_ k: Int) {
        lock.lock(); defer { lock.unlock() }
        largestLead = max(largestLead, k - lastConsumed)
    }

    func consumed(_ k: Int) {
        lock.lock(); defer { lock.unlock() }
        lastConsumed = k
    }
}
