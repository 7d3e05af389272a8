import Foundation
import Raster

/// A marker at one data point of a 3-D axes — a minimum, a saddle point — in
/// the 2-D markers' `LineStyle` (shape, face and edge colours, size), with an
/// optional legend entry.
///
/// Drawn by `Scene3D` over the paths and their head markers, as annotations
/// (four paths ending on a minimum do not bury its star; a head resting on a
/// saddle point shows around the diamond): projected, moved
/// `Axes3D.pathLift` towards the eye like the paths, and faded by how much of
/// its centre pixel the surface leaves visible — a marker behind a hill is
/// hidden. A point with a non-finite
/// coordinate, outside the axes' limits, or a style without a marker draws
/// nothing.
public struct Marker3D: Sendable {
    public var point: Vector3
    /// Its look: `marker`, `color` (the face unless `markerFaceColor`),
    /// `markerEdgeColor`, `markerEdgeWidth` (points; the theme's), `markerSize`
    /// (points; the theme's).
    public var style: LineStyle
    /// The legend's text for it; nil = no entry.
    public var label: String?

    public init(point: Vector3, style: LineStyle, label: String? = nil) {
        self.point = point
        self.style = style
        self.label = label
    }

    /// The legend's sample: the marker alone.
    public var legendEntry: LegendEntry? {
        guard let label, style.marker != nil else { return nil }
        var s = style
        s.dash = .none
        return LegendEntry(label: label, style: s)
    }

    /// Marker size in pixels.
    func sizePx(theme: Theme, pointScale: Double) -> Double {
        (style.markerSize ?? theme.markerSize) * pointScale
    }

    /// The projected point (pixel x, pixel y, lifted depth), or nil when it is
    /// not drawn.
    func screen(camera: Camera3D, lift: Double) -> Vector3? {
        guard style.marker != nil, point.isFinite, camera.limits.contains(point, tolerance: 1e-9) else { return nil }
        let p = Scene3D.screen([point], camera: camera, lift: lift)[0]
        return p.isFinite ? p : nil
    }

    /// The whole pixels it can touch (its size, edge and anti-aliasing).
    func reach(camera: Camera3D, lift: Double, theme: Theme, pointScale: Double) -> Rect? {
        guard let p = screen(camera: camera, lift: lift) else { return nil }
        let edge = (style.markerEdgeWidth ?? theme.markerEdgeWidth) * pointScale
        // Every shape fits in a square of its size (a star's outer radius is half of it).
        let half = sizePx(theme: theme, pointScale: pointScale) / 2 + edge + 2
        return Rect(x: (p.x - half).rounded(.down), y: (p.y - half).rounded(.down),
                    width: (2 * half).rounded(.up) + 1, height: (2 * half).rounded(.up) + 1)
    }

    /// Draws it, faded by the visibility of its centre against `depth`.
    func draw(on canvas: inout any Canvas, camera: Camera3D, depth: DepthBuffer?, lift: Double, theme: Theme,
              pointScale: Double) {
        guard let p = screen(camera: camera, lift: lift), let shape = style.marker, let color = style.color else { return }
        let px = Int(p.x.rounded(.down)), py = Int(p.y.rounded(.down))
        let v = Double(depth?.visibility(px: px, py: py, depth: Float(p.z)) ?? 1) * style.alpha
        guard v > 0 else { return }
        let face = style.markerFaceColor ?? color, edge = style.markerEdgeColor ?? color
        canvas.drawMarker(shape, at: Point(p.x, p.y), size: sizePx(theme: theme, pointScale: pointScale),
                          face: shape.isFilled ? face.withAlpha(face.a * v) : nil, edge: edge.withAlpha(edge.a * v),
                          edgeWidth: (style.markerEdgeWidth ?? theme.markerEdgeWidth) * pointScale)
    }
}
