import Foundation
import Testing
import Raster
@testable import Encode

/// Animated WebP written by `WebPAnimationEncoder`, read back by libwebp's own
/// `WebPAnimDecoder`.
@Suite struct WebPAnimationTests {
    @Test func losslessFramesDelaysLoopAndHoldRoundTripExactly() throws {
        let frames = figureLikeFrames(6)
        let bytes = try encodeAnimation(WebPAnimationEncoder.self, frames, delay: 0.06, hold: 1.5)
        let decoded = try WebPAnimationDecoder.decode(bytes)
        #expect(decoded.frames.count == 6)
        #expect(decoded.delays == [60, 60, 60, 60, 60, 1500])
        #expect(decoded.loopCount == 0)
        #expect(decoded.frames == frames)   // lossless: every pixel of every frame
        #expect(Array(bytes[0..<4]) == Array("RIFF".utf8) && Array(bytes[8..<12]) == Array("WEBP".utf8))
    }

    @Test func unchangedRegionsAreNotEncodedAgain() throws {
        let frames = figureLikeFrames(4)
        let bytes = try encodeAnimation(WebPAnimationEncoder.self, frames)
        let rectangles = Self.frameRectangles(bytes)
        #expect(rectangles.count == 4)
        #expect(rectangles[0] == [0, 0, 201, 121])
        // later frames cover only the new path segment and marker, not the canvas
        for r in rectangles.dropFirst() { #expect(r[2] * r[3] < 201 * 121 / 20, "sub-frame \(r)") }
        // an unchanged frame adds no frame: its time goes to the previous one
        let repeated = try encodeAnimation(WebPAnimationEncoder.self, [frames[0], frames[0], frames[1]], hold: 0.5)
        let decoded = try WebPAnimationDecoder.decode(repeated)
        #expect(decoded.delays == [120, 500] && decoded.frames == [frames[0], frames[1]])
    }

    @Test func sameFramesGiveTheSameBytesAndLossyIsChosenByQuality() throws {
        let frames = figureLikeFrames(5)
        let a = try encodeAnimation(WebPAnimationEncoder.self, frames)
        let b = try encodeAnimation(WebPAnimationEncoder.self, frames)
        #expect(a == b)
        let lossy = try encodeAnimation(WebPAnimationEncoder.self, frames, settings: EncoderSettings(quality: 90))
        #expect(lossy != a)
        #expect(lossy == (try encodeAnimation(WebPAnimationEncoder.self, frames, settings: EncoderSettings(quality: 90))))
        let decoded = try WebPAnimationDecoder.decode(lossy)
        let total: Int = decoded.delays.reduce(0, +)
        #expect(total == 1740)
        #expect(psnr(decoded.frames.last!, frames.last!) > 25)
    }

    @Test func badSettingsAndFramesAreRefusedWithOneLine() throws {
        #expect(throws: EncodeError("webp quality must be 0…100 (lossy quality 0…100, higher is better and larger, default lossless), got 101")) {
            _ = try WebPAnimationEncoder(width: 10, height: 10, settings: EncoderSettings(quality: 101))
        }
        #expect(throws: EncodeError.self) { _ = try WebPAnimationEncoder(width: 10, height: 10, settings: EncoderSettings(quality: .nan)) }
        #expect(throws: EncodeError.self) { _ = try WebPAnimationEncoder(width: 0, height: 10) }
        #expect(throws: EncodeError.self) { _ = try WebPAnimationEncoder(width: 20_000, height: 10) }
        var encoder = try WebPAnimationEncoder(width: 10, height: 10)
        #expect(throws: EncodeError("a WebP animation needs at least one frame")) { _ = try encoder.finish(lastFrameHold: nil) }
        #expect(throws: EncodeError("frame 1 is 11×10, the animation 10×10")) {
            try encoder.addFrame(Image(width: 11, height: 10, background: .white), delay: 0.1)
        }
        var other = try WebPAnimationEncoder(width: 10, height: 10)
        #expect(throws: EncodeError.self) { try other.addFrame(Image(width: 10, height: 10, background: .white), delay: -1) }
        // GIF has no quality setting: the default init refuses one
        #expect(throws: EncodeError.self) { _ = try GIFAnimationEncoder(width: 10, height: 10, settings: EncoderSettings(quality: 50)) }
    }

    /// Each ANMF chunk's (x, y, width, height), read from the RIFF bytes as the
    /// WebP container specification lays them out (offsets are stored halved).
    static func frameRectangles(_ bytes: [UInt8]) -> [[Int]] {
        func u24(_ i: Int) -> Int { Int(bytes[i]) | Int(bytes[i + 1]) << 8 | Int(bytes[i + 2]) << 16 }
        var out: [[Int]] = []
        var at = 12
        while at + 8 <= bytes.count {
            let type = String(decoding: bytes[at..<at + 4], as: UTF8.self)
            let size = Int(bytes[at + 4]) | Int(bytes[at + 5]) << 8 | Int(bytes[at + 6]) << 16 | Int(bytes[at + 7]) << 24
            if type == "ANMF" {
                let p = at + 8
                out.append([2 * u24(p), 2 * u24(p + 3), u24(p + 6) + 1, u24(p + 9) + 1])
            }
            at += 8 + size + size % 2
        }
        return out
    }
}
