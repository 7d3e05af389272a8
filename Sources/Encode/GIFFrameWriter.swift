/// Writes an animated GIF one frame at a time, once its palette is known: each
/// frame reduced to what changed on screen, LZW-coded as it arrives.
///
/// A frame comes in as the rectangle whose RGBA changed since the previous frame
/// (`FrameDiffer`) and its opaque colours. Here the rectangle is mapped to
/// palette indices and compared with the indices on screen (the canvas), which
/// can shrink it further — two colours that differ in RGBA may share an entry.
/// Inside the final rectangle, pixels equal to the canvas become the
/// transparent index: long transparent runs are what LZW compresses best, so a
/// frame that adds one path segment costs a few hundred bytes. When most of a
/// large rectangle changes (a camera orbit), scattered holes cost more than
/// they save: such a patch is also coded with holes only in long runs and
/// with none, and the smallest coding is written.
///
/// Each frame is written when the next one arrives (or at `finish`), because
/// its Graphic Control Extension, which carries the delay, comes before its
/// pixels and the last frame's delay may still be replaced. So the writer holds
/// the palette, the canvas (one byte a pixel), one pending patch and the file
/// written so far — never the frames.
///
/// Whether the frames were held first (`GIFAnimation`) or streamed from a
/// second pass (`GIFAnimation.encode(width:height:…frames:)`), the same frames
/// with the same palette give the same bytes.
struct GIFFrameWriter {
    let width: Int
    let height: Int
    private var palette: GIFPalette
    private let writer: GIFWriter
    private var canvas: [UInt8]
    private var added = 0
    private var written = 0
    private var pending: (rect: PixelRect, indices: [UInt8], delay: Int)?
    /// Whether large patches take the smallest of their three codings (the
    /// default); false keeps every unchanged pixel a hole, as small patches do.
    var choosesCoding = true

    /// Starts the file: screen descriptor with the global table, and the
    /// NETSCAPE2.0 loop block unless `loopCount` is 1 (see `GIFAnimation.loopCount`).
    init(width: Int, height: Int, palette: GIFPalette, loopCount: Int) throws {
        self.width = width
        self.height = height
        self.palette = palette
        writer = try GIFWriter()
        canvas = [UInt8](repeating: 0, count: width * height)
        try writer.screen(width: width, height: height, colors: palette.colors, tableSize: palette.tableSize)
        if loopCount != 1 { try writer.loop(repeats: loopCount == 0 ? 0 : loopCount - 1) }
    }

    /// Adds a frame shown for `delay` hundredths: `rect` is what changed since
    /// the previous frame (the whole canvas for the first; nil when nothing
    /// changed) and `rgb` its pixels as packed opaque RGB, row by row, each
    /// row `stride` pixels after the one before (default: `rect`'s width — the
    /// rows one after the other; a whole screen's width to read them from it).
    mutating func add(rect: PixelRect?, rgb: UnsafeBufferPointer<UInt32>, stride: Int? = nil, delay: Int) throws {
        try flush(delay: nil)
        var patch: (rect: PixelRect, indices: [UInt8])?
        if let rect {
            var mapped = [UInt8](repeating: 0, count: rect.area)
            let stride = stride ?? rect.width
            mapped.withUnsafeMutableBufferPointer { out in
                for row in 0..<rect.height {
                    palette.map(UnsafeBufferPointer(rebasing: rgb[row * stride ..< row * stride + rect.width]),
                                into: UnsafeMutableBufferPointer(rebasing: out[row * rect.width ..< (row + 1) * rect.width]))
                }
            }
            if added == 0 {
                canvas = mapped                  // the first frame is the whole canvas
                patch = (rect, mapped)
            } else {
                patch = difference(mapped, in: rect)
            }
        }
        // Nothing changed: one pixel that leaves the screen as it is.
        let (r, indices) = patch ?? (PixelRect(x: 0, y: 0, width: 1, height: 1),
                                     [UInt8(palette.transparentIndex ?? Int(canvas[0]))])
        pending = (r, indices, delay)
        added += 1
    }

    /// Writes the pending frame, with the last delay replaced when given, and
    /// the trailer; returns the file.
    ///
    /// - Throws: `EncodeError` when no frame was added or giflib fails.
    mutating func finish(lastDelay: Int?) throws -> [UInt8] {
        guard pending != nil else { throw EncodeError("the animation has no frames") }
        try flush(delay: lastDelay)
        return try writer.finish()
    }

    /// Writes the pending frame, if any (the first without a transparent index).
    private mutating func flush(delay: Int?) throws {
        guard let frame = pending else { return }
        pending = nil
        try writer.graphicsControl(delay: delay ?? frame.delay,
                                   transparentIndex: written == 0 ? nil : palette.transparentIndex)
        try writer.image(frame.rect, indices: frame.indices)
        written += 1
    }

    /// Patches of at least this many pixels are coded three ways and the
    /// smallest kept (`smallest`); smaller ones keep every transparent hole.
    static let measuredArea = 4096
    /// The shortest run of unchanged pixels made transparent in the "long runs
    /// only" coding.
    static let minimumHoleRun = 16

    /// Of the codings of one patch, the one LZW codes in fewest bytes (the
    /// earliest on a tie), measured by `writer` (`GIFWriter.smallestCoding`:
    /// the file grows with the code stream). Unchanged pixels made
    /// transparent are long runs when little changes (a path growing); when
    /// everything moves (a camera orbit) they are holes scattered through the
    /// picture — wherever a pixel happens to keep its index — which break
    /// LZW's runs and cost more than the pixels they replace. Every coding
    /// shows the same picture, so the choice is lossless.
    private static func smallest(_ codings: [[UInt8]], writer: GIFWriter) -> [UInt8] {
        codings[(try? writer.smallestCoding(of: codings)) ?? 0]
    }

    /// The smallest rectangle where `mapped` (the indices of `rect`) differs from
    /// the canvas, with unchanged pixels set to the transparent index when there
    /// is one — all of them, only long runs of them, or none, whichever codes
    /// smallest for a large patch (`smallest`); updates the canvas. Nil when
    /// nothing differs.
    private mutating func difference(_ mapped: [UInt8], in rect: PixelRect) -> (PixelRect, [UInt8])? {
        let width = self.width
        let transparent = palette.transparentIndex
        let writer = self.writer
        let choose = choosesCoding
        return mapped.withUnsafeBufferPointer { src in
            canvas.withUnsafeMutableBufferPointer { screen in
                let origin = screen.baseAddress! + rect.y * width + rect.x
                guard let local = FrameDiff.changedBounds(src.baseAddress!, strideA: rect.width,
                                                          UnsafePointer(origin), strideB: width,
                                                          width: rect.width, height: rect.height)
                else { return nil }
                // Three codings of the patch: every unchanged pixel transparent,
                // only runs of at least `minimumHoleRun` transparent, none.
                let measured = choose && transparent != nil && local.area >= Self.measuredArea
                var out = [UInt8](repeating: 0, count: local.area)
                var runs = [UInt8](repeating: 0, count: measured ? local.area : 0)
                var plain = [UInt8](repeating: 0, count: measured ? local.area : 0)
                let hole = UInt8(transparent ?? 0)
                for row in 0..<local.height {
                    let s = src.baseAddress! + (local.y + row) * rect.width + local.x
                    let c = origin + (local.y + row) * width + local.x
                    let base = row * local.width
                    var x = 0
                    while x < local.width {
                        guard transparent != nil, c[x] == s[x] else {
                            out[base + x] = s[x]
                            if measured { runs[base + x] = s[x]; plain[base + x] = s[x] }
                            x += 1
                            continue
                        }
                        var end = x
                        while end < local.width && c[end] == s[end] { end += 1 }
                        let long = end - x >= Self.minimumHoleRun
                        for k in x..<end {
                            out[base + k] = hole
                            if measured { runs[base + k] = long ? hole : s[k]; plain[base + k] = s[k] }
                        }
                        x = end
                    }
                    for k in 0..<local.width { c[k] = s[k] }
                }
                let placed = PixelRect(x: rect.x + local.x, y: rect.y + local.y,
                                       width: local.width, height: local.height)
                guard measured else { return (placed, out) }
                return (placed, Self.smallest([out, runs, plain], writer: writer))
            }
        }
    }
}
