import Foundation
import Optimization
import Plot
import Raster

/// Turns a `FigureSpec` into a `Figure`: runs the optimizers, then adds contours,
/// paths, markers and labels as seed 000's `plot_2d` draws them.
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
        guard let theme = Theme.named(spec.theme ?? "matplotlib") else {
            throw error("theme", "unknown theme '\(spec.theme!)'; use matplotlib, seaborn-paper or seaborn-paper-2")
        }
        guard spec.panels.count == 1 else {
            throw error("panels", "expected one panel, got \(spec.panels.count)")
        }
        var figure = Figure(width: size[0], height: size[1], dpi: dpi, theme: theme)
        let index = figure.addAxes()
        try PanelBuilder(spec: spec.panels[0], specName: spec.name, field: "").build(into: &figure.axes[index])
        return figure
    }

    private func validateName() throws {
        let ok = !spec.name.isEmpty && spec.name.allSatisfy { $0.isLetter || $0.isNumber || "_-.".contains($0) }
            && !spec.name.hasPrefix(".")
        guard ok else { throw error("name", "'\(spec.name)' must be letters, digits, '_', '-' or '.' (it names the output file)") }
    }

    private func error(_ field: String, _ problem: String) -> SpecError {
        SpecError(spec: spec.name, field: field, problem)
    }
}
