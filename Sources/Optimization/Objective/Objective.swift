/// A function to minimize, with its exact gradient: a built-in (``builtins``), an expression
/// (``resolve(_:)``), or a programmatic function (``init(name:formula:dimension:minima:evaluate:)``).
///
/// Values are plain `Double`s; an objective may return non-finite values (log of a negative
/// number, overflow far from the minimum) and never traps on them — ``Run`` turns them into a
/// divergence mark. A point must have ``dimension`` coordinates.
public struct Objective: Sendable {
    /// The built-in name (`"d2l"`, `"rosenbrock"`), or the expression text as typed.
    public let name: String
    /// Human-readable formula, e.g. `"0.1*x1^2 + 2*x2^2"`.
    public let formula: String
    /// Number of coordinates: 1 or 2 for expressions, n for programmatic objectives.
    public let dimension: Int
    /// Known minima to mark on a figure: the global minima where the function has them,
    /// empty when there is none (saddles) or it is unknown.
    public let minima: [[Double]]

    private let evaluateBoth: @Sendable ([Double]) -> (Double, [Double])
    private let evaluateValue: @Sendable ([Double]) -> Double

    /// A programmatic objective (used for the n-D fitting experiment). `evaluate` returns the
    /// value and the gradient (with `dimension` entries) at a point.
    public init(name: String, formula: String, dimension: Int, minima: [[Double]],
                evaluate: @escaping @Sendable ([Double]) -> (Double, [Double])) {
        self.name = name
        self.formula = formula
        self.dimension = dimension
        self.minima = minima
        self.evaluateBoth = evaluate
        self.evaluateValue = { evaluate($0).0 }
    }

    /// An objective from an expression (see ``resolve(_:)`` for the syntax). The name defaults
    /// to the trimmed text, and so does the formula.
    ///
    /// Throws ``ObjectiveError`` on a syntax error, an unknown variable or function.
    public init(expression text: String, name: String? = nil, minima: [[Double]] = []) throws {
        let trimmed = text.trimmingWhitespace
        let expression = try ExpressionParser.parse(trimmed)
        self.init(expression: expression, name: name ?? trimmed, formula: trimmed, minima: minima)
    }

    init(expression: Expression, name: String, formula: String, minima: [[Double]]) {
        self.name = name
        self.formula = formula
        self.dimension = expression.dimension
        self.minima = minima
        self.evaluateBoth = { x in
            let result = expression.valueAndGradient(at: x)
            return (result.value, result.gradient)
        }
        self.evaluateValue = { expression.value(at: $0) }
    }

    /// f(x). Cheaper than ``valueAndGradient(_:)`` for expressions (no derivatives).
    public func value(_ x: [Double]) -> Double { evaluateValue(x) }

    /// ∇f(x), exact (automatic differentiation for expressions).
    public func gradient(_ x: [Double]) -> [Double] { evaluateBoth(x).1 }

    /// f(x) and ∇f(x) in one evaluation.
    public func valueAndGradient(_ x: [Double]) -> (value: Double, gradient: [Double]) {
        let (value, gradient) = evaluateBoth(x)
        return (value, gradient)
    }

    /// A built-in name, matched case-insensitively with `_` and `-` interchangeable
    /// (`"Rosenbrock"`, `"three_hump_camel"`), or else an expression in `x`, `y` (or `x1`, `x2`):
    /// numbers (`1e-3`, `.5`), `+ - * / ^ **`, unary minus, parentheses,
    /// `sin cos tan exp log sqrt abs tanh sinh cosh`, `pi`, `e`. An expression with only `x`
    /// is 1-D; one that mentions `y` is 2-D.
    ///
    /// Throws ``ObjectiveError`` with a one-line message: the parse error and its column, or,
    /// for a lone unknown word, the list of built-in names.
    public static func resolve(_ text: String) throws -> Objective {
        let trimmed = text.trimmingWhitespace
        if let builtin = builtin(named: trimmed) { return builtin }
        do {
            return try Objective(expression: trimmed)
        } catch let error as ObjectiveError {
            // A single word that is not a variable reads as a misspelt built-in name.
            if error.problem.hasPrefix("unknown variable"), trimmed.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) {
                throw ObjectiveError(problem: "unknown objective '\(trimmed)'", column: nil, source: trimmed,
                                     hint: "built-ins are " + builtins.map(\.name).joined(separator: ", ")
                                        + "; or write an expression in x and y")
            }
            throw error
        }
    }

    /// The built-in objective with this name (case-insensitive, `_` = `-`), or nil.
    public static func builtin(named name: String) -> Objective? {
        let key = BuiltinObjectives.normalized(name)
        return BuiltinObjectives.byName[key]
    }

    /// Every built-in objective, in catalog order: the seeds' functions first, then the
    /// classic test functions.
    public static var builtins: [Objective] { BuiltinObjectives.all }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let first = s.first, first.isWhitespace { s = s.dropFirst() }
        while let last = s.last, last.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}
