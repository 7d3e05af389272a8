import Foundation
import Raster

/// Contour lines of a surface drawn flat on the plane z = `offset` — matplotlib's
/// `ax.contour(X, Y, Z, zdir='z', offset=…)` under a 3-D surface — depth-tested
/// against the surface, so the part the surface hides is hidden.
///
/// Level lines come from marching triangles over the grid, each cell split along
/// the same (0,0)–(1,1) diagonal as the surface: on a triangle the interpolant
/// is linear, so a level crosses it in at most one straight segment, found by
/// linear interpolation on the two edges whose ends straddle it (a vertex equal
/// to the level counts as above). Default levels are matplotlib's: MaxNLocator
/// (8 bins, steps 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10) over the data range, keeping
/// those strictly inside it (the minimum alone when none is).
public struct ProjectedContour: Sendable {
    public enum Coloring: Sendable {
        case flat(Color)
        /// Each level coloured at its position between the lowest and highest level.
        case colormap(Colormap)
    }

    public let xs: [Double]
    public let ys: [Double]
    /// `ys.count · xs.count` values, row by row; non-finite values leave gaps.
    public let z: [Double]
    /// Height of the plane the lines are drawn on.
    public var offset: Double
    /// Explicit levels; nil = matplotlib's automatic ones.
    public var levels: [Double]?
    public var coloring: Coloring
    /// Line width in points; nil = the theme's (1.5, matplotlib's `lines.linewidth`).
    public var lineWidth: Double?

    /// Nil when the sizes disagree or there are fewer than 2 × 2 samples.
    public init?(xs: [Double], ys: [Double], z: [Double], offset: Double, coloring: Coloring = .flat(.black)) {
        guard xs.count >= 2, ys.count >= 2, z.count == xs.count * ys.count else { return nil }
        (self.xs, self.ys, self.z, self.offset, self.coloring) = (xs, ys, z, offset, coloring)
    }

    /// The contours of `surface`'s grid.
    public init(surface: Surface3D, offset: Double, coloring: Coloring = .flat(.black)) {
        self.init(xs: surface.xs, ys: surface.ys, z: surface.z, offset: offset, coloring: coloring)!
    }

    /// The levels drawn.
    public func resolvedLevels() -> [Double] {
        if let levels { return levels.filter(\.isFinite).sorted() }
        let finite = z.filter(\.isFinite)
        guard let lo = finite.min(), let hi = finite.max() else { return [] }
        let inside = MaxNLocator.contourLevels.ticks(lo, hi).filter { $0 > lo && $0 < hi }
        return inside.isEmpty ? [lo] : inside
    }

    /// The segments of level `level` on the plane, in data coordinates.
    public func segments(level: Double) -> [(Vector3, Vector3)] {
        let nx = xs.count, ny = ys.count
        var out: [(Vector3, Vector3)] = []
        func vertex(_ i: Int, _ j: Int) -> Vector3 { Vector3(xs[i], ys[j], z[j * nx + i]) }
        // The crossing on edge p–q (values in .z), on the plane.
        func cross(_ p: Vector3, _ q: Vector3) -> Vector3 {
            let t = (level - p.z) / (q.z - p.z)
            return Vector3(p.x + t * (q.x - p.x), p.y + t * (q.y - p.y), offset)
        }
        func triangle(_ a: Vector3, _ b: Vector3, _ c: Vector3) {
            guard a.z.isFinite, b.z.isFinite, c.z.isFinite else { return }
            let (ua, ub, uc) = (a.z >= level, b.z >= level, c.z >= level)
            if ua == ub && ub == uc { return }
            // The lone vertex (on its own side) and the two edges leaving it.
            let (lone, p, q) = ua == ub ? (c, a, b) : (ua == uc ? (b, c, a) : (a, b, c))
            out.append((cross(lone, p), cross(lone, q)))
        }
        for j in 0..<(ny - 1) {
            for i in 0..<(nx - 1) {
                let p00 = vertex(i, j), p10 = vertex(i + 1, j), p01 = vertex(i, j + 1), p11 = vertex(i + 1, j + 1)
                triangle(p00, p10, p11)
                triangle(p00, p11, p01)
            }
        }
        return out
    }

    /// The colour of level `k` of `levels`.
    func color(level k: Int, of levels: [Double]) -> Color {
        switch coloring {
        case .flat(let c): return c
        case .colormap(let map):
            guard let lo = levels.first, let hi = levels.last, hi > lo else { return map.color(at: 0) }
            return map.color(at: (levels[k] - lo) / (hi - lo))
        }
    }

    /// Draws the lines onto `canvas`, depth-tested against `depth`.
    func draw(on canvas: inout any Canvas, camera: Camera3D, depth: DepthBuffer?, lift: Double,
              pointScale: Double, theme: Theme) {
        let levels = resolvedLevels()
        let width = (lineWidth ?? theme.lineWidth) * pointScale
        let offsetVector = camera.towardsViewer * lift
        func screen(_ p: Vector3) -> Vector3 {
            let q = camera.project(p)
            return Vector3(q.x, q.y, camera.project(p + offsetVector).z)
        }
        var layer = DepthTestedLines(imageWidth: canvas.width, imageHeight: canvas.height)
        for (k, level) in levels.enumerated() {
            for (a, b) in segments(level: level) {
                layer.addSegment(screen(a), screen(b), lineWidth: width, depth: depth)
            }
            // One colour for all levels: paint once at the end.
            if case .colormap = coloring {
                layer.paint(color(level: k, of: levels), on: &canvas)
                layer = DepthTestedLines(imageWidth: canvas.width, imageHeight: canvas.height)
            }
        }
        if case .flat(let c) = coloring { layer.paint(c, on: &canvas) }
    }
}
