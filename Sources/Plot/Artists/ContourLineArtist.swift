import Raster

/// Contour lines of z = f(x, y) over a rectangle — matplotlib's `contour` — with
/// optional inline level labels (`clabel`).
///
/// The function is sampled on the same grid `ContourFill` uses for the same
/// domain and plot size, and the lines come from the same interpolant
/// (`ContourLines`), so lines drawn over filled contours lie exactly on the band
/// edges. Defaults are matplotlib's:
/// - levels: `ContourLevels.automatic` over the data range (the same levels as
///   `contourf`); levels outside the data simply draw nothing. (matplotlib 3.11
///   keeps them in `cs.levels` too, and they still count for colouring.)
/// - colours: `.colormap(.viridis)`, each level coloured at its position between
///   the first and last level (`Normalize(min(levels), max(levels))`).
/// - line width 1.5 pt (`contour.linewidth` falls back to `lines.linewidth`);
///   round joins, butt caps, as a `LineCollection`.
/// - negative levels dashed when the lines are monochrome
///   (`contour.negative_linestyle = dashed`: 3.7 on, 1.6 off, times the width).
///   A level is negative when below −(zmax − zmin)·10⁻¹⁵, as in matplotlib.
/// - zorder 2 (above `contourf`'s 1, as matplotlib's `LineCollection` default).
///
/// Labels (`labels` non-nil) are drawn horizontally (the text renderer only
/// turns text by 90°, unlike matplotlib's rotated labels) on a gap cut out of the
/// line, one per line long enough to hold one; see `ContourLabels`.
public struct ContourLineArtist: Artist {
    /// How the levels are coloured.
    public enum Coloring: Sendable, Hashable {
        /// Every level in one colour (`colors='black'`): monochrome.
        case single(Color)
        /// One colour per level, cycled when short (`colors=[...]`); monochrome
        /// when all are equal.
        case perLevel([Color])
        /// Each level at its normalised position in the map (`cmap=`).
        case colormap(Colormap)
    }

    public var domain: Rect
    /// The function and its remembered grids (see `SampledFunction`): the
    /// `ContourFill` this is drawn over may share them.
    public var samples: SampledFunction
    /// The function drawn; assigning one starts a new `samples`.
    public var function: @Sendable (Double, Double) -> Double {
        get { samples.function }
        set { samples = SampledFunction(newValue) }
    }
    /// Explicit levels (ascending); nil = automatic, as `contourf` chooses them.
    public var levels: [Double]?
    public var coloring: Coloring
    /// Line width in points; nil = the theme's line width (1.5 pt by default).
    public var lineWidth: Double?
    /// Dash negative levels of monochrome lines (matplotlib's default).
    public var dashNegative = true
    public var alpha: Double = 1
    public var zorder: Double = 2
    /// Grid spacing in pixels; keep it equal to the `ContourFill` it is drawn over.
    public var samplingStep: Double = 2
    /// Inline labels (`clabel`); nil = none.
    public var labels: ContourLabels?

    public init(domain: Rect, levels: [Double]? = nil, coloring: Coloring = .colormap(.viridis),
                function: @escaping @Sendable (Double, Double) -> Double) {
        self.init(domain: domain, levels: levels, coloring: coloring, samples: SampledFunction(function))
    }

    /// Contour lines of `samples`' function, sharing its grids.
    public init(domain: Rect, levels: [Double]? = nil, coloring: Coloring = .colormap(.viridis),
                samples: SampledFunction) {
        self.domain = domain
        self.levels = levels
        self.coloring = coloring
        self.samples = samples
    }

    /// Like `contour`, no autoscaling margin is asked for beyond the domain.
    public var dataBounds: Rect? { domain }

    /// Autoscaling margins stop at the domain (matplotlib's sticky edges).
    public var stickyEdges: Rect? { domain }

    /// True when every level has the same colour (matplotlib's `monochrome`).
    public var isMonochrome: Bool {
        switch coloring {
        case .single: return true
        case .perLevel(let colors): return Set(colors).count <= 1
        case .colormap: return false
        }
    }

    /// Colour of level k of `levels`.
    public func color(ofLevel k: Int, levels: [Double]) -> Color {
        switch coloring {
        case .single(let c): return c
        case .perLevel(let colors): return colors.isEmpty ? .black : colors[k % colors.count]
        case .colormap(let map):
            // matplotlib's Normalize gives 0 for a degenerate (single-level) range.
            let lo = levels.min() ?? 0, span = (levels.max() ?? 0) - lo
            return map.color(at: span > 0 ? (levels[k] - lo) / span : 0)
        }
    }

    /// The samples this artist draws from, for a plot of `pixelSize`: exactly the
    /// grid a `ContourFill` with the same domain, function and step samples.
    public func grid(pixelSize: (width: Double, height: Double)) -> ContourGrid {
        var fill = ContourFill(domain: domain, samples: samples)
        fill.samplingStep = samplingStep
        return fill.grid(pixelSize: pixelSize)
    }

    /// The levels used for `grid`: explicit ones, or automatic over its range.
    public func resolvedLevels(for grid: ContourGrid) -> [Double] {
        if let l = levels, !l.isEmpty { return l }
        guard let r = grid.range else { return [] }
        return ContourLevels.automatic(zmin: r.min, zmax: r.max)
    }

    /// The stroke of level `level` at `widthPx` pixels: dashed when monochrome and
    /// below the negative threshold of the data `range`.
    func strokeStyle(level: Double, widthPx: Double, range: (min: Double, max: Double)) -> StrokeStyle {
        let negative = level < -(range.max - range.min) * 1e-15
        let dashes = dashNegative && isMonochrome && negative ? LineStyle.Dash.dashed.pattern.map { $0 * widthPx } : []
        return StrokeStyle(width: widthPx, join: .round, cap: .butt, dashes: dashes)
    }

    public func draw(in context: inout DrawContext) {
        let corners = [Point(domain.minX, domain.minY), Point(domain.maxX, domain.maxY)].map(context.dataToPixel.apply)
        let grid = self.grid(pixelSize: (abs(corners[1].x - corners[0].x), abs(corners[1].y - corners[0].y)))
        let lv = resolvedLevels(for: grid)
        guard !lv.isEmpty, let range = grid.range else { return }
        let saved = context.canvas.clip
        context.canvas.clip = context.plotArea
        defer { context.canvas.clip = saved }

        let widthPx = context.px(lineWidth ?? context.theme.lineWidth)
        var placed = ContourLabels.Placement()
        for (k, level) in lv.enumerated() {
            let lines = ContourLines(grid: grid, level: level).polylines.map {
                Polyline(points: $0.points.map(context.dataToPixel.apply), isClosed: $0.isClosed)
            }
            guard !lines.isEmpty else { continue }
            let c = color(ofLevel: k, levels: lv)
            var strokes = lines
            if let labels {
                let text = ContourLabels.text(forLevel: k, of: lv)
                strokes = labels.place(text, on: lines, color: c.withAlpha(c.a * alpha),
                                       placed: &placed, context: &context)
            }
            var path = Path()
            for line in strokes { path.append(Path(polyline: line.points, closed: line.isClosed)) }
            context.canvas.stroke(path, style: strokeStyle(level: level, widthPx: widthPx, range: range),
                                  color: c.withAlpha(c.a * alpha))
        }
        placed.draw(in: &context)
    }
}

extension Axes {
    /// `plt.contour(f over domain)`: contour lines, by default coloured with
    /// viridis by level; `colors: .single(.black)` as `colors='black'`.
    public mutating func contour(domain: Rect, levels: [Double]? = nil,
                                 coloring: ContourLineArtist.Coloring = .colormap(.viridis),
                                 labels: ContourLabels? = nil,
                                 function: @escaping @Sendable (Double, Double) -> Double) {
        var artist = ContourLineArtist(domain: domain, levels: levels, coloring: coloring, function: function)
        artist.labels = labels
        add(artist)
    }
}
