import Foundation
import Raster

/// A polyline in 3-D data coordinates — an optimizer's trajectory lying on a
/// surface — drawn depth-tested, so the parts a hill hides are hidden.
///
/// Drawn with round joins and caps (`DepthTestedLines`), optional markers at
/// the vertices, and an optional head marker at the last point shown (the
/// current step of an animation). The depth test uses each point moved
/// `Axes3D.pathLift` world units towards the eye, so a path lying on the
/// surface wins against the surface under it but not against a hill in front.
/// Points with a non-finite coordinate break the line.
public struct Path3D: Sendable {
    public var points: [Vector3]
    public var color: Color
    /// Line width in points; nil = the theme's (1.5).
    public var lineWidth: Double?
    /// Marker at every vertex (nil = none).
    public var marker: MarkerShape?
    /// Marker at the last point drawn (nil = none).
    public var headMarker: MarkerShape?
    /// Marker size in points; nil = the theme's (6).
    public var markerSize: Double?
    public var label: String?

    public init(points: [Vector3], color: Color, lineWidth: Double? = nil, marker: MarkerShape? = nil,
                headMarker: MarkerShape? = nil, label: String? = nil) {
        self.points = points
        self.color = color
        self.lineWidth = lineWidth
        self.marker = marker
        self.headMarker = headMarker
        self.label = label
    }

    /// A path through the plane points `xy` lifted onto the surface z = f(x, y).
    public static func onSurface(_ xy: [Point], color: Color, lineWidth: Double? = nil,
                                 headMarker: MarkerShape? = nil, label: String? = nil,
                                 _ f: (Double, Double) -> Double) -> Path3D {
        Path3D(points: xy.map { Vector3($0.x, $0.y, f($0.x, $0.y)) }, color: color, lineWidth: lineWidth,
               headMarker: headMarker, label: label)
    }

    /// The number of steps (segments) of the path: points − 1, at least 0.
    public var stepCount: Int { max(0, points.count - 1) }

    /// The legend's sample of this path.
    public var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, style: LineStyle(color: color, lineWidth: lineWidth, marker: marker)) }
    }

    /// The runs of the path up to point `last` (inclusive) inside `box` (when
    /// given), as data points: segments crossing the box are cut at its faces.
    func visibleRuns(upTo last: Int, box: Box3D?) -> [[Vector3]] {
        let n = min(last, points.count - 1)
        guard n >= 0 else { return [] }
        var runs: [[Vector3]] = []
        var run: [Vector3] = []
        func flush() { if !run.isEmpty { runs.append(run); run = [] } }
        if n == 0 {
            if points[0].isFinite && (box?.contains(points[0], tolerance: 1e-9) ?? true) { runs.append([points[0]]) }
            return runs
        }
        for k in 1...n {
            let a = points[k - 1], b = points[k]
            guard a.isFinite, b.isFinite else { flush(); continue }
            guard let box else {
                if run.isEmpty { run.append(a) }
                run.append(b)
                continue
            }
            guard let (t0, t1) = box.clip(a, b) else { flush(); continue }
            let ca = a + (b - a) * t0, cb = a + (b - a) * t1
            if t0 > 0 || run.isEmpty { flush(); run.append(ca) }
            run.append(cb)
            if t1 < 1 { flush() }
        }
        flush()
        return runs
    }

    /// Draws the path up to point `last` into `image`, depth-tested against
    /// `depth` (nil: no test). `pointScale` is pixels per point.
    func draw(upTo last: Int, into image: inout Image, camera: Camera3D, depth: DepthBuffer?,
              lift: Double, box: Box3D?, pointScale: Double, theme: Theme) {
        let runs = visibleRuns(upTo: last, box: box)
        guard !runs.isEmpty else { return }
        let offset = camera.towardsViewer * lift
        // Pixel position of the point itself, depth of the lifted point.
        func screen(_ p: Vector3) -> Vector3 {
            let q = camera.project(p)
            return Vector3(q.x, q.y, camera.project(p + offset).z)
        }
        let projected = runs.map { $0.map(screen) }
        let width = (lineWidth ?? theme.lineWidth) * pointScale
        let size = (markerSize ?? theme.markerSize) * pointScale
        let reach = max(width, size) / 2 + 2
        var lo = Point(.infinity, .infinity), hi = Point(-.infinity, -.infinity)
        for p in projected.joined() where p.isFinite {
            lo = Point(min(lo.x, p.x), min(lo.y, p.y)); hi = Point(max(hi.x, p.x), max(hi.y, p.y))
        }
        guard lo.x <= hi.x else { return }
        let x0 = max(0, Int((lo.x - reach).rounded(.down))), y0 = max(0, Int((lo.y - reach).rounded(.down)))
        let x1 = min(image.width, Int((hi.x + reach).rounded(.up))), y1 = min(image.height, Int((hi.y + reach).rounded(.up)))
        guard x0 < x1, y0 < y1 else { return }
        var layer = DepthTestedLines(x0: x0, y0: y0, width: x1 - x0, height: y1 - y0)
        for run in projected where run.count >= 2 {
            layer.addPolyline(run, lineWidth: width, depth: depth)
        }
        layer.paint(color, into: &image)

        var canvas = Canvas(image: image)
        image = Image(width: 1, height: 1)   // let the canvas own the pixels (no copy)
        if let marker {
            for p in projected.joined() { drawMarker(marker, at: p, size: size, on: &canvas, depth: depth, scale: pointScale) }
        }
        let shownLast = min(last, points.count - 1)
        if let headMarker, shownLast >= 0, let head = projected.last?.last,
           points[shownLast].isFinite, box?.contains(points[shownLast], tolerance: 1e-9) ?? true {
            drawMarker(headMarker, at: head, size: size * 1.2, on: &canvas, depth: depth, scale: pointScale)
        }
        image = canvas.image
    }

    /// A marker at a projected point, faded by the visibility of its centre.
    private func drawMarker(_ shape: MarkerShape, at p: Vector3, size: Double, on canvas: inout Canvas,
                            depth: DepthBuffer?, scale: Double) {
        guard p.isFinite else { return }
        let px = Int(p.x.rounded(.down)), py = Int(p.y.rounded(.down))
        let v = Double(depth?.visibility(px: px, py: py, depth: Float(p.z)) ?? 1)
        guard v > 0 else { return }
        canvas.drawMarker(shape, at: Point(p.x, p.y), size: size, face: color.withAlpha(color.a * v),
                          edge: Color.white.withAlpha(v), edgeWidth: 0.8 * scale)
    }
}
