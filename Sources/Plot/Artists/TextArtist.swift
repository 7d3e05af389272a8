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
        var p = context.dataToPixel.apply(position) + Point(context.px(offset.x), -context.px(offset.y))
        let sizePx = context.px(size ?? context.theme.fontSize)
        if keepsInsidePlot { p = p + shiftInside(at: p, sizePx: sizePx, context: context) }
        context.drawText(text, at: p, sizePx: sizePx, color: color ?? context.theme.textColor,
                         anchorX: anchorX, anchorY: anchorY)
    }

    /// The shift that brings the text's box (anchored at `p`) inside the plot area,
    /// as far as it fits.
    private func shiftInside(at p: Point, sizePx: Double, context: DrawContext) -> Point {
        let e = context.font.measure(text, sizePx: sizePx)
        let left: Double = switch anchorX { case .left: p.x; case .center: p.x - e.width / 2; case .right: p.x - e.width }
        let top: Double = switch anchorY {
        case .baseline: p.y - e.ascent
        case .top: p.y
        case .center: p.y - e.height / 2
        case .bottom: p.y - e.height
        }
        let area = context.plotArea.insetBy(dx: 2, dy: 2)
        var dx = 0.0, dy = 0.0
        if left + e.width > area.maxX { dx = area.maxX - (left + e.width) }
        if left + dx < area.minX { dx = area.minX - left }
        if top + e.height > area.maxY { dy = area.maxY - (top + e.height) }
        if top + dy < area.minY { dy = area.minY - top }
        return Point(dx, dy)
    }
}
