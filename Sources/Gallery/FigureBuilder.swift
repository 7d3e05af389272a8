import Foundation
import Optimization
import Plot
import Raster

/// Turns a `FigureSpec` into a `Figure`: checks the figure-level settings, lays
/// the panels out in their grid, and builds each with `PanelBuilder`.
///
/// Throws `SpecError` for anything the spec gets wrong; drawing itself never fails.
public struct FigureBuilder {
    public let spec: FigureSpec
    /// Threads building may use where the figure does not depend on it: a
    /// batch-size panel's training runs, side by side. Default 1.
    public var threads: Int

    public init(spec: FigureSpec, threads: Int = 1) {
        self.spec = spec
        self.threads = max(1, threads)
    }

    public func build() throws -> Figure {
        if spec.sweep != nil { return try FigureBuilder(spec: SweepExpansion.expand(spec), threads: threads).build() }
        try validateName()
        let size = spec.size ?? [10, 6]
        guard size.count == 2, size.allSatisfy({ $0 > 0 && $0 <= 100 }) else {
            throw error("size", "expected [width, height] in inches, each in (0, 100]")
        }
        let dpi = spec.dpi ?? 100
        guard dpi >= 10, dpi <= 1000 else { throw error("dpi", "expected a value in [10, 1000], got \(dpi)") }
        guard size[0] * dpi <= 10_000, size[1] * dpi <= 10_000 else {
            throw error("size", "the figure would be larger than 10000 pixels on a side; lower size or dpi")
        }
        guard let theme = Theme.named(spec.theme ?? "matplotlib") else {
            throw error("theme", "unknown theme '\(spec.theme!)'; use matplotlib, seaborn-paper or seaborn-paper-2")
        }
        guard !spec.panels.isEmpty, spec.panels.count <= 64 else { throw error("panels", "expected 1 to 64 panels") }
        let grid = spec.layout ?? [1, spec.panels.count]
        guard grid.count == 2, grid.allSatisfy({ $0 >= 1 }), grid[0] * grid[1] >= spec.panels.count else {
            throw error("layout", "expected [rows, columns] with room for \(spec.panels.count) panels")
        }
        var figure = Figure(width: size[0], height: size[1], dpi: dpi, theme: theme)
        figure.suptitle = spec.suptitle
        // Panels fill the grid's cells row by row; cells left over stay empty.
        let cells = Figure.gridCells(rows: grid[0], columns: grid[1])
        for (k, written) in spec.panels.enumerated() {
            let prefix = spec.panels.count == 1 ? "" : "panels[\(k)]."
            let panel = try resolvingView(written, field: prefix)
            var builder = PanelBuilder(spec: panel, specName: spec.name, field: prefix, positions: spec.positions)
            builder.threads = threads
            // The counter sits in the first panel's top-left corner; its widest text is the last step's.
            if k == 0, spec.animation?.counter == true {
                let last = spec.panels.flatMap { $0.runs ?? [] }.map(\.steps).max() ?? 0
                builder.counterText = "step \(last)"
            }
            let (cell, position) = cells[k]
            if panel.kind == .surface {
                figure.add(try SurfacePanelBuilder(panel: builder).build(position: position, cell: cell))
            } else {
                var axes = Axes(position: position)
                axes.gridCell = cell
                try builder.build(into: &axes)
                figure.add(axes)
            }
        }
        figure.animation = try animation()
        return figure
    }

    /// The spec's animation settings, checked; nil when it asks for none. A
    /// surface panel with `orbit: true` makes the animation a camera orbit.
    private func animation() throws -> Animation? {
        let orbit = spec.panels.lazy.compactMap { $0.surface?.orbit == true ? ($0.surface?.orbitFrames ?? 72) : nil }.first
        guard let a = spec.animation else {
            return orbit.map { Animation(orbitFrames: $0) }
        }
        var settings = Animation(orbitFrames: orbit)
        if let fps = a.fps {
            guard fps > 0, fps <= 50 else { throw error("animation.fps", "expected a value in (0, 50] frames per second") }
            settings.fps = fps
        }
        if let s = a.stepsPerFrame {
            guard s >= 1 else { throw error("animation.steps_per_frame", "expected at least 1") }
            settings.stepsPerFrame = s
        }
        if let h = a.hold {
            guard h >= 0, h <= 60 else { throw error("animation.hold", "expected 0…60 seconds") }
            settings.endHold = h
        }
        if let h = a.startHold {
            guard h >= 0, h <= 60 else { throw error("animation.start_hold", "expected 0…60 seconds") }
            settings.startHold = h
        }
        settings.showsCounter = a.counter ?? false
        return settings
    }

    /// A panel with `view: auto` resolved: `x` and `y` widened (or chosen) to
    /// hold every run's path with a margin.
    private func resolvingView(_ panel: PanelSpec, field: String) throws -> PanelSpec {
        guard let v = panel.view else { return panel }
        guard v == "auto" else { throw error(field + "view", "'\(v)' is not a view; use auto (or give x: and y:)") }
        guard let text = panel.objective, let runs = panel.runs, !runs.isEmpty else {
            throw error(field + "view", "auto needs an objective and runs to fit; give x: and y: instead")
        }
        let f: Objective
        do { f = try Objective.resolve(text) } catch { throw self.error(field + "objective", "\(error)") }
        let auto = AutoView.limits(f, runs)
        var out = panel
        func widen(_ given: [Double]?, _ lo: Double, _ hi: Double) -> [Double] {
            guard let g = given, g.count == 2 else { return [lo, hi] }
            return [min(g[0], lo), max(g[1], hi)]
        }
        out.x = widen(panel.x, auto[0], auto[1])
        if f.dimension == 2 { out.y = widen(panel.y, auto[2], auto[3]) }
        return out
    }

    private func validateName() throws {
        let ok = !spec.name.isEmpty && spec.name.count <= 100
            && spec.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
            && !spec.name.hasPrefix(".")
        guard ok else { throw error("name", "'\(spec.name)' must be letters, digits, '_', '-' or '.' (it names the output file)") }
    }

    private func error(_ field: String, _ problem: String) -> SpecError {
        SpecError(position: spec.positions.position(of: field), spec: spec.name, field: field, problem)
    }
}
