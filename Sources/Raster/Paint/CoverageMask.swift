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
        didSet { rowSpans = nil }
    }
    /// Optional hint set by the rasterizer: for row j, the columns
    /// `rowSpans[2j] ..< rowSpans[2j + 1]` (relative to `x`) hold every non-zero
    /// value of the row, so painting can skip the rest. Cleared whenever `values` is
    /// assigned or mutated.
    var rowSpans: [Int32]? = nil

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
