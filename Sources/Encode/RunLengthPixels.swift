import CPNG

/// Packed opaque RGB pixels (`r | g << 8 | b << 16`, top byte 0), row by row,
/// held compactly as runs of one colour: how `GIFAnimation` keeps a frame's
/// changed rectangle until the palette is known. A pixel may also be
/// `unchanged`: "what the previous frame has here", which the holder resolves
/// when it decodes (`GIFAnimation` keeps the screen for that).
///
/// Why: a figure is mostly runs — background, panes, flat-shaded surface
/// cells; anti-aliasing only at edges — and uses a few thousand colours, so a
/// 1000×600 frame of a 3-D surface (about 40 000 runs, 2 800 colours) takes
/// ~96 KB instead of 2.4 MB. That lets a camera orbit, which changes every
/// frame whole, be held in one pass instead of rendered a second time;
/// decoding is a fill per run.
///
/// Growing paths change a few pixels scattered over a large rectangle (six
/// racing paths span most of the plot), so most of a rectangle is unchanged:
/// marked `unchanged` (`FrameDiff.markUnchanged`), those pixels are a few
/// long runs instead of the background's own runs and edges. Measured on the
/// held frames of whole GIFs: race_rastrigin 8.4 MB (past the hold limit:
/// rendered twice) → 0.56 MB, race_beale 4.7 → 0.39 MB, d2l_all 4.1 → 0.82
/// MB, race_saddle 3.1 → 0.36 MB.
///
/// Two layouts, chosen per frame:
/// - **indexed** (at most `indexedColorLimit` distinct colours): the colours
///   in first-seen order, and per run one `UInt16` — the colour's index in the
///   top 13 bits, length − 1 in the low 3 (0…6); 7 means the next `UInt16`
///   holds length − 8 (runs longer than 65 543 are split);
/// - **runs** (more colours): per run one `UInt32`, the colour in the low 24
///   bits, length − 1 (0…127) in the next 7 and, in the top bit, whether the
///   run is `unchanged` (its colour bits 0); longer runs are split.
///
/// Arrays are allocated at their exact size (counted first): grown by
/// appending they would keep up to twice that, and dozens of frames are held.
///
/// A frame that changed whole (a camera orbit's) is still ~96 KB of short
/// runs; `deflate()` holds its arrays zlib-compressed instead: the 72 held
/// frames of `paddle_saddle_orbit` take 4.4 MB instead of 6.8 (level 6: 4.0
/// MB at 2.6× the time; level 1 takes ~0.15 s of CPU for all 72).
///
/// Decoding gives back exactly the pixels encoded. Never fails.
struct RunLengthPixels: Sendable {
    /// Most distinct colours the indexed layout holds (13-bit indices).
    static let indexedColorLimit = 1 << 13
    /// A pixel that shows what the previous frame shows there (not a colour:
    /// its top byte is not 0). `decode` writes it back as it is.
    static let unchanged: UInt32 = 0xFF00_0000
    /// The runs layout's flag for a run of `unchanged` pixels.
    private static let unchangedRun: UInt32 = 1 << 31

    /// Pixels encoded.
    let count: Int
    /// Indexed layout: the distinct colours, first-seen order; else empty.
    private var colors: [UInt32] = []
    /// Indexed layout: the runs as described on the type; else empty.
    private var tokens: [UInt16] = []
    /// Runs layout: colour | (length − 1) << 24 per run; else empty.
    private var runs: [UInt32] = []
    /// After `deflate()`: `colors`, `tokens` and `runs` one after the other,
    /// as zlib's `compress2` writes them (the arrays are then empty).
    private var deflated: (bytes: [UInt8], colors: Int, tokens: Int, runs: Int)?

    /// Encodes `pixels`, whose top bytes must be 0 (opaque packed RGB, as
    /// `FrameDiff.opaqueRGB` makes them) except for `unchanged` pixels
    /// (checked in debug builds only).
    init(_ pixels: UnsafeBufferPointer<UInt32>) {
        count = pixels.count
        guard !pixels.isEmpty else { return }
        // Pass 1: the colours and how many tokens they need.
        var table = ColorTable(capacity: 1024)
        var found: [UInt32] = []
        var tokenCount = 0
        var indexed = true
        Self.forEachRun(pixels, maxLength: 65_543) { color, length in
            guard indexed else { return }
            if table.value(for: color) == nil {
                guard found.count < Self.indexedColorLimit else { indexed = false; return }
                table.set(found.count, for: color)
                found.append(color)
            }
            tokenCount += length > 7 ? 2 : 1
        }
        if indexed {
            colors = found.withUnsafeBufferPointer { Array($0) }   // a copy at the exact size
            tokens = [UInt16](unsafeUninitializedCapacity: tokenCount) { buffer, initialized in
                var k = 0
                Self.forEachRun(pixels, maxLength: 65_543) { color, length in
                    let index = UInt16(table.value(for: color)!) << 3
                    if length > 7 {
                        buffer[k] = index | 7
                        buffer[k + 1] = UInt16(length - 8)
                        k += 2
                    } else {
                        buffer[k] = index | UInt16(length - 1)
                        k += 1
                    }
                }
                initialized = k
            }
            return
        }
        var runCount = 0
        Self.forEachRun(pixels, maxLength: 128) { _, _ in runCount += 1 }
        runs = [UInt32](unsafeUninitializedCapacity: runCount) { buffer, initialized in
            var k = 0
            Self.forEachRun(pixels, maxLength: 128) { color, length in
                let run = color == Self.unchanged ? Self.unchangedRun : color
                buffer[k] = run | UInt32(length - 1) << 24
                k += 1
            }
            initialized = k
        }
    }

    /// Calls `body` with each run of `pixels` (not empty): its colour and its
    /// length, 1…`maxLength`.
    @inline(__always)
    private static func forEachRun(_ pixels: UnsafeBufferPointer<UInt32>, maxLength: Int,
                                   _ body: (UInt32, Int) -> Void) {
        var color = pixels[0]
        var length = 0
        for p in pixels {
            assert(p >> 24 == 0 || p == unchanged, "not opaque packed RGB")
            if p == color && length < maxLength { length += 1; continue }
            body(color, length)
            color = p
            length = 1
        }
        body(color, length)
    }

    /// Bytes the encoded pixels take.
    var byteCount: Int { deflated?.bytes.count ?? colors.count * 4 + tokens.count * 2 + runs.count * 4 }

    /// Holds the runs zlib-compressed at `level` (default 1, the fastest; see
    /// the type's documentation), unless that would not make them smaller (a
    /// handful of runs: zlib's own framing is larger). Decoding then inflates
    /// them first. Deflating twice changes nothing.
    mutating func deflate(level: Int32 = 1) {
        guard deflated == nil else { return }
        var raw = [UInt8]()
        raw.reserveCapacity(colors.count * 4 + tokens.count * 2 + runs.count * 4)
        colors.withUnsafeBytes { raw += $0 }
        tokens.withUnsafeBytes { raw += $0 }
        runs.withUnsafeBytes { raw += $0 }
        var size = compressBound(uLong(raw.count))
        var packed = [UInt8](repeating: 0, count: Int(size))
        let status = compress2(&packed, &size, raw, uLong(raw.count), level)
        guard status == Z_OK, Int(size) < raw.count else { return }
        deflated = (Array(packed[..<Int(size)]), colors.count, tokens.count, runs.count)
        colors = []
        tokens = []
        runs = []
    }

    /// Writes the pixels into the first `count` elements of `out`, which must
    /// hold at least that many.
    func decode(into out: UnsafeMutableBufferPointer<UInt32>) {
        precondition(out.count >= count, "decoding \(count) pixels into \(out.count)")
        var i = 0
        forEachHeldRun { color, length in
            (out.baseAddress! + i).initialize(repeating: color, count: length)
            i += length
        }
    }

    /// Draws the pixels, those of `rect`, row by row, onto `screen` (rows of
    /// `width` pixels, which must hold `rect`), leaving the pixels held as
    /// `unchanged` as the screen shows them.
    func decode(onto screen: UnsafeMutableBufferPointer<UInt32>, at rect: PixelRect, width: Int) {
        precondition(rect.area == count && rect.x >= 0 && rect.y >= 0 && rect.x + rect.width <= width
                     && (rect.y + rect.height) * width <= screen.count, "\(rect) is not \(count) pixels of the screen")
        var x = 0, row = screen.baseAddress! + rect.y * width + rect.x
        forEachHeldRun { color, length in
            var left = length
            while left > 0 {
                let n = min(left, rect.width - x)
                if color != Self.unchanged { (row + x).update(repeating: color, count: n) }
                x += n
                left -= n
                if x == rect.width { x = 0; row += width }
            }
        }
    }

    /// Calls `body` with each run in order: its colour (or `unchanged`) and
    /// its length — inflated first when the runs are held deflated.
    private func forEachHeldRun(_ body: (UInt32, Int) -> Void) {
        guard let deflated else {
            return Self.forEachHeldRun(colors: colors, tokens: tokens, runs: runs, body)
        }
        // Inflated into arrays of the exact sizes deflated: the bytes were
        // made by `deflate` in this process, so inflating cannot fail.
        var colors = [UInt32](repeating: 0, count: deflated.colors)
        var tokens = [UInt16](repeating: 0, count: deflated.tokens)
        var runs = [UInt32](repeating: 0, count: deflated.runs)
        var raw = [UInt8](repeating: 0, count: colors.count * 4 + tokens.count * 2 + runs.count * 4)
        var size = uLong(raw.count)
        let status = uncompress(&raw, &size, deflated.bytes, uLong(deflated.bytes.count))
        precondition(status == Z_OK && Int(size) == raw.count, "held runs do not inflate (zlib status \(status))")
        raw.withUnsafeBytes { bytes in
            let c = colors.count * 4, t = tokens.count * 2
            colors.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[..<c])) }
            tokens.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[c..<c + t])) }
            runs.withUnsafeMutableBytes { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[(c + t)...])) }
        }
        Self.forEachHeldRun(colors: colors, tokens: tokens, runs: runs, body)
    }

    /// The runs of either layout (the other's arrays empty), in order.
    private static func forEachHeldRun(colors: [UInt32], tokens: [UInt16], runs: [UInt32],
                                       _ body: (UInt32, Int) -> Void) {
        var k = 0
        while k < tokens.count {
            let t = tokens[k]
            if t & 7 == 7 {
                body(colors[Int(t >> 3)], Int(tokens[k + 1]) + 8)
                k += 2
            } else {
                body(colors[Int(t >> 3)], Int(t & 7) + 1)
                k += 1
            }
        }
        for run in runs {
            body(run & Self.unchangedRun != 0 ? Self.unchanged : run & 0x00FF_FFFF, Int(run >> 24 & 0x7F) + 1)
        }
    }

    /// The pixels.
    func decoded() -> [UInt32] {
        [UInt32](unsafeUninitializedCapacity: count) { buffer, initialized in
            decode(into: buffer)
            initialized = count
        }
    }
}
