import Raster
import Testing
@testable import Plot

/// An animation's frames made on several threads reach the consumer in order
/// and equal the frames made one at a time; a consumer that throws stops the
/// workers.
struct FramesOnThreadsTests {
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
}
