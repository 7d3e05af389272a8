import Optimization

/// Automatic legend labels: when a panel has two or more runs, no run has a
/// label and `legend:` is not given, the panel gets a legend whose entries name
/// each run's optimizer with its learning rate — always, even at its default (torch's
/// SGD defaults to 0.001: `SGD()` would hide the number a race turns on) — and the
/// other hyperparameters that differ from its defaults (`Adam(lr=0.1)`,
/// `SGD(lr=0.001, momentum=0.9)`). Runs that would read alike add their start point,
/// then their step count.
enum RunLabels {
    /// Whether the panel gets the automatic legend.
    static func automatic(_ spec: PanelSpec) -> Bool {
        guard spec.legend == nil, let runs = spec.runs, runs.count >= 2 else { return false }
        return runs.allSatisfy { $0.label == nil }
    }

    /// One label per run when the panel has two or more runs, none labelled, and
    /// a legend (automatic, `legend: true` or a location); else nil for every run.
    static func labels(_ spec: PanelSpec) -> [String?] {
        let runs = spec.runs ?? []
        guard runs.count >= 2, runs.allSatisfy({ $0.label == nil }), spec.legend != .show(false) else {
            return runs.map { _ in nil }
        }
        var labels = runs.map { optimizerLabel($0.optimizer) }
        if Set(labels).count < labels.count {
            labels = zip(labels, runs).map { "\($0) from (" + $1.start.map(SpecWriter.number).joined(separator: ", ") + ")" }
        }
        if Set(labels).count < labels.count {
            labels = zip(labels, runs).map { "\($0), \($1.steps) steps" }
        }
        return labels
    }

    /// `Adam(lr=0.1)`: the canonical name, the learning rate and the other hyperparameters
    /// that differ from the optimizer's defaults; the text as written when it does not parse
    /// (the run reports that error itself).
    static func optimizerLabel(_ text: String) -> String {
        guard let spec = try? OptimizerSpec.parse(text),
              let defaults = try? OptimizerSpec.parse(spec.name + "()") else { return text }
        let base = Dictionary(defaults.hyperparameters.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let changed = spec.hyperparameters.filter { $0.name == "lr" || base[$0.name] != $0.value }
        return spec.name + "(" + changed.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + ")"
    }
}
