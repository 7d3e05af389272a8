import Raster

/// A field of arrows — matplotlib's `quiver(X, Y, U, V, C, scale_units='xy')`:
/// arrow i starts at `origins[i]` and spans `vectors[i] / scale` data units,
/// coloured by `values[i]` through the colormap between `limits`.
///
/// Arrow shape as matplotlib's defaults, in shaft widths: head 3 wide and 5 long;
/// shaft width 0.06 / max(10, √n) of the plot width for n arrows (matplotlib's
/// default), or `width` when set. Arrows shorter than the head shrink
/// whole (matplotlib's `minlength` rule, simplified), so short vectors stay visible as small heads.
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
        let share = width ?? 0.06 / max(10, Double(origins.count).squareRoot())
        let shaft = share * context.plotArea.width
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

    /// An arrow polygon from `a` to `b` (pixels).
    static func arrow(from a: Point, to b: Point, shaftWidth w: Double) -> Path {
        let v = b - a
        let length = v.length
        guard length > 0 else { return Path() }
        // Too short for a full head: scale the whole arrow down with the length.
        let k = min(1, length / (4.5 * w))
        let headLength = 5 * w * k, headAxis = 4.5 * w * k, headHalf = 1.5 * w * k, half = 0.5 * w * k
        let u = v / length, n = u.perpendicular
        let neck = a + u * max(0, length - headAxis)
        let back = a + u * max(0, length - headLength)
        return Path(polyline: [a + n * half, neck + n * half, back + n * headHalf, b,
                               back - n * headHalf, neck - n * half, a - n * half], closed: true)
    }
}
