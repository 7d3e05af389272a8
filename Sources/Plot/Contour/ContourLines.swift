import Raster

/// The level line {z = level} of a `ContourGrid`'s interpolant, as long polylines
/// in data coordinates — what `contour` strokes.
///
/// The line is the boundary of the region `ContourGrid.region(atLeast:map:)`
/// fills: the same four triangles per cell, the same rule for which vertices are
/// inside (z ≥ level), the same crossing points (computed from the lower end of
/// each edge, so bit-identical on both triangles sharing it), and the same cells
/// skipped (wholly above, wholly below, or touching a hole). Lines therefore sit
/// exactly on the edges of the filled bands.
///
/// Inside a triangle the interpolant is linear, so {z = level} is one segment
/// joining the two edges whose ends straddle the level. Segments are oriented
/// with the higher side on their left (in data space, y up) and chained through
/// the edges they share into polylines: closed where the line closes, open where
/// it meets the domain's border or a hole. Chaining by edge identity, not by
/// comparing coordinates, makes the joins exact.
///
/// Order is deterministic: open lines first, in the row-major order of the cell
/// where they start, then closed loops in the same order.
public struct ContourLines: Sendable {
    /// The level the lines follow.
    public let level: Double
    /// The lines, in data coordinates. Consecutive duplicate points are removed;
    /// a line that degenerates to a single point (a peak exactly at the level) is
    /// dropped. Empty when the level is outside the data or not finite.
    public let polylines: [Polyline]

    /// The level line `level` of `grid`.
    public init(grid: ContourGrid, level: Double) {
        self.level = level
        self.polylines = level.isFinite ? ContourLines.chain(ContourLines.segments(grid, level)) : []
    }

    /// The lines as a path, each point mapped by `map` (for example data → pixels);
    /// closed lines end with `close`, so strokes join around them.
    public func path(map: Transform = .identity) -> Path {
        var path = Path()
        for line in polylines {
            path.append(Path(polyline: line.points.map(map.apply), closed: line.isClosed))
        }
        return path
    }

    /// Total length of the lines in data units (closing segments included).
    public var length: Double {
        polylines.reduce(0) { $0 + ContourLines.length(of: $1) }
    }

    /// Length of one polyline, its closing segment included when closed.
    public static func length(of line: Polyline) -> Double {
        var total = zip(line.points, line.points.dropFirst()).reduce(0) { $0 + $1.0.distance(to: $1.1) }
        if line.isClosed, let first = line.points.first, let last = line.points.last {
            total += last.distance(to: first)
        }
        return total
    }

    // MARK: - Segments

    /// A piece of the line inside one triangle, from the edge where the triangle's
    /// boundary (counter-clockwise) leaves the region z ≥ level to the edge where it
    /// re-enters it. Edges are named by their two vertex ids.
    struct Segment {
        var from: Point
        var to: Point
        var fromEdge: Int
        var toEdge: Int
    }

    /// Every segment of the level line, cell by cell in row-major order.
    static func segments(_ grid: ContourGrid, _ level: Double) -> [Segment] {
        let nx = grid.nx, ny = grid.ny
        // Vertex ids: grid node (i, j) → j·nx + i; centre of cell (i, j) → after all nodes.
        let nodeCount = nx * ny
        let vertexCount = nodeCount + (nx - 1) * (ny - 1)
        func edgeKey(_ a: Int, _ b: Int) -> Int { min(a, b) * vertexCount + max(a, b) }

        var out: [Segment] = []
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                // The same cells `region(atLeast:)` skips: holes, wholly inside, wholly
                // outside. Tested on the raw samples first: most cells are skipped.
                let z = grid.z, n = j * nx + i
                let lo = min(z[n], z[n + 1], z[n + nx], z[n + nx + 1])
                let hi = max(z[n], z[n + 1], z[n + nx], z[n + nx + 1])
                guard lo < level, hi >= level else { continue }
                let c = grid.cellCorners(i, j)
                guard c.allSatisfy({ $0.isFinite }) else { continue }
                let ids = [j * nx + i, j * nx + i + 1, (j + 1) * nx + i + 1, (j + 1) * nx + i]
                let centre = nodeCount + j * (nx - 1) + i
                // Triangle k is (corner k, corner k+1, centre), counter-clockwise in data space.
                for (k, tri) in grid.triangles(i, j, corners: c, map: .identity).enumerated() {
                    let vid = [ids[k], ids[(k + 1) % 4], centre]
                    if let s = segment(tri, ids: vid, level: level, key: edgeKey) { out.append(s) }
                }
            }
        }
        return out
    }

    /// The segment of one triangle, or nil when all three vertices lie on the same
    /// side. With "inside" meaning z ≥ level, a mixed triangle has exactly one edge
    /// leaving the region and one entering it (walking counter-clockwise); the
    /// segment from the leaving crossing to the entering one has the region on its
    /// left, as the cut edge of the clipped polygon in `ContourGrid.clip` does.
    static func segment(_ tri: [ContourGrid.Vertex], ids: [Int], level: Double,
                        key: (Int, Int) -> Int) -> Segment? {
        var leaving: (Point, Int)? = nil, entering: (Point, Int)? = nil
        for e in 0..<3 {
            let a = tri[e], b = tri[(e + 1) % 3]
            let aIn = a.z >= level, bIn = b.z >= level
            guard aIn != bIn else { continue }
            let crossing = (ContourGrid.crossing(a, b, level).p, key(ids[e], ids[(e + 1) % 3]))
            if aIn { leaving = crossing } else { entering = crossing }
        }
        guard let l = leaving, let en = entering else { return nil }
        return Segment(from: l.0, to: en.0, fromEdge: l.1, toEdge: en.1)
    }

    // MARK: - Chaining

    /// Joins segments into polylines. Every crossed edge is shared by at most two
    /// triangles, and it is where one segment ends (`toEdge`) and the neighbour's
    /// begins (`fromEdge`), so each segment has at most one successor and one
    /// predecessor: the segments form simple chains and cycles.
    static func chain(_ segments: [Segment]) -> [Polyline] {
        var startingAt: [Int: Int] = [:]
        startingAt.reserveCapacity(segments.count)
        for (n, s) in segments.enumerated() { startingAt[s.fromEdge] = n }
        let ends = Set(segments.map(\.toEdge))
        var used = [Bool](repeating: false, count: segments.count)
        var lines: [Polyline] = []

        func walk(from first: Int) {
            var points = [segments[first].from]
            var n = first
            var closed = false
            while true {
                used[n] = true
                points.append(segments[n].to)
                guard let next = startingAt[segments[n].toEdge] else { break }
                if next == first { closed = true; break }
                if used[next] { break }
                n = next
            }
            if let line = polyline(points, closed: closed) { lines.append(line) }
        }
        // Open chains begin at a segment nothing leads into; what is left are loops.
        for n in segments.indices where !used[n] && !ends.contains(segments[n].fromEdge) { walk(from: n) }
        for n in segments.indices where !used[n] { walk(from: n) }
        return lines
    }

    /// A polyline from chained points without consecutive duplicates (a crossing
    /// exactly at a vertex is shared by several edges); nil when fewer than two
    /// distinct points remain. A closed chain repeats its first point at the end,
    /// which `close` implies, so it is dropped.
    static func polyline(_ raw: [Point], closed: Bool) -> Polyline? {
        var pts: [Point] = []
        pts.reserveCapacity(raw.count)
        for p in raw where pts.last != p { pts.append(p) }
        if closed, pts.count > 1, pts.first == pts.last { pts.removeLast() }
        guard pts.count >= 2 else { return nil }
        return Polyline(points: pts, isClosed: closed && pts.count >= 3)
    }
}
