import Raster

extension ContourGrid {
    /// The same region as `region(atLeast:map:)` — z ≥ `level` — as its outline:
    /// closed loops (holes turning the other way, so the nonzero rule fills
    /// exactly the region) instead of one piece per cell.
    ///
    /// For a surface that keeps paths (PDF, SVG), where the pieces would be
    /// megabytes of tiny polygons and a viewer may anti-alias their shared edges
    /// into hairlines. Built from the very pieces `region` makes: every edge two
    /// pieces share appears once each way with bit-identical end points (the
    /// crossings are computed from the lower end, the centre from the same four
    /// corners), so those cancel exactly and the edges left are the boundary,
    /// chained into loops; collinear runs (the domain's sides, rows of whole
    /// cells) become one segment and the loops are simplified to within
    /// `EdgeSet.tolerance` pixels. Should the edges left not close into loops
    /// (a level met exactly along the triangulation's diagonals, where pieces
    /// degenerate to slivers), the pieces themselves are returned: a larger file,
    /// never a wrong region. Cells wholly inside contribute only their sides
    /// that face a cell not wholly inside (or the domain's edge).
    public func regionOutline(atLeast level: Double, map: Transform) -> Path {
        var edges = EdgeSet()
        let nx = self.nx, ny = self.ny
        func corners(_ i: Int, _ j: Int) -> (Double, Double, Double, Double)? {
            let n = j * nx + i
            let c = (z[n], z[n + 1], z[n + nx + 1], z[n + nx])
            return c.0.isFinite && c.1.isFinite && c.2.isFinite && c.3.isFinite ? c : nil
        }
        func isFull(_ i: Int, _ j: Int) -> Bool {
            guard i >= 0, j >= 0, i < nx - 1, j < ny - 1, let c = corners(i, j) else { return false }
            return c.0 >= level && c.1 >= level && c.2 >= level && c.3 >= level
        }
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                guard let c = corners(i, j) else { continue }
                if c.0 >= level && c.1 >= level && c.2 >= level && c.3 >= level {
                    // Corners in the order `appendPieces` uses: (i,j), (i+1,j), (i+1,j+1), (i,j+1).
                    let p = [map.apply(Point(xs[i], ys[j])), map.apply(Point(xs[i + 1], ys[j])),
                             map.apply(Point(xs[i + 1], ys[j + 1])), map.apply(Point(xs[i], ys[j + 1]))]
                    let neighbours = [(i, j - 1), (i + 1, j), (i, j + 1), (i - 1, j)]
                    for k in 0..<4 where !isFull(neighbours[k].0, neighbours[k].1) {
                        edges.add(p[k], p[(k + 1) % 4])
                    }
                    continue
                }
                if c.0 < level && c.1 < level && c.2 < level && c.3 < level { continue }
                var pieces = Path()
                appendPieces(of: i, j, corners: c, level: level, map: map, to: &pieces)
                // A crossing at a vertex whose value is the level itself comes out
                // of the interpolation a rounding error away from the vertex, and
                // differently from each side: snap such points onto the vertex
                // (the corners and the centre, computed as `appendPieces` does).
                let p0 = map.apply(Point(xs[i], ys[j])), p2 = map.apply(Point(xs[i + 1], ys[j + 1]))
                let vertices = [p0, map.apply(Point(xs[i + 1], ys[j])), p2, map.apply(Point(xs[i], ys[j + 1])),
                                (p0 + p2) * 0.5]
                func snapped(_ q: Point) -> Point {
                    for v in vertices where abs(q.x - v.x) <= 1e-9 * (1 + abs(v.x)) && abs(q.y - v.y) <= 1e-9 * (1 + abs(v.y)) {
                        return v
                    }
                    return q
                }
                var first: Point? = nil, last: Point? = nil
                for e in pieces.elements {
                    switch e {
                    case .move(let q): first = snapped(q); last = first
                    case .line(let q): let s = snapped(q); if let l = last { edges.add(l, s) }; last = s
                    case .close: if let l = last, let f = first { edges.add(l, f) }; last = first
                    default: break
                    }
                }
            }
        }
        // Loops that do not close would fill something else: then the pieces.
        return edges.loops() ?? region(atLeast: level, map: map)
    }
}

/// Directed edges where adding b→a removes an existing a→b.
struct EdgeSet {
    struct Key: Hashable {
        let x: UInt64, y: UInt64
        init(_ p: Point) { x = p.x.bitPattern; y = p.y.bitPattern }
    }
    struct EdgeKey: Hashable {
        let a: Key, b: Key
    }

    private var edges: [EdgeKey: (Point, Point)] = [:]

    mutating func add(_ a: Point, _ b: Point) {
        let ka = Key(a), kb = Key(b)
        guard ka != kb else { return }
        if edges.removeValue(forKey: EdgeKey(a: kb, b: ka)) != nil { return }
        edges[EdgeKey(a: ka, b: kb)] = (a, b)
    }

    /// The edges chained into closed loops, in a deterministic order (loops
    /// start at the smallest remaining edge by (y, x) of its start), simplified
    /// (`simplified`). Where no edge leaves the exact end point — the pieces
    /// met a rounding error apart — the walk goes on from a point within
    /// `joinDistance`, so a loop is never closed early.
    func loops() -> Path? {
        var outgoing: [Key: [(Point, Point)]] = [:]
        for (_, e) in edges { outgoing[Key(e.0), default: []].append(e) }
        // Deterministic choice among several edges leaving one point (loops that
        // touch at a vertex): by direction.
        for (k, list) in outgoing where list.count > 1 {
            outgoing[k] = list.sorted { ($0.1.y, $0.1.x) < ($1.1.y, $1.1.x) }
        }
        // Start points by buckets of `joinDistance`, for the near lookups.
        func bucket(_ p: Point) -> (Int, Int) {
            (Int((p.x / EdgeSet.joinDistance).rounded(.down)), Int((p.y / EdgeSet.joinDistance).rounded(.down)))
        }
        var near: [Int: [Key: Point]] = [:]
        func hash(_ b: (Int, Int)) -> Int { b.0 &* 73_856_093 ^ b.1 &* 19_349_663 }
        for (_, e) in edges { near[hash(bucket(e.0)), default: [:]][Key(e.0)] = e.0 }
        func continuation(from p: Point) -> Key? {
            if let l = outgoing[Key(p)], !l.isEmpty { return Key(p) }
            let (bx, by) = bucket(p)
            var best: (Key, Double)? = nil
            for dx in -1...1 {
                for dy in -1...1 {
                    for (k, q) in near[hash((bx + dx, by + dy))] ?? [:] {
                        guard let l = outgoing[k], !l.isEmpty else { continue }
                        let d = max(abs(q.x - p.x), abs(q.y - p.y))
                        guard d <= EdgeSet.joinDistance else { continue }
                        if best == nil || d < best!.1 || (d == best!.1 && (q.y, q.x) < (Point(0, 0).y, 0)) { best = (k, d) }
                    }
                }
            }
            return best?.0
        }
        let starts = edges.values.map(\.0).sorted { ($0.y, $0.x) < ($1.y, $1.x) }
        var path = Path()
        for s in starts {
            guard var list = outgoing[Key(s)], !list.isEmpty else { continue }
            var loop = [s]
            var edge = list.removeFirst()
            outgoing[Key(s)] = list
            while true {
                let next = edge.1
                if Key(next) == Key(s) { break }
                loop.append(next)
                // Stuck away from the start: the edges do not close (pieces that
                // meet along a line where z is the level to rounding error).
                guard let k = continuation(from: next), var nl = outgoing[k], !nl.isEmpty else { return nil }
                edge = nl.removeFirst()
                outgoing[k] = nl
            }
            let simplified = EdgeSet.simplified(loop)
            guard simplified.count >= 3 else { continue }
            path.append(Path(polyline: simplified, closed: true))
        }
        return path
    }

    /// End points this close (pixels) are the same point to `loops`.
    static let joinDistance = 1e-6

    /// How far (pixels) a simplified outline may stray from the exact one:
    /// a twentieth of a pixel, invisible at any zoom of a page drawn at its dpi.
    static let tolerance = 0.05

    /// The loop with the vertices Douglas–Peucker finds within `tolerance` of
    /// the line through their kept neighbours dropped (exactly collinear runs
    /// always go). Nested bands are painted one over another, never abutting,
    /// so simplifying each region on its own cannot open a gap between them.
    static func simplified(_ loop: [Point]) -> [Point] {
        let n = loop.count
        guard n > 3 else { return loop }
        // Split at the first vertex and the one farthest from it; simplify both halves.
        var far = 0, best = -1.0
        for k in 1..<n {
            let d = (loop[k].x - loop[0].x) * (loop[k].x - loop[0].x) + (loop[k].y - loop[0].y) * (loop[k].y - loop[0].y)
            if d > best { best = d; far = k }
        }
        var keep = [Bool](repeating: false, count: n)
        keep[0] = true
        keep[far] = true
        var stack = [(0, far), (far, n)]
        while let (a, b) = stack.popLast() {
            guard b - a > 1 else { continue }
            let p = loop[a], q = loop[b % n]
            let dx = q.x - p.x, dy = q.y - p.y, len = (dx * dx + dy * dy).squareRoot()
            var worst = -1.0, at = a
            for k in (a + 1)..<b {
                let r = loop[k]
                let d = len > 0 ? abs(dx * (r.y - p.y) - dy * (r.x - p.x)) / len
                    : ((r.x - p.x) * (r.x - p.x) + (r.y - p.y) * (r.y - p.y)).squareRoot()
                if d > worst { worst = d; at = k }
            }
            if worst > tolerance {
                keep[at] = true
                stack.append((a, at))
                stack.append((at, b))
            }
        }
        return (0..<n).filter { keep[$0] }.map { loop[$0] }
    }
}
