/// A spec that cannot be drawn: one line naming where, the field, the problem
/// and the fix — `course.yaml:12:5: runs[1].colour: unknown key; did you mean "color"?`
/// when the position is known, else `d2l_sgd: runs[0].start: expected 2 coordinates, got 3`.
public struct SpecError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String
    /// Where in which file, when known.
    public let position: SourcePosition?

    public init(_ message: String) {
        self.message = message
        position = nil
    }

    /// `spec: field: problem`.
    public init(spec: String, field: String, _ problem: String) {
        message = field.isEmpty ? "\(spec): \(problem)" : "\(spec): \(field): \(problem)"
        position = nil
    }

    /// `file:line:column: field: problem`, or `spec: field: problem` without a position.
    public init(position: SourcePosition?, spec: String? = nil, field: String, _ problem: String) {
        let head = position?.description ?? spec
        let body = field.isEmpty ? problem : "\(field): \(problem)"
        message = head.map { "\($0): \(body)" } ?? body
        self.position = position
    }

    public var description: String { message }
}
