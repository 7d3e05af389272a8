import Foundation
import Testing
import Raster
@testable import Encode

/// Large changed rectangles are coded with transparent holes everywhere, only
/// in long runs, or nowhere — whichever is smallest — and every choice decodes
/// to the same frames.
@Suite struct GIFPatchCodingTests {
    /// A turning "orbit": every frame a diagonal band pattern of 60 colours
    /// shifted along, so most pixels change and some keep their colour by
    /// chance (scattered holes that cost LZW its runs), on a still white margin.
    static func orbit(frames: Int) -> [Image] {
        (0..<frames).map { k in
            TestImages.make(160, 120) { x, y in
                guard (10..<150).contains(x), (10..<110).contains(y) else { return (255, 255, 255, 255) }
                // A shaded "surface" turning: quantized to 32 shades, so a pixel
                // keeps its shade from one frame to the next here and there.
                let v = sin(Double(x) / 9 + Double(k) * 0.4) + cos(Double(y) / 7 - Double(k) * 0.2)
                let band = Int(((v + 2) * 8).rounded(.down))
                return (UInt8(band * 7), 100, UInt8(255 - band * 7), 255)
            }
        }
    }

    /// The frames through a writer, with or without the choice of coding.
    func encode(_ frames: [Image], choosing: Bool) throws -> [UInt8] {
        var histogram = ColorHistogram()
        var differ = FrameDiffer(width: 160, height: 120)
        var patches: [(PixelRect?, [UInt32])] = []
        for f in frames {
            let (rect, rgb) = differ.next(f)
            rgb.withUnsafeBufferPointer { histogram.add($0) }
            patches.append((rect, rgb))
        }
        let palette = GIFPalette(histogram: histogram, needsTransparency: true)
        var writer = try GIFFrameWriter(width: 160, height: 120, palette: palette, loopCount: 0)
        writer.choosesCoding = choosing
        for (rect, rgb) in patches {
            try rgb.withUnsafeBufferPointer { try writer.add(rect: rect, rgb: $0, delay: 5) }
        }
        return try writer.finish(lastDelay: nil)
    }

    @Test func orbitFramesRoundTripAndCodeSmallerThanWithEveryHole() throws {
        let frames = Self.orbit(frames: 8)
        let chosen = try encode(frames, choosing: true)
        let holes = try encode(frames, choosing: false)
        for bytes in [chosen, holes] {
            let decoded = try GIFDecoder.decode(bytes)
            #expect(decoded.frames.count == frames.count)
            for (a, b) in zip(decoded.frames, frames) { #expect(a == b) }
        }
        #expect(chosen.count < holes.count, "\(chosen.count) vs \(holes.count)")
        // GIFAnimation writes what the choosing writer writes.
        var gif = GIFAnimation(width: 160, height: 120)
        for f in frames { gif.addFrame(f, delay: 0.05) }
        #expect(try gif.encode() == chosen)
    }
}
