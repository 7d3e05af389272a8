/// A drawing surface: everything a figure puts on the page — filled and stroked
/// paths, markers, text and images — is one of these calls, in pixel coordinates
/// with y down. `RasterCanvas` draws them into an `Image` with our anti-aliased
/// rasterizer; a vector backend (SVG, PDF) is a second implementation of the
/// same calls, so the figure code above it does not change.
///
/// Drawing never fails: geometry outside the surface or the clip is cut off and
/// non-finite coordinates are not drawn. Every call composites source-over.
public protocol Canvas {
    /// Size in pixels.
    var width: Int { get }
    var height: Int { get }
    /// The pixel rectangle drawing is limited to (fractional edges cut pixels
    /// exactly); nil means the whole surface.
    var clip: Rect? { get set }

    /// Fills `path` (every subpath implicitly closed) with `color`.
    mutating func fill(_ path: Path, color: Color, rule: FillRule)
    /// Fills `count` shapes in order, shape k being `shape(k)` filled with the
    /// nonzero rule: what `fill` on each in turn draws. A raster canvas with
    /// more than one of its `threads` makes and rasterizes the next shapes
    /// while it paints the current one (`OrderedPipeline`), so `shape` must be
    /// safe to call from any thread; the pixels are the same for any count.
    mutating func fillInOrder(count: Int, _ shape: @escaping @Sendable (Int) -> (path: Path, color: Color))
    /// Strokes `path` with `style` (dashes included) in `color`; a translucent
    /// stroke is uniform even where it overlaps itself.
    mutating func stroke(_ path: Path, style: StrokeStyle, color: Color)
    /// Fills `rect` with its edges rounded to whole pixels (crisp blocks: axes
    /// faces, colorbar bands).
    mutating func fillPixels(_ rect: Rect, color: Color)
    /// Paints `color` through a coverage mask made elsewhere (a depth-tested
    /// line layer of a 3-D plot): an alpha-only image.
    mutating func paint(_ mask: CoverageMask, color: Color)
    /// Draws a colour image (a resolved 3-D surface) source-over.
    mutating func draw(_ layer: PixelLayer)
    /// Draws `text` (plain text with `$…$` math) in `font` at `sizePx` pixels per
    /// em, with the anchor point of its box at `at`; `rotation` 90 reads upwards
    /// (the only other angle drawn besides 0; see `Font.textMask`).
    mutating func drawText(_ text: String, font: Font, at: Point, sizePx: Double, color: Color,
                           anchorX: TextAnchorX, anchorY: TextAnchorY, rotation: Double)
    /// Paints what a `PaintRecording` recorded (the raster result of earlier
    /// calls: an animation's static parts above its paths, replayed per frame),
    /// only inside `region` (whole pixels; everywhere when nil).
    mutating func replay(_ recording: PaintRecording, within region: Rect?)
}

extension Canvas {
    /// Paints all of `recording`.
    public mutating func replay(_ recording: PaintRecording) {
        replay(recording, within: nil)
    }

    /// Paints `recording` everywhere but inside `hole` (whole pixels): the four
    /// bands of the surface around it.
    public mutating func replay(_ recording: PaintRecording, outside hole: Rect) {
        let W = Double(width), H = Double(height)
        let bands = [Rect(x: 0, y: 0, width: W, height: max(0, hole.minY)),
                     Rect(x: 0, y: hole.maxY, width: W, height: max(0, H - hole.maxY)),
                     Rect(x: 0, y: hole.minY, width: max(0, hole.minX), height: hole.height),
                     Rect(x: hole.maxX, y: hole.minY, width: max(0, W - hole.maxX), height: hole.height)]
        for band in bands where band.width > 0 && band.height > 0 { replay(recording, within: band) }
    }

    /// The whole surface as a rectangle.
    public var bounds: Rect { Rect(x: 0, y: 0, width: Double(width), height: Double(height)) }

    /// Fills `path` with the nonzero rule.
    public mutating func fill(_ path: Path, color: Color) {
        fill(path, color: color, rule: .nonZero)
    }

    /// One shape at a time, on this thread.
    public mutating func fillInOrder(count: Int, _ shape: @escaping @Sendable (Int) -> (path: Path, color: Color)) {
        for k in 0..<count {
            let (path, color) = shape(k)
            fill(path, color: color, rule: .nonZero)
        }
    }

    /// `drawText` anchored at the left baseline by default, unrotated.
    public mutating func drawText(_ text: String, font: Font, at: Point, sizePx: Double, color: Color,
                                  anchorX: TextAnchorX = .left, anchorY: TextAnchorY = .baseline) {
        drawText(text, font: font, at: at, sizePx: sizePx, color: color, anchorX: anchorX, anchorY: anchorY, rotation: 0)
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

/// A canvas that keeps what it is given as paths (a PDF or SVG page) rather
/// than turning it into pixels. An artist that can give the same shape two ways
/// — many small pieces that rasterize fast, or one compact outline — gives such
/// a canvas the outline (filled contours: `ContourGrid.regionOutline`).
public protocol VectorCanvas: Canvas {}
