import Raster

/// An axes' colorbar: what it shows and how much of the axes' box it takes —
/// matplotlib's `fig.colorbar(mappable, ax=ax)`, placed by `Colorbar.layout`
/// (`make_axes`: the parent keeps the left 1 − fraction − pad of the box, the bar
/// is `aspect` times taller than wide, left-anchored in the last `fraction`).
public struct ColorbarSlot: Sendable {
    /// Share of the axes' box for the bar and its slot (matplotlib: 0.15).
    public var fraction: Double = 0.15
    /// Gap between plot area and slot, as a share of the box width (0.05).
    public var pad: Double = 0.05
    /// Bar height over width (20).
    public var aspect: Double = 20
    /// The bar for the plot as laid out (its data map and area); nil draws none.
    /// Resolved per layout, so a colorbar of a filled contour shows exactly the
    /// levels the contour is drawn with at the plot's real size.
    public var content: @Sendable (DrawContext) -> Colorbar?

    /// A slot whose bar is resolved from the laid-out plot by `content`.
    public init(fraction: Double = 0.15, pad: Double = 0.05, aspect: Double = 20,
                content: @escaping @Sendable (DrawContext) -> Colorbar?) {
        self.fraction = fraction
        self.pad = pad
        self.aspect = aspect
        self.content = content
    }

    /// A slot showing a fixed `colorbar`.
    public init(_ colorbar: Colorbar) {
        self.init { _ in colorbar }
    }

    /// The colorbar of `fill`: its levels and band colours as drawn in the plot.
    public init(for fill: ContourFill, label: String? = nil) {
        self.init { context in Colorbar(for: fill, dataToPixel: context.dataToPixel, label: label) }
    }

    /// The plot's and the bar's pixel rectangles within `box` (matplotlib's
    /// `make_axes` with this slot's fraction, pad and aspect; see `Colorbar.layout`).
    func split(_ box: Rect) -> (plot: Rect, bar: Rect) {
        // Pixels are square, so the box in pixels is its own physical size.
        let l = Colorbar.layout(parent: box, figureWidth: 1, figureHeight: 1, fraction: fraction, pad: pad,
                                aspect: aspect)
        return (l.parent, l.bar)
    }
}
