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
        let p = context.dataToPixel.apply(position) + Point(context.px(offset.x), -context.px(offset.y))
        context.font.draw(text, into: &context.canvas.image, at: p,
                          sizePx: context.px(size ?? context.theme.fontSize),
                          color: color ?? context.theme.textColor,
                          anchorX: anchorX, anchorY: anchorY, clip: context.canvas.clip)
    }
}
