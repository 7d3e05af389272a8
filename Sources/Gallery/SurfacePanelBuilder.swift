import Foundation
import Optimization
import Plot
import Raster

/// Builds a 3-D axes from a `kind: surface` panel: the objective as a shaded
/// surface (flat colour or colormap), optional contours projected below it, and
/// each run's path lying on the surface, depth-tested, with a legend.
struct SurfacePanelBuilder {
    let panel: PanelBuilder

    var spec: PanelSpec { panel.spec }

    func build(position: Rect, cell: GridCell) throws -> Axes3D {
        guard let text = spec.objective else { throw panel.error("objective", "a surface panel needs an objective") }
        let f = try panel.resolveObjective(text)
        guard f.dimension == 2 else { throw panel.error("objective", "a surface needs a function of x and y") }
        guard let xr = try panel.range(spec.x, "x"), let yr = try panel.range(spec.y, "y") else {
            throw panel.error("x", "a surface panel needs x: [min, max] and y: [min, max]")
        }
        let s = spec.surface ?? SurfaceSpec()
        var axes = Axes3D(position: position)
        axes.gridCell = cell
        axes.xlabel = spec.xlabel
        axes.ylabel = spec.ylabel
        axes.zlabel = spec.zlabel
        axes.title = spec.title
        if let v = s.view {
            guard v.count == 2, v.allSatisfy(\.isFinite) else { throw panel.error("surface.view", "expected [elevation, azimuth] in degrees") }
            (axes.elevation, axes.azimuth) = (v[0], v[1])
        }
        if let frames = s.orbitFrames, !(2...720).contains(frames) {
            throw panel.error("surface.orbit_frames", "expected 2…720 frames")
        }
        axes.zlim = try panel.range(s.z, "surface.z")
        axes.labelSize = s.labelSize
        let n = s.samples ?? 60
        guard (4...400).contains(n) else { throw panel.error("surface.samples", "expected 4…400 samples per side") }
        let value: (Double, Double) -> Double = { a, b in f.value([a, b]) }
        if let name = s.colormap {
            axes.plotSurface(x: xr, y: yr, n: n, colormap: try panel.colormap(name, default: "viridis", "surface.colormap"), value)
        } else {
            let c = try panel.color(s.color ?? "#1f77b4", "surface.color")!
            axes.plotSurface(x: xr, y: yr, n: n, color: c, value)
        }
        if let a = s.alpha {
            guard (0...1).contains(a) else { throw panel.error("surface.alpha", "expected 0…1") }
            axes.surfaces[0].alpha = a
        }
        if let offset = s.contourOffset {
            let c = try panel.color(s.contourColor ?? "black", "surface.contour_color")!
            axes.contours.append(ProjectedContour(surface: axes.surfaces[0], offset: offset, coloring: .flat(c)))
        }
        let surfaceColor: Color? = if case .flat(let c) = axes.surfaces[0].coloring { c } else { nil }
        for (i, r) in (spec.runs ?? []).enumerated() {
            let run = try panel.makeRun(r, index: i, objective: f)
            var axes2 = Axes(position: position)   // for the colour cycle and label notes
            let style = try panel.lineStyle(format: r.style, default: "-", color: r.color, lineWidth: r.lineWidth,
                                            markerSize: r.markerSize, field: "runs[\(i)]")
            // The tab10 cycle, without the surface's own colour (the default
            // surface is tab10's first blue: a path in it would vanish).
            let cycle = Color.tab10.filter { $0 != surfaceColor }
            let color = style.color ?? cycle[i % cycle.count]
            let label = panel.label(r, run, axes: &axes2)
            if let note = axes2.title { axes.title = (axes.title.map { $0 + " — " } ?? "") + note }
            let xy = run.points.map { Point($0[0], $0[1]) }
            var path = Path3D.onSurface(xy, color: color, lineWidth: r.lineWidth ?? 2, headMarker: .circle, label: label, value)
            path.marker = style.marker
            path.markerSize = r.markerSize
            axes.plot(path)
        }
        axes.legend = try legend()
        return axes
    }

    /// The same legend as a 2-D panel's; `legend: true` puts it upper left
    /// (the seed's `plt.legend(loc='upper left')`).
    private func legend() throws -> Legend? {
        switch spec.legend {
        case nil where RunLabels.automatic(spec), .show(true): return Legend(location: .upperLeft)
        case nil, .show(false): return nil
        case .location(let s):
            guard let l = Legend.Location(rawValue: s) else {
                throw panel.error("legend", "'\(s)' is not a legend location; use \(Legend.Location.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return Legend(location: l)
        }
    }
}
