/// How two segments of a stroke meet (matplotlib's `joinstyle`).
public enum LineJoin: Sendable, Hashable {
    /// A sharp corner, cut to a bevel when longer than `miterLimit` (see `StrokeStyle`).
    case miter
    /// A circular arc around the vertex.
    case round
    /// The outer corners joined by a straight segment.
    case bevel
}

/// How an open stroke ends (matplotlib's `capstyle`; `.square` is matplotlib's
/// "projecting").
public enum LineCap: Sendable, Hashable {
    /// Ends exactly at the end point.
    case butt
    /// A half disc of diameter `width` beyond the end point.
    case round
    /// A half square of side `width` beyond the end point.
    case square
}

/// The geometry of a stroke, in pixels.
///
/// The defaults of `init` are those of matplotlib's `GraphicsContextBase` (and of
/// collections and patches that set nothing): round joins, butt caps, miter limit 4
/// (Agg's default), solid. `StrokeStyle.line(width:dashes:phase:)` gives the
/// defaults of matplotlib's `Line2D` instead. A width that is not positive and
/// finite strokes nothing; dash patterns are checked by `Path.dashed`.
public struct StrokeStyle: Sendable, Hashable {
    /// Full line width in pixels.
    public var width: Double
    public var join: LineJoin
    public var cap: LineCap
    /// Longest miter allowed, as a multiple of the line width (SVG's definition:
    /// 1 / sin(φ/2) for an inner angle φ); longer miters become bevels, as in
    /// matplotlib's Agg backend. 4 cuts corners sharper than about 29°.
    public var miterLimit: Double
    /// On/off lengths in pixels, starting with "on"; empty means solid. An odd count
    /// is repeated once to make it even (as in SVG).
    public var dashes: [Double]
    /// How far into the pattern each subpath starts, in pixels.
    public var dashPhase: Double

    public init(width: Double = 1, join: LineJoin = .round, cap: LineCap = .butt,
                miterLimit: Double = 4, dashes: [Double] = [], dashPhase: Double = 0) {
        self.width = width
        self.join = join
        self.cap = cap
        self.miterLimit = miterLimit
        self.dashes = dashes
        self.dashPhase = dashPhase
    }

    /// matplotlib's `Line2D` defaults: round joins, projecting (square) caps when
    /// solid (`lines.solid_capstyle`), butt caps when dashed (`lines.dash_capstyle`).
    /// Lengths are pixels: scaling dashes by the line width, as matplotlib's
    /// `lines.scale_dashes` does, is the caller's business.
    public static func line(width: Double, dashes: [Double] = [], phase: Double = 0) -> StrokeStyle {
        StrokeStyle(width: width, join: .round, cap: dashes.isEmpty ? .square : .butt,
                    dashes: dashes, dashPhase: phase)
    }
}
