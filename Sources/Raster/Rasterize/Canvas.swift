/// A thin drawing surface over an `Image`: fills, strokes and markers in pixel
/// coordinates (y down), anti-aliased, composited source-over, limited to `clip`.
///
/// Drawing never fails: geometry outside the image or the clip is cut off, and
/// non-finite points are not drawn (see `Rasterizer`). Every call paints its shape
/// once, so a translucent stroke is uniform even where it overlaps itself.
public struct Canvas: Sendable {
    public var image: Image
    /// The pixel rectangle drawing is limited to (fractional bounds cut pixels
    /// exactly); nil means the whole image.
    public var clip: Rect?

    public init(image: Image) {
        self.image = image
    }

    /// A canvas over a new image filled with `background`.
    public init(width: Int, height: Int, background: Color = .clear) {
        self.init(image: Image(width: width, height: height, background: background))
    }

    /// `clip` ∩ the image; nil when they do not overlap.
    var drawableArea: Rect? {
        guard let c = clip else { return image.bounds }
        guard let r = c.intersection(image.bounds), !r.isEmpty else { return nil }
        return r
    }

    /// Fills `path` (every subpath implicitly closed) with `color`.
    public mutating func fill(_ path: Path, color: Color, rule: FillRule = .nonZero) {
        guard color.a > 0, let area = drawableArea else { return }
        paint(Rasterizer.coverage(of: path, rule: rule, clip: area), color: color)
    }

    /// Strokes `path` with `style` (dashes included) in `color`.
    public mutating func stroke(_ path: Path, style: StrokeStyle, color: Color) {
        guard color.a > 0 else { return }
        fill(path.stroked(style), color: color, rule: .nonZero)
    }

    /// Paints a coverage mask (for example a glyph's) in `color`, within the clip.
    public mutating func paint(_ mask: CoverageMask, color: Color) {
        guard let area = drawableArea else { return }
        image.composite(mask, color: color, clip: clip == nil ? nil : area)
    }

    /// Draws a marker like matplotlib: the face filled with `face`, then the outline
    /// stroked with `edge` at `edgeWidth` pixels using the marker's join and butt
    /// caps. A nil colour (or a width ≤ 0) skips that part. For the stroke-only
    /// markers `x` and `+` the stroke uses `edge`, or `face` when `edge` is nil
    /// (matplotlib colours them with the line colour). `size` is in pixels (see
    /// `MarkerShape`). Nothing is drawn at a non-finite centre.
    public mutating func drawMarker(_ shape: MarkerShape, at center: Point, size: Double,
                                    face: Color?, edge: Color?, edgeWidth: Double) {
        guard center.isFinite else { return }
        let path = shape.path(size: size).transformed(by: .translation(center.x, center.y))
        guard !path.isEmpty else { return }
        let style = StrokeStyle(width: edgeWidth, join: shape.join, cap: .butt)
        if shape.isFilled {
            if let face { fill(path, color: face) }
            if let edge, edgeWidth > 0 { stroke(path, style: style, color: edge) }
        } else if let color = edge ?? face, edgeWidth > 0 {
            stroke(path, style: style, color: color)
        }
    }
}
