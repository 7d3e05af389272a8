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
    public func region(atLeast level: Double, map: Transform) -> Path {
        var path = Path()
        for j in 0..<(ny - 1) {
            var runStart: Int? = nil
            for i in 0..<(nx - 1) {
                let c = cellCorners(i, j)
                guard c.allSatisfy({ $0.isFinite }) else {
                    flushRun(&path, &runStart, end: i, row: j, map: map)
                    continue
                }
                if c.allSatisfy({ $0 >= level }) {
                    if runStart == nil { runStart = i }
                    continue
                }
                flushRun(&path, &runStart, end: i, row: j, map: map)
                if c.allSatisfy({ $0 < level }) { continue }
                for tri in triangles(i, j, corners: c, map: map) {
                    let piece = ContourGrid.clip(tri, atLeast: level)
                    if piece.count >= 3 { path.append(Path(polyline: piece.map(\.p), closed: true)) }
                }
            }
            flushRun(&path, &runStart, end: nx - 1, row: j, map: map)
        }
        return path
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
