import Testing
import Raster
import Encode

/// Frames of a small figure-like animation: a light background, a start marker,
/// and an orange path that grows by one segment a frame.
private func frames(_ count: Int, width: Int = 90, height: Int = 60) -> [Image] {
    var image = Image(width: width, height: height, background: Color(hex: 0xF0F4F8))
    image.fill(4, 4, 5, 5, (255, 0, 0, 255))
    var out: [Image] = []
    for k in 0..<count {
        image.fill(9 + 7 * k, 6 + (k % 4), 7, 2, (0xff, 0x7f, 0x0e, 255))
        out.append(image)
    }
    return out
}

/// Encodes `frames` through the protocol, as the tool does, with any registered
/// animation format.
private func encodeAnimation(_ type: any AnimationEncoder.Type, _ frames: [Image],
                             delay: Double, hold: Double?) throws -> [UInt8] {
    var encoder = try type.init(width: frames[0].width, height: frames[0].height)
    for f in frames { try encoder.addFrame(f, delay: delay) }
    return try encoder.finish(lastFrameHold: hold)
}

/// The encoders behind `StillEncoder` and `AnimationEncoder`: decoded with the
/// formats' own decoders, and byte for byte what the direct APIs write.
@Suite struct EncoderProtocolTests {
    @Test func pngThroughTheProtocolRoundTripsAndEqualsLevel6() throws {
        let image = TestImages.gradient(73, 41)
        let encoder: any StillEncoder = PNGStillEncoder()
        let bytes = try encoder.encode(image)
        #expect(try PNGDecoder.decode(bytes) == image)
        #expect(bytes == (try PNGEncoder.encode(image, compressionLevel: 6)))
        let flat = TestImages.make(20, 10) { x, _ in x < 10 ? (0, 0, 255, 255) : (255, 255, 255, 255) }
        #expect(try encoder.encode(flat) == (try PNGEncoder.encode(flat, compressionLevel: 6)))
        #expect(try PNGStillEncoder(compressionLevel: 9).encode(image) == (try PNGEncoder.encode(image, compressionLevel: 9)))
    }

    @Test func pngRejectsABadLevel() throws {
        #expect(throws: EncodeError.self) { try PNGStillEncoder(compressionLevel: 10).encode(TestImages.gradient(8, 8)) }
    }

    @Test func gifThroughTheProtocolKeepsPixelsFramesAndDelays() throws {
        let input = frames(9)
        let bytes = try encodeAnimation(GIFAnimationEncoder.self, input, delay: 0.06, hold: 1.5)
        let decoded = try GIFDecoder.decode(bytes)
        #expect(decoded.frames.count == 9)
        for (a, b) in zip(decoded.frames, input) { #expect(a == b) }
        #expect(decoded.delays == Array(repeating: 6, count: 8) + [150])
        #expect(decoded.loopCount == 0)
        let noHold = try GIFDecoder.decode(encodeAnimation(GIFAnimationEncoder.self, input, delay: 0.1, hold: nil))
        #expect(noHold.delays == Array(repeating: 10, count: 9))
    }

    @Test func gifBytesEqualGIFAnimationsOwn() throws {
        let input = frames(12)
        var direct = GIFAnimation(width: 90, height: 60)
        for f in input { direct.addFrame(f, delay: 0.06) }
        direct.lastFrameHold = 1.5
        #expect(try encodeAnimation(GIFAnimationEncoder.self, input, delay: 0.06, hold: 1.5) == direct.encode())
        // Loop count passes through.
        var once = try GIFAnimationEncoder(width: 90, height: 60)
        once.loopCount = 1
        for f in input { try once.addFrame(f, delay: 0.06) }
        direct.loopCount = 1
        direct.lastFrameHold = nil
        #expect(try once.finish(lastFrameHold: nil) == direct.encode())
    }

    @Test func gifThrowsWhereTheProblemIs() throws {
        #expect(throws: EncodeError.self) { try GIFAnimationEncoder(width: 0, height: 10) }
        #expect(throws: EncodeError.self) { try GIFAnimationEncoder(width: 70_000, height: 10) }
        var encoder = try GIFAnimationEncoder(width: 90, height: 60)
        try encoder.addFrame(frames(1)[0], delay: 0.05)
        let wrongSize = frames(1, width: 40, height: 60)[0]
        #expect(throws: EncodeError("frame 1 is 40×60 but the animation is 90×60")) {
            try encoder.addFrame(wrongSize, delay: 0.05)
        }
        #expect(encoder.frameCount == 1)
        var empty = try GIFAnimationEncoder(width: 9, height: 9)
        #expect(throws: EncodeError("the animation has no frames")) { try empty.finish(lastFrameHold: nil) }
    }
}
