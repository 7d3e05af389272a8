import Raster
import Testing
@testable import Plot

/// Growing frames are drawn into the buffers of frames the consumer is done
/// with: the buffer is reused when nothing else holds it, a frame still held
/// is never written, and the frames are those made without a pool.
struct FramePoolTests {
    static let white = Image(width: 4, height: 3, background: .white)
    static let red = Image(width: 4, height: 3, background: Color(hex: 0xff0000))

    func address(_ image: Image) -> UnsafeRawPointer {
        image.pixels.withUnsafeBytes { $0.baseAddress! }
    }

    @Test func aFrameGivenBackIsDrawnIntoAgain() {
        let pool = FramePool(capacity: 2)
        var done = Self.red
        done.overwrite(with: Self.red)   // a buffer of its own, held only here
        let buffer = address(done)
        pool.giveBack(done)
        done = Self.white                // the pool's is now the only reference
        #expect(done == Self.white)
        let frame = pool.copy(of: Self.white)
        #expect(frame.pixels == Self.white.pixels)
        #expect(address(frame) == buffer)
        #expect(pool.reused == 1)
        #expect(pool.take() == nil)
    }

    @Test func aFrameStillHeldElsewhereIsNotWritten() {
        let pool = FramePool(capacity: 1)
        var held = Self.red
        held.overwrite(with: Self.red)
        pool.giveBack(held)              // an encoder still holds `held`
        let frame = pool.copy(of: Self.white)
        #expect(frame.pixels == Self.white.pixels)
        #expect(held.pixels == Self.red.pixels)
        #expect(address(frame) != address(held))
    }

    @Test func thePoolKeepsAtMostItsCapacityAndOnlyFramesOfTheSize() {
        let pool = FramePool(capacity: 1)
        pool.giveBack(Self.red)
        pool.giveBack(Self.red)
        #expect(pool.take() != nil)
        #expect(pool.take() == nil)
        pool.giveBack(Image(width: 2, height: 2))
        #expect(pool.copy(of: Self.white) == Self.white)   // another size: the background itself
    }

    @Test(arguments: [1, 2, 4])
    func framesThroughThePoolEqualFramesMadeAlone(threads: Int) {
        let animation = FramesOnThreadsTests().animation()
        let alone = animation.frames(Array(0..<animation.frameCount)).map(\.pixels)
        // An encoder's habit: it keeps only the frame before the current one,
        // so every frame but the last two goes back to the pool and is reused.
        var previous: Image?
        var seen: [Int] = []
        let pool = FramePool(capacity: threads + 1)
        animation.forEachFrame(threads: threads, pool: pool) { image, _ in
            seen.append(image.pixels.hashValue)
            previous = image
        }
        #expect(previous != nil)
        #expect(seen == alone.map(\.hashValue))
        // One at a time, every frame from the third on is drawn into the buffer
        // of the frame two before it; on threads, how many depends on timing,
        // but by the time the last frame is claimed five have been given back.
        if threads == 1 {
            #expect(pool.reused == animation.frameCount - 2)
        } else {
            #expect(pool.reused >= 1)
        }
    }
}
