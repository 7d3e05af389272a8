import Testing
import Raster
@testable import Encode

/// `GIFAnimation.encode(…frames:)`: one pass while the changed rectangles are
/// small, a counting pass and a streamed pass otherwise — the same bytes, so the
/// same decoded frames and delays, as holding every frame.
@Suite struct GIFStreamingTests {
    /// Frames of a turning gradient (every frame changes whole, > 256 colours:
    /// quantized) with a marker moving over it; the last two frames are equal.
    private func orbit(_ n: Int) -> [Image] {
        (0..<n).map { k in
            var image = TestImages.make(96, 64) { x, y in
                (UInt8((x * 255 / 95 + 17 * k) % 256), UInt8(y * 255 / 63), UInt8((x + y + 9 * k) % 256), 255)
            }
            image.fill(8 + 6 * min(k, n - 2), 20, 5, 5, (255, 0, 0, 255))
            return image
        }
    }

    private func held(_ frames: [Image], delays: [Double], hold: Double?, loop: Int = 0) throws -> [UInt8] {
        var gif = GIFAnimation(width: frames[0].width, height: frames[0].height)
        gif.loopCount = loop
        gif.lastFrameHold = hold
        for (f, d) in zip(frames, delays) { gif.addFrame(f, delay: d) }
        return try gif.encode()
    }

    private func streamed(_ frames: [Image], delays: [Double], hold: Double?, limit: Int,
                          loop: Int = 0, passes: inout Int) throws -> [UInt8] {
        var calls = 0
        let bytes = try GIFAnimation.encode(width: frames[0].width, height: frames[0].height, loopCount: loop,
                                            lastFrameHold: hold, heldByteLimit: limit) { body in
            calls += 1
            for (f, d) in zip(frames, delays) { try body(f, d) }
        }
        passes = calls
        return bytes
    }

    @Test func streamedEqualsHeldAtEveryLimit() throws {
        var frames = orbit(7)
        frames.append(frames[6])                                   // an unchanged frame
        let delays = [0.2, 0.06, 0.06, 0.01, 0.06, 0.06, 0.06, 0.06]
        let reference = try held(frames, delays: delays, hold: 1.5)
        for (limit, expectedPasses) in [(0, 2), (96 * 64, 2), (3 * 96 * 64, 2), (1 << 30, 1)] {
            var passes = 0
            let bytes = try streamed(frames, delays: delays, hold: 1.5, limit: limit, passes: &passes)
            #expect(bytes == reference, "limit \(limit)")
            #expect(passes == expectedPasses, "limit \(limit)")
        }
        let decoded = try GIFDecoder.decode(reference)
        #expect(decoded.frames.count == 8)
        #expect(decoded.delays == [20, 6, 6, 2, 6, 6, 6, 150])
    }

    /// Two paths growing from opposite corners over a striped background:
    /// every frame's changed rectangle spans most of the picture, almost all
    /// of it unchanged.
    private func racingPaths(_ n: Int) -> [Image] {
        var image = TestImages.make(160, 100) { x, _ in
            let band = UInt8(x / 3 % 7)
            return (200 + band * 5, 210 - band * 3, 230, 255)
        }
        return (0..<n).map { k in
            image.fill(4 + 6 * k, 6 + 3 * k, 7, 2, (31, 119, 180, 255))
            image.fill(150 - 6 * k, 90 - 3 * k, 7, 2, (255, 127, 14, 255))
            return image
        }
    }

    /// What each frame's changed rectangle takes as runs of its colours.
    private func runBytes(_ frames: [Image]) -> [Int] {
        var differ = FrameDiffer(width: frames[0].width, height: frames[0].height)
        return frames.map { f in differ.next(f).rgb.withUnsafeBufferPointer { RunLengthPixels($0).byteCount } }
    }

    /// The file `gif` (holding `frames`, 0.06 s each) makes, checked to be the
    /// one streaming them makes in two passes.
    private func encodedAsStreamed(_ gif: GIFAnimation, _ frames: [Image]) throws -> [UInt8] {
        let reference = try gif.encode()
        var passes = 0
        let bytes = try streamed(frames, delays: Array(repeating: 0.06, count: frames.count), hold: nil,
                                 limit: 0, passes: &passes)
        #expect(passes == 2)
        #expect(bytes == reference)
        return reference
    }

    /// Held frames keep the pixels that did not change as `unchanged` runs:
    /// far fewer bytes than their colours, and the same file as streaming them
    /// (which holds nothing) — every frame decodes to the picture it was.
    @Test func heldGrowingFramesKeepOnlyWhatChanged() throws {
        let frames = racingPaths(12)
        var gif = GIFAnimation(width: 160, height: 100)
        for f in frames { gif.addFrame(f, delay: 0.06) }
        // What the changed rectangles take with every pixel's colour.
        let sizes = runBytes(frames)
        let whole = sizes.reduce(0, +), first = sizes[0]     // the first frame is held whole either way
        #expect(gif.heldBytes - first < (whole - first) / 4, "\(gif.heldBytes) of \(whole) bytes")

        let reference = try encodedAsStreamed(gif, frames)
        let decoded = try GIFDecoder.decode(reference)
        #expect(decoded.frames.map(\.pixels) == frames.map(\.pixels))
    }

    /// Frames that change whole and take at least `deflatedFrameBytes` as runs
    /// (a camera orbit's) are held deflated — fewer bytes — and the file is
    /// the one streaming them makes, which holds nothing.
    @Test func heldWholeFramesAreDeflated() throws {
        // Cells of 3 pixels in 40 shades, shifting by a cell a frame.
        let frames = (0..<6).map { k in
            TestImages.make(400, 300) { x, y in
                let shade = UInt8((x / 3 + y / 2 + k) % 40 * 6)
                return (shade, 255 - shade, UInt8(y % 200), 255)
            }
        }
        var gif = GIFAnimation(width: 400, height: 300)
        for f in frames { gif.addFrame(f, delay: 0.06) }
        let sizes = runBytes(frames)
        #expect(sizes.allSatisfy { $0 >= GIFAnimation.deflatedFrameBytes }, "\(sizes)")
        #expect(gif.heldBytes * 2 < sizes.reduce(0, +), "\(gif.heldBytes) of \(sizes.reduce(0, +)) bytes")

        let reference = try encodedAsStreamed(gif, frames)
        #expect(try GIFDecoder.decode(reference).frames.count == frames.count)
    }

    /// Where almost everything changes, marking the few unchanged spans would
    /// cut runs of one colour: `markUnchanged` leaves such a frame as it is.
    @Test func unchangedSpansAreMarkedOnlyWhenThatJoinsRuns() {
        let frames = racingPaths(3)
        let rect = PixelRect(x: 0, y: 0, width: 160, height: 100)
        var rgb = FrameDiff.opaqueRGB(frames[2], in: rect)
        #expect(FrameDiff.markUnchanged(&rgb, in: rect, of: frames[2], since: frames[1]))
        let marked = rgb.filter { $0 == RunLengthPixels.unchanged }.count
        #expect(marked > 160 * 100 * 9 / 10, "\(marked) pixels marked")

        // A shifted background: only a 20-pixel span of each row stays, inside
        // one flat band that continues on both sides.
        let before = TestImages.make(160, 100) { x, _ in x < 40 ? (10, 20, 30, 255) : (UInt8(x), 90, 90, 255) }
        let after = TestImages.make(160, 100) { x, _ in x < 60 ? (10, 20, 30, 255) : (UInt8(x + 1), 90, 90, 255) }
        var flat = FrameDiff.opaqueRGB(after, in: rect)
        let original = flat
        #expect(!FrameDiff.markUnchanged(&flat, in: rect, of: after, since: before))
        #expect(flat == original)
    }

    @Test func streamedExactPaletteIsLosslessAndLoopsAsAsked() throws {
        // Few colours: an exact palette, every pixel of every frame decodes back.
        var image = Image(width: 64, height: 40, background: Color(hex: 0xDDE4F0))
        var frames: [Image] = []
        for k in 0..<9 {
            image.fill(4 + 6 * k, 10 + k % 3, 6, 2, (0xff, 0x7f, 0x0e, 255))
            frames.append(image)
        }
        let delays = Array(repeating: 0.06, count: 9)
        var passes = 0
        let bytes = try streamed(frames, delays: delays, hold: nil, limit: 0, loop: 3, passes: &passes)
        #expect(passes == 2)
        #expect(bytes == (try held(frames, delays: delays, hold: nil, loop: 3)))
        let decoded = try GIFDecoder.decode(bytes)
        #expect(decoded.loopCount == 3)
        for (a, b) in zip(decoded.frames, frames) { #expect(a == b) }
    }

    @Test func protocolEntryEqualsAddFrameAndFinish() throws {
        let frames = orbit(5)
        var encoder = try GIFAnimationEncoder(width: 96, height: 64)
        for f in frames { try encoder.addFrame(f, delay: 0.06) }
        let byHand = try encoder.finish(lastFrameHold: 2)
        let type: any AnimationEncoder.Type = GIFAnimationEncoder.self
        let replayed = try type.encode(width: 96, height: 64, lastFrameHold: 2) { body in
            for f in frames { try body(f, 0.06) }
        }
        #expect(replayed == byHand)
    }

    @Test func badFramesAndChangingReplaysThrow() throws {
        let frames = orbit(4)
        #expect(throws: EncodeError.self) {
            try GIFAnimation.encode(width: 96, height: 64, heldByteLimit: 0) { _ in }
        }
        #expect(throws: EncodeError.self) {
            try GIFAnimation.encode(width: 96, height: 64, heldByteLimit: 0) { body in
                for f in frames { try body(f, 0.06) }
                try body(Image(width: 10, height: 10), 0.06)     // another size, while counting
            }
        }
        var call = 0
        #expect(throws: EncodeError.self) {
            try GIFAnimation.encode(width: 96, height: 64, heldByteLimit: 0) { body in
                call += 1
                for f in frames.prefix(call == 1 ? 4 : 3) { try body(f, 0.06) }
            }
        }
        #expect(throws: EncodeError.self) {
            try GIFAnimation.encode(width: 96, height: 64, loopCount: -1) { body in try body(frames[0], 0.06) }
        }
    }
}
