import Foundation
import Optimization
import Yams

/// The figure of a one-line plot (`optrender plot`): one objective, one run per
/// optimizer from the same start, drawn as filled contours (or a 3-D surface,
/// or for a function of one variable a curve) — as a spec, so that it can be
/// printed and rendered again byte for byte.
public struct PlotRequest: Sendable {
    public var name: String
    public var objective: String
    public var optimizers: [String]
    public var start: [Double]
    public var steps: Int
    /// [xmin, xmax, ymin, ymax]; nil: the view holds every path (`view: auto`).
    public var view: [Double]?
    public var surface: Bool
    public var title: String?
    /// `--sweep` values: `lr=0.01:0.5:6`, `lr=log:0.001:1:4`, `gamma=0.1,0.5,0.9`, `start=-5,-2;2,2`.
    public var sweeps: [String] = []
    /// With sweeps: an animation of one frame per value (for an animation output).
    public var animatesSweep = false

    public init(name: String, objective: String, optimizers: [String], start: [Double], steps: Int,
                view: [Double]?, surface: Bool, title: String?) {
        self.name = name
        self.objective = objective
        self.optimizers = optimizers
        self.start = start
        self.steps = steps
        self.view = view
        self.surface = surface
        self.title = title
    }

    /// The spec; throws `SpecError` for an objective, optimizer or start that
    /// cannot work (the same checks a spec file gets when built).
    public func spec() throws -> FigureSpec {
        let f: Objective
        do { f = try Objective.resolve(objective) } catch { throw SpecError("--objective: \(error)") }
        guard start.count == f.dimension else {
            throw SpecError("--start: \(f.name) is \(f.dimension)-D but the start has \(start.count) coordinate\(start.count == 1 ? "" : "s")")
        }
        if let view, view.count != 2 * f.dimension {
            throw SpecError("--view: \(f.name) is \(f.dimension)-D, so give \(f.dimension == 1 ? "XMIN:XMAX" : "XMIN:XMAX,YMIN:YMAX")")
        }
        for text in optimizers {
            do { _ = try OptimizerSpec.parse(text) } catch { throw SpecError("--optimizer: \(error)") }
        }
        var panel = PanelSpec()
        panel.kind = f.dimension == 1 ? .curve : surface ? .surface : nil
        panel.objective = objective
        panel.title = title ?? f.formula
        panel.xlabel = "x"
        panel.ylabel = f.dimension == 1 ? "f(x)" : "y"
        if surface { panel.zlabel = "f(x, y)" }
        panel.runs = optimizers.map { RunSpec(optimizer: $0, start: start, steps: steps) }
        if let limits = view ?? (sweeps.isEmpty ? AutoView.limits(f, panel.runs ?? []) : nil) {
            panel.x = [limits[0], limits[1]]
            if f.dimension == 2 { panel.y = [limits[2], limits[3]] }
        }
        var spec = FigureSpec(name: name, panels: [panel])
        if !sweeps.isEmpty {
            guard sweeps.count <= 2 else { throw SpecError("--sweep: give one or two (a grid), not \(sweeps.count)") }
            spec.sweep = SweepSpec(axes: try sweeps.map(Self.sweepAxis))
            if view == nil { panel.view = "auto"; spec.panels = [panel] }
            if animatesSweep { spec.animation = AnimationSpec() }
        }
        spec.caption = "optrender plot: " + optimizers.joined(separator: ", ") + " on " + f.formula
        return spec
    }
}

extension PlotRequest {
    /// `name=start:stop:count`, `name=log:start:stop:count`, `name=v1,v2,…`, `start=x,y;x,y;…`.
    static func sweepAxis(_ text: String) throws -> SweepSpec.Axis {
        guard let eq = text.firstIndex(of: "="), eq != text.startIndex else {
            throw SpecError("--sweep: expected NAME=VALUES such as lr=0.01:0.5:6 or gamma=0.1,0.5,0.9, got '\(text)'")
        }
        let name = String(text[..<eq]), values = String(text[text.index(after: eq)...])
        if name == "start" {
            let points = values.split(separator: ";").map { NumberText.parsePoint(String($0)) }
            guard points.count >= 1, points.allSatisfy({ $0 != nil }) else {
                throw SpecError("--sweep: start takes points separated by ';', such as start=-5,-2;2,2, got '\(values)'")
            }
            let p = points.map { $0! }
            return SweepSpec.Axis(name: name, values: p, labels: p.map { "(" + $0.map(SpecWriter.number).joined(separator: ", ") + ")" })
        }
        if values.contains(":") {
            do { return try SweepSpec.axis(name, range: values) } catch let e as SweepSpec.SweepError { throw SpecError("--sweep \(name): \(e.message)") }
        }
        guard let numbers = NumberText.parsePoint(values), !numbers.isEmpty else {
            throw SpecError("--sweep \(name): expected start:stop:count or comma-separated numbers, got '\(values)'")
        }
        return SweepSpec.Axis(name: name, values: numbers.map { [$0] }, labels: numbers.map(SpecWriter.number))
    }
}

extension RunSpec {
    init(optimizer: String, start: [Double], steps: Int) {
        self.optimizer = optimizer
        self.start = start
        self.steps = steps
    }
}

/// Specs written back as YAML (`--print-spec`): Yams' block style, then numbers
/// in their shortest round-trip form (`-2`, `1.5`, not `-2e+0`) and lists of
/// numbers in flow style (`start: [2, 3]`). Only unquoted scalars are numbers, so
/// strings are never touched.
public enum SpecWriter {
    public static func yaml(_ spec: FigureSpec) throws -> String {
        let lines = try YAMLEncoder().encode(spec).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return collapseNumberLists(lines.map(tidyNumber)).joined(separator: "\n")
    }

    /// `x: -2e+0` → `x: -2`; `- 1.5e+0` → `- 1.5`.
    static func tidyNumber(_ line: String) -> String {
        guard let cut = line.range(of: ": ", options: .backwards) ?? line.range(of: "- ", options: .backwards),
              let v = Double(line[cut.upperBound...]), v.isFinite,
              line[cut.upperBound...].allSatisfy({ "0123456789.e+-".contains($0) }) else { return line }
        return String(line[..<cut.upperBound]) + number(v)
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : "\(v)"
    }

    /// `key:` followed by `- n` lines at the same indentation → `key: [n, …]`.
    static func collapseNumberLists(_ lines: [String]) -> [String] {
        var out: [String] = []
        var i = 0
        while i < lines.count {
            let line = lines[i]
            if line.hasSuffix(":") {
                let indent = String(line.prefix { $0 == " " || $0 == "-" }).replacingOccurrences(of: "-", with: " ")
                var items: [String] = []
                var j = i + 1
                while j < lines.count, lines[j].hasPrefix(indent + "- "),
                      let v = Double(lines[j].dropFirst(indent.count + 2)), v.isFinite {
                    items.append(String(lines[j].dropFirst(indent.count + 2)))
                    j += 1
                }
                if !items.isEmpty {
                    out.append(line + " [" + items.joined(separator: ", ") + "]")
                    i = j
                    continue
                }
            }
            out.append(line)
            i += 1
        }
        return out
    }
}
