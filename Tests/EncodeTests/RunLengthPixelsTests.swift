import Testing
@testable import Encode

/// `RunLengthPixels` (how `GIFAnimation` holds a frame's changed rectangle)
/// must decode to exactly the pixels encoded, in both of its layouts and at the
/// edges of its run lengths.
struct RunLengthPixelsTests {
    /// Decodes `pixels` through `RunLengthPixels`.
    private func roundTrip(_ pixels: [UInt32]) -> (decoded: [UInt32], bytes: Int) {
        let encoded = pixels.withUnsafeBufferPointer { RunLengthPixels($0) }
        #expect(encoded.count == pixels.count)
        return (encoded.decoded(), encoded.byteCount)
    }

    /// Runs of every length around the layouts' limits (1, 7, 8, 9, 256, 257,
    /// 65 543, 65 544) in `colors` colours, then single pixels.
    private func runs(colors: Int) -> [UInt32] {
        var out: [UInt32] = []
        let lengths = [1, 7, 8, 9, 255, 256, 257, 65_543, 65_544, 70_000, 2, 1, 1]
        for k in 0..<max(colors, lengths.count) {
            let color = UInt32(k % colors) &* 2_654_435_761 & 0x00FF_FFFF
            out += [UInt32](repeating: color, count: k < lengths.count ? lengths[k] : 1)
        }
        return out
    }

    @Test(arguments: [1, 3, 300, RunLengthPixels.indexedColorLimit, RunLengthPixels.indexedColorLimit + 1, 20_000])
    func decodesToThePixelsEncoded(colors: Int) {
        let pixels = runs(colors: colors)
        #expect(roundTrip(pixels).decoded == pixels, "\(colors) colours")
    }

    @Test func emptyAndSinglePixels() {
        #expect(roundTrip([]).decoded == [])
        #expect(roundTrip([0x00FF_FFFF]).decoded == [0x00FF_FFFF])
        // Every pixel different (no run longer than one), more colours than
        // the indexed layout holds.
        let noisy = (0..<30_000).map { UInt32($0) &* 2_654_435_761 & 0x00FF_FFFF }
        #expect(roundTrip(noisy).decoded == noisy)
    }

    /// A figure-like frame (white, a few flat colours, anti-aliased edges)
    /// takes far less than its 4 bytes a pixel.
    @Test func aFigureLikeFrameIsSmall() {
        let width = 400, height = 300
        var pixels = [UInt32](repeating: 0x00FF_FFFF, count: width * height)
        for y in 50..<250 {
            for x in 60..<340 {
                let cell = (x / 20 + y / 20) % 12
                pixels[y * width + x] = UInt32(cell * 20) | UInt32(100 + cell) << 8 | 0x80 << 16
                if x % 20 == 0 { pixels[y * width + x] = UInt32(y % 200) << 8 }   // an edge
            }
        }
        let (decoded, bytes) = roundTrip(pixels)
        #expect(decoded == pixels)
        #expect(bytes * 10 < pixels.count * 4, "\(bytes) bytes")
    }

    /// `unchanged` pixels come back as they went in, in both layouts: as one
    /// more "colour" of the indexed layout, and as flagged runs (split at 128)
    /// of the runs layout.
    @Test(arguments: [5, RunLengthPixels.indexedColorLimit + 100])
    func unchangedPixelsDecodeAsUnchanged(colors: Int) {
        var pixels = runs(colors: colors)
        // Unchanged runs of 1, 127, 128, 129, 300 and 70 000 pixels, between colours.
        var at = 0
        for length in [1, 127, 128, 129, 300, 70_000] {
            at += 997
            let end = min(pixels.count, at + length)
            for i in at..<end { pixels[i] = RunLengthPixels.unchanged }
            at = end
        }
        pixels.append(RunLengthPixels.unchanged)                    // and the last pixel
        #expect(roundTrip(pixels).decoded == pixels, "\(colors) colours")
    }

    /// Deflated runs decode to the same pixels, in both layouts and with
    /// `unchanged` runs, and take fewer bytes; runs that deflate would not
    /// shrink (one pixel) are left as they are.
    @Test(arguments: [5, 300, RunLengthPixels.indexedColorLimit + 100])
    func deflatedRunsDecodeToThePixelsEncoded(colors: Int) {
        var pixels = runs(colors: colors)
        for i in stride(from: 500, to: 2_000, by: 3) { pixels[i] = RunLengthPixels.unchanged }
        var encoded = pixels.withUnsafeBufferPointer { RunLengthPixels($0) }
        let plainBytes = encoded.byteCount
        encoded.deflate()
        #expect(encoded.count == pixels.count)
        #expect(encoded.decoded() == pixels, "\(colors) colours")
        #expect(encoded.byteCount < plainBytes, "\(encoded.byteCount) of \(plainBytes) bytes")
        encoded.deflate()                                         // a second time changes nothing
        #expect(encoded.decoded() == pixels)

        var single = [UInt32(0x12_3456)].withUnsafeBufferPointer { RunLengthPixels($0) }
        let singleBytes = single.byteCount                        // zlib's own header is larger
        single.deflate()
        #expect(single.byteCount == singleBytes)
        #expect(single.decoded() == [0x12_3456])
    }

    /// Decoded onto a screen, a rectangle's runs — long ones crossing its rows
    /// — land in its rows, and `unchanged` pixels keep what the screen shows;
    /// in both layouts, held plain or deflated.
    @Test(arguments: [(5, false), (5, true), (RunLengthPixels.indexedColorLimit + 100, false),
                      (RunLengthPixels.indexedColorLimit + 100, true)])
    func decodedOntoAScreenFillsTheRectangleAroundUnchangedPixels(colors: Int, deflate: Bool) {
        let width = 300, rect = PixelRect(x: 17, y: 5, width: 123, height: 700)
        var pixels = Array(runs(colors: colors).prefix(rect.area))
        pixels += [UInt32](repeating: 0x00AB_CDEF, count: rect.area - pixels.count)
        for i in stride(from: 40, to: pixels.count, by: 1_000) {
            for k in i..<min(pixels.count, i + 300) { pixels[k] = RunLengthPixels.unchanged }
        }
        var encoded = pixels.withUnsafeBufferPointer { RunLengthPixels($0) }
        if deflate { encoded.deflate() }
        let background: (Int) -> UInt32 = { UInt32($0 % 977) << 8 }
        var screen = (0..<width * 710).map(background)
        screen.withUnsafeMutableBufferPointer { encoded.decode(onto: $0, at: rect, width: width) }
        var expected = (0..<width * 710).map(background)
        for (i, p) in pixels.enumerated() where p != RunLengthPixels.unchanged {
            expected[(rect.y + i / rect.width) * width + rect.x + i % rect.width] = p
        }
        #expect(screen == expected)
    }
}
