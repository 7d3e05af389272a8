import Raster

/// An open polyline parametrised by arc length, for walking along contour lines
/// in pixel space: points at a given distance, sub-lines between two distances,
/// and where the line leaves a box.
struct ArcPolyline {
    let points: [Point]
    /// `cumulative[i]` = length from the first point to point i.
    let cumulative: [Double]

    /// At least one point.
    init(_ points: [Point]) {
        self.points = points
        var c = [0.0]
        c.reserveCapacity(points.count)
        for (a, b) in zip(points, points.dropFirst()) { c.append(c.last! + a.distance(to: b)) }
        cumulative = c
    }

    /// The line of a closed polyline, run round twice from its first point (so any
    /// stretch of up to one full turn, starting anywhere in the first turn, is a
    /// plain sub-line) — with the length of one turn.
    static func loop(_ closed: [Point]) -> (line: ArcPolyline, period: Double) {
        let once = closed + [closed[0]]
        let twice = once + once.dropFirst()
        return (ArcPolyline(twice), ArcPolyline(once).length)
    }

    var length: Double { cumulative.last! }

    /// Index i of the segment holding arc length s (cumulative[i] ≤ s ≤ cumulative[i+1]), clamped.
    func segment(at s: Double) -> Int {
        var lo = 0, hi = points.count - 1
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if cumulative[mid] <= s { lo = mid } else { hi = mid }
        }
        return lo
    }

    /// The point at arc length s (clamped to the line).
    func point(at s: Double) -> Point {
        guard points.count > 1 else { return points[0] }
        let i = segment(at: s)
        let len = cumulative[i + 1] - cumulative[i]
        let t = len > 0 ? min(max((s - cumulative[i]) / len, 0), 1) : 0
        return points[i].lerp(points[i + 1], t)
    }

    /// The part of the line between arc lengths a < b (clamped); empty when a ≥ b.
    func slice(from a: Double, to b: Double) -> [Point] {
        let a = max(a, 0), b = min(b, length)
        guard a < b else { return [] }
        var out = [point(at: a)]
        var i = segment(at: a) + 1
        while i < points.count && cumulative[i] < b {
            if points[i] != out.last { out.append(points[i]) }
            i += 1
        }
        let end = point(at: b)
        if end != out.last { out.append(end) }
        return out
    }

    /// How far along the line, from arc length s (a point inside `box`), the line
    /// first leaves `box`; nil when it stays inside to its end.
    func exitDistance(from s: Double, box: Rect) -> Double? {
        var p = point(at: s)
        var walked = 0.0
        var i = segment(at: s) + 1
        while i < points.count {
            let q = points[i]
            if !box.contains(q) {
                return walked + ArcPolyline.exitParameter(p, q, box) * p.distance(to: q)
            }
            walked += p.distance(to: q)
            p = q
            i += 1
        }
        return nil
    }

    /// For p inside `box` and q outside: the t in [0, 1] where p + t(q − p) crosses
    /// the box's border (the first of the crossings with the sides q is beyond).
    static func exitParameter(_ p: Point, _ q: Point, _ box: Rect) -> Double {
        var t = 1.0
        if q.x > box.maxX { t = min(t, (box.maxX - p.x) / (q.x - p.x)) }
        if q.x < box.minX { t = min(t, (box.minX - p.x) / (q.x - p.x)) }
        if q.y > box.maxY { t = min(t, (box.maxY - p.y) / (q.y - p.y)) }
        if q.y < box.minY { t = min(t, (box.minY - p.y) / (q.y - p.y)) }
        return min(max(t, 0), 1)
    }
}
