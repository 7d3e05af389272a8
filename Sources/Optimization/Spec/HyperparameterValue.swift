/// A hyperparameter value as a spec writes it: `0.1`, `(0.9, 0.999)`, `True`, `None`,
/// `'strong_wolfe'`.
enum HyperparameterValue: Hashable, Sendable, CustomStringConvertible {
    case number(Double)
    case integer(Int)
    case pair(Double, Double)
    case bool(Bool)
    case text(String)
    case none

    /// PyTorch-constructor style, shortest round-trip numbers: `0.1`, `1e-07`, `(0.9, 0.99)`,
    /// `True`, `None`, `'strong_wolfe'`.
    var description: String {
        switch self {
        case .number(let v): return "\(v)"
        case .integer(let n): return "\(n)"
        case .pair(let a, let b): return "(\(a), \(b))"
        case .bool(let b): return b ? "True" : "False"
        case .text(let s): return "'\(s)'"
        case .none: return "None"
        }
    }
}

/// The type a hyperparameter accepts.
enum HyperparameterKind: Sendable {
    case real
    case integer
    /// An integer, or None (LBFGS's max_eval).
    case optionalInteger
    case pair
    case bool
    /// One of these words, or None (LBFGS's line_search_fn).
    case choice([String])

    var expectation: String {
        switch self {
        case .real: return "a number"
        case .integer: return "an integer"
        case .optionalInteger: return "an integer or None"
        case .pair: return "a pair such as (0.9, 0.999)"
        case .bool: return "True or False"
        case .choice(let words): return "None or " + words.map { "'\($0)'" }.joined(separator: ", ")
        }
    }
}

/// A bound a value must satisfy; ``violation(_:name:)`` names it when it does not hold.
enum HyperparameterBound: Sendable {
    /// v ≥ 0 (learning rates, eps, weight decay, momentum).
    case nonNegative
    /// v > 0.
    case positive
    /// 0 ≤ v ≤ 1 (EMA rates without bias correction).
    case closedUnit
    /// 0 ≤ v < 1 (rates that are bias-corrected: 1 − βᵗ must not vanish).
    case halfOpenUnit
    /// Both entries in [0, 1) (Adam's betas).
    case betas
    /// 0 < η₋ < 1 < η₊ (Rprop's etas).
    case etas
    /// 0 < min ≤ max (Rprop's step_sizes).
    case stepSizes
    /// An integer ≥ 1.
    case atLeastOne
    /// Any finite number.
    case finite

    func violation(_ value: HyperparameterValue, name: String) -> String? {
        switch (self, value) {
        case (.nonNegative, .number(let v)): return v >= 0 && v.isFinite ? nil : "\(name) must be >= 0, got \(v)"
        case (.positive, .number(let v)): return v > 0 && v.isFinite ? nil : "\(name) must be > 0, got \(v)"
        case (.closedUnit, .number(let v)):
            return (0...1).contains(v) ? nil : "\(name) must be in [0, 1], got \(v)"
        case (.halfOpenUnit, .number(let v)):
            return v >= 0 && v < 1 ? nil : "\(name) must be in [0, 1), got \(v)"
        case (.betas, .pair(let a, let b)):
            if !(a >= 0 && a < 1) { return "\(name)[0] must be in [0, 1), got \(a)" }
            if !(b >= 0 && b < 1) { return "\(name)[1] must be in [0, 1), got \(b)" }
            return nil
        case (.etas, .pair(let minus, let plus)):
            if !(minus > 0 && minus < 1) { return "\(name)[0] (etaminus) must be in (0, 1), got \(minus)" }
            if !(plus > 1 && plus.isFinite) { return "\(name)[1] (etaplus) must be > 1, got \(plus)" }
            return nil
        case (.stepSizes, .pair(let low, let high)):
            if !(low > 0 && low.isFinite) { return "\(name)[0] (minimum step) must be > 0, got \(low)" }
            if !(high >= low && high.isFinite) { return "\(name)[1] (maximum step) must be >= \(name)[0], got \(high)" }
            return nil
        case (.atLeastOne, .integer(let n)): return n >= 1 ? nil : "\(name) must be >= 1, got \(n)"
        case (.finite, .number(let v)): return v.isFinite ? nil : "\(name) must be finite, got \(v)"
        default: return nil
        }
    }
}

/// One hyperparameter of an optimizer: its PyTorch (or seed) name, type, default and bound.
struct HyperparameterDefinition: Sendable {
    let name: String
    let aliases: [String]
    let kind: HyperparameterKind
    let defaultValue: HyperparameterValue
    let bound: HyperparameterBound?

    init(_ name: String, _ kind: HyperparameterKind, _ defaultValue: HyperparameterValue,
         _ bound: HyperparameterBound? = nil, aliases: [String] = []) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.bound = bound
        self.aliases = aliases
    }

    static func real(_ name: String, _ value: Double, _ bound: HyperparameterBound = .nonNegative,
                     aliases: [String] = []) -> HyperparameterDefinition {
        HyperparameterDefinition(name, .real, .number(value), bound, aliases: aliases)
    }

    static func flag(_ name: String, _ value: Bool = false) -> HyperparameterDefinition {
        HyperparameterDefinition(name, .bool, .bool(value))
    }
}

/// The full set of values of a spec, defaults filled in, with typed accessors. Accessing a
/// name the optimizer does not define, or with the wrong type, is a programming error.
struct ResolvedHyperparameters: Hashable, Sendable {
    var values: [String: HyperparameterValue]

    func real(_ name: String) -> Double {
        switch values[name] {
        case .number(let v): return v
        case .integer(let n): return Double(n)
        default: preconditionFailure("hyperparameter \(name) is not a number")
        }
    }

    func integer(_ name: String) -> Int? {
        if case .integer(let n) = values[name] { return n }
        return nil
    }

    func pair(_ name: String) -> (Double, Double) {
        guard case .pair(let a, let b) = values[name] else { preconditionFailure("hyperparameter \(name) is not a pair") }
        return (a, b)
    }

    func bool(_ name: String) -> Bool {
        guard case .bool(let b) = values[name] else { preconditionFailure("hyperparameter \(name) is not a bool") }
        return b
    }

    func text(_ name: String) -> String? {
        if case .text(let s) = values[name] { return s }
        return nil
    }
}
