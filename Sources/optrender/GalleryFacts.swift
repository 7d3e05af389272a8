import Gallery
import Optimization

/// What the gallery index and manifest say about a figure, read from its spec.
///
/// This is the one place outside Gallery that reads `FigureSpec`'s fields
/// (name, caption, seed, panels, each panel's objective and runs), so a change
/// of the spec types is fixed here alone.
struct GalleryFacts: Sendable {
    struct RunFacts: Sendable {
        let optimizer: String
        let start: [Double]
        let steps: Int
    }

    let name: String
    let caption: String
    /// The seed document ("000", "001", "002", "004"), nil for the classic test functions.
    let seed: String?
    /// Each distinct objective as written, with its formula when it names a built-in.
    let functions: [String]
    let runs: [RunFacts]

    init(_ spec: FigureSpec) {
        name = spec.name
        caption = spec.caption ?? ""
        seed = spec.seed
        var functions: [String] = []
        var runs: [RunFacts] = []
        for panel in spec.panels {
            if let text = panel.objective {
                let formula = (try? Objective.resolve(text)).map(\.formula)
                let shown = formula.map { $0 == text ? text : "\(text): \($0)" } ?? text
                if !functions.contains(shown) { functions.append(shown) }
            }
            for run in panel.runs ?? [] {
                runs.append(RunFacts(optimizer: run.optimizer, start: run.start, steps: run.steps))
            }
        }
        self.functions = functions
        self.runs = runs
    }

    /// The catalog file the spec comes from (catalog files are named after their spec).
    var catalogPath: String { "Sources/Gallery/Catalog/\(name).yaml" }
}
