import Foundation
import Testing
import Raster
@testable import Encode

/// MP4 (H.264) written by `MP4AnimationEncoder`, read back by libavformat and
/// libavcodec.
@Suite struct MP4AnimationTests {
    @Test func framesTimestampsHoldPaddingAndTagsAsWritten() throws {
        let frames = figureLikeFrames(6)   // 201 × 121: both sides odd
        var settings = EncoderSettings()
        settings.background = Color(hex: 0x336699)
        let bytes = try encodeAnimation(MP4AnimationEncoder.self, frames, settings: settings, delay: 0.06, hold: 1.5)
        let video = try MP4Decoder.decode(bytes)
        #expect(video.frames.count == 6)
        #expect(video.starts == [0, 60, 120, 180, 240, 300])
        #expect(video.durations == [60, 60, 60, 60, 60, 1500])
        #expect(video.width == 202 && video.height == 122)       // padded to even, never cropped
        #expect(video.pixelFormat == "yuv420p" && video.isBT709LimitedRange)
        #expect(video.moovOffset >= 0 && video.moovOffset < video.mdatOffset)   // fast start
        for (decoded, original) in zip(video.frames, frames) {
            #expect(psnr(decoded, original) >= 35, "PSNR \(psnr(decoded, original)) dB")
        }
        // the added column and row are the background colour, not a copy of the edge
        let padding = pixel(video.frames.last!, 201, 121)
        // (its colour is shared with the image's white column in 4:2:0, its
        // brightness is its own: compare BT.709 luma)
        func luma(_ p: [Int]) -> Double { 0.2126 * Double(p[0]) + 0.7152 * Double(p[1]) + 0.0722 * Double(p[2]) }
        let lumaError = abs(luma(padding) - luma([0x33, 0x66, 0x99]))
        #expect(lumaError <= 8, "\(padding)")
        // the red marker stays red, and the one-pixel path stays darker than the background
        let path = pixel(video.frames.last!, 10, 20)
        #expect(path[0] < 120 && path[2] > 120, "\(path)")
        let marker = pixel(video.frames.last!, 17 + 12 * 5, 20 + 2 * 5)
        let isRed: Bool = marker[0] > 150 && marker[1] < 110 && marker[2] < 110
        #expect(isRed, "\(marker)")
    }

    @Test func twoRunsGiveIdenticalBytesWithoutVersionOrTime() throws {
        let frames = figureLikeFrames(8, width: 202, height: 120)
        let a = try encodeAnimation(MP4AnimationEncoder.self, frames)
        let b = try encodeAnimation(MP4AnimationEncoder.self, frames)
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(!text.contains("x264") && !text.contains("Lavf") && !text.contains("Lavc"))
        // mvhd's creation and modification times are zero
        let mvhd = a.indices.first { a[$0..<min(a.count, $0 + 4)].elementsEqual("mvhd".utf8) }!
        #expect(a[(mvhd + 8)..<(mvhd + 16)].allSatisfy { $0 == 0 })
        let worse = try encodeAnimation(MP4AnimationEncoder.self, frames, settings: EncoderSettings(quality: 40))
        #expect(worse.count < a.count)
    }

    @Test func badSettingsAreRefused() throws {
        #expect(throws: EncodeError("mp4 quality must be an integer 1…51 (x264 CRF 1…51, lower is better and larger, default 18), got 52")) {
            _ = try MP4AnimationEncoder(width: 10, height: 10, settings: EncoderSettings(quality: 52))
        }
        #expect(throws: EncodeError.self) { _ = try MP4AnimationEncoder(width: 10, height: 10, settings: EncoderSettings(quality: 12.5)) }
        #expect(throws: EncodeError.self) { _ = try MP4AnimationEncoder(width: 10, height: 10, settings: EncoderSettings(quality: 0)) }
        #expect(throws: EncodeError.self) { _ = try MP4AnimationEncoder(width: 1, height: 10) }
        var encoder = try MP4AnimationEncoder(width: 10, height: 10)
        #expect(throws: EncodeError("an MP4 animation needs at least one frame")) { _ = try encoder.finish(lastFrameHold: nil) }
        #expect(throws: EncodeError.self) { try encoder.addFrame(Image(width: 12, height: 10, background: .white), delay: 0.1) }
    }
}
