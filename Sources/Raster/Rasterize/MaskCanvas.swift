/// A canvas that draws by painting coverage masks — `RasterCanvas` into an
/// image, `PaintRecording` into a list: fills and strokes go through the
/// rasterizer and text through the glyph renderer here, once, and reach
/// `paint(_:color:)` as masks limited to the drawable area.
public protocol MaskCanvas: Canvas {}

extension MaskCanvas {
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
