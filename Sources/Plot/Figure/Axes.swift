import Foundation
import Raster

/// One plot area of a figure with its artists, limits, scales, ticks, labels and
/// legend — matplotlib's `Axes`, the 2-D `Panel`. Positions are figure fractions
/// with y up, as in matplotlib (`left, bottom, width, height`).
public struct Axes: Panel {
    public var position: Rect
    /// Row and column in a `subplots` grid (for layout), or nil for a free axes.
    public var gridCell: GridCell?
    public var artists: [any Artist] = []
    /// Explicit limits; nil = autoscale (data range + 5 % margins, or exactly the
    /// domain of filled contours, which matplotlib treats as sticky edges).
    public var xlim: ClosedRange<Double>?
    public var ylim: ClosedRange<Double>?
    public var xscale: AxisScale = .linear
    public var yscale: AxisScale = .linear
    public var xlabel: String?
    public var ylabel: String?
    public var title: String?
    /// Grid lines at the major ticks, below the data (`grid(True)`).
    public var grid = false
    /// One data unit is as long on x as on y (`set_aspect('equal')`); the plot
    /// box shrinks around its centre.
    public var equalAspect = false
    /// A legend of the labelled artists, or nil for none.
    public var legend: Legend?
    /// Draw the four spines and ticks (false for a bare plot area).
    public var showFrame = true
    /// A colorbar to the right of the plot area (matplotlib's `make_axes` geometry).
    public var colorbar: ColorbarSlot?
    /// Next colour of the tab10 cycle for artists without one.
    var cycleIndex = 0

    /// An axes at `position` (figure fraction, y up).
    public init(position: Rect) {
        self.position = position
    }

    /// matplotlib's default subplot parameters for a single axes.
    public static let defaultPosition = Rect(x: 0.125, y: 0.11, width: 0.775, height: 0.77)

    /// Adds any artist.
    public mutating func add(_ artist: any Artist) {
        artists.append(artist)
    }

    /// The next colour of the tab10 cycle (advances the cycle).
    public mutating func nextCycleColor() -> Color {
        defer { cycleIndex += 1 }
        return Color.tab10[cycleIndex % Color.tab10.count]
    }

    /// `plt.plot(xs, ys, format, ...)`: a line and/or markers. A style without a
    /// colour takes the next colour of the tab10 cycle, as matplotlib does.
    public mutating func plot(_ points: [Point], style: LineStyle, label: String? = nil) {
        var s = style
        if s.color == nil { s.color = nextCycleColor() }
        add(Line2D(points: points, style: s, label: label))
    }

    /// `plt.text(x, y, s)`.
    public mutating func text(_ string: String, at p: Point, color: Color? = nil, size: Double? = nil) {
        add(TextArtist(string, at: p, color: color, size: size))
    }

    /// `plt.contourf(f over domain)`.
    public mutating func contourf(domain: Rect, levels: [Double]? = nil, colormap: Colormap = .gnuplot,
                                  function: @escaping @Sendable (Double, Double) -> Double) {
        add(ContourFill(domain: domain, levels: levels, colormap: colormap, function: function))
    }

    /// The limits the axes will show: explicit ones, or autoscaled from the artists
    /// (margins are taken in the scaled space, so a log axis gets equal decades;
    /// they stop at the artists' sticky edges, as matplotlib's do at the bounds of
    /// filled contours). Computed once per layout by `AxesDrawing`.
    public func resolvedLimits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let sticky = artists.compactMap(\.stickyEdges).reduce(nil as Rect?) { $0?.union($1) ?? $1 }
        let boxes = artists.compactMap(\.dataBounds)
        func auto(_ lo: Double?, _ hi: Double?, _ stickyLo: Double?, _ stickyHi: Double?, _ scale: AxisScale) -> ClosedRange<Double> {
            guard var a = lo.map(scale.forward), var b = hi.map(scale.forward), a.isFinite, b.isFinite else {
                return scale == .log ? 0.1...10 : 0...1
            }
            if a == b { a -= a == 0 ? 0.05 : 0.05 * abs(a); b += b == 0 ? 0.05 : 0.05 * abs(b) }
            else {
                let m = 0.05 * (b - a)
                let sLo = stickyLo.map(scale.forward), sHi = stickyHi.map(scale.forward)
                a = sLo.map { a - m < $0 && a >= $0 ? $0 : a - m } ?? a - m
                b = sHi.map { b + m > $0 && b <= $0 ? $0 : b + m } ?? b + m
            }
            return scale.inverse(a)...scale.inverse(b)
        }
        // On a log axis only positive values count.
        func extent(_ values: [Double], _ scale: AxisScale) -> (Double?, Double?) {
            let v = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
            return (v.min(), v.max())
        }
        let xs = extent(boxes.flatMap { [$0.minX, $0.maxX] } + artists.flatMap { $0.dataPoints.map(\.x) }, xscale)
        let ys = extent(boxes.flatMap { [$0.minY, $0.maxY] } + artists.flatMap { $0.dataPoints.map(\.y) }, yscale)
        let x = xlim ?? auto(xs.0, xs.1, sticky?.minX, sticky?.maxX, xscale)
        let y = ylim ?? auto(ys.0, ys.1, sticky?.minY, sticky?.maxY, yscale)
        return (x, y)
    }

    // MARK: Panel

    /// The largest step a growing path or a final marker reaches.
    public var lastStep: Int {
        artists.map { a -> Int in
            switch a.animationRole {
            case .static: return 0
            case .final(let s): return s
            case .growing: return max(0, a.dataPoints.count - 1)
            }
        }.max() ?? 0
    }

    public func bare() -> Axes {
        var a = self
        a.showFrame = false; a.title = nil; a.xlabel = nil; a.ylabel = nil; a.legend = nil; a.colorbar = nil
        return a
    }

    public func resolvingLimits() -> Axes {
        var a = self
        (a.xlim, a.ylim) = resolvedLimits()
        return a
    }

    public func turned(byAzimuth degrees: Double) -> Axes { self }

    public func margins(for box: Rect, in environment: DrawEnvironment) -> Margins {
        AxesGeometry(axes: self, box: box, environment: environment).margins()
    }

    public func laidOut(in box: Rect, environment: DrawEnvironment) -> any PanelDrawing {
        AxesDrawing(axes: self, box: box, environment: environment)
    }
}
