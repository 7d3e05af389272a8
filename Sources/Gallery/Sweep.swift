import Foundation
import Optimization

/// A parameter sweep — the notebooks' sliders as small multiples. Each key is a
/// hyperparameter of the runs' optimizers (`lr`, `momentum`, `gamma`, …), or
/// `steps`, or `start`; each value a list, or `start:stop:count` (evenly
/// spaced), or `log:start:stop:count` (geometrically spaced):
///
/// ```yaml
/// sweep: {lr: "0.05:0.5:6"}                 # six panels, 2 × 3
/// sweep: {lr: [0.05, 0.1], gamma: [0.1, 0.5, 0.9]}   # a 2 × 3 grid: lr down, gamma across
/// ```
///
/// One axis gives a grid of panels, two axes a rows × columns grid; every panel
/// shares the view (so the colour scale too) and says its values in its title.
public struct SweepSpec: Codable, Sendable, Equatable {
    public struct Axis: Sendable, Equatable {
        public var name: String
        /// Numbers for a hyperparameter or `steps`; for `start`, points.
        public var values: [[Double]]
        /// The values as titles show them.
        public var labels: [String]
    }

    public var axes: [Axis]

    public init(axes: [Axis]) { self.axes = axes }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: AnyKey.self)
        axes = []
        for key in c.allKeys {
            let child = try c.superDecoder(forKey: key)
            if let text = try? child.singleValueContainer().decode(String.self), key.stringValue != "start" || text.contains(":") {
                do { axes.append(try Self.axis(key.stringValue, range: text)) } catch let e as SweepError {
                    throw (child as? NodeDecoder)?.error(e.message) ?? SpecError(e.message)
                }
            } else if key.stringValue == "start" {
                let points = try c.decode([[Double]].self, forKey: key)
                axes.append(Axis(name: "start", values: points,
                                 labels: points.map { "(" + $0.map(SpecWriter.number).joined(separator: ", ") + ")" }))
            } else {
                let numbers = try c.decode([Double].self, forKey: key)
                axes.append(Axis(name: key.stringValue, values: numbers.map { [$0] }, labels: numbers.map(SpecWriter.number)))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: AnyKey.self)
        for axis in axes {
            if axis.name == "start" { try c.encode(axis.values, forKey: AnyKey(axis.name)) }
            else { try c.encode(axis.values.map { $0[0] }, forKey: AnyKey(axis.name)) }
        }
    }

    public struct SweepError: Error { public let message: String }

    /// `0.01:0.5:6` or `log:0.001:1:4` → the axis; `start` only as a list.
    public static func axis(_ name: String, range text: String) throws -> Axis {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let log = parts.first == "log"
        let numbers = (log ? Array(parts.dropFirst()) : parts)
        guard name != "start" else { throw SweepError(message: "start takes a list of points, e.g. [[-5, -2], [2, 2]]") }
        guard numbers.count == 3, let a = Double(numbers[0]), let b = Double(numbers[1]), let n = Int(numbers[2]),
              a.isFinite, b.isFinite, (2...64).contains(n), !log || (a > 0 && b > 0) else {
            throw SweepError(message: "expected start:stop:count or log:start:stop:count with 2…64 values (positive for log), such as 0.01:0.5:6, got '\(text)'")
        }
        let values = (0..<n).map { k -> Double in
            let t = Double(k) / Double(n - 1)
            let v = log ? exp(Foundation.log(a) + t * (Foundation.log(b) - Foundation.log(a))) : a + t * (b - a)
            return (v * 1e12).rounded() / 1e12   // 0.30000000000000004 → 0.3
        }
        return Axis(name: name, values: values.map { [$0] }, labels: values.map(SpecWriter.number))
    }
}

/// Expands a figure with `sweep:` into its grid of panels, or into one figure
/// per value (the frames of its animation).
public enum SweepExpansion {
    /// Whether the figure's animation is one frame per swept value: a sweep
    /// with `animation:` (the still stays the grid of small multiples).
    public static func animatesValues(_ spec: FigureSpec) -> Bool {
        spec.sweep != nil && spec.animation != nil
    }

    /// The figure without its animation (its still: the small multiples).
    public static func still(_ spec: FigureSpec) -> FigureSpec {
        var s = spec
        s.animation = nil
        return s
    }

    /// One figure per value (per cell of a two-axis sweep), at the spec's own
    /// size, each titled with its values under the figure's title, all with the
    /// view of the small multiples; throws the spec's `SpecError`s.
    public static func frames(_ spec: FigureSpec) throws -> [FigureSpec] {
        let grid = try expand(spec)
        return grid.panels.map { panel in
            var frame = spec
            frame.sweep = nil
            frame.animation = nil
            frame.layout = nil
            frame.panels = [panel]
            frame.suptitle = grid.suptitle
            return frame
        }
    }

    public static func expand(_ spec: FigureSpec) throws -> FigureSpec {
        guard let sweep = spec.sweep else { return spec }
        func fail(_ field: String, _ problem: String) -> SpecError {
            SpecError(position: spec.positions.position(of: "sweep" + field), spec: spec.name, field: "sweep" + field, problem)
        }
        guard (1...2).contains(sweep.axes.count) else { throw fail("", "expected one or two swept parameters") }
        guard spec.panels.count == 1, let base = spec.panels.first, let runs = base.runs, !runs.isEmpty else {
            throw fail("", "a sweep needs a figure of one panel with runs")
        }
        var cells: [[Int]] = sweep.axes[0].values.indices.map { [$0] }
        if sweep.axes.count == 2 { cells = cells.flatMap { c in sweep.axes[1].values.indices.map { c + [$0] } } }
        guard cells.count <= 64 else { throw fail("", "the sweep gives \(cells.count) panels; at most 64") }
        var panels: [PanelSpec] = []
        for cell in cells {
            var panel = base
            var titles: [String] = []
            for (a, k) in cell.enumerated() {
                let axis = sweep.axes[a]
                panel.runs = try panel.runs!.map { r in try apply(axis, k, to: r, field: ".\(axis.name)", fail: fail) }
                titles.append("\(axis.name) = \(axis.labels[k])")
            }
            panel.title = titles.joined(separator: ", ")
            panels.append(panel)
        }
        // One view for every panel (so one colour scale): `view: auto` fits all paths at once.
        if base.view == "auto", let text = base.objective, let f = try? Objective.resolve(text) {
            let limits = AutoView.limits(f, panels.flatMap { $0.runs ?? [] })
            for k in panels.indices {
                panels[k].view = nil
                panels[k].x = [min(base.x?.first ?? .infinity, limits[0]), max(base.x?.last ?? -.infinity, limits[1])]
                if f.dimension == 2 { panels[k].y = [min(base.y?.first ?? .infinity, limits[2]), max(base.y?.last ?? -.infinity, limits[3])] }
            }
        }
        var out = spec
        out.panels = panels
        out.sweep = nil
        if out.suptitle == nil { out.suptitle = base.title }
        let columns = sweep.axes.count == 2 ? sweep.axes[1].values.count : min(cells.count, cells.count <= 4 ? cells.count : 3)
        let rows = (cells.count + columns - 1) / columns
        if out.layout == nil { out.layout = [rows, columns] }
        if out.size == nil { out.size = [min(20, 4.2 * Double(columns)), min(20, 3.4 * Double(rows) + 0.6)] }
        return out
    }

    /// A run with value `k` of `axis`: a hyperparameter of its optimizer, its steps or its start.
    static func apply(_ axis: SweepSpec.Axis, _ k: Int, to run: RunSpec, field: String,
                      fail: (String, String) -> SpecError) throws -> RunSpec {
        var r = run
        let v = axis.values[k]
        switch axis.name {
        case "steps":
            guard v[0] == v[0].rounded(), (0...1_000_000).contains(v[0]) else { throw fail(field, "steps must be whole numbers 0…1000000") }
            r.steps = Int(v[0])
        case "start":
            r.start = v
        default:
            do {
                r.optimizer = try OptimizerSpec.parse(run.optimizer).setting(axis.name, to: SpecWriter.number(v[0])).description
            } catch {
                throw fail(field, "\(error)")
            }
        }
        return r
    }
}
