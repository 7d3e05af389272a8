import Raster

/// A figure: a canvas of `width × height` inches at `dpi`, holding axes —
/// matplotlib's `Figure`. The default is the seeds' 10 × 6 inches at 100 dpi
/// (1000 × 600 pixels).
public struct Figure: Sendable {
    public var width: Double
    public var height: Double
    public var dpi: Double
    public var theme: Theme
    public var axes: [Axes] = []
    /// 3-D axes, drawn after the 2-D ones (see `Axes3D`, `Scene3D`).
    public var axes3D: [Axes3D] = []
    /// Text drawn at the top centre of the figure (`suptitle`).
    public var suptitle: String?

    /// Sizes are clamped to at least 0.1 inch and dpi to [10, 1000].
    public init(width: Double = 10, height: Double = 6, dpi: Double = 100, theme: Theme = .matplotlib) {
        self.width = max(0.1, width)
        self.height = max(0.1, height)
        self.dpi = min(max(dpi, 10), 1000)
        self.theme = theme
    }

    /// Pixel size: inches × dpi, rounded.
    public var pixelWidth: Int { Int((width * dpi).rounded()) }
    public var pixelHeight: Int { Int((height * dpi).rounded()) }

    /// Adds an axes at matplotlib's default single-subplot position and returns its index.
    @discardableResult
    public mutating func addAxes(position: Rect = Axes.defaultPosition) -> Int {
        axes.append(Axes(position: position))
        return axes.count - 1
    }

    /// The plot area of axes at figure-fraction `position`, in pixels (y down),
    /// snapped to whole pixels so spines and the clip edge are crisp.
    public func plotArea(for position: Rect) -> Rect {
        let w = Double(pixelWidth), h = Double(pixelHeight)
        let x0 = (position.minX * w).rounded(), x1 = (position.maxX * w).rounded()
        let y0 = ((1 - position.maxY) * h).rounded(), y1 = ((1 - position.minY) * h).rounded()
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// Renders the figure into a new opaque image.
    public func render(font: Font) -> Image {
        var canvas = Canvas(image: Image(width: pixelWidth, height: pixelHeight, background: theme.figureFaceColor))
        for ax in axes {
            AxesRenderer(axes: ax, figure: self, font: font).render(into: &canvas)
        }
        for ax in axes3D { ax.draw(into: &canvas.image, dpi: dpi, theme: theme, font: font) }
        if let t = suptitle {
            font.draw(t, into: &canvas.image, at: Point(Double(pixelWidth) / 2, 0.02 * Double(pixelHeight)),
                      sizePx: theme.titleSize * 1.2 * dpi / 72, color: theme.textColor,
                      anchorX: .center, anchorY: .top)
        }
        return canvas.image
    }
}
