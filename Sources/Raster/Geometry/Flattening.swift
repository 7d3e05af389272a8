import Foundation

/// A subpath flattened to straight segments: what the rasterizer, the stroker and
/// the dasher consume.
public struct Polyline: Sendable, Equatable {
    /// At least one point; consecutive duplicates removed.
    public var points: [Point]
    /// The subpath ended with `close` (the segment back to the first point is implied).
    public var isClosed: Bool

    public init(points: [Point], isClosed: Bool) {
        self.points = points
        self.isClosed = isClosed
    }
}

extension Path {
    /// Default flattening tolerance in pixels: the largest distance between a curve
    /// and its chords. 0.02 px keeps the area lost by chords (about ⅔ · tolerance ·
    /// perimeter) under 0.3 % for a circle of radius 7 px, and is invisible.
    public static let flatteningTolerance = 0.02

    /// Calls `body` once for each subpath flattened into a polyline, in order.
    ///
    /// - Curves become chords; the segment count comes from an error bound, so no
    ///   point of a chord is farther than `tolerance` from the curve (at most 1024
    ///   chords per curve; a non-positive or non-finite tolerance uses the default).
    ///   Small curves are flattened finer: the deviation is also kept under 0.13 % of
    ///   the curve's control-polygon length, so small circles keep their area.
    /// - A point that is not finite (NaN, ±∞) breaks the subpath: the polyline so far
    ///   is reported (not closed) and a new one starts at the next finite point, as
    ///   matplotlib breaks a line at NaN. Such points are never drawn.
    /// - A `line` or curve without a current point (at the start, or after a
    ///   non-finite point) acts as a `move` to its end point; after `close` the
    ///   current point is the subpath's start (as in SVG).
    /// - A `move` alone reports nothing; `move` + `line` to the same point reports a
    ///   one-point polyline (a stroke with round or square caps draws it as a dot).
    ///
    /// The buffer passed to `body` is reused: copy it to keep it.
    public func forEachPolyline(tolerance: Double = Path.flatteningTolerance,
                                _ body: (_ points: [Point], _ isClosed: Bool) -> Void) {
        let tol = tolerance > 0 && tolerance.isFinite ? tolerance : Path.flatteningTolerance
        // The state lives in a struct with mutating methods rather than in locals captured by
        // nested functions: captured locals are boxed on the heap and every access to them is
        // checked for exclusivity at run time, once per point (DESIGN.md, "Hot loops").
        var s = FlatteningState()
        for element in elements {
            switch element {
            case .move(let p):
                s.flush(closed: false, body)
                s.broken = false
                s.start = p.isFinite ? p : nil
                s.current = s.start
            case .line(let p):
                guard p.isFinite else { s.breakAt(p, body); continue }
                if s.current == nil { s.current = p; s.start = s.start ?? p; continue }
                _ = s.begin()
                s.add(p)
                s.current = p
            case .quad(let c, let p):
                guard c.isFinite, p.isFinite else { s.breakAt(p, body); continue }
                if s.current == nil { s.current = p; s.start = s.start ?? p; continue }
                let p0 = s.begin()!
                Path.flattenQuad(p0, c, p, tol, &s)
                s.current = p
            case .cubic(let c1, let c2, let p):
                guard c1.isFinite, c2.isFinite, p.isFinite else { s.breakAt(p, body); continue }
                if s.current == nil { s.current = p; s.start = s.start ?? p; continue }
                let p0 = s.begin()!
                Path.flattenCubic(p0, c1, c2, p, tol, &s)
                s.current = p
            case .close:
                if s.drew, s.pts.count > 1, let first = s.start, s.pts.last == first { s.pts.removeLast() }
                s.flush(closed: true, body)
                s.broken = false
                s.current = s.start
            }
        }
        s.flush(closed: false, body)
    }

    /// Every subpath flattened (see `forEachPolyline` for the rules).
    public func flattened(tolerance: Double = Path.flatteningTolerance) -> [Polyline] {
        var out: [Polyline] = []
        forEachPolyline(tolerance: tolerance) { out.append(Polyline(points: $0, isClosed: $1)) }
        return out
    }

    // A curve whose second derivative is bounded by M deviates from the chords of a
    // uniform n-piece subdivision by at most M / (8 n²). For a quadratic,
    // B'' = 2 (p0 − 2c + p1); for a cubic, |B''| ≤ 6 · max(|p0 − 2c1 + c2|, |c1 − 2c2 + p1|).

    static func flattenQuad(_ p0: Point, _ c: Point, _ p1: Point, _ tol: Double,
                            _ out: inout FlatteningState) {
        let dd = (p0 - c * 2 + p1).length
        let size = (c - p0).length + (p1 - c).length
        let n = segmentCount(dd * 2, min(tol, relativeTolerance * size))
        for i in 1..<n {
            let t = Double(i) / Double(n), u = 1 - t
            out.add(Point(u * u * p0.x + 2 * u * t * c.x + t * t * p1.x,
                          u * u * p0.y + 2 * u * t * c.y + t * t * p1.y))
        }
        out.add(p1)
    }

    static func flattenCubic(_ p0: Point, _ c1: Point, _ c2: Point, _ p1: Point, _ tol: Double,
                             _ out: inout FlatteningState) {
        let dd = max((p0 - c1 * 2 + c2).length, (c1 - c2 * 2 + p1).length)
        let size = (c1 - p0).length + (c2 - c1).length + (p1 - c2).length
        let n = segmentCount(dd * 6, min(tol, relativeTolerance * size))
        for i in 1..<n {
            let t = Double(i) / Double(n), u = 1 - t
            let (a, b, cc, d) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
            out.add(Point(a * p0.x + b * c1.x + cc * c2.x + d * p1.x,
                          a * p0.y + b * c1.y + cc * c2.y + d * p1.y))
        }
        out.add(p1)
    }

    /// Chords lose about ⅔ · deviation · length of area on the concave side; on a
    /// small curve an absolute tolerance is a large share of its area. Bounding the
    /// deviation also by 0.13 % of the control polygon's length keeps a circle's
    /// area within 0.3 % at any radius (about 13 chords per quarter circle).
    static let relativeTolerance = 0.0013

    /// n with M / (8 n²) ≤ tol, in 1...1024.
    static func segmentCount(_ secondDerivativeBound: Double, _ tol: Double) -> Int {
        guard secondDerivativeBound > 0 else { return 1 }
        let n = (secondDerivativeBound / (8 * tol)).squareRoot().rounded(.up)
        guard n.isFinite else { return 1024 }
        return Int(min(max(n, 1), 1024))
    }
}

/// What `Path.forEachPolyline` carries from element to element.
struct FlatteningState {
    /// The polyline so far; handed to the body, then reused.
    var pts: [Point] = []
    /// The first point of the current subpath (for `close`).
    var start: Point? = nil
    /// The pen; nil after a non-finite point.
    var current: Point? = nil
    /// The current polyline has at least one segment element.
    var drew = false
    /// The subpath was split at a non-finite point.
    var broken = false

    init() { pts.reserveCapacity(64) }

    mutating func flush(closed: Bool, _ body: (_ points: [Point], _ isClosed: Bool) -> Void) {
        if drew, !pts.isEmpty { body(pts, closed && !broken) }
        pts.removeAll(keepingCapacity: true)
        drew = false
    }

    /// Appends p unless it repeats the last point.
    @inline(__always) mutating func add(_ p: Point) {
        if let last = pts.last, last == p { return }
        pts.append(p)
    }

    /// Begins a segment element: ensures the polyline has its first point.
    mutating func begin() -> Point? {
        guard let c = current else { return nil }
        if pts.isEmpty { pts.append(c) }
        drew = true
        return c
    }

    mutating func breakAt(_ end: Point, _ body: (_ points: [Point], _ isClosed: Bool) -> Void) {
        flush(closed: false, body)
        broken = true
        current = end.isFinite ? end : nil
    }
}
