import Foundation
import Raster

/// matplotlib's mplot3d camera: a view of the data box from elevation/azimuth
/// angles, projected onto a square viewport in pixels.
///
/// The maths, step by step (as `Axes3D.get_proj` does it, written afresh):
/// 1. *World*: the data box is mapped to [0, a_x] × [0, a_y] × [0, a_z], with the
///    box aspect a = (4, 4, 3) scaled to length 1.8294640721620434 · 25/24
///    (matplotlib's tuning, so the box fills the axes as in its 3.2 look).
/// 2. *View*: the eye looks at the box centre R = a/2 from direction
///    d = (cos e · cos az, cos e · sin az, sin e), at distance 10 (times the focal
///    length for a perspective camera). Screen axes: w = d, u = ẑ × w normalized
///    (to the right), v = w × u (up). A point P has view coordinates
///    (u·(P − E), v·(P − E), w·(P − E)) with E the eye.
/// 3. *Projection*: perspective (matplotlib's default, focal length 1):
///    (x, y) = f · (x_v, y_v) / (−z_v); orthographic: (x, y) = (x_v, y_v) / 10.
///    Depth is 10 / z_v (perspective) or −z_v / 10 (orthographic): smaller is
///    nearer, and in both cases it is an affine function of screen position
///    over any plane, so interpolating it linearly across a triangle is exact.
/// 4. *Viewport*: projected (x, y) ∈ [−0.095, 0.09]² (matplotlib's fixed 2-D
///    view limits of a 3-D axes) maps onto `viewport`, y up.
///
/// Elevations beyond ±90° are not supported (the up vector is not flipped);
/// roll is 0. A degenerate limit range (lo == hi) is widened by ±0.5.
public struct Camera3D: Sendable {
    public enum Projection: Sendable, Hashable {
        /// matplotlib's default `proj_type='persp'`, focal length 1 (FOV 90°).
        case perspective(focalLength: Double)
        /// `proj_type='ortho'`.
        case orthographic
    }

    public let elevation: Double
    public let azimuth: Double
    public let projection: Projection
    public let limits: Box3D
    /// Box aspect as given (default 4 : 4 : 3), before matplotlib's scaling.
    public let boxAspect: Vector3
    /// Pixel rectangle (y down) that matplotlib's 2-D view limits map onto.
    public let viewport: Rect

    /// The box size in world units (aspect scaled to matplotlib's length).
    public let worldBox: Vector3
    /// Unit vectors in world space: right, up on the screen, and out of the screen
    /// (towards the eye).
    public let u: Vector3, v: Vector3, w: Vector3
    /// The eye in world space.
    public let eye: Vector3

    /// matplotlib's camera distance (`Axes3D._dist`).
    public static let distance = 10.0
    /// matplotlib's 2-D view limits of a 3-D axes, on both axes.
    public static let viewLimits = (-0.95 / distance, 0.9 / distance)
    /// matplotlib's scale of the box aspect vector.
    public static let aspectLength = 1.8294640721620434 * 25 / 24

    /// A camera at `elevation`, `azimuth` degrees (matplotlib's `view_init`,
    /// default 30, −60) looking at `limits`, drawn into `viewport`.
    /// Focal lengths ≤ 0 or non-finite fall back to 1.
    public init(limits: Box3D, viewport: Rect, elevation: Double = 30, azimuth: Double = -60,
                projection: Projection = .perspective(focalLength: 1),
                boxAspect: Vector3 = Vector3(4, 4, 3)) {
        func widened(_ r: ClosedRange<Double>) -> ClosedRange<Double> {
            r.lowerBound < r.upperBound ? r : (r.lowerBound - 0.5)...(r.upperBound + 0.5)
        }
        self.limits = Box3D(x: widened(limits.x), y: widened(limits.y), z: widened(limits.z))
        self.viewport = viewport
        self.elevation = elevation
        self.azimuth = azimuth
        if case .perspective(let f) = projection, !(f > 0 && f.isFinite) {
            self.projection = .perspective(focalLength: 1)
        } else {
            self.projection = projection
        }
        self.boxAspect = boxAspect
        worldBox = boxAspect * (Camera3D.aspectLength / max(boxAspect.length, 1e-300))

        let e = elevation * .pi / 180, a = azimuth * .pi / 180
        let direction = Vector3(cos(e) * cos(a), cos(e) * sin(a), sin(e))
        let centre = worldBox * 0.5
        w = direction
        u = Vector3(0, 0, 1).cross(w).normalized
        v = w.cross(u)
        var f = 1.0
        if case .perspective(let fl) = self.projection { f = fl }
        eye = centre + direction * (Camera3D.distance * f)
    }

    /// Focal length of the perspective camera; nil when orthographic.
    var focalLengthIfPerspective: Double? {
        if case .perspective(let f) = projection { return f }
        return nil
    }

    /// A copy with other view angles (for a camera orbit).
    public func with(elevation: Double? = nil, azimuth: Double? = nil) -> Camera3D {
        Camera3D(limits: limits, viewport: viewport, elevation: elevation ?? self.elevation,
                 azimuth: azimuth ?? self.azimuth, projection: projection, boxAspect: boxAspect)
    }

    /// Data coordinates → world coordinates (the box scaled to `worldBox`).
    public func world(_ p: Vector3) -> Vector3 {
        Vector3((p.x - limits.x.lowerBound) / (limits.x.upperBound - limits.x.lowerBound) * worldBox.x,
                (p.y - limits.y.lowerBound) / (limits.y.upperBound - limits.y.lowerBound) * worldBox.y,
                (p.z - limits.z.lowerBound) / (limits.z.upperBound - limits.z.lowerBound) * worldBox.z)
    }

    /// A data-space vector of world length 1 pointing at the eye: adding
    /// `towardsViewer * s` to a data point moves it s world units nearer.
    public var towardsViewer: Vector3 {
        Vector3(w.x / worldBox.x * (limits.x.upperBound - limits.x.lowerBound),
                w.y / worldBox.y * (limits.y.upperBound - limits.y.lowerBound),
                w.z / worldBox.z * (limits.z.upperBound - limits.z.lowerBound))
    }

    /// matplotlib's projected 2-D coordinates (before the viewport) and depth.
    public func projected2D(_ p: Vector3) -> Vector3 {
        let d = world(p) - eye
        let xv = u.dot(d), yv = v.dot(d), zv = w.dot(d)
        if let f = focalLengthIfPerspective {
            let inv = 1 / -zv
            return Vector3(f * xv * inv, f * yv * inv, Camera3D.distance / zv)
        }
        return Vector3(xv / Camera3D.distance, yv / Camera3D.distance, -zv / Camera3D.distance)
    }

    /// Data coordinates → (pixel x, pixel y with y down, depth). Smaller depth is
    /// nearer the eye. Non-finite input gives non-finite output.
    public func project(_ p: Vector3) -> Vector3 {
        let q = projected2D(p)
        let (lo, hi) = Camera3D.viewLimits
        let sx = viewport.width / (hi - lo), sy = viewport.height / (hi - lo)
        return Vector3(viewport.minX + (q.x - lo) * sx, viewport.maxY - (q.y - lo) * sy, q.z)
    }

    /// The pixel position of `p` (y down).
    public func pixel(_ p: Vector3) -> Point {
        let q = project(p)
        return Point(q.x, q.y)
    }

    /// matplotlib's placement of a 3-D axes: the subplot rectangle `position`
    /// (figure fraction, y up) shrunk to a square (in pixels) and centred in it,
    /// as `Axes3D.apply_aspect` does. Returns pixels, y down.
    public static func viewport(figureWidth: Int, figureHeight: Int, position: Rect) -> Rect {
        let W = Double(figureWidth), H = Double(figureHeight)
        let w = position.width * W, h = position.height * H
        let side = min(w, h)
        let x0 = position.minX * W + (w - side) / 2
        let yTop = (1 - position.maxY) * H + (h - side) / 2
        return Rect(x: x0, y: yTop, width: side, height: side)
    }

    /// The largest square centred in `box` (pixels): the viewport of a 3-D panel
    /// the figure layout gave `box`.
    public static func viewport(box: Rect) -> Rect {
        let side = min(box.width, box.height)
        return Rect(x: box.minX + (box.width - side) / 2, y: box.minY + (box.height - side) / 2, width: side, height: side)
    }
}
