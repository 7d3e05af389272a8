import CWebP
import Raster

/// Decodes an animated (or still) WebP into full canvas frames through libwebp's
/// own `WebPAnimDecoder` (used by tests to check what `WebPAnimationEncoder`
/// wrote): sub-frames are blended and disposed as a browser shows them.
public enum WebPAnimationDecoder {
    /// - Returns: the frames (RGBA, canvas-sized), each frame's duration in
    ///   milliseconds, and the loop count (0 = forever).
    /// - Throws: `EncodeError` for bytes libwebp cannot read.
    public static func decode(_ bytes: [UInt8]) throws -> (frames: [Image], delays: [Int], loopCount: Int) {
        try bytes.withUnsafeBufferPointer { buffer in
            var data = WebPData(bytes: buffer.baseAddress, size: buffer.count)
            var options = WebPAnimDecoderOptions()
            guard WebPAnimDecoderOptionsInit(&options) != 0 else { throw EncodeError("libwebp's decoder has another ABI version than its headers") }
            options.color_mode = MODE_RGBA
            options.use_threads = 0
            guard let decoder = WebPAnimDecoderNew(&data, &options) else { throw EncodeError("not a readable WebP file") }
            defer { WebPAnimDecoderDelete(decoder) }
            var info = WebPAnimInfo()
            guard WebPAnimDecoderGetInfo(decoder, &info) != 0 else { throw EncodeError("WebP file without animation info") }
            let width = Int(info.canvas_width), height = Int(info.canvas_height)
            var frames: [Image] = []
            var delays: [Int] = []
            var previous: Int32 = 0
            while WebPAnimDecoderHasMoreFrames(decoder) != 0 {
                var pixels: UnsafeMutablePointer<UInt8>?
                var end: Int32 = 0
                guard WebPAnimDecoderGetNext(decoder, &pixels, &end) != 0, let pixels else {
                    throw EncodeError("WebP frame \(frames.count + 1) is unreadable")
                }
                guard let image = Image(width: width, height: height,
                                        pixels: Array(UnsafeBufferPointer(start: pixels, count: width * height * 4))) else {
                    throw EncodeError("WebP frame \(frames.count + 1) has the wrong size")
                }
                frames.append(image)
                delays.append(Int(end - previous))
                previous = end
            }
            return (frames, delays, Int(info.loop_count))
        }
    }
}
