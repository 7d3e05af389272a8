import Foundation
import Raster

/// A 3-D axes rendered in two layers, for animation: the static layer (panes,
/// grid, ticks, labels, the surface with its depth buffer, wire edges, projected
/// contours, the title) computed once by `init`, and the paths, drawn up to any
/// step onto a copy of it by `frame(upTo:)`, depth-tested against the stored
/// depth buffer, with the legend on top.
///
/// Drawing order follows matplotlib: panes, grid, axis lines, ticks and labels,
/// then the surface (so it covers the inner ends of ticks as matplotlib's does),
/// then contours and paths. Unlike matplotlib, everything in the box is
/// depth-tested: a path behind a hill is hidden.
public struct Scene3D: Sendable {
    public let axes: Axes3D
    public let camera: Camera3D
    /// The static layer, the size of the figure.
    public let image: Image
    /// The surface's depth samples, over the box's pixels.
    public let depth: DepthBuffer
    let legend: Legend3D.Overlay?
    /// Every path rasterized against `depth`, in the order of `axes.paths`.
    let paths: [PathRaster3D]
    let theme: Theme
    /// Pixels per point.
    let pointScale: Double

    /// Renders the static layer of `axes` over `background` (the figure's image:
    /// its size is the figure's pixel size). `dpi` converts points to pixels.
    public init(axes: Axes3D, background: Image, dpi: Double, theme: Theme, font: Font) {
        self.axes = axes
        self.theme = theme
        pointScale = dpi / 72
        camera = axes.camera(figureWidth: background.width, figureHeight: background.height)
        var image = background
        let frame = Axes3DFrame(camera: camera, theme: theme, font: font, scale: pointScale,
                                labels: [axes.xlabel, axes.ylabel, axes.zlabel],
                                labelSize: axes.labelSize ?? theme.labelSize)
        if axes.showAxes {
            frame.drawPanesAndGrid(into: &image)
            frame.drawAxes(into: &image)
        }
        var depth = Scene3D.emptyBuffer(camera: camera, imageWidth: image.width, imageHeight: image.height,
                                        samples: axes.samples)
        for s in axes.surfaces { s.render(into: &depth, camera: camera) }
        depth.resolve(into: &image)
        for s in axes.surfaces {
            guard let edge = s.edgeColor else { continue }
            var layer = DepthTestedLines(imageWidth: image.width, imageHeight: image.height)
            for line in s.gridLines() {
                layer.addPolyline(Scene3D.screen(line, camera: camera, lift: axes.pathLift),
                                  lineWidth: s.edgeWidth * pointScale, depth: depth)
            }
            layer.paint(edge, into: &image)
        }
        for c in axes.contours {
            c.draw(into: &image, camera: camera, depth: depth, lift: axes.pathLift, pointScale: pointScale, theme: theme)
        }
        if let title = axes.title {
            font.draw(title, into: &image, at: Point(camera.viewport.midX, camera.viewport.minY - theme.titlePad * pointScale),
                      sizePx: theme.titleSize * pointScale, color: theme.textColor, anchorX: .center, anchorY: .baseline)
        }
        self.image = image
        self.depth = depth
        let area = camera.viewport, scale = pointScale, cam = camera
        let box = axes.clipPathsToBox ? camera.limits : nil
        paths = axes.paths.map {
            PathRaster3D(path: $0, camera: cam, depth: depth, lift: axes.pathLift, box: box, imageWidth: image.width,
                         imageHeight: image.height, pointScale: scale, theme: theme)
        }
        legend = axes.legend.flatMap {
            Legend3D.overlay(entries: axes.legendEntries, location: $0, area: area, font: font,
                             theme: theme, pointScale: scale)
        }
    }

    /// A buffer over the pixels of the projected box (where surfaces can be).
    static func emptyBuffer(camera: Camera3D, imageWidth: Int, imageHeight: Int, samples: Int) -> DepthBuffer {
        let pts = camera.limits.corners.map(camera.pixel)
        let x0 = max(0, Int((pts.map(\.x).min() ?? 0).rounded(.down)) - 1)
        let y0 = max(0, Int((pts.map(\.y).min() ?? 0).rounded(.down)) - 1)
        let x1 = min(imageWidth, Int((pts.map(\.x).max() ?? 0).rounded(.up)) + 1)
        let y1 = min(imageHeight, Int((pts.map(\.y).max() ?? 0).rounded(.up)) + 1)
        return DepthBuffer(originX: x0, originY: y0, width: x1 - x0, height: y1 - y0, samples: samples)
    }

    /// Data points → (pixel x, pixel y, depth of the point lifted towards the eye).
    static func screen(_ points: [Vector3], camera: Camera3D, lift: Double) -> [Vector3] {
        let offset = camera.towardsViewer * lift
        return points.map { p in
            let q = camera.project(p)
            return Vector3(q.x, q.y, camera.project(p + offset).z)
        }
    }

    /// Frames of a growing-path animation: 0 … `stepCount`.
    public var stepCount: Int { axes.stepCount }

    /// Draws every path up to point `k` (k = 0: the start points only), with
    /// head markers, then the legend, onto `image` (a copy of `self.image`, or a
    /// figure image the static layer was drawn into).
    public func drawPaths(upTo k: Int, onto image: inout Image) {
        for path in paths { path.draw(upTo: k, into: &image, depth: depth) }
        legend?.draw(onto: &image)
    }

    /// The static layer with the paths up to point `k`: frame k of the animation.
    public func frame(upTo k: Int) -> Image {
        var out = image
        drawPaths(upTo: k, onto: &out)
        return out
    }
}

extension Axes3D {
    /// Draws the whole axes (static layer, every path in full, legend) into
    /// `image`, the figure's image.
    public func draw(into image: inout Image, dpi: Double, theme: Theme, font: Font) {
        let scene = Scene3D(axes: self, background: image, dpi: dpi, theme: theme, font: font)
        image = scene.frame(upTo: Int.max)
    }
}
