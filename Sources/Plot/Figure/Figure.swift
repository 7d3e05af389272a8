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
    /// Only the plot areas, filling the canvas: no spines, ticks, labels, titles,
    /// legends or colorbars (for slide backgrounds and pixel comparisons).
    public var bare = false

    /// Sizes are clamped to at least 0.1 inch and dpi to [10, 1000].
    public init(width: Double = 10, height: Double = 6, dpi: Double = 100, theme: Theme = .matplotlib) {
        self.width = max(0.1, width)
        self.height = max(0.1, height)
        self.dpi = min(max(dpi, 10), 1000)
        self.theme = theme
    }

    /// Pixel size: inches × dpi, rounded.
    public var pixelWidth: Int { max(1, Int((width * dpi).rounded())) }
    public var pixelHeight: Int { max(1, Int((height * dpi).rounded())) }

    /// Adds one axes at matplotlib's default single-subplot position and returns its index.
    @discardableResult
    public mutating func addAxes(position: Rect = Axes.defaultPosition) -> Int {
        var a = Axes(position: position)
        if position == Axes.defaultPosition { a.gridCell = (0, 0, 1, 1) }
        axes.append(a)
        return axes.count - 1
    }

    /// `plt.subplots(rows, columns)`: a grid of axes, row by row from the top,
    /// at matplotlib's default subplot parameters (wspace = hspace = 0.2).
    /// Returns the indices of the new axes.
    @discardableResult
    public mutating func subplots(rows: Int, columns: Int) -> [Int] {
        let rows = max(1, rows), columns = max(1, columns)
        let params = SubplotParameters.matplotlib
        var indices: [Int] = []
        for r in 0..<rows {
            for c in 0..<columns {
                var a = Axes(position: params.cell(row: r, column: c, rows: rows, columns: columns))
                a.gridCell = (r, c, rows, columns)
                axes.append(a)
                indices.append(axes.count - 1)
            }
        }
        return indices
    }

    /// Renders the figure into a new opaque image.
    public func render(font: Font) -> Image {
        var canvas = Canvas(image: Image(width: pixelWidth, height: pixelHeight, background: theme.figureFaceColor))
        let boxes = FigureLayout(figure: self, font: font).boxes()
        for (ax, box) in zip(axes, boxes) {
            var a = ax
            if bare { a.showFrame = false; a.title = nil; a.xlabel = nil; a.ylabel = nil; a.legend = nil; a.colorbar = nil }
            AxesRenderer(axes: a, theme: theme, font: font, scale: dpi / 72).render(into: &canvas, box: box)
        }
        for ax in axes3D {
            var a = ax
            if bare { a.showAxes = false; a.legend = nil; a.title = nil }
            a.draw(into: &canvas.image, dpi: dpi, theme: theme, font: font)
        }
        if let t = suptitle, !bare {
            font.draw(t, into: &canvas.image, at: Point(Double(pixelWidth) / 2, 0.02 * Double(pixelHeight)),
                      sizePx: suptitleSizePx, color: theme.textColor, anchorX: .center, anchorY: .top)
        }
        return canvas.image
    }

    /// Each axes' plot area in pixels and its data → pixel map, as `render` lays them out.
    public func plotAreas(font: Font) -> [(area: Rect, dataToPixel: DataTransform)] {
        let boxes = FigureLayout(figure: self, font: font).boxes()
        return zip(axes, boxes).map { ax, box in
            var a = ax
            if bare { a.colorbar = nil }
            let area = AxesRenderer(axes: a, theme: theme, font: font, scale: dpi / 72).split(box).plot
            let (xr, yr) = a.resolvedLimits()
            return (area, AxesRenderer.dataToPixel(x: xr, y: yr, area: area, xScale: a.xscale, yScale: a.yscale))
        }
    }

    /// matplotlib's suptitle size ('large' relative to the font size).
    var suptitleSizePx: Double { theme.titleSize * 1.2 * dpi / 72 }
}

/// matplotlib's `figure.subplot.*` parameters, as figure fractions.
public struct SubplotParameters: Sendable {
    public var left = 0.125, right = 0.9, bottom = 0.11, top = 0.88, wspace = 0.2, hspace = 0.2

    public static let matplotlib = SubplotParameters()

    /// The figure-fraction rectangle of cell (row, column), row 0 at the top.
    public func cell(row: Int, column: Int, rows: Int, columns: Int) -> Rect {
        let w = (right - left) / (Double(columns) + wspace * Double(columns - 1))
        let h = (top - bottom) / (Double(rows) + hspace * Double(rows - 1))
        let x = left + Double(column) * w * (1 + wspace)
        let y = top - h - Double(row) * h * (1 + hspace)
        return Rect(x: x, y: y, width: w, height: h)
    }
}
