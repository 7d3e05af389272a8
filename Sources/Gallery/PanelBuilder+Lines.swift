import Optimization
import Plot
import Raster

extension PanelBuilder {
    /// Contour lines over the bands when the spec asks for them (`contour.lines: black`).
    func addContourLines(_ samples: SampledFunction, _ c: ContourSpec, domain: Rect, levels: [Double]?, to axes: inout Axes) throws {
        guard let name = c.lines else { return }
        guard let lineColor = try color(name, "contour.lines") else { return }
        var lines = ContourLineArtist(domain: domain, levels: levels, coloring: .single(lineColor), samples: samples)
        lines.lineWidth = c.lineWidth
        if c.labels ?? false { lines.labels = ContourLabels(color: lineColor) }
        axes.add(lines)
    }

    /// Each `series` entry: y = formula(t) at evenly spaced (or integer) t.
    func addSeries(into axes: inout Axes) throws {
        for (i, s) in (spec.series ?? []).enumerated() {
            let f: Objective
            do { f = try Objective.resolve(s.formula) } catch { throw self.error("series[\(i)].formula", "\(error)") }
            guard f.dimension == 1 else { throw error("series[\(i)].formula", "expected a formula in one variable, such as (1-0.9)*0.9^x") }
            guard s.range.count == 2, s.range[0] <= s.range[1], s.range.allSatisfy(\.isFinite) else {
                throw error("series[\(i)].range", "expected [start, end] with start ≤ end")
            }
            let ts: [Double]
            if s.integer ?? false {
                ts = stride(from: s.range[0].rounded(.up), through: s.range[1], by: 1).map { $0 }
            } else {
                let n = max(2, s.samples ?? 200)
                ts = (0..<n).map { s.range[0] + (s.range[1] - s.range[0]) * Double($0) / Double(n - 1) }
            }
            guard ts.count <= 1_000_000 else { throw error("series[\(i)].range", "more than 1000000 samples") }
            let style = try lineStyle(format: s.style, default: "-", color: s.color, lineWidth: s.lineWidth,
                                      markerSize: s.markerSize, field: "series[\(i)]")
            axes.plot(ts.map { Point($0, f.value([$0])) }, style: style, label: s.label)
        }
    }
}
