/// Why an objective could not be resolved: a parse error in an expression, an unknown
/// variable or function, or an unknown built-in name.
///
/// ``description`` is one line a person can act on, naming the column where there is one:
/// `expected ')' at column 17 (to close '(' at column 13): "0.1*x^2 + 2*(y^2"`.
public struct ObjectiveError: PositionedError, Sendable, Equatable {
    /// What is wrong, without the position: `expected ')'`, `unknown variable 'z'`.
    public let problem: String
    /// 1-based column in ``source`` (in characters), or nil when the error has no position.
    public let column: Int?
    /// The text that was being resolved.
    public let source: String
    /// Extra advice appended in parentheses after the column (valid names, a hint).
    public let hint: String?

    public init(problem: String, column: Int?, source: String, hint: String? = nil) {
        self.problem = problem
        self.column = column
        self.source = source
        self.hint = hint
    }
}
