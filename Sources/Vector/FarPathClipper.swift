import Raster

/// Straight-line paths brought within reach of cairo's fixed-point numbers.
///
/// A diverging optimizer's path leaves the view by factors of 3^k: its points
/// soon lie 10^20 pixels away, beyond what cairo can hold (24.8 fixed point).
/// Dropping such a point would drop both segments that meet there, and with
/// them what they draw across the page (a path leaving the view is drawn up to
/// the frame, as the raster draws it). So every straight subpath with a point
/// outside `box` is clipped to it by Sutherland–Hodgman, one edge of the box at
/// a time: what lies inside the box is kept exactly, and what was outside runs
/// along the box's edges, which `box` keeps far off the page, where no stroke
/// width or join can reach into view. A closed subpath (or any subpath of a
/// fill, which cairo closes) is clipped as a polygon, so the fill inside the box
/// is unchanged; an open one as a polyline, whose exit and re-entry are joined
/// along the box.
///
/// Non-finite points end a subpath (there is no segment to draw towards them);
/// curves with a point outside `box` are dropped, as figures draw no such curve.
enum FarPathClipper {
    /// `path` unchanged when all its points are finite and inside `box`, else
    /// clipped as described above. `filled`: the path is for a fill, so every
    /// subpath counts as closed.
    static func clipped(_ path: Path, to box: Rect, filled: Bool) -> Path {
        func inside(_ p: Point) -> Bool {
            p.x >= box.minX && p.x <= box.maxX && p.y >= box.minY && p.y <= box.maxY
        }
        let needsClipping = path.elements.contains { e in
            switch e {
            case .move(let p), .line(let p): !inside(p)
            case .quad(let c, let p): !inside(c) || !inside(p)
            case .cubic(let c1, let c2, let p): !inside(c1) || !inside(c2) || !inside(p)
            case .close: false
            }
        }
        guard needsClipping else { return path }

        var out = Path()
        var polyline: [Point] = []
        func flush(closed: Bool) {
            let kept = clip(polyline, to: box, closed: closed || filled)
            if let first = kept.first {
                out.move(to: first)
                for p in kept.dropFirst() { out.line(to: p) }
                if closed { out.close() }
            }
            polyline = []
        }
        for e in path.elements {
            switch e {
            case .move(let p):
                flush(closed: false)
                if p.x.isFinite && p.y.isFinite { polyline = [p] }
            case .line(let p):
                if p.x.isFinite && p.y.isFinite { polyline.append(p) } else { flush(closed: false) }
            case .quad(let c, let p):
                flush(closed: false)
                if inside(c) && inside(p), let q = out.elements.last.flatMap(endPoint), inside(q) { out.quad(to: p, control: c) }
                polyline = inside(p) ? [p] : []
            case .cubic(let c1, let c2, let p):
                flush(closed: false)
                if inside(c1) && inside(c2) && inside(p), let q = out.elements.last.flatMap(endPoint), inside(q) {
                    out.cubic(to: p, control1: c1, control2: c2)
                }
                polyline = inside(p) ? [p] : []
            case .close:
                let start = polyline.first
                flush(closed: true)
                if let start { polyline = [start] }
            }
        }
        flush(closed: false)
        return out
    }

    private static func endPoint(_ e: Path.Element) -> Point? {
        switch e {
        case .move(let p), .line(let p), .quad(_, let p), .cubic(_, _, let p): p
        case .close: nil
        }
    }

    /// Sutherland–Hodgman against the box's four edges in turn. An open
    /// polyline has no edge from its last point back to its first.
    static func clip(_ points: [Point], to box: Rect, closed: Bool) -> [Point] {
        // Each edge of the box as (distance of a point inside it, ≥ 0 inside).
        let edges: [(Point) -> Double] = [
            { $0.x - box.minX }, { box.maxX - $0.x }, { $0.y - box.minY }, { box.maxY - $0.y },
        ]
        if points.count == 1 { return edges.allSatisfy { $0(points[0]) >= 0 } ? points : [] }
        var current = points
        for distance in edges {
            guard current.count > 1 else { break }
            var next: [Point] = []
            next.reserveCapacity(current.count + 2)
            let pairs = closed ? current.indices.map { ($0, ($0 + 1) % current.count) }
                               : (0..<(current.count - 1)).map { ($0, $0 + 1) }
            if !closed, distance(current[0]) >= 0 { next.append(current[0]) }
            for (i, j) in pairs {
                let a = current[i], b = current[j]
                let da = distance(a), db = distance(b)
                if (da >= 0) != (db >= 0) {
                    // Where the segment crosses the edge, measured from its end
                    // inside the box: from a far point (10^20 away) the step to
                    // the edge would cancel to nothing in float64.
                    let (p, q, dp, dq) = da >= 0 ? (a, b, da, db) : (b, a, db, da)
                    let t = dp / (dp - dq)
                    next.append(Point(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y)))
                }
                if db >= 0 { next.append(b) }
            }
            current = next
        }
        return current.count > 1 ? current : []
    }
}
