import Foundation
import Raster

/// A polyline in 3-D data coordinates — an optimizer's trajectory lying on a
/// surface — drawn depth-tested, so the parts a hill hides are hidden.
///
/// Drawn (by `PathRaster3D`) with round joins and caps, optional markers at
/// the vertices, and an optional head marker at the last point shown (the
/// current step of an animation), faded by how much of its centre is visible.
/// The depth test uses each point moved `Axes3D.pathLift` world units towards
/// the eye, so a path lying on the surface wins against the surface under it
/// but not against a hill in front. By default every path has a thin dark
/// `casing` under it, so any colour reads on any surface. Segments leaving the data box are cut at
/// its faces when `Axes3D.clipPathsToBox` is set (the default). Points with a
/// non-finite coordinate break the line.
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
    /// The outline drawn under the line (default `LineCasing.dark`); nil = none.
    public var casing: LineCasing? = .dark

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
        label.map {
            var entry = LegendEntry(label: $0, style: LineStyle(color: color, lineWidth: lineWidth, marker: marker))
            entry.casing = casing
            return entry
        }
    }

    /// Segment `s` (from point s − 1 to point s, 1 ≤ s ≤ stepCount) cut to `box`
    /// when given; nil when it has a non-finite end, misses the box or `s` is out
    /// of range.
    public func segment(_ s: Int, clippedTo box: Box3D?) -> (Vector3, Vector3)? {
        guard s >= 1, s < points.count else { return nil }
        let a = points[s - 1], b = points[s]
        guard a.isFinite, b.isFinite else { return nil }
        guard let box else { return (a, b) }
        guard let (t0, t1) = box.clip(a, b) else { return nil }
        return (a + (b - a) * t0, a + (b - a) * t1)
    }
}
