import Foundation
import Raster

/// A 3-D axes — matplotlib's `fig.add_subplot(projection='3d')`: the box with its
/// back panes, grid, ticks and labels, surfaces, contours projected on a plane,
/// depth-tested paths, markers at data points and a legend.
///
/// Defaults follow matplotlib: view (30, −60), perspective with focal length 1,
/// box aspect 4 : 4 : 3, the single-subplot position. Limits left nil are
/// autoscaled from the surfaces (or, without surfaces, the paths): x and y get
/// matplotlib's 5 % margins, then all three its 1/48 padding on each side.
///
/// Build one, add it to a `Figure`'s panels, and `Figure.render(font:)` draws it
/// whole; laid out, it is a `Scene3D`, which renders its static layer once and
/// its paths per frame.
public struct Axes3D: Panel {
    /// Figure fraction (y up) of the subplot; the axes is the largest centred square in it.
    public var position: Rect
    /// Its cell in a `subplots` grid, or nil for a free panel at `position`.
    public var gridCell: GridCell?
    public var elevation = 30.0
    public var azimuth = -60.0
    public var projection = Camera3D.Projection.perspective(focalLength: 1)
    public var boxAspect = Vector3(4, 4, 3)
    public var xlim: ClosedRange<Double>?
    public var ylim: ClosedRange<Double>?
    public var zlim: ClosedRange<Double>?
    public var xlabel: String?
    public var ylabel: String?
    public var zlabel: String?
    public var title: String?
    /// Axis label size in points; nil = the theme's label size.
    public var labelSize: Double?
    public var surfaces: [Surface3D] = []
    public var contours: [ProjectedContour] = []
    public var paths: [Path3D] = []
    /// Markers at data points (minima, saddle points), drawn over the paths.
    public var markers: [Marker3D] = []
    /// The legend of the labelled paths and markers (the same `Legend` as a 2-D
    /// axes'), placed by `Legend3DPlacement`: clear of every tick and axis label;
    /// nil = none.
    public var legend: Legend?
    /// The azimuths (degrees) a camera orbit shows this axes from, when it is
    /// animated as one: the legend is placed once for all of them, so it stands
    /// still while the box turns. Nil: the current azimuth only.
    public var orbitAzimuths: [Double]?
    /// The legend's top-left corner in pixels, when already placed for this
    /// layout (`FigureAnimation` places it once for a whole orbit: with
    /// `orbitAzimuths` set, every frame's placement is the same); nil = placed
    /// by `Legend3DPlacement` when laid out.
    public var legendOrigin: Point?
    /// Draw the panes, grid, ticks and labels (matplotlib's `axis('on')`).
    public var showAxes = true
    /// Depth samples per pixel along each axis (1…8): 4 gives 16 levels of
    /// anti-aliasing on every surface edge.
    public var samples = 4
    /// How far (in world units, the box being about 1.5 across) paths are moved
    /// towards the eye for the depth test.
    public var pathLift = 0.02
    /// Cut paths at the faces of the box (matplotlib draws them beyond it).
    public var clipPathsToBox = true

    public init(position: Rect = Axes.defaultPosition) {
        self.position = position
    }

    /// `plot_surface` of f over `x × y` sampled `n × n`, in a flat colour.
    public mutating func plotSurface(x: ClosedRange<Double>, y: ClosedRange<Double>, n: Int = 60,
                                     color: Color, _ f: (Double, Double) -> Double) {
        surfaces.append(Surface3D(x: x, y: y, nx: n, ny: n, coloring: .flat(color), f))
    }

    /// `plot_surface(..., cmap=)` of f over `x × y` sampled `n × n`.
    public mutating func plotSurface(x: ClosedRange<Double>, y: ClosedRange<Double>, n: Int = 60,
                                     colormap: Colormap, _ f: (Double, Double) -> Double) {
        surfaces.append(Surface3D(x: x, y: y, nx: n, ny: n, coloring: .colormap(colormap), f))
    }

    /// `contour(X, Y, Z, zdir='z', offset=…)` of the last surface added: its level
    /// lines on the plane z = `offset`. Does nothing without a surface.
    public mutating func contour(offset: Double, coloring: ProjectedContour.Coloring = .flat(.black),
                                 levels: [Double]? = nil) {
        guard let s = surfaces.last else { return }
        var c = ProjectedContour(surface: s, offset: offset, coloring: coloring)
        c.levels = levels
        contours.append(c)
    }

    /// `plot(xs, ys, zs)`: a path in data coordinates.
    public mutating func plot(_ path: Path3D) {
        paths.append(path)
    }

    /// The longest path's step count: frames of a growing-path animation are 0…this.
    public var stepCount: Int { paths.map(\.stepCount).max() ?? 0 }

    /// The limits shown: explicit ones, or autoscaled as matplotlib does.
    public func resolvedLimits() -> Box3D {
        var data: Box3D? = nil
        for b in surfaces.compactMap(\.bounds) { data = data?.union(b) ?? b }
        if data == nil {
            let pts = paths.flatMap(\.points).filter(\.isFinite)
            if let first = pts.first {
                data = pts.reduce(Box3D(x: first.x...first.x, y: first.y...first.y, z: first.z...first.z)) {
                    $0.union(Box3D(x: $1.x...$1.x, y: $1.y...$1.y, z: $1.z...$1.z))
                }
            }
        }
        func auto(_ r: ClosedRange<Double>?, margin: Double) -> ClosedRange<Double> {
            guard var r else { return 0...1 }
            if r.lowerBound == r.upperBound { r = (r.lowerBound - 0.5)...(r.upperBound + 0.5) }
            let m = margin * (r.upperBound - r.lowerBound)
            let widened = (r.lowerBound - m)...(r.upperBound + m)
            let pad = (widened.upperBound - widened.lowerBound) / 48
            return (widened.lowerBound - pad)...(widened.upperBound + pad)
        }
        return Box3D(x: xlim ?? auto(data?.x, margin: 0.05), y: ylim ?? auto(data?.y, margin: 0.05),
                     z: zlim ?? auto(data?.z, margin: 0))
    }

    /// The camera for a figure of `width × height` pixels, at `position`.
    public func camera(figureWidth: Int, figureHeight: Int) -> Camera3D {
        camera(viewport: Camera3D.viewport(figureWidth: figureWidth, figureHeight: figureHeight, position: position))
    }

    /// The camera projecting the box onto `viewport` (pixels).
    public func camera(viewport: Rect) -> Camera3D {
        Camera3D(limits: resolvedLimits(), viewport: viewport, elevation: elevation, azimuth: azimuth,
                 projection: projection, boxAspect: boxAspect)
    }

    /// Legend entries of the labelled paths, then of the labelled markers, in order.
    public var legendEntries: [LegendEntry] { paths.compactMap(\.legendEntry) + markers.compactMap(\.legendEntry) }

    // MARK: Panel

    /// The longest path's step count.
    public var lastStep: Int { stepCount }

    public func bare() -> Axes3D {
        var a = self
        a.showAxes = false; a.legend = nil; a.title = nil
        return a
    }

    public func resolvingLimits() -> Axes3D {
        var a = self
        let box = resolvedLimits()
        (a.xlim, a.ylim, a.zlim) = (box.x, box.y, box.z)
        return a
    }

    public func turned(byAzimuth degrees: Double) -> Axes3D {
        var a = self
        a.azimuth = azimuth + degrees
        return a
    }

    /// None: ticks and labels are drawn inside the panel's square, as matplotlib's.
    public func margins(for box: Rect, in environment: DrawEnvironment) -> Margins { Margins() }

    public func laidOut(in box: Rect, environment: DrawEnvironment) -> any PanelDrawing {
        Scene3D(axes: self, box: box, environment: environment)
    }
}

extension Box3D {
    /// The smallest box holding both.
    public func union(_ o: Box3D) -> Box3D {
        Box3D(x: Swift.min(x.lowerBound, o.x.lowerBound)...Swift.max(x.upperBound, o.x.upperBound),
              y: Swift.min(y.lowerBound, o.y.lowerBound)...Swift.max(y.upperBound, o.y.upperBound),
              z: Swift.min(z.lowerBound, o.z.lowerBound)...Swift.max(z.upperBound, o.z.upperBound))
    }
}
