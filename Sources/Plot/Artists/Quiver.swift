import Foundation
import Raster

/// A field of arrows — matplotlib's `quiver(X, Y, U, V, C, scale_units='xy')`:
/// arrow i starts at `origins[i]` (pivot at the tail) and spans `vectors[i] / scale`
/// data units, coloured by `values[i]` through the colormap between `limits`.
///
/// Arrow shape as matplotlib's `Quiver` draws it, every size in shaft widths w
/// (the polygon is filled, no edge):
/// - w defaults to 0.06 / clamp(√n, 8, 25) of the plot width for n arrows, or `width`;
/// - an arrow of length L ≥ 5 (`minshaft` 1 × `headlength` 5): a shaft of width 1 up to
///   L − 4.5 (`headaxislength`), a head 3 wide (`headwidth`) whose barbs sweep back to
///   L − 5 (`headlength`), its tip at L;
/// - 1 ≤ L < 5: no shaft — the L = 5 arrow scaled down whole by L/5, so short vectors
///   stay small heads;
/// - L < 1 (`minlength`): a hexagonal dot of diameter 1.
public struct Quiver: Artist {
    public var origins: [Point]
    public var vectors: [Point]
    public var values: [Double]
    public var colormap: Colormap
    public var limits: ClosedRange<Double>
    /// Data units per arrow unit (matplotlib's `scale` with `scale_units='xy'`).
    public var scale: Double = 1
    /// Shaft width as a share of the plot width; nil = matplotlib's default.
    public var width: Double?
    public var zorder: Double = 1

    /// Nil when the counts of origins, vectors and values differ.
    public init?(origins: [Point], vectors: [Point], values: [Double], colormap: Colormap,
                 limits: ClosedRange<Double>, scale: Double = 1) {
        guard origins.count == vectors.count, vectors.count == values.count else { return nil }
        self.origins = origins
        self.vectors = vectors
        self.values = values
        self.colormap = colormap
        self.limits = limits
        self.scale = scale > 0 ? scale : 1
    }

    public var dataBounds: Rect? { Rect.bounding(origins) }

    public func draw(in context: inout DrawContext) {
        let saved = context.canvas.clip
        context.canvas.clip = context.plotArea
        defer { context.canvas.clip = saved }
        let shaft = (width ?? Quiver.defaultWidth(count: origins.count)) * context.plotArea.width
        // Group arrows by colour so each colour is one fill (fast, and no double blending).
        var byColor: [Color: Path] = [:]
        var order: [Color] = []
        for i in origins.indices where origins[i].isFinite && vectors[i].isFinite {
            let a = context.dataToPixel.apply(origins[i])
            let b = context.dataToPixel.apply(origins[i] + vectors[i] / scale)
            guard a.isFinite, b.isFinite else { continue }
            let span = limits.upperBound - limits.lowerBound
            let t = span > 0 ? (values[i] - limits.lowerBound) / span : 0.5
            let c = colormap.color(at: t)
            if byColor[c] == nil { order.append(c); byColor[c] = Path() }
            byColor[c]!.append(Quiver.arrow(from: a, to: b, shaftWidth: shaft))
        }
        for c in order { context.canvas.fill(byColor[c]!, color: c) }
    }

    /// matplotlib's default shaft width as a share of the plot width: 0.06 / clamp(√n, 8, 25).
    public static func defaultWidth(count n: Int) -> Double {
        0.06 / min(max(Double(n).squareRoot(), 8), 25)
    }

    /// The outline of an arrow from `a` to `b` (pixels) with shaft width `w` (pixels), as
    /// matplotlib's quiver shapes it (see the type's documentation); a dot when a = b.
    static func arrow(from a: Point, to b: Point, shaftWidth w: Double) -> Path {
        guard w > 0 else { return Path() }
        let v = b - a
        let length = v.length / w                        // in shaft widths
        // Along the arrow (u) and across it (n), in pixels per shaft width.
        let u = length > 0 ? v / v.length * w : Point(w, 0), n = u.perpendicular
        let outline: [(Double, Double)]
        if length < 1 {
            // Shorter than `minlength`: a hexagon of diameter 1 round the tail.
            let corners = (0..<6).map { k -> Point in
                let t = Double(k) * Double.pi / 3
                return a + Point(w * 0.5 * cos(t), w * 0.5 * sin(t))
            }
            return Path(polyline: corners, closed: true)
        } else if length < 5 {
            // No room for a shaft: the arrow of length 5 with a 0.5 stub, scaled by L/5.
            let k = length / 5
            outline = [(0, 0.5), (0.5, 0.5), (0, 1.5), (5, 0), (0, -1.5), (0.5, -0.5), (0, -0.5)].map { ($0 * k, $1 * k) }
        } else {
            outline = [(0, 0.5), (length - 4.5, 0.5), (length - 5, 1.5), (length, 0),
                       (length - 5, -1.5), (length - 4.5, -0.5), (0, -0.5)]
        }
        return Path(polyline: outline.map { a + u * $0.0 + n * $0.1 }, closed: true)
    }
}
