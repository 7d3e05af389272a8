import Foundation
import Optimization
import Plot
import Raster

/// Builds one axes from a `PanelSpec`: the settings every kind shares here, the
/// kind's own content in `PanelBuilder+<Kind>.swift`.
struct PanelBuilder {
    let spec: PanelSpec
    let specName: String
    /// Prefix of field names in errors (`panels[1].` or empty).
    let field: String
    /// Where each field was written, for errors.
    var positions = SpecPositions()
    /// The marker labels of the panel, placed together once every artist is in.
    let labels = LabelCollector()
    /// The step counter's text at its widest when the animation draws one in this panel.
    var counterText: String?
    /// Threads building may use where what it builds does not depend on it
    /// (`FigureBuilder.threads`).
    var threads = 1

    func build(into axes: inout Axes) throws {
        let objective = try spec.objective.map(resolveObjective)
        axes.xlim = try range(spec.x, "x")
        axes.ylim = try range(spec.y, "y")
        axes.title = spec.title
        axes.xlabel = spec.xlabel
        axes.ylabel = spec.ylabel
        axes.xscale = try scale(spec.xscale, "xscale")
        axes.yscale = try scale(spec.yscale, "yscale")
        axes.grid = spec.grid ?? false
        if let a = spec.aspect {
            guard a == "equal" || a == "auto" else { throw error("aspect", "'\(a)' is not an aspect; use equal or auto") }
            axes.equalAspect = a == "equal"
        }
        axes.legend = try legend()

        switch spec.kind ?? .contour {
        case .contour: try buildContour(objective, into: &axes)
        case .curve: try buildCurve(objective, into: &axes)
        case .loss: try buildLoss(objective, into: &axes)
        case .plot: break
        case .quiver: try buildQuiver(objective, into: &axes)
        case .training: try buildTraining(into: &axes)
        case .surface: throw error("kind", "surface panels are built by FigureBuilder")
        case .batchSize: try buildBatchSize(into: &axes)
        }
        try addSeries(into: &axes)
        for (i, t) in (spec.texts ?? []).enumerated() {
            guard t.at.count == 2 else { throw error("texts[\(i)].at", "expected [x, y]") }
            axes.add(TextArtist(t.text, at: Point(t.at[0], t.at[1]), color: try color(t.color, "texts[\(i)].color"), size: t.size))
        }
        labels.placement.counterText = counterText
        labels.finish(into: &axes)
    }

    // MARK: shared pieces

    func resolveObjective(_ text: String) throws -> Objective {
        do { return try Objective.resolve(text) } catch { throw self.error("objective", "\(error)") }
    }

    func range(_ v: [Double]?, _ name: String) throws -> ClosedRange<Double>? {
        guard let v else { return nil }
        guard v.count == 2, v[0].isFinite, v[1].isFinite, v[0] < v[1] else {
            throw error(name, "expected [min, max] with min < max")
        }
        return v[0]...v[1]
    }

    func scale(_ s: String?, _ name: String) throws -> AxisScale {
        guard let s else { return .linear }
        guard let v = AxisScale(rawValue: s) else { throw error(name, "'\(s)' is not a scale; use linear or log") }
        return v
    }

    func legend() throws -> Legend? {
        var l: Legend
        switch spec.legend {
        case nil where RunLabels.automatic(spec), .show(true): l = Legend()
        case nil, .show(false): return nil
        case .location(let s):
            guard let loc = Legend.Location(rawValue: s) else {
                throw error("legend", "'\(s)' is not a location; use \(Legend.Location.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            l = Legend(location: loc)
        }
        l.fontSize = spec.legendFontSize
        return l
    }

    /// The run of `runs[i]`, validated against the objective, up to the last point a figure can
    /// draw (``Run/Limit/drawable``: it stops where a coordinate or the loss leaves ±1e150).
    func makeRun(_ r: RunSpec, index i: Int, objective f: Objective) throws -> Run {
        let optimizer: OptimizerSpec
        do { optimizer = try OptimizerSpec.parse(r.optimizer) } catch { throw self.error("runs[\(i)].optimizer", "\(error)") }
        guard r.start.count == f.dimension else {
            throw error("runs[\(i)].start", "expected \(f.dimension) coordinates, got \(r.start.count)")
        }
        guard r.start.allSatisfy(\.isFinite) else { throw error("runs[\(i)].start", "coordinates must be finite") }
        guard (0...1_000_000).contains(r.steps) else { throw error("runs[\(i)].steps", "expected 0…1000000, got \(r.steps)") }
        return Run(objective: f, optimizer: optimizer, start: r.start, steps: r.steps, limit: .drawable)
    }

    /// The line style of a run or series: format string, colour, sizes.
    func lineStyle(format: String?, default def: String, color c: String?, lineWidth: Double?, markerSize: Double?,
                   field f: String) throws -> LineStyle {
        guard var style = LineStyle(format: format ?? def) else {
            throw error("\(f).style", "'\(format!)' is not a matplotlib format string such as '-o', 'r--', ':'")
        }
        if let c = try color(c, "\(f).color") { style.color = c }
        style.lineWidth = lineWidth ?? style.lineWidth
        style.markerSize = markerSize ?? style.markerSize
        return style
    }

    /// A run's legend label, with "(diverged at step k)" when it diverged; an
    /// unlabelled diverged run puts the note in the title instead.
    func label(_ r: RunSpec, _ run: Run, axes: inout Axes) -> String? {
        let given = r.label ?? autoLabel(r)
        guard let k = run.divergedAt else { return given }
        let note = "diverged at step \(k)"
        if let l = given { return "\(l) (\(note))" }
        axes.title = (axes.title.map { $0 + " — " } ?? "") + note
        return nil
    }

    /// The automatic label of a run (see `RunLabels`), or nil when the panel has none.
    func autoLabel(_ r: RunSpec) -> String? {
        guard let i = spec.runs?.firstIndex(of: r) else { return nil }
        return RunLabels.labels(spec)[i]
    }

    func color(_ s: String?, _ name: String) throws -> Color? {
        guard let s else { return nil }
        guard let c = Color(parsing: s) else {
            throw error(name, "'\(s)' is not a colour; use a name ('r', 'tab:orange', 'white') or hex ('#ff7f0e')")
        }
        return c
    }

    func colormap(_ name: String?, default def: String, _ f: String) throws -> Colormap {
        let n = name ?? def
        guard let m = Colormap.named(n) else {
            throw error(f, "unknown colormap '\(n)'; known: \(Colormap.registry.keys.sorted().joined(separator: ", "))")
        }
        return m
    }

    func error(_ name: String, _ problem: String) -> SpecError {
        let path = field + name
        // A one-panel figure may have written its panel inline or as `panels: [...]`.
        let at = positions.position(of: field.isEmpty && positions.contains("panels") ? "panels[0]." + name : path)
        return SpecError(position: at, spec: specName, field: path, problem)
    }
}

/// Collects a panel's marker labels while it is built; `finish` adds them as
/// one `LabelPlacement`, with the legend they must keep clear of.
final class LabelCollector {
    var placement = LabelPlacement()

    func finish(into axes: inout Axes) {
        guard !placement.labels.isEmpty else { return }
        let ordered = axes.artists.enumerated()
            .sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }.map(\.element)
        placement.legend = axes.legend
        placement.legendEntries = ordered.compactMap(\.legendEntry)
        placement.legendObstacles = ordered.flatMap(\.dataPoints)
        axes.add(placement)
    }
}
