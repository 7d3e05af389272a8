import Raster

/// A text at a data position, as `plt.text(x, y, s)` places it: anchored at its
/// left baseline by default, not clipped to the plot area, optionally shifted
/// by an offset in points (as `annotate(..., textcoords='offset points')`).
public struct TextArtist: Artist {
    public var text: String
    public var position: Point
    public var color: Color?
    /// Font size in points; nil = the theme's text size.
    public var size: Double?
    public var anchorX: TextAnchorX = .left
    public var anchorY: TextAnchorY = .baseline
    /// Offset in points, x to the right and y up.
    public var offset: Point = .zero
    public var zorder: Double = 3
    /// Static, or shown once the animation reaches a step (an end label).
    public var animationRole: AnimationRole = .static
    /// Shift the text so its box stays inside the plot area (marker labels,
    /// which would otherwise be lost off the plot — or white on white).
    public var keepsInsidePlot = false

    public init(_ text: String, at position: Point, color: Color? = nil, size: Double? = nil) {
        self.text = text
        self.position = position
        self.color = color
        self.size = size
    }

    public var dataBounds: Rect? { nil }

    public func draw(in context: inout DrawContext, atStep step: Int) {
        if case .final(let last) = animationRole, step < last { return }
        draw(in: &context)
    }

    public func draw(in context: inout DrawContext) {
        guard position.isFinite else { return }
        draw(at: pixelAnchor(in: context), in: &context)
    }

    /// The text drawn with its anchor at pixel `p`.
    func draw(at p: Point, in context: inout DrawContext) {
        context.drawText(text, at: p, sizePx: sizePx(context), color: color ?? context.theme.textColor,
                         anchorX: anchorX, anchorY: anchorY)
    }

    func sizePx(_ context: DrawContext) -> Double { context.px(size ?? context.theme.fontSize) }

    /// Where the anchor goes in pixels: the position plus the offset, shifted
    /// inside the plot when `keepsInsidePlot`.
    func pixelAnchor(in context: DrawContext) -> Point {
        let p = context.dataToPixel.apply(position) + Point(context.px(offset.x), -context.px(offset.y))
        return keepsInsidePlot ? p + shiftInside(at: p, sizePx: sizePx(context), context: context) : p
    }

    /// The text's box in pixels with its anchor at `p`.
    func box(at p: Point, in context: DrawContext) -> Rect {
        let e = context.font.measure(text, sizePx: sizePx(context))
        let left: Double = switch anchorX { case .left: p.x; case .center: p.x - e.width / 2; case .right: p.x - e.width }
        let top: Double = switch anchorY {
        case .baseline: p.y - e.ascent
        case .top: p.y
        case .center: p.y - e.height / 2
        case .bottom: p.y - e.height
        }
        return Rect(x: left, y: top, width: e.width, height: e.height)
    }

    /// The shift that brings the text's box (anchored at `p`) inside the plot area,
    /// as far as it fits.
    private func shiftInside(at p: Point, sizePx: Double, context: DrawContext) -> Point {
        let b = box(at: p, in: context)
        let area = context.plotArea.insetBy(dx: 2, dy: 2)
        var dx = 0.0, dy = 0.0
        if b.minX + b.width > area.maxX { dx = area.maxX - (b.minX + b.width) }
        if b.minX + dx < area.minX { dx = area.minX - b.minX }
        if b.minY + b.height > area.maxY { dy = area.maxY - (b.minY + b.height) }
        if b.minY + dy < area.minY { dy = area.minY - b.minY }
        return Point(dx, dy)
    }
}
