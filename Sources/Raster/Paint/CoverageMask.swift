/// Per-pixel coverage in [0, 1] over an integer rectangle of an image:
/// what the rasterizer and the glyph renderer produce and `Image.composite` paints.
public struct CoverageMask: Sendable {
    /// Top-left pixel of the mask in image coordinates.
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int
    /// `width · height` coverage values, row by row.
    public var values: [Float] {
        didSet { blocks = nil }
    }
    /// Optional hint set by the rasterizer: which blocks of each row may hold
    /// non-zero values, so painting can skip the rest. Cleared whenever `values` is
    /// assigned or mutated.
    var blocks: CoverageBlocks? = nil

    public init(x: Int, y: Int, width: Int, height: Int, values: [Float]) {
        precondition(values.count == width * height, "mask size mismatch")
        (self.x, self.y, self.width, self.height, self.values) = (x, y, width, height, values)
    }

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.init(x: x, y: y, width: width, height: height,
                  values: [Float](repeating: 0, count: max(0, width) * max(0, height)))
    }

    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// Sum of all coverage values: the painted area in square pixels.
    public var area: Double { values.reduce(0.0) { $0 + Double($1) } }

    public subscript(px: Int, py: Int) -> Float {
        let (i, j) = (px - x, py - y)
        guard i >= 0, j >= 0, i < width, j < height else { return 0 }
        return values[j * width + i]
    }
}

/// Which parts of a mask's rows may be non-zero, at a granularity of 2^shift
/// columns: bit b of `rows[j]` covers columns `b << shift ..< (b + 1) << shift` of
/// row j (relative to the mask); a clear bit means all zero there. `shift` keeps a
/// row within 64 blocks.
struct CoverageBlocks: Sendable, Equatable {
    var shift: Int
    var rows: [UInt64]

    init(width: Int, height: Int) {
        var s = 4
        while (width + (1 << s) - 1) >> s > 64 { s += 1 }
        shift = s
        rows = [UInt64](repeating: 0, count: max(0, height))
    }

    /// Calls `body(from, to)` for each run of consecutive blocks that may be non-zero
    /// in row `row`, as mask columns clipped to `0..<width`.
    @inline(__always)
    func forEachRun(row: Int, width: Int, _ body: (Int, Int) -> Void) {
        var bits = rows[row]
        while bits != 0 {
            let first = bits.trailingZeroBitCount
            let run = (~(bits >> first)).trailingZeroBitCount
            let end = first + run
            body(first << shift, min(width, end << shift))
            bits &= ~((1 << end) &- 1)   // clears blocks < end; 1 << 64 is 0 (smart shift)
        }
    }
}
