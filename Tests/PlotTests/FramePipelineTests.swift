import Dispatch
import Raster
import Testing
@testable import Plot

/// Frames made on several threads reach the consumer in order and equal the
/// frames made one at a time; a consumer that throws stops the workers.
struct FramePipelineTests {
    struct Stop: Error {}

    func animation() -> FigureAnimation {
        FigureAnimation(figure: FigureAnimationTests().figure(), font: FigureAnimationTests.font)
    }

    func frames(threads: Int) -> [(Image, Double)] {
        var all: [(Image, Double)] = []
        animation().forEachFrame(threads: threads) { all.append(($0, $1)) }
        return all
    }

    @Test(arguments: [2, 3, 8, 64])
    func framesOnThreadsEqualFramesMadeOneAtATime(threads: Int) {
        let one = frames(threads: 1), many = frames(threads: threads)
        #expect(one.count == 11 && many.count == one.count)
        for (a, b) in zip(one, many) {
            #expect(a.0.pixels == b.0.pixels)
            #expect(a.1 == b.1)
        }
        // Not a trivial sequence: the path grows from frame to frame.
        #expect(one[0].0.pixels != one[10].0.pixels)
    }

    @Test func aThrowingConsumerStopsTheWorkers() {
        var seen = 0
        #expect(throws: Stop.self) {
            try animation().forEachFrame(threads: 4) { _, _ in
                seen += 1
                if seen == 3 { throw Stop() }
            }
        }
        #expect(seen == 3)
    }

    @Test func thePipelineHandsOutEveryIndexOnceInOrder() {
        // Frame i is an image i + 1 pixels wide: the consumer sees 1, 2, 3, … 50.
        let pipeline = FramePipeline(count: 50, window: 3)
        let group = DispatchGroup()
        for _ in 0..<4 {
            DispatchQueue.global().async(group: group) {
                pipeline.work { i in Image(width: i + 1, height: 1, background: .clear) }
            }
        }
        let widths = (0..<50).map { pipeline.take($0).width }
        group.wait()
        #expect(widths == Array(1...50))
    }
}
