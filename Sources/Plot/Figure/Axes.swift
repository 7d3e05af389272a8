import Raster

/// One plot area of a figure with its artists, limits, ticks and labels —
/// matplotlib's `Axes`. Positions are figure fractions with y up, as in
/// matplotlib (`left, bottom, width, height`).
public struct Axes: Sendable {
    public var position: Rect
    public var artists: [any Artist] = []
    /// Explicit limits; nil = autoscale (data range + 5 % margins, or exactly the
    /// domain of filled contours, which matplotlib treats as sticky edges).
    public var xlim: ClosedRange<Double>?
    public var ylim: ClosedRange<Double>?
    public var xlabel: String?
    public var ylabel: String?
    public var title: String?
    /// Draw the four spines and ticks (false for a bare plot area).
    public var showFrame = true
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

    /// `plt.plot(xs, ys, format, ...)`: a line and/or markers. A style without a
    /// colour takes the next colour of the tab10 cycle, as matplotlib does.
    public mutating func plot(_ points: [Point], style: LineStyle, label: String? = nil) {
        var s = style
        if s.color == nil {
            s.color = Color.tab10[cycleIndex % Color.tab10.count]
            cycleIndex += 1
        }
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

    /// The limits the axes will show: explicit ones, or autoscaled from the artists.
    public func resolvedLimits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let sticky = artists.compactMap { ($0 as? ContourFill)?.domain }.reduce(nil as Rect?) { $0?.union($1) ?? $1 }
        let data = artists.compactMap(\.dataBounds).reduce(nil as Rect?) { $0?.union($1) ?? $1 }
        func auto(_ lo: Double?, _ hi: Double?, stickyLo: Double?, stickyHi: Double?) -> ClosedRange<Double> {
            guard var a = lo, var b = hi else { return 0...1 }
            if a == b { a -= a == 0 ? 0.05 : 0.05 * abs(a); b += b == 0 ? 0.05 : 0.05 * abs(b); return a...b }
            let m = 0.05 * (b - a)
            // matplotlib's margins stop at sticky edges (the bounds of filled contours).
            a = stickyLo.map { a - m < $0 && a >= $0 ? $0 : a - m } ?? a - m
            b = stickyHi.map { b + m > $0 && b <= $0 ? $0 : b + m } ?? b + m
            return a...b
        }
        let x = xlim ?? auto(data?.minX, data?.maxX, stickyLo: sticky?.minX, stickyHi: sticky?.maxX)
        let y = ylim ?? auto(data?.minY, data?.maxY, stickyLo: sticky?.minY, stickyHi: sticky?.maxY)
        return (x, y)
    }
}
