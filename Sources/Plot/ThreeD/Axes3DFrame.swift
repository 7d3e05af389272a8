import Foundation
import Raster

/// The non-data parts of a 3-D axes with matplotlib's geometry (`axis3d.py`):
/// back panes, grid lines on them, the three axis lines on the box edges nearest
/// the viewer, ticks, tick labels and axis labels.
///
/// - For each axis i, of the two faces perpendicular to it the one farther from
///   the eye (larger mean projected depth) is the back pane. Its colour is
///   matplotlib's `axes3d.{x,y,z}axis.panecolor`: grey 0.95 / 0.9 / 0.925 at
///   alpha 0.5.
/// - "minmax" is the back corner (per coordinate, the back pane's side) and
///   "maxmin" the front corner. Axis i's line runs along i from a point of the
///   back corner moved to the front in one other coordinate (y for x, x for y
///   and z): x along the near bottom edge, y likewise, z up the edge at the near
///   x and far y.
/// - Ticks cross that edge along the coordinate matplotlib's `tickdir` names
///   (y for x ticks, x for y and z ticks), 0.1·δ one way and 0.2·δ the other,
///   δ = 0.08 × the box range of that coordinate. Tick labels sit at the tick,
///   moved away from the box centre by (pad + 8) points converted with
///   matplotlib's estimate 48 / (axes width + height in points) × δ per point, in
///   both coordinates other than the axis; top-centre anchored. Axis labels:
///   the edge midpoint moved by (labelpad + 21) points the same way, centred,
///   turned along the axis when longer than 4 characters (drawn at 90° when the
///   axis is within 45° of vertical, else level: the text renderer turns only
///   by quarter turns).
/// - Ticks: matplotlib's AutoLocator with at most min(9, axes side / (3 × label
///   size)) bins, and the raw step scaled by 23/24 as mplot3d does.
struct Axes3DFrame {
    let camera: Camera3D
    let theme: Theme
    let font: Font
    /// Pixels per point.
    let scale: Double
    let labels: [String?]
    let labelSize: Double

    var box: Box3D { camera.limits }

    static let paneGrey = [0.95, 0.9, 0.925]

    /// Per axis: the back pane is at the axis' maximum (true) or minimum.
    var highs: [Bool] {
        let corners = box.corners
        return (0..<3).map { i in
            // Mean depth of the four corners with coordinate i at min, and at max.
            var lo = 0.0, hi = 0.0
            for (k, c) in corners.enumerated() {
                let d = camera.project(c).z
                if k & (1 << i) == 0 { lo += d } else { hi += d }
            }
            return lo < hi
        }
    }

    func coordinate(_ p: Vector3, _ i: Int) -> Double { i == 0 ? p.x : (i == 1 ? p.y : p.z) }

    func setting(_ p: Vector3, _ i: Int, _ v: Double) -> Vector3 {
        var q = p
        if i == 0 { q.x = v } else if i == 1 { q.y = v } else { q.z = v }
        return q
    }

    /// The back and front corners.
    var corners: (back: Vector3, front: Vector3) {
        let h = highs
        let lo = box.min, hi = box.max
        func pick(_ i: Int, _ high: Bool) -> Double { coordinate(high ? hi : lo, i) }
        return (Vector3(pick(0, h[0]), pick(1, h[1]), pick(2, h[2])),
                Vector3(pick(0, !h[0]), pick(1, !h[1]), pick(2, !h[2])))
    }

    /// The data-space edge carrying axis i, and the coordinate it was moved in
    /// from the back corner (its ticks point along it). matplotlib's: y for x, x
    /// for y and z (`juggled[0]`); `zAlternative` puts z on the other visible
    /// vertical edge (moved in y), the box's other side on screen.
    func edge(_ i: Int, zAlternative: Bool = false) -> (Vector3, Vector3, moved: Int) {
        let (back, front) = corners
        let moved = i == 0 ? 1 : (i == 2 && zAlternative ? 1 : 0)
        let p0 = setting(back, moved, coordinate(front, moved))
        return (p0, setting(p0, i, coordinate(front, i)), moved)
    }

    /// Visible tick values of axis i, with at most `bins` intervals (nil:
    /// matplotlib's count for the axes' size).
    func ticks(_ i: Int, bins: Int? = nil) -> [Double] {
        let r = box[axis: i]
        let bins = bins ?? defaultBins
        // mplot3d scales the raw step by 23/24: shrink the range about its centre.
        let mid = (r.lowerBound + r.upperBound) / 2, half = (r.upperBound - r.lowerBound) / 2 * 23 / 24
        let probe = MaxNLocator.axis(bins: bins).ticks(mid - half, mid + half)
        guard probe.count >= 2 else { return probe }
        let step = probe[1] - probe[0]
        let tol = 1e-10 * (r.upperBound - r.lowerBound)
        let first = ((r.lowerBound - tol) / step).rounded(.up), last = ((r.upperBound + tol) / step).rounded(.down)
        guard first <= last else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// matplotlib's bin count: min(9, axes side / (3 × label size)).
    var defaultBins: Int {
        let sidePt = camera.viewport.width / scale
        return min(9, max(1, Int((sidePt / (theme.tickLabelSize * 3)).rounded(.down))))
    }

    /// The four corners of the back pane of axis i.
    func pane(_ i: Int) -> [Vector3] {
        let v = coordinate(highs[i] ? box.max : box.min, i)
        let (j, k) = ((i + 1) % 3, (i + 2) % 3)
        let rj = box[axis: j], rk = box[axis: k]
        let base = setting(Vector3.zero, i, v)
        return [(rj.lowerBound, rk.lowerBound), (rj.upperBound, rk.lowerBound),
                (rj.upperBound, rk.upperBound), (rj.lowerBound, rk.upperBound)].map {
            setting(setting(base, j, $0.0), k, $0.1)
        }
    }

    /// Panes, then grid lines at the ticks of `layout` (drawn before anything in the box).
    func drawPanesAndGrid(_ layout: Layout, on canvas: inout any Canvas) {
        for i in 0..<3 {
            let g = Axes3DFrame.paneGrey[i]
            let path = Path(polyline: pane(i).map(camera.pixel), closed: true)
            let c = Color(r: g, g: g, b: g, a: 0.5)
            canvas.fill(path, color: c)
            canvas.stroke(path, style: StrokeStyle(width: 1 * scale, join: .miter), color: c)
        }
        let (back, front) = corners
        var grid = Path()
        for i in 0..<3 {
            let (j, k) = ((i + 1) % 3, (i + 2) % 3)
            for t in layout.ticks[i] {
                // Across the pane of axis j, through the back edge, across the pane of k.
                let mid = setting(back, i, t)
                let a = setting(mid, k, coordinate(front, k)), b = setting(mid, j, coordinate(front, j))
                grid.append(Path(polyline: [a, mid, b].map(camera.pixel)))
            }
        }
        canvas.stroke(grid, style: StrokeStyle(width: theme.gridLineWidth * scale, cap: .square),
                      color: theme.gridColor)
    }

    /// Axis lines, ticks, tick labels and axis labels, as `layout` places them.
    func drawAxes(_ layout: Layout, on canvas: inout any Canvas) {
        for t in layout.texts {
            canvas.drawText(t.text, font: font, at: t.at, sizePx: t.sizePx, color: theme.textColor,
                            anchorX: .center, anchorY: t.anchorY, rotation: t.rotation)
        }
        canvas.stroke(layout.axisLines, style: StrokeStyle(width: theme.axesLineWidth * scale, cap: .butt),
                      color: theme.axesEdgeColor)
        canvas.stroke(layout.tickLines, style: StrokeStyle(width: theme.tickWidth * scale, cap: .butt),
                      color: theme.axesEdgeColor)
    }

    /// `p` moved by `shift` away from `centre` in every coordinate but `axis`.
    func awayFromCentre(_ p: Vector3, _ centre: Vector3, _ shift: Vector3, except axis: Int) -> Vector3 {
        var q = p
        for i in 0..<3 where i != axis {
            let s = coordinate(p, i) - coordinate(centre, i) >= 0 ? 1.0 : -1.0
            q = setting(q, i, coordinate(p, i) + s * coordinate(shift, i))
        }
        return q
    }
}
