/// An optimizer with its hyperparameters, written in the PyTorch constructor style:
/// `SGD(lr=0.05, momentum=0.9)`, `Adam(lr=0.1, betas=(0.9, 0.99), eps=1e-7)`,
/// `LBFGS(line_search_fn='strong_wolfe')`, `d2l.adagrad(lr=0.1)`.
///
/// Names are case-insensitive; unspecified hyperparameters take the optimizer's defaults
/// (PyTorch's for `torch.optim` names, the seed's for the seed variants). Two specs are equal
/// when they name the same optimizer with the same explicitly written values.
public struct OptimizerSpec: Sendable, Hashable, CustomStringConvertible {
    /// Canonical name: `"SGD"`, `"Adam"`, `"d2l.momentum"`.
    public private(set) var name: String
    /// The hyperparameters written in the spec, in the optimizer's canonical order.
    private var explicit: [ExplicitValue]
    /// Every hyperparameter, defaults included.
    private var values: ResolvedHyperparameters

    private struct ExplicitValue: Hashable, Sendable {
        var name: String
        var value: HyperparameterValue
    }

    /// Canonical, round-trippable spec: the canonical name and the explicitly given values in
    /// canonical order, numbers in their shortest round-trip form — `Adam(lr=0.1, betas=(0.9, 0.99))`,
    /// `SGD()`.
    public var description: String {
        "\(name)(" + explicit.map { "\($0.name)=\($0.value)" }.joined(separator: ", ") + ")"
    }

    /// Every hyperparameter of this spec with its effective value (defaults included), in
    /// canonical order, formatted as in ``description``: `[("lr", "0.1"), ("betas", "(0.9, 0.999)"), …]`.
    public var hyperparameters: [(name: String, value: String)] {
        definition.parameters.map { ($0.name, values.values[$0.name]?.description ?? "None") }
    }

    private var definition: OptimizerDefinition { OptimizerDefinition.byName[name.lowercased()]! }

    /// Parses a spec. Throws ``OptimizerSpecError`` (one line) for a syntax error, an unknown
    /// optimizer (the message lists the valid names), an unknown or repeated hyperparameter
    /// (lists the valid ones), a value of the wrong type, or a value outside its bound
    /// (`lr must be >= 0, got -0.1`).
    public static func parse(_ text: String) throws -> OptimizerSpec {
        let syntax = try OptimizerSpecSyntax.parse(text)
        guard let definition = OptimizerDefinition.byName[syntax.name.lowercased()] else {
            let names = OptimizerDefinition.all.map(\.name)
            var hint = "valid: " + names.joined(separator: ", ")
            if let close = closestName(to: syntax.name, in: names) { hint = "did you mean '\(close)'? " + hint }
            throw OptimizerSpecError(problem: "unknown optimizer '\(syntax.name)'", column: syntax.nameColumn,
                                     source: text, hint: hint)
        }
        var values = definition.defaults
        var given: [String: HyperparameterValue] = [:]
        for argument in syntax.arguments {
            guard let parameter = definition.parameter(named: argument.name) else {
                let names = definition.parameters.map(\.name)
                var hint = "valid: " + names.joined(separator: ", ")
                if let close = closestName(to: argument.name, in: names) { hint = "did you mean '\(close)'? " + hint }
                throw OptimizerSpecError(problem: "unknown hyperparameter '\(argument.name)' for \(definition.name)",
                                         column: argument.nameColumn, source: text, hint: hint)
            }
            if given[parameter.name] != nil {
                throw OptimizerSpecError(problem: "hyperparameter '\(parameter.name)' given twice",
                                         column: argument.nameColumn, source: text)
            }
            let value = try typed(argument, as: parameter, source: text)
            if let bound = parameter.bound, let violation = bound.violation(value, name: parameter.name) {
                throw OptimizerSpecError(problem: violation, column: argument.valueColumn, source: text)
            }
            given[parameter.name] = value
            values.values[parameter.name] = value
        }
        if let check = definition.check, let problem = check(values) {
            throw OptimizerSpecError(problem: problem, column: nil, source: text)
        }
        let explicit = definition.parameters.compactMap { p in given[p.name].map { ExplicitValue(name: p.name, value: $0) } }
        return OptimizerSpec(name: definition.name, explicit: explicit, values: values)
    }

    /// This spec with hyperparameter `name` set to `value` (written as in the
    /// constructor: `0.1`, `(0.9, 0.99)`, `True`); throws ``OptimizerSpecError``
    /// for a name the optimizer does not have or a value out of its bounds.
    public func setting(_ name: String, to value: String) throws -> OptimizerSpec {
        let others = explicit.filter { $0.name != name }.map { "\($0.name)=\($0.value)" }
        return try OptimizerSpec.parse(self.name + "(" + (others + ["\(name)=\(value)"]).joined(separator: ", ") + ")")
    }

    /// A fresh optimizer (zero state) for points with `dimension` coordinates.
    public func makeOptimizer(dimension: Int) -> any Optimizer {
        definition.make(values, dimension, nil)
    }

    /// A fresh optimizer for a parameter vector made of consecutive tensors of these sizes
    /// (for the linear model: `[features, 1]` for W and b). Only `paddle.adam` depends on the
    /// split (its step counter advances once per tensor, as in the book); every other optimizer
    /// is element-wise or treats the vector as a whole, as PyTorch does. The sizes must sum to
    /// the dimension (a programming error otherwise).
    public func makeOptimizer(parameterBlocks: [Int]) -> any Optimizer {
        precondition(!parameterBlocks.isEmpty && parameterBlocks.allSatisfy { $0 > 0 }, "parameter blocks must be positive")
        return definition.make(values, parameterBlocks.reduce(0, +), parameterBlocks)
    }

    /// Every optimizer name with a one-line summary: PyTorch's, then the seed variants.
    public static var catalog: [(name: String, summary: String)] {
        OptimizerDefinition.all.map { ($0.name, $0.summary) }
    }

    /// The hyperparameters of a named optimizer with their defaults (case-insensitive name),
    /// or nil for an unknown name. For `--help` texts.
    public static func defaults(of name: String) -> [(name: String, value: String)]? {
        guard let definition = OptimizerDefinition.byName[name.lowercased()] else { return nil }
        return definition.parameters.map { ($0.name, $0.defaultValue.description) }
    }

    // MARK: - helpers

    private static func typed(_ argument: OptimizerSpecSyntax.Argument, as parameter: HyperparameterDefinition,
                              source: String) throws -> HyperparameterValue {
        let mismatch = OptimizerSpecError(problem: "\(parameter.name) expects \(parameter.kind.expectation)",
                                          column: argument.valueColumn, source: source)
        switch (parameter.kind, argument.value) {
        case (.real, .number(let v)):
            guard v.isFinite else { throw mismatch }
            return .number(v)
        case (.integer, .number(let v)), (.optionalInteger, .number(let v)):
            guard v.isFinite, v == v.rounded(), abs(v) < 1e15 else { throw mismatch }
            return .integer(Int(v))
        case (.optionalInteger, .word(let w)) where isNone(w):
            return .none
        case (.pair, .pair(let a, let b)):
            return .pair(a, b)
        case (.bool, .word(let w)):
            switch w.lowercased() {
            case "true": return .bool(true)
            case "false": return .bool(false)
            default: throw mismatch
            }
        case (.choice(let words), .word(let w)), (.choice(let words), .quoted(let w)):
            if isNone(w) { return .none }
            guard let match = words.first(where: { $0 == w.lowercased() }) else { throw mismatch }
            return .text(match)
        default:
            throw mismatch
        }
    }

    private static func isNone(_ word: String) -> Bool {
        ["none", "null"].contains(word.lowercased())
    }

    /// The candidate with the smallest edit distance, when that distance is at most 2.
    static func closestName(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        var best: (String, Int)?
        for candidate in candidates {
            let d = editDistance(target, Array(candidate.lowercased()))
            if d <= 2, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        var row = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let current = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = current
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }
}
