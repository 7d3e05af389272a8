import Foundation
import Optimization
import Plot
import Raster

/// Builds a 3-D axes from a `kind: surface` panel: the objective as a shaded
/// surface (flat colour or colormap), optional contours projected below it,
/// each run's path lying on the surface, depth-tested, with a legend, and with
/// `critical_points: true` the minima and saddle points in the view marked on
/// the surface (the 2-D panels' markers, each with a legend entry).
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
        if s.orbit == true {
            // The azimuths FigureAnimation turns this camera through, so the
            // legend is placed once for the whole orbit.
            let n = s.orbitFrames ?? 72
            axes.orbitAzimuths = (0..<n).map { axes.azimuth + 360 * Double($0) / Double(n) }
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
        if spec.criticalPoints == true { markCriticalPoints(f, x: xr, y: yr, on: &axes) }
        axes.legend = try legend()
        return axes
    }

    /// The minima and saddle points a search finds inside the view (`CriticalPoints`),
    /// in the 2-D panels' marker styles (`MarkerDefaults`: a red star, a white
    /// diamond) with a dark edge so they read on any surface, and legend entries
    /// that say where they are: "saddle point (0.25, −0.5)". A minimum above the
    /// lowest value of the view (a function that falls further away, as x² + y² +
    /// y³ + x·y does towards y → −∞) is a "local minimum".
    private func markCriticalPoints(_ f: Objective, x: ClosedRange<Double>, y: ClosedRange<Double>, on axes: inout Axes3D) {
        let lowest = axes.surfaces[0].z.filter(\.isFinite).min() ?? -.infinity
        for c in CriticalPoints.find(f, x: x, y: y, saddles: true) {
            let defaults: MarkerDefaults, name: String
            switch c.kind {
            case .minimum: (defaults, name) = (.minimum, c.value > lowest + 1e-9 * max(1, abs(lowest)) ? "local minimum" : "minimum")
            case .saddle: (defaults, name) = (.saddle, "saddle point")
            case .maximum: continue       // the search reports none
            }
            guard var style = LineStyle(format: defaults.marker) else { continue }
            style.markerSize = defaults.size
            style.markerEdgeColor = .black
            style.markerEdgeWidth = 0.8
            let at = "(\(Self.coordinate(c.point[0])), \(Self.coordinate(c.point[1])))"
            axes.markers.append(Marker3D(point: Vector3(c.point[0], c.point[1], c.value), style: style,
                                         label: "\(name) \(at)"))
        }
    }

    /// A coordinate of a found point for a legend: three significant digits,
    /// no trailing zeros, a true minus sign, and 0 for what rounds to zero.
    static func coordinate(_ v: Double) -> String {
        guard v.isFinite else { return "\(v)" }
        if abs(v) < 5e-4 { return "0" }
        var s = String(format: "%.3g", v)
        if s.contains("."), !s.contains("e") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s.replacingOccurrences(of: "-", with: "\u{2212}")
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
