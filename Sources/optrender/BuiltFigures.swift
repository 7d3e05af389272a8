import Gallery
import Plot

/// Figures built while their specs were checked (`FigureCheck`), handed to
/// the renderer (`SpecRenderer.built`) so that no figure is built twice: a
/// batch-size spec trains its networks once, not once to check it and again
/// to draw it. A figure is used only for the very spec it was built from.
struct BuiltFigures: Sendable {
    private var figures: [String: (spec: FigureSpec, figure: Figure, seconds: Double)] = [:]

    /// Keeps `figure`, built from `spec` in `seconds`.
    mutating func add(_ figure: Figure, of spec: FigureSpec, seconds: Double) {
        figures[spec.name] = (spec, figure, seconds)
    }

    /// The figure built from exactly `spec` and the seconds that took, or nil.
    func figure(for spec: FigureSpec) -> (figure: Figure, seconds: Double)? {
        guard let kept = figures[spec.name], kept.spec == spec else { return nil }
        return (kept.figure, kept.seconds)
    }
}
