import Raster

/// A figure: a canvas of `width × height` inches at `dpi` holding panels —
/// matplotlib's `Figure`. The default is the seeds' 10 × 6 inches at 100 dpi
/// (1000 × 600 pixels).
///
/// Panels (2-D `Axes` and 3-D `Axes3D` alike) are laid out by one layout and drawn
/// in list order, each as a static layer and a moving one (see `Panel`); `render`
/// gives the still, `FigureAnimation` the frames of `animation`.
public struct Figure: Sendable {
    public var width: Double
    public var height: Double
    public var dpi: Double
    public var theme: Theme
    /// Every plot of the figure, in drawing order.
    public var panels: [any Panel] = []
    /// Text drawn at the top centre of the figure (`suptitle`).
    public var suptitle: String?
    /// Only the plot areas, filling the canvas: no spines, ticks, labels, titles,
    /// legends or colorbars (for slide backgrounds and pixel comparisons).
    public var bare = false
    /// How the figure animates, when it does: nil for a still only.
    public var animation: Animation?

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

    /// Adds a panel and returns its index.
    @discardableResult
    public mutating func add(_ panel: some Panel) -> Int {
        panels.append(panel)
        return panels.count - 1
    }

    /// Adds one axes at matplotlib's default single-subplot position and returns its index.
    @discardableResult
    public mutating func addAxes(position: Rect = Axes.defaultPosition) -> Int {
        var a = Axes(position: position)
        if position == Axes.defaultPosition { a.gridCell = (0, 0, 1, 1) }
        return add(a)
    }

    /// `plt.subplots(rows, columns)`: a grid of axes, row by row from the top,
    /// at matplotlib's default subplot parameters (wspace = hspace = 0.2).
    /// Returns the indices of the new axes.
    @discardableResult
    public mutating func subplots(rows: Int, columns: Int) -> [Int] {
        Figure.gridCells(rows: rows, columns: columns).map { cell, position in
            var a = Axes(position: position)
            a.gridCell = cell
            return add(a)
        }
    }

    /// The cells of a `rows × columns` grid, row by row from the top, with their
    /// positions at matplotlib's default subplot parameters. A single cell is
    /// matplotlib's default single-subplot position.
    public static func gridCells(rows: Int, columns: Int) -> [(cell: GridCell, position: Rect)] {
        let rows = max(1, rows), columns = max(1, columns)
        if rows == 1 && columns == 1 { return [((0, 0, 1, 1), Axes.defaultPosition)] }
        let params = SubplotParameters.matplotlib
        return (0..<rows).flatMap { r in
            (0..<columns).map { c in
                ((r, c, rows, columns), params.cell(row: r, column: c, rows: rows, columns: columns))
            }
        }
    }

    /// The 2-D axes at panel index `i` (a precondition: it is one).
    public subscript(axes i: Int) -> Axes {
        get {
            guard let a = panels[i] as? Axes else { preconditionFailure("panel \(i) is not a 2-D Axes") }
            return a
        }
        set { panels[i] = newValue }
    }

    /// The 3-D axes at panel index `i` (a precondition: it is one).
    public subscript(axes3D i: Int) -> Axes3D {
        get {
            guard let a = panels[i] as? Axes3D else { preconditionFailure("panel \(i) is not an Axes3D") }
            return a
        }
        set { panels[i] = newValue }
    }

    /// What every panel draws with.
    public func environment(font: Font) -> DrawEnvironment {
        DrawEnvironment(font: font, theme: theme, dpi: dpi, figureWidth: pixelWidth, figureHeight: pixelHeight)
    }

    /// The panels as drawn (bare when `bare` is set), laid out in their boxes.
    public func laidOut(font: Font) -> [any PanelDrawing] {
        let shown = (bare ? panels.map { $0.bare() } : panels).map { $0.resolvingLimits() }
        var f = self
        f.panels = shown
        let env = environment(font: font)
        let boxes = FigureLayout(figure: f, font: font).boxes()
        return zip(shown, boxes).map { $0.laidOut(in: $1, environment: env) }
    }

    /// The step at which every panel's moving content is complete.
    public var lastStep: Int { panels.map(\.lastStep).max() ?? 0 }

    /// The static layer of every panel and the suptitle, on a new opaque image,
    /// drawn with `threads` (see `render`).
    func staticLayer(_ drawings: [any PanelDrawing], font: Font, threads: Int = 1) -> Image {
        // Made in place: a `RasterCanvas` variable copied in would share the
        // image, and the first paint would copy all of it (2.4 MB at 1000 × 600).
        var canvas: any Canvas = RasterCanvas(width: pixelWidth, height: pixelHeight,
                                              background: theme.figureFaceColor, threads: threads)
        drawStaticLayer(drawings, font: font, on: &canvas)
        return (canvas as! RasterCanvas).image
    }

    /// Every panel's static layer, then the suptitle.
    func drawStaticLayer(_ drawings: [any PanelDrawing], font: Font, on canvas: inout any Canvas) {
        for d in drawings { d.drawStatic(on: &canvas) }
        if let t = suptitle, !bare {
            canvas.drawText(t, font: font, at: Point(Double(pixelWidth) / 2, 0.02 * Double(pixelHeight)),
                            sizePx: suptitleSizePx, color: theme.textColor, anchorX: .center, anchorY: .top)
        }
    }

    /// Every panel's moving layer at `step`, then the animation's step counter.
    func drawMovingLayer(_ drawings: [any PanelDrawing], atStep step: Int, font: Font, on canvas: inout any Canvas) {
        for d in drawings { d.drawMoving(atStep: step, on: &canvas) }
        if animation?.showsCounter == true, animation?.orbitFrames == nil, !bare, let first = drawings.first {
            StepCounter(environment: environment(font: font)).draw(step: step, in: first.plotArea, on: &canvas)
        }
    }

    /// Renders the figure into a new opaque image: every panel's static layer,
    /// then every moving layer at the last step — the last frame of its animation.
    ///
    /// - Parameter threads: threads the drawing may use where the pixels do not
    ///   depend on it (a filled contour's bands; `Canvas.fillInOrder`); default 1.
    public func render(font: Font, threads: Int = 1) -> Image {
        let drawings = laidOut(font: font)
        var canvas: any Canvas = RasterCanvas(image: staticLayer(drawings, font: font, threads: threads))
        drawMovingLayer(drawings, atStep: lastStep, font: font, on: &canvas)
        return (canvas as! RasterCanvas).image
    }

    /// Draws the still on any canvas of `pixelWidth × pixelHeight` — the figure's
    /// face, every static layer, every moving layer at the last step: the calls
    /// `render` makes on its image, for a surface that keeps them (PDF, SVG).
    public func draw(on canvas: inout any Canvas, font: Font) {
        let drawings = laidOut(font: font)
        canvas.fillPixels(canvas.bounds, color: theme.figureFaceColor)
        drawStaticLayer(drawings, font: font, on: &canvas)
        drawMovingLayer(drawings, atStep: lastStep, font: font, on: &canvas)
    }

    /// Each panel's plot area in pixels and its data → pixel map, as `render` lays them out.
    public func plotAreas(font: Font) -> [(area: Rect, dataToPixel: DataTransform)] {
        laidOut(font: font).map { ($0.plotArea, $0.dataToPixel) }
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
