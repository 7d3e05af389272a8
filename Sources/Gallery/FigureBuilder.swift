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

    public init(spec: FigureSpec) { self.spec = spec }

    public func build() throws -> Figure {
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
        let indices = grid == [1, 1] ? [figure.addAxes()] : figure.subplots(rows: grid[0], columns: grid[1])
        var used = Set<Int>()
        for (k, panel) in spec.panels.enumerated() {
            let prefix = spec.panels.count == 1 ? "" : "panels[\(k)]."
            let builder = PanelBuilder(spec: panel, specName: spec.name, field: prefix)
            if panel.kind == .surface {
                // A 3-D axes takes the cell's place; the 2-D axes there is dropped.
                figure.axes3D.append(try SurfacePanelBuilder(panel: builder).build(position: figure.axes[indices[k]].position))
            } else {
                try builder.build(into: &figure.axes[indices[k]])
                used.insert(indices[k])
            }
        }
        // Cells the panels do not fill, and those a 3-D axes took, are left out.
        figure.axes = figure.axes.indices.filter(used.contains).map { figure.axes[$0] }
        return figure
    }

    private func validateName() throws {
        let ok = !spec.name.isEmpty && spec.name.count <= 100
            && spec.name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "_-.".contains($0)) }
            && !spec.name.hasPrefix(".")
        guard ok else { throw error("name", "'\(spec.name)' must be letters, digits, '_', '-' or '.' (it names the output file)") }
    }

    private func error(_ field: String, _ problem: String) -> SpecError {
        SpecError(spec: spec.name, field: field, problem)
    }
}
