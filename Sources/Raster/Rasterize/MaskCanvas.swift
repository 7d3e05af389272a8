/// A canvas that draws by painting coverage masks — `RasterCanvas` into an
/// image, `PaintRecording` into a list: fills and strokes go through the
/// rasterizer and text through the glyph renderer here, once, and reach
/// `paint(_:color:)` as masks limited to the drawable area.
public protocol MaskCanvas: Canvas {
    /// Threads `fillInOrder` may rasterize on (1: this thread only).
    var threads: Int { get }
}

extension MaskCanvas {
    public var threads: Int { 1 }

    /// `clip` ∩ the surface; nil when they do not overlap.
    var drawableArea: Rect? {
        guard let c = clip else { return bounds }
        guard let r = c.intersection(bounds), !r.isEmpty else { return nil }
        return r
    }

    public mutating func fill(_ path: Path, color: Color, rule: FillRule) {
        guard color.a > 0, let area = drawableArea else { return }
        paint(Rasterizer.coverage(of: path, rule: rule, clip: area), color: color)
    }

    /// Rasterizes shape k + 1, k + 2, … on the canvas's `threads` while
    /// shape k is painted: coverage is a pure function of the shape and the
    /// drawable area, and painting stays in order, so the pixels are those of
    /// filling one shape at a time.
    public mutating func fillInOrder(count: Int, _ shape: @escaping @Sendable (Int) -> (path: Path, color: Color)) {
        guard let area = drawableArea else { return }
        let empty = CoverageMask(x: 0, y: 0, width: 0, height: 0)
        OrderedPipeline.run(count: count, threads: threads, make: { k in
            let (path, color) = shape(k)
            return (color.a > 0 ? Rasterizer.coverage(of: path, rule: .nonZero, clip: area) : empty, color)
        }) { mask, color in
            if color.a > 0 { paint(mask, color: color) }
        }
    }

    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        guard color.a > 0 else { return }
        fill(path.stroked(style), color: color, rule: .nonZero)
    }

    public mutating func drawText(_ text: String, font: Font, at: Point, sizePx: Double, color: Color,
                                  anchorX: TextAnchorX, anchorY: TextAnchorY, rotation: Double) {
        guard color.a > 0, let mask = font.textMask(text, at: at, sizePx: sizePx, anchorX: anchorX,
                                                      anchorY: anchorY, rotation: rotation) else { return }
        paint(mask, color: color)
    }
}
