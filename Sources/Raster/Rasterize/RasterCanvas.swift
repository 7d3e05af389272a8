/// The raster implementation of `Canvas`: draws into an `Image` with the
/// coverage rasterizer, anti-aliased, composited source-over, limited to `clip`.
///
/// Drawing never fails: geometry outside the image or the clip is cut off, and
/// non-finite points are not drawn (see `Rasterizer`). Every call paints its shape
/// once, so a translucent stroke is uniform even where it overlaps itself.
public struct RasterCanvas: Canvas, Sendable {
    /// What has been drawn so far.
    public private(set) var image: Image
    public var clip: Rect?

    public init(image: Image) {
        self.image = image
    }

    /// A canvas over a new image filled with `background`.
    public init(width: Int, height: Int, background: Color = .clear) {
        self.init(image: Image(width: width, height: height, background: background))
    }

    public var width: Int { image.width }
    public var height: Int { image.height }

    /// `clip` ∩ the image; nil when they do not overlap.
    var drawableArea: Rect? {
        guard let c = clip else { return image.bounds }
        guard let r = c.intersection(image.bounds), !r.isEmpty else { return nil }
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

    public mutating func fillPixels(_ rect: Rect, color: Color) {
        guard let area = drawableArea, let r = rect.intersection(area) else { return }
        image.fill(clip == nil ? rect : r, color: color)
    }

    public mutating func paint(_ mask: CoverageMask, color: Color) {
        guard let area = drawableArea else { return }
        image.composite(mask, color: color, clip: clip == nil ? nil : area)
    }

    public mutating func draw(_ layer: PixelLayer) {
        guard let area = drawableArea else { return }
        image.composite(layer, clip: clip == nil ? nil : area)
    }

    public mutating func drawText(_ text: String, font: Font, at: Point, sizePx: Double, color: Color,
                                  anchorX: TextAnchorX, anchorY: TextAnchorY, rotation: Double) {
        guard color.a > 0, let mask = font.textMask(text, at: at, sizePx: sizePx, anchorX: anchorX,
                                                      anchorY: anchorY, rotation: rotation) else { return }
        paint(mask, color: color)
    }
}
