/// A spec that cannot be drawn: the message names the spec, the field and the fix,
/// on one line (e.g. `d2l_sgd: runs[0].start: expected 2 coordinates, got 3`).
public struct SpecError: Error, CustomStringConvertible, Sendable, Equatable {
    public let message: String

    public init(_ message: String) { self.message = message }

    /// `spec: field: problem`.
    public init(spec: String, field: String, _ problem: String) {
        message = field.isEmpty ? "\(spec): \(problem)" : "\(spec): \(field): \(problem)"
    }

    public var description: String { message }
}
