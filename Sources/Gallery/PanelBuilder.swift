import Foundation
import Optimization
import Plot
import Raster

/// Builds one axes from a `PanelSpec`: contours of the objective, each run's path
/// with its start and end markers, the minimum marker, labels and texts.
struct PanelBuilder {
    let spec: PanelSpec
    let specName: String
    /// Prefix of field names in errors (`panels[1].` or empty).
    let field: String

    func build(into axes: inout Axes) throws {
        let objective = try spec.objective.map(resolveObjective)
        let xr = try range(spec.x, "x"), yr = try range(spec.y, "y")
        axes.xlim = xr
        axes.ylim = yr
        axes.title = spec.title
        axes.xlabel = spec.xlabel
        axes.ylabel = spec.ylabel

        if let f = objective, f.dimension == 2 {
            guard let xr, let yr else { throw error("x", "a contour needs view limits x: [min, max] and y: [min, max]") }
            try addContour(f, x: xr, y: yr, to: &axes)
        }
        if let f = objective, spec.minimum?.show ?? true {
            for m in f.minima where m.count == 2 {
                try addMarker(spec.minimum, defaults: .minimum, at: Point(m[0], m[1]), field: "minimum", to: &axes)
            }
        }
        for (i, run) in (spec.runs ?? []).enumerated() {
            guard let f = objective else { throw error("objective", "runs need an objective") }
            try addRun(run, index: i, objective: f, to: &axes)
        }
        for (i, t) in (spec.texts ?? []).enumerated() {
            guard t.at.count == 2 else { throw error("texts[\(i)].at", "expected [x, y]") }
            axes.add(TextArtist(t.text, at: Point(t.at[0], t.at[1]), color: try color(t.color, "texts[\(i)].color"), size: t.size))
        }
    }

    private func resolveObjective(_ text: String) throws -> Objective {
        do { return try Objective.resolve(text) } catch { throw self.error("objective", "\(error)") }
    }

    private func range(_ v: [Double]?, _ name: String) throws -> ClosedRange<Double>? {
        guard let v else { return nil }
        guard v.count == 2, v[0].isFinite, v[1].isFinite, v[0] < v[1] else {
            throw error(name, "expected [min, max] with min < max")
        }
        return v[0]...v[1]
    }

    private func addContour(_ f: Objective, x: ClosedRange<Double>, y: ClosedRange<Double>, to axes: inout Axes) throws {
        let c = spec.contour ?? ContourSpec()
        let name = c.colormap ?? "gnuplot"
        guard let cmap = Colormap.named(name) else {
            throw error("contour.colormap", "unknown colormap '\(name)'; known: \(Colormap.registry.keys.sorted().joined(separator: ", "))")
        }
        if let l = c.levels, l.count < 2 || zip(l, l.dropFirst()).contains(where: { $0 >= $1 }) {
            throw error("contour.levels", "expected at least two increasing levels")
        }
        let domain = Rect(minX: x.lowerBound, minY: y.lowerBound, maxX: x.upperBound, maxY: y.upperBound)!
        var fill = ContourFill(domain: domain, levels: c.levels, colormap: cmap) { a, b in f.value([a, b]) }
        if let colors = c.colors {
            fill.bandColors = try colors.enumerated().map { try color($1, "contour.colors[\($0)]")! }
        }
        axes.add(fill)
    }

    private func addRun(_ r: RunSpec, index i: Int, objective f: Objective, to axes: inout Axes) throws {
        let optimizer: OptimizerSpec
        do { optimizer = try OptimizerSpec.parse(r.optimizer) } catch { throw self.error("runs[\(i)].optimizer", "\(error)") }
        guard r.start.count == f.dimension else {
            throw error("runs[\(i)].start", "expected \(f.dimension) coordinates, got \(r.start.count)")
        }
        guard (0...1_000_000).contains(r.steps) else { throw error("runs[\(i)].steps", "expected 0…1000000, got \(r.steps)") }
        let run = Run(objective: f, optimizer: optimizer, start: r.start, steps: r.steps)
        let points = run.points.map { $0.count >= 2 ? Point($0[0], $0[1]) : Point($0[0], f.value($0)) }

        guard var style = LineStyle(format: r.style ?? "-o") else {
            throw error("runs[\(i)].style", "'\(r.style!)' is not a matplotlib format string such as '-o', 'r--', ':'")
        }
        if let c = try color(r.color, "runs[\(i)].color") { style.color = c }
        style.lineWidth = r.lineWidth ?? style.lineWidth
        style.markerSize = r.markerSize ?? style.markerSize
        if let first = points.first {
            try addMarker(spec.start, defaults: .start, at: first, field: "start", to: &axes)
        }
        axes.plot(points, style: style, label: r.label)
        if let last = points.last {
            try addMarker(spec.end, defaults: .end, at: last, field: "end", to: &axes)
        }
    }

    private func addMarker(_ m: MarkerSpec?, defaults d: MarkerDefaults, at p: Point, field f: String, to axes: inout Axes) throws {
        guard m?.show ?? true else { return }
        let format = m?.marker ?? d.marker
        guard var style = LineStyle(format: format), style.marker != nil else {
            throw error("\(f).marker", "'\(format)' is not a marker format such as 'r*', 'ro', 'wo'")
        }
        style.color = style.color ?? .black
        style.markerSize = m?.size ?? d.size
        axes.add(Line2D(points: [p], style: style))
        let label = m?.label ?? d.label
        if !label.isEmpty {
            let off = m?.labelOffset ?? d.labelOffset
            guard off.count == 2 else { throw error("\(f).labelOffset", "expected [dx, dy]") }
            let c = try color(m?.labelColor, "\(f).labelColor") ?? .white
            axes.add(TextArtist(label, at: Point(p.x + off[0], p.y + off[1]), color: c))
        }
    }

    private func color(_ s: String?, _ name: String) throws -> Color? {
        guard let s else { return nil }
        guard let c = Color(parsing: s) else {
            throw error(name, "'\(s)' is not a colour; use a name ('r', 'tab:orange', 'white') or hex ('#ff7f0e')")
        }
        return c
    }

    private func error(_ name: String, _ problem: String) -> SpecError {
        SpecError(spec: specName, field: field + name, problem)
    }
}

/// seed 000's `plot_2d` markers: minimum `r*` ms 15 with "minimum" 0.25 above,
/// start `ro` ms 10 with "start" at (+0.1, +0.2), end `wo` with "end" 0.25 below.
struct MarkerDefaults {
    let marker: String
    let size: Double?
    let label: String
    let labelOffset: [Double]

    static let minimum = MarkerDefaults(marker: "r*", size: 15, label: "minimum", labelOffset: [0, 0.25])
    static let start = MarkerDefaults(marker: "ro", size: 10, label: "start", labelOffset: [0.1, 0.2])
    static let end = MarkerDefaults(marker: "wo", size: nil, label: "end", labelOffset: [0, -0.25])
}
