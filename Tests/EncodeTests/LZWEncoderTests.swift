import CGIF
import Testing
@testable import Encode

/// `LZWEncoder` must give the bytes giflib's own `EGifPutLine` gives: every
/// case writes the same images both ways and compares whole files, then reads
/// ours back through giflib's decoder.
@Suite struct LZWEncoderTests {
    /// One image of a GIF: its size and indices, row by row.
    struct Picture {
        var width: Int, height: Int
        var indices: [UInt8]
    }

    /// A deterministic pseudo-random byte stream (SplitMix64), `below` values.
    static func noise(_ count: Int, below: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { _ in
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return UInt8(truncatingIfNeeded: (z ^ (z >> 31)) % UInt64(below))
        }
    }

    /// Figure-like indices: runs of a few colours with noise at their edges.
    static func runs(_ count: Int, colors: Int, seed: UInt64) -> [UInt8] {
        let lengths = noise(count, below: 40, seed: seed)
        let values = noise(count, below: colors, seed: seed ^ 0xABCD)
        var out: [UInt8] = []
        out.reserveCapacity(count)
        var k = 0
        while out.count < count {
            out += repeatElement(values[k], count: min(count - out.count, Int(lengths[k]) + 1))
            k += 1
        }
        return out
    }

    private static func colors(_ tableSize: Int) -> [UInt32] {
        (0..<tableSize).map { UInt32($0 &* 0x010305 & 0xFFFFFF) }
    }

    /// The file `GIFWriter` writes: screen, then each picture at the origin.
    static func ours(_ pictures: [Picture], tableSize: Int) throws -> [UInt8] {
        let w = try GIFWriter()
        try w.screen(width: pictures.map(\.width).max()!, height: pictures.map(\.height).max()!,
                     colors: colors(tableSize), tableSize: tableSize)
        for p in pictures {
            try w.image(PixelRect(x: 0, y: 0, width: p.width, height: p.height), indices: p.indices)
        }
        return try w.finish()
    }

    /// The same file written by giflib alone, its rows LZW-coded by `EGifPutLine`.
    static func giflibs(_ pictures: [Picture], tableSize: Int) throws -> [UInt8] {
        final class Sink { var bytes: [UInt8] = [] }
        let sink = Sink()
        var error: Int32 = 0
        let gif = try #require(EGifOpen(Unmanaged.passUnretained(sink).toOpaque(), { gif, bytes, count in
            let s = Unmanaged<Sink>.fromOpaque(gif!.pointee.UserData).takeUnretainedValue()
            s.bytes += UnsafeBufferPointer(start: bytes, count: Int(count))
            return count
        }, &error))
        EGifSetGifVersion(gif, true)
        var table = colors(tableSize).map {
            GifColorType(Red: UInt8($0 & 0xFF), Green: UInt8($0 >> 8 & 0xFF), Blue: UInt8($0 >> 16 & 0xFF))
        }
        let map = try #require(GifMakeMapObject(Int32(tableSize), &table))
        defer { GifFreeMapObject(map) }
        try withExtendedLifetime(sink) {
            #expect(EGifPutScreenDesc(gif, Int32(pictures.map(\.width).max()!),
                                      Int32(pictures.map(\.height).max()!), 8, 0, map) == GIF_OK)
            for p in pictures {
                #expect(EGifPutImageDesc(gif, 0, 0, Int32(p.width), Int32(p.height), false, nil) == GIF_OK)
                var rows = p.indices
                try rows.withUnsafeMutableBufferPointer { buffer in
                    for y in 0..<p.height {
                        try #require(EGifPutLine(gif, buffer.baseAddress! + y * p.width, Int32(p.width)) == GIF_OK)
                    }
                }
            }
            #expect(EGifCloseFile(gif, &error) == GIF_OK)
        }
        return sink.bytes
    }

    /// Ours equals giflib's byte for byte, and giflib reads back every index
    /// (masked to the table's bits, as both encoders mask).
    func check(_ pictures: [Picture], tableSize: Int, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let mine = try Self.ours(pictures, tableSize: tableSize)
        let theirs = try Self.giflibs(pictures, tableSize: tableSize)
        #expect(mine.count == theirs.count, sourceLocation: sourceLocation)
        #expect(Self.firstDifference(mine, theirs) == nil, sourceLocation: sourceLocation)
        let decoded = try #require(GIFInspector(mine), sourceLocation: sourceLocation)
        let mask = UInt8(truncatingIfNeeded: (1 << max(2, tableSize.trailingZeroBitCount)) - 1)
        let readBack = decoded.frames.map(\.indices) == pictures.map { $0.indices.map { $0 & mask } }
        #expect(readBack, sourceLocation: sourceLocation)
    }

    /// Where two byte strings first differ (nil when equal) — what a failure
    /// reports instead of a diff of two large arrays.
    static func firstDifference(_ a: [UInt8], _ b: [UInt8]) -> Int? {
        a == b ? nil : (0..<min(a.count, b.count)).first { a[$0] != b[$0] } ?? min(a.count, b.count)
    }

    @Test func onePixel() throws {
        try check([Picture(width: 1, height: 1, indices: [1])], tableSize: 2)
        try check([Picture(width: 1, height: 1, indices: [200])], tableSize: 256)
    }

    @Test func singleColourGrowsOneLongString() throws {
        try check([Picture(width: 640, height: 480, indices: [UInt8](repeating: 3, count: 640 * 480))], tableSize: 4)
        try check([Picture(width: 333, height: 77, indices: [UInt8](repeating: 255, count: 333 * 77))], tableSize: 256)
    }

    @Test func twoColoursUseCodeSizeTwo() throws {
        // 2 colours: 1 bit per pixel, which GIF codes with the minimum size 2.
        let pixels = Self.noise(120 * 90, below: 2, seed: 1)
        try check([Picture(width: 120, height: 90, indices: pixels)], tableSize: 2)
        let mine = try Self.ours([Picture(width: 120, height: 90, indices: pixels)], tableSize: 2)
        let headerAndTable = 13 + 3 * 2, descriptor = 10
        #expect(mine[headerAndTable + descriptor] == 2)       // the LZW minimum code size byte
    }

    @Test func everyCodeSizeWithRunsAndNoise() throws {
        for bits in 1...8 {
            let size = 1 << bits
            try check([Picture(width: 301, height: 203, indices: Self.runs(301 * 203, colors: size, seed: UInt64(bits)))],
                      tableSize: size)
            try check([Picture(width: 97, height: 55, indices: Self.noise(97 * 55, below: size, seed: UInt64(bits)))],
                      tableSize: size)
        }
    }

    @Test func randomDataFillsTheTableManyTimes() throws {
        // 256 colours of noise: nearly every pixel adds a code, so the 4096-code
        // table fills (and a clear code is written) every ~3 800 pixels — about
        // 100 times here; with 2 colours the strings grow longer but still fill it.
        try check([Picture(width: 640, height: 600, indices: Self.noise(640 * 600, below: 256, seed: 7))], tableSize: 256)
        try check([Picture(width: 800, height: 500, indices: Self.noise(800 * 500, below: 2, seed: 8))], tableSize: 2)
        try check([Picture(width: 800, height: 500, indices: Self.noise(800 * 500, below: 16, seed: 9))], tableSize: 16)
    }

    @Test func widthsOfOneAnd65535() throws {
        try check([Picture(width: 1, height: 5000, indices: Self.runs(5000, colors: 8, seed: 3))], tableSize: 8)
        try check([Picture(width: 65535, height: 3, indices: Self.runs(65535 * 3, colors: 64, seed: 4))], tableSize: 64)
    }

    @Test func indicesBeyondTheTableAreMaskedAsGiflibMasksThem() throws {
        let pixels = Self.noise(50 * 40, below: 256, seed: 5)          // 0...255 into a 4-entry table
        try check([Picture(width: 50, height: 40, indices: pixels)], tableSize: 4)
    }

    @Test func imagesAfterTheFirstStartFromAnEmptyTable() throws {
        // The second and third images reuse the encoder: strings of the first
        // must not leak into them.
        let a = Self.runs(200 * 100, colors: 32, seed: 11)
        let b = Self.noise(64 * 48, below: 32, seed: 12)
        try check([Picture(width: 200, height: 100, indices: a), Picture(width: 64, height: 48, indices: b),
                   Picture(width: 200, height: 100, indices: a)], tableSize: 32)
    }

    @Test func codedSizeIsTheStreamLengthAndStopsAtTheLimit() throws {
        let pixels = Self.runs(300 * 200, colors: 16, seed: 13)
        let file = try Self.ours([Picture(width: 300, height: 200, indices: pixels)], tableSize: 16)
        // The stream after the code-size byte, without the sub-block lengths.
        var stream: [UInt8] = []
        var i = 13 + 3 * 16 + 10 + 1
        while file[i] != 0 {
            stream += file[i + 1...i + Int(file[i])]
            i += Int(file[i]) + 1
        }
        let w = try GIFWriter()
        try w.screen(width: 300, height: 200, colors: Self.colors(16), tableSize: 16)
        #expect(try w.codedSize(of: pixels) == stream.count)
        #expect(try w.codedSize(of: pixels, limit: stream.count + 1) == stream.count)
        #expect(try w.codedSize(of: pixels, limit: stream.count) == nil)
        #expect(try w.codedSize(of: pixels, limit: 10) == nil)
        // A stopped coding leaves the encoder ready for the next image.
        try w.image(PixelRect(x: 0, y: 0, width: 300, height: 200), indices: pixels)
        #expect(Self.firstDifference(try w.finish(), file) == nil)
    }

    @Test func aMeasuredCodingIsReusedOnlyForTheSameIndices() throws {
        let a = Self.runs(120 * 80, colors: 8, seed: 21), b = Self.runs(120 * 80, colors: 8, seed: 22)
        let rect = PixelRect(x: 0, y: 0, width: 120, height: 80)
        let w = try GIFWriter()
        try w.screen(width: 120, height: 80, colors: Self.colors(8), tableSize: 8)
        _ = try w.codedSize(of: a)
        try w.image(rect, indices: b)                              // not a's stream
        _ = try w.codedSize(of: b)
        try w.image(rect, indices: b)                              // b's, remembered
        try w.image(rect, indices: a)
        let pictures = [b, b, a].map { Picture(width: 120, height: 80, indices: $0) }
        #expect(Self.firstDifference(try w.finish(), try Self.giflibs(pictures, tableSize: 8)) == nil)
    }

    @Test func smallestCodingIsTheEarliestSmallestWhicheverIsTriedFirst() throws {
        // Sizes differ (runs of 4 colours < runs of 16 < noise); repeated
        // codings tie. The order of the sets changes which coding is tried
        // first (the previous winner), which must not change the answer.
        let small = Self.runs(90 * 70, colors: 4, seed: 31), middle = Self.runs(90 * 70, colors: 16, seed: 32)
        let large = Self.noise(90 * 70, below: 16, seed: 33)
        let sets = [[small, middle, large], [large, small, middle], [middle, large, small], [large, middle, small],
                    [small, small, large], [large, small, small], [middle, large, middle], [large, large, large]]
        let w = try GIFWriter()
        try w.screen(width: 90, height: 70, colors: Self.colors(16), tableSize: 16)
        for codings in sets + sets.reversed() + sets {
            let sizes = try codings.map { try #require(try w.codedSize(of: $0)) }
            let earliestSmallest = sizes.indices.min { (sizes[$0], $0) < (sizes[$1], $1) }!
            #expect(try w.smallestCoding(of: codings) == earliestSmallest)
        }
        // The winner is written from its kept stream: the same bytes as giflib's.
        let chosen = try w.smallestCoding(of: [large, middle, small])
        try w.image(PixelRect(x: 0, y: 0, width: 90, height: 70), indices: [large, middle, small][chosen])
        let file = try w.finish()
        let expected = try Self.giflibs([Picture(width: 90, height: 70, indices: small)], tableSize: 16)
        #expect(chosen == 2 && Self.firstDifference(file, expected) == nil)
    }

    @Test func wrongIndexCountsAreErrorsNotCrashes() throws {
        let w = try GIFWriter()
        try w.screen(width: 4, height: 4, colors: Self.colors(4), tableSize: 4)
        #expect(throws: EncodeError.self) {
            try w.image(PixelRect(x: 0, y: 0, width: 4, height: 4), indices: [0, 1, 2])
        }
        #expect(throws: EncodeError.self) {
            try w.image(PixelRect(x: 0, y: 0, width: 0, height: 4), indices: [])
        }
        #expect(throws: EncodeError.self) { try GIFWriter().codedSize(of: [1, 2]) }
    }
}
