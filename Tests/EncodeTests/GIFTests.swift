import Testing
import Raster
@testable import Encode

/// A 120×80 figure-like animation with few colours: a grey-blue background,
/// a dark frame line, and a path of orange squares that grows by one per frame.
private func growingPath(frames: Int, size: (Int, Int) = (120, 80)) -> [Image] {
    var image = Image(width: size.0, height: size.1, background: Color(hex: 0xDDE4F0))
    image.fill(5, 5, size.0 - 10, 1, (0, 0, 0, 255))
    image.fill(10, 10, 4, 4, (255, 0, 0, 255))              // start marker
    var out: [Image] = []
    for k in 0..<frames {
        image.fill(14 + 6 * k, 12 + (k % 3), 6, 2, (0xff, 0x7f, 0x0e, 255))
        out.append(image)
    }
    return out
}

private func animation(_ frames: [Image], delay: Double = 0.06) -> GIFAnimation {
    var gif = GIFAnimation(width: frames[0].width, height: frames[0].height)
    for f in frames { gif.addFrame(f, delay: delay) }
    return gif
}

@Suite struct GIFTests {
    @Test func exactPaletteRoundTripsEveryPixelOfEveryFrame() throws {
        let frames = growingPath(frames: 12)
        let bytes = try animation(frames).encode()
        #expect(Array(bytes.prefix(6)) == Array("GIF89a".utf8))
        let decoded = try GIFDecoder.decode(bytes)
        #expect(decoded.frames.count == 12)
        for (a, b) in zip(decoded.frames, frames) { #expect(a == b) }
        let info = try #require(GIFInspector(bytes))
        #expect(info.tableSize == 8)                          // 4 colours + transparent → 8
        #expect(info.frames.dropFirst().allSatisfy { $0.transparentIndex == 4 && $0.disposal == 1 })
        #expect(info.frames[0].transparentIndex == -1)
    }

    @Test func delaysAreHundredthsClampedToTwo() throws {
        let frames = growingPath(frames: 5)
        var gif = GIFAnimation(width: 120, height: 80)
        for (f, d) in zip(frames, [0.05, 0.01, 0.1, 0.033, -1]) { gif.addFrame(f, delay: d) }
        #expect(try GIFDecoder.decode(gif.encode()).delays == [5, 2, 10, 3, 2])
        gif.lastFrameHold = 2.5
        #expect(try GIFDecoder.decode(gif.encode()).delays == [5, 2, 10, 3, 250])
        #expect(GIFAnimation.hundredths(.nan) == 2 && GIFAnimation.hundredths(1e9) == 65535)
    }

    @Test func loopCountForeverOnceAndN() throws {
        var gif = animation(growingPath(frames: 3))
        let forever = try gif.encode()
        #expect(try GIFDecoder.decode(forever).loopCount == 0)
        #expect(forever.count > 20 && containsNetscape(forever))
        gif.loopCount = 3
        #expect(try GIFDecoder.decode(gif.encode()).loopCount == 3)
        let threeBytes = try gif.encode()
        #expect(containsNetscape(threeBytes))
        gif.loopCount = 1
        let once = try gif.encode()
        #expect(try GIFDecoder.decode(once).loopCount == nil)  // no block: viewers play once
        #expect(!containsNetscape(once))
    }

    private func containsNetscape(_ bytes: [UInt8]) -> Bool {
        let id = Array("NETSCAPE2.0".utf8)
        return bytes.indices.dropLast(id.count).contains { bytes[$0..<$0 + id.count].elementsEqual(id) }
    }

    @Test func unchangedFrameIsKeptAsOneTransparentPixel() throws {
        var frames = growingPath(frames: 3)
        frames.insert(frames[1], at: 2)
        let bytes = try animation(frames).encode()
        let decoded = try GIFDecoder.decode(bytes)
        #expect(decoded.frames == frames)
        let info = try #require(GIFInspector(bytes))
        #expect(info.frames[2].width == 1 && info.frames[2].height == 1)
    }

    @Test func exactly256ColoursStayLosslessWithoutTransparentIndex() throws {
        let base = TestImages.make(64, 16) { x, y in
            let k = (x + 64 * y) % 256
            return (UInt8(k), UInt8(255 - k), 7, 255)
        }
        var second = base
        second.fill(3, 3, 5, 5, base.rgba(40, 2).withUnsafeBufferPointer { ($0[0], $0[1], $0[2], $0[3]) })
        let bytes = try animation([base, second, base]).encode()
        #expect(try GIFDecoder.decode(bytes).frames == [base, second, base])
        let info = try #require(GIFInspector(bytes))
        #expect(info.tableSize == 256)
        #expect(info.frames.allSatisfy { $0.transparentIndex == -1 })
    }

    @Test func gradientIsQuantizedWithBoundedError() throws {
        let image = TestImages.gradient(256, 128)
        var gif = GIFAnimation(width: 256, height: 128)
        gif.addFrame(image, delay: 0.1)
        let decoded = try GIFDecoder.decode(gif.encode()).frames[0]
        // A 2-D sheet of 32 768 colours in 255 entries: each entry covers ~128
        // colours, so ±10 per channel is the ideal; edges of the gamut do worse.
        // Measured: max 26, mean 4.1 (red 5.0, green 3.7, blue 3.5).
        let error = TestImages.maxChannelError(decoded, image)
        #expect(error <= 32, "max channel error \(error)")
        let mean = Double(zip(decoded.pixels, image.pixels).map { abs(Int($0) - Int($1)) }.reduce(0, +))
            / Double(image.width * image.height * 3)        // alpha adds no error
        #expect(mean < 5, "mean channel error \(mean)")
    }

    @Test func smallRedMarkerAndThinOrangeLineSurviveQuantization() throws {
        // A busy background (a gradient with per-pixel noise: ~100 000 colours,
        // like a shaded surface) where plain median cut turns a 9-pixel red
        // marker pink (measured: 240, 54, 127); outlier seeding keeps it red.
        let (w, h) = (400, 300)
        var seed: UInt64 = 12345
        var image = TestImages.make(w, h) { x, y in
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let n = Int(seed >> 58)
            return (UInt8(min(255, x * 200 / w + n)), UInt8(min(255, y * 200 / h + n)),
                    UInt8(min(255, (x + y) * 150 / (w + h) + n)), 255)
        }
        image.fill(200, 150, 3, 3, (255, 0, 0, 255))                // start marker
        image.fill(20, 40, 360, 1, (0xff, 0x7f, 0x0e, 255))         // one-pixel trajectory
        var gif = GIFAnimation(width: w, height: h)
        gif.addFrame(image, delay: 0.1)
        let decoded = try GIFDecoder.decode(gif.encode()).frames[0]
        let red = decoded.rgba(201, 151), orange = decoded.rgba(100, 40)
        #expect(zip(red, [255, 0, 0, 255]).allSatisfy { abs(Int($0) - $1) <= 6 }, "red became \(red)")
        #expect(zip(orange, [0xff, 0x7f, 0x0e, 255]).allSatisfy { abs(Int($0) - $1) <= 6 }, "orange became \(orange)")
    }

    @Test func outlierSeedingGivesARareDistantColourItsOwnEntry() {
        // 64 greys with a million pixels each and one red sample of 10 pixels,
        // into 20 entries: median cut alone spends them all on the greys.
        var samples = (0..<64).map { i -> ColorSample in
            let v = Float(i * 4)
            return ColorSample(srgb: SIMD3(v, v, v), lab: Oklab.from(srgb: SIMD3(v, v, v)), weight: 1_000_000)
        }
        let red = SIMD3<Float>(255, 0, 0)
        samples.append(ColorSample(srgb: red, lab: Oklab.from(srgb: red), weight: 10))
        let palette = MedianCut.palette(samples, count: 20)
        #expect(palette.count == 20)
        #expect(palette.contains(0x0000FF))                          // r = 255, g = b = 0
        // Against entries at every grey, only the red is farther than the threshold.
        #expect(MedianCut.outliers(samples, centres: samples.dropLast().map(\.lab), limit: 4) == [64])
    }

    @Test func quantizedStaticPixelsAreIdenticalInEveryFrame() throws {
        var image = TestImages.gradient(160, 100)
        var frames: [Image] = []
        for k in 0..<6 {
            image.fill(10 + 20 * k, 50, 8, 8, (255, 0, 0, 255))
            frames.append(image)
        }
        let decoded = try GIFDecoder.decode(animation(frames).encode()).frames
        // Pixels never touched by a marker must decode the same in every frame.
        for y in stride(from: 0, to: 100, by: 3) {
            for x in stride(from: 0, to: 160, by: 3) where !(50..<58).contains(y) {
                let first = decoded[0].rgba(x, y)
                #expect(decoded.allSatisfy { $0.rgba(x, y) == first })
            }
        }
        #expect(TestImages.maxChannelError(decoded[5], frames[5]) <= 32)
    }

    @Test func frameDifferencingStoresOnlyTheChangedRectangle() throws {
        // A busy 200×200 background (48 colours in a pattern LZW cannot shortcut)
        // and one 3×3 block changing per frame.
        var image = TestImages.make(200, 200) { x, y in
            let k = (x * 7 + y * 13 + (x * y) % 5) % 48
            return (UInt8(k * 5), UInt8(200 - k * 3), UInt8(k * 2), 255)
        }
        var frames: [Image] = []
        for k in 0..<30 {
            image.fill(20 + 5 * k, 30 + 4 * k, 3, 3, (255, 0, 0, 255))
            frames.append(image)
        }
        let diffed = try animation(frames).encode()
        let whole = try frames.reduce(0) { sum, f in
            var single = GIFAnimation(width: 200, height: 200)
            single.addFrame(f, delay: 0.06)
            return sum + (try single.encode().count)
        }
        #expect(diffed.count * 15 < whole, "differenced \(diffed.count) bytes vs \(whole) whole")
        let info = try #require(GIFInspector(diffed))
        #expect(info.frames[0].width == 200 && info.frames[0].height == 200)
        let second = info.frames[1]
        #expect((second.left, second.top, second.width, second.height) == (25, 34, 3, 3))
        #expect(try GIFDecoder.decode(diffed).frames == frames)
    }

    @Test func unchangedPixelsInsideTheRectangleAreTransparent() throws {
        let first = growingPath(frames: 1)[0]
        var second = first
        second.fill(30, 40, 1, 1, (0, 0, 0, 255))                  // two changes far apart:
        second.fill(69, 59, 1, 1, (255, 0, 0, 255))                // the rectangle is 40×20
        let info = try #require(GIFInspector(animation([first, second]).encode()))
        let f = info.frames[1]
        #expect((f.left, f.top, f.width, f.height) == (30, 40, 40, 20))
        let t = UInt8(f.transparentIndex)
        #expect(f.indices.first != t && f.indices.last != t)
        #expect(f.indices.filter { $0 == t }.count == 40 * 20 - 2)
    }

    @Test func sameFramesGiveSameBytes() throws {
        let frames = growingPath(frames: 8)
        let a = try animation(frames).encode()
        let b = try animation(frames).encode()
        #expect(a == b)
        var image = TestImages.gradient(90, 60)
        image.fill(10, 10, 3, 3, (255, 0, 0, 255))
        #expect(try animation([image, TestImages.gradient(90, 60)]).encode()
                == animation([image, TestImages.gradient(90, 60)]).encode())
    }

    @Test func translucentPixelsAreCompositedOverWhite() throws {
        var image = Image(width: 4, height: 1, background: .white)
        image.fill(0, 0, 1, 1, (255, 0, 0, 128))
        image.fill(1, 0, 1, 1, (0, 0, 0, 0))
        image.fill(2, 0, 1, 1, (0, 0, 255, 255))
        var gif = GIFAnimation(width: 4, height: 1)
        gif.addFrame(image, delay: 0.1)
        let decoded = try GIFDecoder.decode(gif.encode()).frames[0]
        #expect(decoded.rgba(0, 0) == [255, 127, 127, 255])
        #expect(decoded.rgba(1, 0) == [255, 255, 255, 255])
        #expect(decoded.rgba(2, 0) == [0, 0, 255, 255])
    }

    @Test func invalidAnimationsThrow() throws {
        #expect(throws: EncodeError.self) { try GIFAnimation(width: 10, height: 10).encode() }
        var wrongSize = GIFAnimation(width: 10, height: 10)
        wrongSize.addFrame(Image(width: 10, height: 10), delay: 0.1)
        wrongSize.addFrame(Image(width: 11, height: 10), delay: 0.1)
        let error = #expect(throws: EncodeError.self) { try wrongSize.encode() }
        #expect(error?.message == "frame 1 is 11×10 but the animation is 10×10")
        var badLoop = animation(growingPath(frames: 2))
        badLoop.loopCount = -1
        #expect(throws: EncodeError.self) { try badLoop.encode() }
        #expect(throws: EncodeError.self) { try GIFAnimation(width: 70_000, height: 1).encode() }
        #expect(throws: EncodeError.self) { try GIFDecoder.decode(Array("GIF89a".utf8)) }
        #expect(throws: EncodeError.self) { try GIFDecoder.decode([1, 2, 3]) }
    }
}
