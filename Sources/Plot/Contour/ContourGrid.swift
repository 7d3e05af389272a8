import Raster

/// Samples of a function z = f(x, y) on a rectangular grid, and the exact regions
/// and level lines of their piecewise-linear interpolant.
///
/// Each grid cell is split into four triangles around its centre, whose value is
/// the mean of the four corners; z is linear on each triangle. This resolves the
/// saddle ambiguity of marching squares the same way everywhere, and makes every
/// region {z ≥ level} an exact union of convex pieces.
public struct ContourGrid: Sendable {
    /// Grid abscissae, ascending (`nx` values).
    public let xs: [Double]
    /// Grid ordinates, ascending (`ny` values).
    public let ys: [Double]
    /// `ny · nx` samples, row j (y) by row; NaN marks a hole (cells touching it are skipped).
    public let z: [Double]

    /// Nil when the sizes disagree or there are fewer than 2 × 2 samples.
    public init?(xs: [Double], ys: [Double], z: [Double]) {
        guard xs.count >= 2, ys.count >= 2, z.count == xs.count * ys.count else { return nil }
        (self.xs, self.ys, self.z) = (xs, ys, z)
    }

    /// Samples `f` on `nx × ny` evenly spaced points of [x0, x1] × [y0, y1]
    /// (like `np.meshgrid(np.linspace(...), np.linspace(...))`). Non-finite values become holes.
    public init(x0: Double, x1: Double, y0: Double, y1: Double, nx: Int, ny: Int,
                _ f: (Double, Double) -> Double) {
        let nx = max(2, nx), ny = max(2, ny)
        let xs = (0..<nx).map { x0 + (x1 - x0) * Double($0) / Double(nx - 1) }
        let ys = (0..<ny).map { y0 + (y1 - y0) * Double($0) / Double(ny - 1) }
        var z = [Double](repeating: .nan, count: nx * ny)
        for j in 0..<ny {
            for i in 0..<nx {
                let v = f(xs[i], ys[j])
                z[j * nx + i] = v.isFinite ? v : .nan
            }
        }
        self.init(xs: xs, ys: ys, z: z)!
    }

    public var nx: Int { xs.count }
    public var ny: Int { ys.count }

    /// Smallest and largest finite sample; nil when there is none.
    public var range: (min: Double, max: Double)? {
        var lo = Double.infinity, hi = -Double.infinity
        for v in z where v.isFinite { lo = min(lo, v); hi = max(hi, v) }
        return lo <= hi ? (lo, hi) : nil
    }

    /// A vertex of the triangulation: position (already mapped to output space) and value.
    struct Vertex {
        var p: Point
        var z: Double
    }

    /// The region where the interpolant is ≥ `level`, in the space of `map`
    /// (data → pixels). Every piece has the same orientation, so the path fills
    /// exactly with the nonzero rule; edges shared by neighbouring pieces cancel
    /// in the rasterizer's signed-area sum, leaving no seams.
    /// Runs of cells lying wholly in the region are merged into one rectangle each.
    ///
    /// This is the inner loop of every filled contour (levels × cells), so it
    /// reads the samples in place and clips each triangle into a fixed-size
    /// buffer: no array is allocated per cell. The arithmetic is that of
    /// `triangles(_:_:corners:map:)` and `clip(_:atLeast:)`, operation for
    /// operation, so the path is the same to the bit.
    public func region(atLeast level: Double, map: Transform) -> Path {
        var path = Path()
        let nx = self.nx
        z.withUnsafeBufferPointer { z in
            for j in 0..<(ny - 1) {
                var runStart: Int? = nil
                for i in 0..<(nx - 1) {
                    let n = j * nx + i
                    let c = (z[n], z[n + 1], z[n + nx + 1], z[n + nx])
                    guard c.0.isFinite, c.1.isFinite, c.2.isFinite, c.3.isFinite else {
                        flushRun(&path, &runStart, end: i, row: j, map: map)
                        continue
                    }
                    if c.0 >= level && c.1 >= level && c.2 >= level && c.3 >= level {
                        if runStart == nil { runStart = i }
                        continue
                    }
                    flushRun(&path, &runStart, end: i, row: j, map: map)
                    if c.0 < level && c.1 < level && c.2 < level && c.3 < level { continue }
                    appendPieces(of: i, j, corners: c, level: level, map: map, to: &path)
                }
                flushRun(&path, &runStart, end: nx - 1, row: j, map: map)
            }
        }
        return path
    }

    /// Appends the parts of cell (i, j)'s four triangles where z ≥ `level`, each
    /// as a closed polygon (`triangles` and `clip` without their arrays).
    func appendPieces(of i: Int, _ j: Int, corners c: (Double, Double, Double, Double),
                              level: Double, map: Transform, to path: inout Path) {
        let p0 = map.apply(Point(xs[i], ys[j])), p1 = map.apply(Point(xs[i + 1], ys[j]))
        let p2 = map.apply(Point(xs[i + 1], ys[j + 1])), p3 = map.apply(Point(xs[i], ys[j + 1]))
        let v = (Vertex(p: p0, z: c.0), Vertex(p: p1, z: c.1), Vertex(p: p2, z: c.2), Vertex(p: p3, z: c.3))
        func corner(_ k: Int) -> Vertex {
            switch k & 3 {
            case 0: v.0
            case 1: v.1
            case 2: v.2
            default: v.3
            }
        }
        let centre = Vertex(p: (p0 + p2) * 0.5, z: (c.0 + c.1 + c.2 + c.3) / 4)
        for k in 0..<4 {
            let tri = (corner(k), corner(k + 1), centre)
            // Sutherland–Hodgman against z ≥ level: at most 4 vertices out.
            var out = (Point.zero, Point.zero, Point.zero, Point.zero)
            var count = 0
            func emit(_ p: Point) {
                switch count {
                case 0: out.0 = p
                case 1: out.1 = p
                case 2: out.2 = p
                default: out.3 = p
                }
                count += 1
            }
            func edge(_ a: Vertex, _ b: Vertex) {
                let aIn = a.z >= level, bIn = b.z >= level
                if aIn { emit(a.p) }
                if aIn != bIn { emit(ContourGrid.crossing(a, b, level).p) }
            }
            edge(tri.0, tri.1)
            edge(tri.1, tri.2)
            edge(tri.2, tri.0)
            guard count >= 3 else { continue }
            path.move(to: out.0)
            path.line(to: out.1)
            path.line(to: out.2)
            if count == 4 { path.line(to: out.3) }
            path.close()
        }
    }

    /// Corner values of cell (i, j): (i, j), (i+1, j), (i+1, j+1), (i, j+1).
    func cellCorners(_ i: Int, _ j: Int) -> [Double] {
        [z[j * nx + i], z[j * nx + i + 1], z[(j + 1) * nx + i + 1], z[(j + 1) * nx + i]]
    }

    /// The four triangles of cell (i, j), fanned around its centre, all with the
    /// same orientation (corner k, corner k+1, centre).
    func triangles(_ i: Int, _ j: Int, corners c: [Double], map: Transform) -> [[Vertex]] {
        let pts = [Point(xs[i], ys[j]), Point(xs[i + 1], ys[j]),
                   Point(xs[i + 1], ys[j + 1]), Point(xs[i], ys[j + 1])].map(map.apply)
        let centre = Vertex(p: (pts[0] + pts[2]) * 0.5, z: (c[0] + c[1] + c[2] + c[3]) / 4)
        return (0..<4).map { k in
            [Vertex(p: pts[k], z: c[k]), Vertex(p: pts[(k + 1) % 4], z: c[(k + 1) % 4]), centre]
        }
    }

    /// Appends the rectangle of cells `start..<end` of row `row` and clears the run.
    private func flushRun(_ path: inout Path, _ start: inout Int?, end: Int, row: Int, map: Transform) {
        guard let s = start else { return }
        start = nil
        let corners = [Point(xs[s], ys[row]), Point(xs[end], ys[row]),
                       Point(xs[end], ys[row + 1]), Point(xs[s], ys[row + 1])].map(map.apply)
        path.append(Path(polyline: corners, closed: true))
    }

    /// The part of a triangle where the linear interpolant is ≥ `level`
    /// (Sutherland–Hodgman against one half-plane; z is linear along each edge).
    static func clip(_ poly: [Vertex], atLeast level: Double) -> [Vertex] {
        var out: [Vertex] = []
        out.reserveCapacity(poly.count + 1)
        for k in poly.indices {
            let a = poly[k], b = poly[(k + 1) % poly.count]
            let aIn = a.z >= level, bIn = b.z >= level
            if aIn { out.append(a) }
            if aIn != bIn { out.append(crossing(a, b, level)) }
        }
        return out
    }

    /// The point on segment a–b where the interpolant equals `level`. Computed from
    /// the lower-valued end so both triangles sharing the edge get the same point.
    static func crossing(_ a: Vertex, _ b: Vertex, _ level: Double) -> Vertex {
        let (lo, hi) = a.z <= b.z ? (a, b) : (b, a)
        let t = (level - lo.z) / (hi.z - lo.z)
        return Vertex(p: lo.p.lerp(hi.p, t), z: level)
    }
}
