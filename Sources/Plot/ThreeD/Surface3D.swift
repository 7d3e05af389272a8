import Foundation
import Raster

/// A light at infinity, as matplotlib's `LightSource(azdeg, altdeg)`: azimuth
/// clockwise from north (+y) in degrees, altitude above the horizon.
public struct LightSource: Sendable, Hashable {
    public var azimuth: Double
    public var altitude: Double

    public init(azimuth: Double, altitude: Double) {
        self.azimuth = azimuth
        self.altitude = altitude
    }

    /// What mplot3d's `_shade_colors` uses when `plot_surface` is given none
    /// (azdeg 225, altdeg 19.4712 — "for backwards compatibility"; not the
    /// `LightSource()` defaults 315/45 of 2-D hillshading).
    public static let matplotlibSurface = LightSource(azimuth: 225, altitude: 19.4712)

    /// Unit vector towards the light: the compass azimuth turned into the
    /// mathematical angle 90° − az.
    public var direction: Vector3 {
        let az = (90 - azimuth) * .pi / 180, alt = altitude * .pi / 180
        return Vector3(cos(az) * cos(alt), sin(az) * cos(alt), sin(alt))
    }
}

/// z = f(x, y) sampled on a grid and drawn as triangles — matplotlib's
/// `plot_surface`, with a depth buffer instead of painter's sorting.
///
/// Each grid cell is one face: it is split into two triangles along its
/// (0,0)–(1,1) diagonal, and both get the cell's colour, so shading is per cell
/// as in matplotlib (whose polygons are the cells) and the diagonal never shows.
/// - Colour: one flat colour (shaded by default, like `color=`), or a colormap
///   applied to each cell's mean z normalized over the range of those means
///   (unshaded by default, like `cmap=`; pass `vmin`/`vmax` to fix the range).
/// - Shading: Lambert-like, matplotlib's formula: with n the cell's unit normal
///   (upward, computed in data coordinates as matplotlib does) and l the light
///   direction, the RGB is multiplied by 0.3 + 0.7 · (n·l + 1) / 2, so a face
///   turned away keeps 30 % of its colour. Alpha is not shaded.
/// - Cells with a non-finite corner are not drawn (holes).
public struct Surface3D: Sendable {
    public enum Coloring: Sendable {
        case flat(Color)
        case colormap(Colormap, vmin: Double? = nil, vmax: Double? = nil)
    }

    /// Grid abscissae (`nx`) and ordinates (`ny`).
    public let xs: [Double]
    public let ys: [Double]
    /// `ny · nx` heights, row j (y) by row.
    public let z: [Double]
    public var coloring: Coloring
    /// Shade faces by the light; default true for a flat colour, false for a colormap.
    public var shade: Bool
    public var lightSource = LightSource.matplotlibSurface
    /// Opacity of the whole surface (the front-most layer is blended over the panes).
    public var alpha = 1.0
    /// Wire edges along the grid lines (nil = none), depth-tested like paths.
    public var edgeColor: Color?
    /// Width of the wire edges in points.
    public var edgeWidth = 0.5
    /// Draw a wire edge every `edgeStride` grid lines (1 = every line).
    public var edgeStride = 1

    /// Nil when the sizes disagree or there are fewer than 2 × 2 samples.
    public init?(xs: [Double], ys: [Double], z: [Double], coloring: Coloring) {
        guard xs.count >= 2, ys.count >= 2, z.count == xs.count * ys.count else { return nil }
        (self.xs, self.ys, self.z, self.coloring) = (xs, ys, z, coloring)
        if case .flat = coloring { shade = true } else { shade = false }
    }

    /// Samples `f` on `nx × ny` evenly spaced points of `x × y` (both ends
    /// included; counts below 2 become 2). Non-finite values make holes.
    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, nx: Int = 60, ny: Int = 60,
                coloring: Coloring, _ f: (Double, Double) -> Double) {
        let nx = max(2, nx), ny = max(2, ny)
        let xs = (0..<nx).map { x.lowerBound + (x.upperBound - x.lowerBound) * Double($0) / Double(nx - 1) }
        let ys = (0..<ny).map { y.lowerBound + (y.upperBound - y.lowerBound) * Double($0) / Double(ny - 1) }
        var z = [Double](repeating: .nan, count: nx * ny)
        for j in 0..<ny {
            for i in 0..<nx { z[j * nx + i] = f(xs[i], ys[j]) }
        }
        self.init(xs: xs, ys: ys, z: z, coloring: coloring)!
    }

    public var nx: Int { xs.count }
    public var ny: Int { ys.count }

    /// The grid point (i, j) in data coordinates.
    @inline(__always)
    public func point(_ i: Int, _ j: Int) -> Vector3 { Vector3(xs[i], ys[j], z[j * nx + i]) }

    /// The data extent of the finite samples; nil when there is none.
    public var bounds: Box3D? {
        var lo = Vector3(.infinity, .infinity, .infinity), hi = -lo
        for j in 0..<ny {
            for i in 0..<nx {
                let p = point(i, j)
                guard p.isFinite else { continue }
                lo = Vector3(min(lo.x, p.x), min(lo.y, p.y), min(lo.z, p.z))
                hi = Vector3(max(hi.x, p.x), max(hi.y, p.y), max(hi.z, p.z))
            }
        }
        guard lo.x <= hi.x else { return nil }
        return Box3D(x: lo.x...hi.x, y: lo.y...hi.y, z: lo.z...hi.z)
    }

    /// matplotlib's shading factor for a unit normal and a unit light direction.
    public static func shadeFactor(normal n: Vector3, light l: Vector3) -> Double {
        let d = n.dot(l)
        guard d.isFinite else { return 1 }
        return 0.3 + 0.7 * (min(max(d, -1), 1) + 1) / 2
    }

    /// The unit normal of cell (i, j), pointing up (z ≥ 0): the cross product of
    /// the cell's diagonals, the mean normal of its bilinear patch.
    public func cellNormal(_ i: Int, _ j: Int) -> Vector3 {
        let d1 = point(i + 1, j + 1) - point(i, j)
        let d2 = point(i, j + 1) - point(i + 1, j)
        let n = d1.cross(d2).normalized
        return n.z < 0 ? -n : n
    }

    /// The colour of every cell, row j by row, `(ny − 1) · (nx − 1)` entries;
    /// clear for a hole.
    public func cellColors() -> [Color] {
        let cw = nx - 1, ch = ny - 1
        var means = [Double](repeating: .nan, count: cw * ch)
        for j in 0..<ch {
            for i in 0..<cw {
                let m = (z[j * nx + i] + z[j * nx + i + 1] + z[(j + 1) * nx + i] + z[(j + 1) * nx + i + 1]) / 4
                means[j * cw + i] = m.isFinite ? m : .nan
            }
        }
        let finite = means.filter(\.isFinite)
        let light = lightSource.direction
        var lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if case .colormap(_, let vmin, let vmax) = coloring { lo = vmin ?? lo; hi = vmax ?? hi }
        return (0..<(cw * ch)).map { k in
            let m = means[k]
            guard m.isFinite else { return .clear }
            var c: Color
            switch coloring {
            case .flat(let flat):
                c = flat
            case .colormap(let map, _, _):
                c = map.color(at: hi > lo ? (m - lo) / (hi - lo) : 0.5)
            }
            if shade {
                let s = Surface3D.shadeFactor(normal: cellNormal(k % cw, k / cw), light: light)
                c = Color(r: c.r * s, g: c.g * s, b: c.b * s, a: c.a)
            }
            return c
        }
    }

    /// Draws the cells as triangles into `buffer` through `camera`.
    public func render(into buffer: inout DepthBuffer, camera: Camera3D) {
        for t in triangles(camera: camera) { buffer.fillTriangle(t.a, t.b, t.c, color: t.color) }
    }

    /// The cells as triangles through `camera`, in drawing order: vertices in
    /// (pixel x, pixel y, depth) and the colour packed as `DepthBuffer.pack`
    /// does. Computed once, drawn into every band of `DepthBuffer.renderInBands`.
    func triangles(camera: Camera3D) -> [(a: Vector3, b: Vector3, c: Vector3, color: UInt32)] {
        let colors = cellColors()
        // Project every grid point once.
        var projected = [Vector3](repeating: Vector3(.nan, .nan, .nan), count: nx * ny)
        for j in 0..<ny {
            for i in 0..<nx { projected[j * nx + i] = camera.project(point(i, j)) }
        }
        let cw = nx - 1
        var out: [(a: Vector3, b: Vector3, c: Vector3, color: UInt32)] = []
        out.reserveCapacity(2 * cw * (ny - 1))
        for j in 0..<(ny - 1) {
            for i in 0..<cw {
                let c = colors[j * cw + i]
                guard c.a > 0 else { continue }
                let packed = DepthBuffer.pack(c, alpha: alpha)
                let p00 = projected[j * nx + i], p10 = projected[j * nx + i + 1]
                let p01 = projected[(j + 1) * nx + i], p11 = projected[(j + 1) * nx + i + 1]
                out.append((p00, p10, p11, packed))
                out.append((p00, p11, p01, packed))
            }
        }
        return out
    }

    /// The grid lines as polylines in data coordinates (every `edgeStride`-th
    /// row and column, the last always included), for wire edges.
    public func gridLines() -> [[Vector3]] {
        let s = max(1, edgeStride)
        func picks(_ n: Int) -> [Int] { Array(stride(from: 0, to: n - 1, by: s)) + [n - 1] }
        var lines: [[Vector3]] = []
        for j in picks(ny) { lines.append((0..<nx).map { point($0, j) }) }
        for i in picks(nx) { lines.append((0..<ny).map { point(i, $0) }) }
        return lines
    }
}
