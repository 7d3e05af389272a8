/// One entry of the optimizer catalog: a canonical name, a one-line summary, the
/// hyperparameters with their defaults and bounds, an optional check across hyperparameters,
/// and how to build the optimizer.
struct OptimizerDefinition: Sendable {
    typealias Factory = @Sendable (_ values: ResolvedHyperparameters, _ dimension: Int,
                                   _ parameterBlocks: [Int]?) -> any Optimizer

    let name: String
    let summary: String
    let parameters: [HyperparameterDefinition]
    /// Returns a message when a combination is invalid (SGD's nesterov without momentum).
    let check: (@Sendable (ResolvedHyperparameters) -> String?)?
    let make: Factory

    init(_ name: String, _ summary: String, _ parameters: [HyperparameterDefinition],
         check: (@Sendable (ResolvedHyperparameters) -> String?)? = nil, make: @escaping Factory) {
        self.name = name
        self.summary = summary
        self.parameters = parameters
        self.check = check
        self.make = make
    }

    func parameter(named name: String) -> HyperparameterDefinition? {
        let key = name.lowercased()
        return parameters.first { $0.name == key || $0.aliases.contains(key) }
    }

    var defaults: ResolvedHyperparameters {
        ResolvedHyperparameters(values: Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.defaultValue) }))
    }
}

extension OptimizerDefinition {
    /// Every optimizer: PyTorch's, then the seeds' variants.
    static let all: [OptimizerDefinition] = pytorch + seedVariants

    static let byName: [String: OptimizerDefinition] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.name.lowercased(), $0) })
}
