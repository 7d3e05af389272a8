/// Why an optimizer spec string was rejected: a syntax error, an unknown optimizer or
/// hyperparameter (the message lists the valid ones), a value of the wrong type, or a value
/// outside its bound (the message names the bound).
///
/// ``description`` is one line: `lr must be >= 0, got -0.1 at column 8: "SGD(lr=-0.1)"`.
public struct OptimizerSpecError: PositionedError, Sendable, Equatable {
    /// What is wrong, without the position.
    public let problem: String
    /// 1-based column in ``source``, or nil when the error concerns the whole spec.
    public let column: Int?
    /// The spec text.
    public let source: String
    /// Valid names or values, appended in parentheses.
    public let hint: String?

    public init(problem: String, column: Int?, source: String, hint: String? = nil) {
        self.problem = problem
        self.column = column
        self.source = source
        self.hint = hint
    }
}
