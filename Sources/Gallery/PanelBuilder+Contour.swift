import Foundation
import Optimization
import Plot
import Raster

extension PanelBuilder {
    /// Filled contours of a 2-D objective, its minima, and each run's path with
    /// start and end markers — seed 000's `plot_2d`, in its drawing order.
    func buildContour(_ objective: Objective?, into axes: inout Axes) throws {
        guard let f = objective else {
            if spec.runs?.isEmpty == false { throw error("objective", "runs need an objective") }
            return
        }
        guard f.dimension == 2 else {
            throw error("objective", "a contour panel needs a function of x and y; use kind: curve for one variable")
        }
        guard let xr = axes.xlim, let yr = axes.ylim else {
            throw error("x", "a contour needs view limits x: [min, max] and y: [min, max]")
        }
        try addContour(f, x: xr, y: yr, to: &axes)
        try addMinima(f, x: xr, y: yr, to: &axes)
        let view = Rect(minX: xr.lowerBound, minY: yr.lowerBound, maxX: xr.upperBound, maxY: yr.upperBound)!
        for (i, r) in (spec.runs ?? []).enumerated() {
            let run = try makeRun(r, index: i, objective: f)
            let points = run.points.map { Point($0[0], $0[1]) }
            let style = try lineStyle(format: r.style, default: "-o", color: r.color, lineWidth: r.lineWidth,
                                      markerSize: r.markerSize, field: "runs[\(i)]")
            if let first = points.first {
                try addMarker(spec.start, defaults: .start, at: first, field: "start", view: view, to: &axes)
            }
            var s = style
            if s.color == nil { s.color = axes.nextCycleColor() }
            var path = Line2D(points: points, style: s, label: label(r, run, axes: &axes))
            path.animationRole = .growing
            axes.add(path)
            if let head = points.last { labels.placement.obstacles.append(.init(head, radius: (s.markerSize ?? 6) / 2 + 1)) }
            if let last = points.last {
                try addMarker(spec.end, defaults: .end, at: last, field: "end", view: view,
                              role: .final(step: points.count - 1), runColor: s.color, to: &axes)
            }
        }
    }

    /// The objective's known minima; for a function without any (a user's
    /// expression), the minima a multi-start search finds inside the view: the
    /// global ones with the `minimum` marker, other local minima with a smaller
    /// star and no label; none when the view holds none. `critical_points: true`
    /// adds the saddles (white diamonds labelled "saddle").
    func addMinima(_ f: Objective, x: ClosedRange<Double>, y: ClosedRange<Double>, to axes: inout Axes) throws {
        let saddles = spec.criticalPoints ?? false
        guard spec.minimum?.show ?? true || saddles else { return }
        let known = f.minima.filter { $0.count == 2 }
        let found = known.isEmpty || saddles ? CriticalPoints.find(f, x: x, y: y, saddles: saddles) : []
        if spec.minimum?.show ?? true {
            let global = known.isEmpty ? found.filter(\.isGlobal).map(\.point) : known
            for m in global {
                try addMarker(spec.minimum, defaults: .minimum, at: Point(m[0], m[1]), field: "minimum", view: nil, to: &axes)
            }
            if known.isEmpty {
                var local = spec.minimum ?? MarkerSpec()
                local.size = (local.size ?? MarkerDefaults.minimum.size ?? 15) * 0.6
                local.showLabel = false
                for c in found where c.kind == .minimum && !c.isGlobal {
                    try addMarker(local, defaults: .minimum, at: Point(c.point[0], c.point[1]), field: "minimum", view: nil, to: &axes)
                }
            }
        }
        for c in found where c.kind == .saddle {
            try addMarker(nil, defaults: .saddle, at: Point(c.point[0], c.point[1]), field: "critical_points", view: nil, to: &axes)
        }
    }

    func addContour(_ f: Objective, x: ClosedRange<Double>, y: ClosedRange<Double>, to axes: inout Axes) throws {
        let c = spec.contour ?? ContourSpec()
        let cmap = try colormap(c.colormap, default: "gnuplot", "contour.colormap")
        if let l = c.levels, l.count < 2 || zip(l, l.dropFirst()).contains(where: { $0 >= $1 }) {
            throw error("contour.levels", "expected at least two increasing levels")
        }
        let domain = Rect(minX: x.lowerBound, minY: y.lowerBound, maxX: x.upperBound, maxY: y.upperBound)!
        // One sampling of the objective per grid, for the fill, its colorbar and the lines.
        let samples = SampledFunction { a, b in f.value([a, b]) }
        guard c.fill ?? true else {
            try addContourLines(samples, c, domain: domain, levels: c.levels, to: &axes)
            return
        }
        var fill = ContourFill(domain: domain, levels: c.levels, colormap: cmap, samples: samples)
        let spacing = try levelSpacing(f, c, domain: domain)
        switch spacing.spacing {
        case .linear: break
        case .log:
            if c.levels == nil { fill.levels = spacing.levels }
            guard let l = fill.levels, l.last! > 0 else { throw error("contour.norm", "log needs positive levels (a first 0 is allowed) and a function that is never negative in the view") }
            fill.logNorm = true
        case .quantile:
            if c.levels == nil { fill.levels = spacing.levels }
            if let n = fill.levels?.count, n >= 2 {
                fill.bandColors = (0..<(n - 1)).map { cmap.color(at: (Double($0) + 0.5) / Double(n - 1)) }
            }
        }
        if let colors = c.colors {
            fill.bandColors = try colors.enumerated().map { try color($1, "contour.colors[\($0)]")! }
        }
        axes.add(fill)
        // Levels that are not linear are read off a colorbar, which says how they were chosen.
        let note: String? = switch spacing.spacing {
        case .linear: nil
        case .log: c.norm == nil ? "log-spaced levels (heavy tail)" : "log-spaced levels"
        case .quantile: c.norm == nil ? "quantile levels (heavy tail)" : "quantile levels"
        }
        let automaticBar = note != nil && c.levels == nil && spec.colorbar == nil
        if spec.colorbar ?? automaticBar { axes.colorbar = ColorbarSlot(for: fill, label: c.levels == nil ? note : nil) }
        try addContourLines(samples, c, domain: domain, levels: fill.levels, to: &axes)
    }

    /// How the levels are spaced: `norm:` when given (`linear`, `log`, `quantile`);
    /// else, without explicit levels, log or quantile levels when the function's
    /// values over the view have a heavy tail (`ContourLevels.informative`), else
    /// matplotlib's linear levels.
    func levelSpacing(_ f: Objective, _ c: ContourSpec, domain: Rect) throws -> (spacing: ContourLevels.Spacing, levels: [Double]?) {
        if c.norm == "linear" { return (.linear, nil) }
        guard c.norm == nil || c.levels == nil else {
            switch c.norm! {
            case "log": return (.log, nil)
            case "quantile": return (.quantile, nil)
            default: throw error("contour.norm", "'\(c.norm!)' is not a norm; use linear, log or quantile")
            }
        }
        let n = 120
        var values: [Double] = []
        values.reserveCapacity(n * n)
        for i in 0..<n {
            for j in 0..<n {
                values.append(f.value([domain.minX + domain.width * Double(i) / Double(n - 1),
                                       domain.minY + domain.height * Double(j) / Double(n - 1)]))
            }
        }
        let sorted = values.filter(\.isFinite).sorted()
        switch c.norm {
        case nil: return ContourLevels.informative(values)
        case "log":
            guard let lo = sorted.first, lo >= 0, sorted.last! > lo else {
                throw error("contour.norm", "log needs a function that is never negative in the view; use quantile")
            }
            return (.log, ContourLevels.logLevels(sorted))
        case "quantile":
            guard sorted.count >= 16, sorted.last! > sorted.first! else { return (.linear, nil) }
            return (.quantile, ContourLevels.quantileLevels(sorted, bands: 16))
        default: throw error("contour.norm", "'\(c.norm!)' is not a norm; use linear, log or quantile")
        }
    }

    /// A marker with its label. A marker outside `view` is drawn on the frame
    /// where the path leaves it, so the end of a run that left the view is never lost.
    /// A marker without a colour (format `o`, no `color:`) takes `runColor` — its run's —
    /// edged in white (as transparent as the run), as the head of a growing path is drawn;
    /// black when there is none.
    func addMarker(_ m: MarkerSpec?, defaults d: MarkerDefaults, at point: Point, field f: String, view: Rect?,
                   role: AnimationRole = .static, runColor: Color? = nil, to axes: inout Axes) throws {
        guard m?.show ?? true else { return }
        let format = m?.marker ?? d.marker
        guard var style = LineStyle(format: format), style.marker != nil else {
            throw error("\(f).marker", "'\(format)' is not a marker format such as 'r*', 'ro', 'wo'")
        }
        if let given = try color(m?.color, "\(f).color") {
            style.color = given
        } else if style.color == nil, let runColor {
            style.color = runColor
            style.markerEdgeColor = Color.white.withAlpha(runColor.a)
        }
        style.color = style.color ?? .black
        style.markerSize = m?.size ?? d.size
        var p = point
        var label = m?.showLabel == false ? "" : m?.label ?? d.label
        if let v = view, !v.contains(p) {
            p = Point(min(max(p.x, v.minX), v.maxX), min(max(p.y, v.minY), v.maxY))
            if !label.isEmpty { label += " (outside the view)" }
        }
        var marker = Line2D(points: [p], style: style)
        marker.clipped = false
        marker.animationRole = role
        // An end marker sits above every path (the paths' zorder is 2), so a later run's
        // line never hides where an earlier run ended, and below the frame (2.5).
        if case .final = role { marker.zorder = 2.1 }
        axes.add(marker)
        if !label.isEmpty {
            let off = m?.labelOffset ?? d.labelOffset
            guard off.count == 2 else { throw error("\(f).label_offset", "expected [dx, dy]") }
            let c = try color(m?.labelColor, "\(f).label_color") ?? .white
            var text = TextArtist(label, at: Point(p.x + off[0], p.y + off[1]), color: c)
            text.animationRole = role
            text.keepsInsidePlot = true
            labels.placement.add(text, marker: .init(p, radius: (style.markerSize ?? 6) / 2))
        } else {
            labels.placement.obstacles.append(.init(p, radius: (style.markerSize ?? 6) / 2))
        }
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
    static let saddle = MarkerDefaults(marker: "wD", size: 7, label: "saddle", labelOffset: [0.1, 0.2])
}
