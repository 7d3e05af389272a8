import Testing
import Raster
@testable import Encode

@Suite struct PNGTests {
    @Test func opaqueImageWithManyColoursIsRGBAndRoundTrips() throws {
        let image = TestImages.gradient(97, 61)
        let png = try PNGEncoder.encode(image)
        let h = PNGChunks(png).header
        #expect(h.width == 97 && h.height == 61)
        #expect(h.colorType == 2 && h.bitDepth == 8)
        #expect(try PNGDecoder.decode(png) == image)
    }

    @Test func translucentImageWithManyColoursIsRGBAAndRoundTrips() throws {
        let image = TestImages.make(64, 40) { x, y in
            (UInt8(x * 4), UInt8(y * 6), UInt8(x ^ y), UInt8(255 - (x + y) % 200))
        }
        let png = try PNGEncoder.encode(image)
        let h = PNGChunks(png).header
        #expect(h.colorType == 6 && h.bitDepth == 8)
        #expect(try PNGDecoder.decode(png) == image)
    }

    /// (colour count, expected bit depth): the smallest depth that holds them.
    @Test(arguments: [(2, 1), (3, 2), (4, 2), (5, 4), (16, 4), (17, 8), (200, 8), (256, 8)])
    func fewColoursArePaletteAtSmallestDepth(count: Int, depth: Int) throws {
        let image = TestImages.make(37, 23) { x, y in
            let k = (x * 7 + y * 13) % count
            return (UInt8(k), UInt8(255 - k), UInt8(k * 3 % 256), 255)
        }
        let png = try PNGEncoder.encode(image)
        let chunks = PNGChunks(png)
        #expect(chunks.header.colorType == 3)
        #expect(chunks.header.bitDepth == depth)
        #expect(chunks.data["PLTE"]?.count == 3 * count)
        #expect(!chunks.types.contains("tRNS"))
        #expect(try PNGDecoder.decode(png) == image)
    }

    @Test func paletteWithTransparencyWritesShortTRNS() throws {
        // 3 translucent colours among 40: tRNS holds only the 3 sorted first.
        let image = TestImages.make(50, 30) { x, y in
            let k = (x + 3 * y) % 40
            return (UInt8(k * 6), 10, UInt8(k), k < 3 ? UInt8(k * 60) : 255)
        }
        let png = try PNGEncoder.encode(image)
        let chunks = PNGChunks(png)
        #expect(chunks.header.colorType == 3 && chunks.header.bitDepth == 8)
        #expect(chunks.data["tRNS"] == [0, 60, 120])
        #expect(try PNGDecoder.decode(png) == image)
    }

    @Test func fullyTransparentPixelsKeepTheirColour() throws {
        let image = TestImages.make(300, 2) { x, y in (UInt8(x % 256), UInt8(x / 256), UInt8(y), x % 2 == 0 ? 0 : 255) }
        let png = try PNGEncoder.encode(image)
        #expect(PNGChunks(png).header.colorType == 6)
        #expect(try PNGDecoder.decode(png) == image)
    }

    @Test func sameImageGivesSameBytesAndNoTimestamp() throws {
        let image = TestImages.gradient(80, 50)
        let a = try PNGEncoder.encode(image)
        let b = try PNGEncoder.encode(Image(width: 80, height: 50, pixels: image.pixels)!)
        #expect(a == b)
        #expect(PNGChunks(a).types == ["IHDR", "IDAT", "IEND"])
        let pal = try PNGEncoder.encode(Image(width: 9, height: 9, background: .red))
        #expect(PNGChunks(pal).types == ["IHDR", "PLTE", "IDAT", "IEND"])
    }

    @Test func compressionLevelChangesSizeNotPixels() throws {
        let image = TestImages.gradient(200, 120)
        let stored = try PNGEncoder.encode(image, compressionLevel: 0)
        let best = try PNGEncoder.encode(image, compressionLevel: 9)
        #expect(stored.count > 200 * 120 * 3)          // level 0 stores the rows
        #expect(best.count < stored.count)
        #expect(try PNGDecoder.decode(stored) == image)
        #expect(try PNGDecoder.decode(best) == image)
    }

    /// A plot-like image (flat bands, an anti-aliased diagonal, > 256 colours so
    /// it is stored as RGB): unfiltered rows compress it far below its raw size
    /// at every level from 1, and every level decodes to the same pixels.
    @Test func flatFiguresCompressWellUnfiltered() throws {
        let image = TestImages.make(300, 200) { x, y in
            let d = x - 3 * y / 2
            if d < 0 { return (255, 255, 255, 255) }
            if d < 2 { return (UInt8(x % 256), UInt8(y), 100, 255) }   // the "edge": many colours
            return (UInt8(40 * (y / 40)), 90, 200, 255)                  // flat bands
        }
        let raw = 300 * 200 * 3
        for level in [1, 6, 9] {
            let bytes = try PNGEncoder.encode(image, compressionLevel: level)
            #expect(bytes.count * 10 < raw)
            #expect(try PNGDecoder.decode(bytes) == image)
        }
    }

    @Test func invalidInputThrows() throws {
        let image = Image(width: 4, height: 4)
        #expect(throws: EncodeError.self) { try PNGEncoder.encode(image, compressionLevel: 10) }
        #expect(throws: EncodeError.self) { try PNGEncoder.encode(image, compressionLevel: -1) }
        // An image whose pixel count does not match its size cannot be made.
        #expect(Image(width: 4, height: 4, pixels: [UInt8](repeating: 0, count: 63)) == nil)
    }

    @Test func decoderRejectsGarbageAndTruncation() throws {
        #expect(throws: EncodeError.self) { try PNGDecoder.decode([]) }
        #expect(throws: EncodeError.self) { try PNGDecoder.decode(Array("GIF89a....".utf8)) }
        let png = try PNGEncoder.encode(TestImages.gradient(40, 40))
        #expect(throws: EncodeError.self) { try PNGDecoder.decode(Array(png.prefix(png.count / 2))) }
        var corrupt = png
        corrupt[50] ^= 0xff                            // inside IDAT data: the CRC no longer matches
        #expect(throws: EncodeError.self) { try PNGDecoder.decode(corrupt) }
    }
}
