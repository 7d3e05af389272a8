import Foundation
import Raster

/// An `Axes3D` laid out in its box, ready to draw — the 3-D `PanelDrawing`.
///
/// Everything static is computed once by `init`: the camera, the surface's
/// supersampled depth buffer resolved to a colour layer, and every path
/// rasterized against the depth buffer (`PathRaster3D`), so drawing the paths up
/// to any step costs only merging stamps. `drawStatic` draws panes, grid, axis
/// lines, ticks and labels, then the surface (so it covers the inner ends of
/// ticks as matplotlib's does), its wire edges, the projected contours and the
/// the title; `drawMoving` draws the paths up to a step, depth-tested: every
/// casing, every line, every head marker, then the markers at data points
/// (`Axes3D.markers`, annotations over the data: four paths ending on a
/// minimum do not bury its star), then the legend on top. Unlike matplotlib, everything in the
/// box is depth-tested: a path behind a hill is hidden.
public struct Scene3D: PanelDrawing {
    public let axes: Axes3D
    public let camera: Camera3D
    /// The surface's depth samples, over the box's pixels.
    public let depth: DepthBuffer
    /// The surface resolved from `depth`.
    let surface: PixelLayer
    /// Every path rasterized against `depth`, in the order of `axes.paths`.
    let paths: [PathRaster3D]
    let environment: DrawEnvironment
    /// The legend, painted once (placed at 'best' away from the paths' points):
    /// replayed into the static layer outside `movingArea` and on every frame
    /// inside it.
    let legend: PaintRecording?
    /// Whole pixels the paths, their markers and the data-point markers can
    /// touch at any step (nil: none).
    let movingArea: Rect?
    /// The frame's ticks, lines and texts (nil without axes).
    let frameLayout: Axes3DFrame.Layout?
    /// The legend's box in pixels (nil without a legend).
    let legendBox: Rect?
    let frame: Axes3DFrame

    /// Lays `axes` out in `box` (pixels): its viewport is the largest centred square.
    public init(axes: Axes3D, box: Rect, environment: DrawEnvironment) {
        self.axes = axes
        self.environment = environment
        let width = environment.figureWidth, height = environment.figureHeight
        camera = axes.camera(viewport: Camera3D.viewport(box: box))
        var depth = Scene3D.emptyBuffer(camera: camera, orbitAzimuths: axes.orbitAzimuths ?? [],
                                        imageWidth: width, imageHeight: height, samples: axes.samples)
        // In bands: colour for 64 pixel rows at a time, depth for all (what the
        // paths are tested against) — the same layer as drawing whole.
        let cam = camera
        let triangles = axes.surfaces.flatMap { $0.triangles(camera: cam) }
        surface = depth.renderInBands { buffer in
            for t in triangles { buffer.fillTriangle(t.a, t.b, t.c, color: t.color) }
        }
        self.depth = depth
        let scale = environment.pointScale, theme = environment.theme
        let box = axes.clipPathsToBox ? camera.limits : nil
        paths = axes.paths.map {
            PathRaster3D(path: $0, camera: cam, depth: depth, lift: axes.pathLift, box: box, imageWidth: width,
                         imageHeight: height, pointScale: scale, theme: theme)
        }
        let markerReach = axes.markers.compactMap {
            $0.reach(camera: cam, lift: axes.pathLift, theme: theme, pointScale: scale)
        }
        movingArea = (paths.compactMap(\.reach) + markerReach).reduce(nil as Rect?) { $0?.union($1) ?? $1 }
        let frame = Axes3DFrame(camera: camera, theme: theme, font: environment.font, scale: scale,
                                labels: [axes.xlabel, axes.ylabel, axes.zlabel],
                                labelSize: axes.labelSize ?? theme.labelSize)
        frameLayout = axes.showAxes ? frame.layout() : nil
        self.frame = frame
        let entries = axes.legendEntries
        if let legend = axes.legend, !entries.isEmpty {
            var context = DrawContext(canvas: PaintRecording(width: width, height: height),
                                      dataToPixel: DataTransform(affine: .identity), plotArea: camera.viewport,
                                      font: environment.font, theme: theme, pointScale: scale)
            let origin = axes.legendOrigin ?? Scene3D.legendOrigin(legend, entries: entries, axes: axes, camera: cam,
                                                                   frame: frame, layout: frameLayout,
                                                                   environment: environment)
            legend.draw(entries, topLeft: origin, in: &context)
            self.legend = context.canvas as? PaintRecording
            let fs = (legend.fontSize ?? theme.legendFontSize) * scale
            let size = legend.layout(entries, fontSize: fs, font: environment.font)
            legendBox = Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
        } else {
            self.legend = nil
            legendBox = nil
        }
    }

    /// Where `axes`' legend goes when laid out in `box`, without drawing the
    /// surface (the same point `init` finds); nil without a legend.
    static func legendOrigin(of axes: Axes3D, box: Rect, environment: DrawEnvironment) -> Point? {
        let entries = axes.legendEntries
        guard let legend = axes.legend, !entries.isEmpty else { return nil }
        let camera = axes.camera(viewport: Camera3D.viewport(box: box))
        let frame = Axes3DFrame(camera: camera, theme: environment.theme, font: environment.font,
                                scale: environment.pointScale, labels: [axes.xlabel, axes.ylabel, axes.zlabel],
                                labelSize: axes.labelSize ?? environment.theme.labelSize)
        return legendOrigin(legend, entries: entries, axes: axes, camera: camera, frame: frame,
                            layout: axes.showAxes ? frame.layout() : nil, environment: environment)
    }

    /// The legend's top-left corner (`Legend3DPlacement`): clear of the frame's
    /// texts at every azimuth in `Axes3D.orbitAzimuths` (or the current one),
    /// covering as few projected path points and markers as it can.
    static func legendOrigin(_ legend: Legend, entries: [LegendEntry], axes: Axes3D, camera: Camera3D,
                             frame: Axes3DFrame, layout: Axes3DFrame.Layout?, environment: DrawEnvironment) -> Point {
        let scale = environment.pointScale
        let fs = (legend.fontSize ?? environment.theme.legendFontSize) * scale
        let size = legend.layout(entries, fontSize: fs, font: environment.font)
        var texts: [Rect] = [], points: [Point] = []
        let box = axes.clipPathsToBox ? camera.limits : nil
        for azimuth in axes.orbitAzimuths ?? [axes.azimuth] {
            let cam = azimuth == camera.azimuth ? camera : camera.with(azimuth: azimuth)
            if axes.showAxes {
                let l = cam.azimuth == camera.azimuth ? layout : Axes3DFrame(
                    camera: cam, theme: frame.theme, font: frame.font, scale: frame.scale, labels: frame.labels,
                    labelSize: frame.labelSize).layout()
                texts += l?.textBoxes ?? []
            }
            for path in axes.paths {
                for p in path.points where p.isFinite && (box?.contains(p, tolerance: 1e-9) ?? true) {
                    points.append(cam.pixel(p))
                }
            }
            points += axes.markers.compactMap { $0.screen(camera: cam, lift: axes.pathLift).map { Point($0.x, $0.y) } }
        }
        let figure = Rect(x: 0, y: 0, width: Double(environment.figureWidth), height: Double(environment.figureHeight))
        return Legend3DPlacement(size: size, fontSize: fs, viewport: camera.viewport, figure: figure, texts: texts,
                                 points: points, scale: scale).place(requested: legend.location)
    }

    public var plotArea: Rect { camera.viewport }
    public var dataToPixel: DataTransform { DataTransform(affine: .identity) }
    var theme: Theme { environment.theme }
    var pointScale: Double { environment.pointScale }

    public func drawStatic(on canvas: inout any Canvas) {
        let frame = self.frame
        if axes.showAxes, let layout = frameLayout {
            frame.drawPanesAndGrid(layout, on: &canvas)
            frame.drawAxes(layout, on: &canvas)
        }
        canvas.draw(surface)
        for s in axes.surfaces {
            guard let edge = s.edgeColor else { continue }
            var layer = DepthTestedLines(imageWidth: canvas.width, imageHeight: canvas.height)
            for line in s.gridLines() {
                layer.addPolyline(Scene3D.screen(line, camera: camera, lift: axes.pathLift),
                                  lineWidth: s.edgeWidth * pointScale, depth: depth)
            }
            layer.paint(edge, on: &canvas)
        }
        for c in axes.contours {
            c.draw(on: &canvas, camera: camera, depth: depth, lift: axes.pathLift, pointScale: pointScale, theme: theme)
        }
        if let title = axes.title {
            canvas.drawText(title, font: environment.font,
                            at: Point(camera.viewport.midX, camera.viewport.minY - theme.titlePad * pointScale),
                            sizePx: theme.titleSize * pointScale, color: theme.textColor, anchorX: .center,
                            anchorY: .baseline)
        }
        // Where no path ever comes, the legend over the static layer is the
        // final pixel: paint it once here (the same bytes as on every frame).
        if let legend {
            if let movingArea { canvas.replay(legend, outside: movingArea) } else { canvas.replay(legend) }
        }
    }

    /// The paths up to point `step` (0: the start points only): every casing,
    /// every line with its vertex markers, every head marker, the data-point
    /// markers, then the legend.
    public func drawMoving(atStep step: Int, on canvas: inout any Canvas) {
        let k = max(0, step)
        for path in paths { path.drawCasing(upTo: k, on: &canvas) }
        for path in paths { path.drawLine(upTo: k, on: &canvas, depth: depth) }
        for path in paths { path.drawHead(at: k, on: &canvas, depth: depth) }
        for m in axes.markers {
            m.draw(on: &canvas, camera: camera, depth: depth, lift: axes.pathLift, theme: theme, pointScale: pointScale)
        }
        if let legend, let movingArea { canvas.replay(legend, within: movingArea) }
    }

    /// A buffer over the pixels of the projected box (where surfaces can be) —
    /// as `camera` sees it and as it turns to each of `orbitAzimuths`.
    ///
    /// Why the orbit's azimuths: every frame of a camera orbit then has a
    /// buffer (and a surface layer) of one size, so the allocator hands each
    /// frame the memory the one before freed. Sized per azimuth, they varied
    /// by half (6.8–10.8 MB of depth samples for `paddle_saddle_orbit`), and
    /// the heap grew to fit each new size: that figure peaked at 63.7–75.0 MiB
    /// resident instead of 63.1–63.6 (five runs each). A larger buffer gives
    /// every triangle inside the smaller one the same samples: vertices are
    /// snapped relative to its integer origin exactly, and the triangle's
    /// rows are stepped from the same first sample.
    static func emptyBuffer(camera: Camera3D, orbitAzimuths: [Double], imageWidth: Int, imageHeight: Int,
                            samples: Int) -> DepthBuffer {
        let cameras = [camera] + orbitAzimuths.map { camera.with(azimuth: $0) }
        let pts = cameras.flatMap { camera in camera.limits.corners.map(camera.pixel) }
        let x0 = max(0, Int((pts.map(\.x).min() ?? 0).rounded(.down)) - 1)
        let y0 = max(0, Int((pts.map(\.y).min() ?? 0).rounded(.down)) - 1)
        let x1 = min(imageWidth, Int((pts.map(\.x).max() ?? 0).rounded(.up)) + 1)
        let y1 = min(imageHeight, Int((pts.map(\.y).max() ?? 0).rounded(.up)) + 1)
        return DepthBuffer(originX: x0, originY: y0, width: x1 - x0, height: y1 - y0, samples: samples,
                           holdingColor: false)
    }

    /// Data points → (pixel x, pixel y, depth of the point lifted towards the eye).
    static func screen(_ points: [Vector3], camera: Camera3D, lift: Double) -> [Vector3] {
        let offset = camera.towardsViewer * lift
        return points.map { p in
            let q = camera.project(p)
            return Vector3(q.x, q.y, camera.project(p + offset).z)
        }
    }
}
