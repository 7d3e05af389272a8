/// An error about a piece of text a person typed — an expression, an optimizer
/// spec — that can point at a column in it. Its description is one line:
/// `problem at column N (hint): "source"`.
public protocol PositionedError: Error, CustomStringConvertible {
    /// What is wrong, without the position.
    var problem: String { get }
    /// 1-based column in `source` (in characters), or nil when there is no position.
    var column: Int? { get }
    /// The text that was being read.
    var source: String { get }
    /// Advice appended in parentheses after the column (valid names, a bound).
    var hint: String? { get }
}

extension PositionedError {
    public var description: String {
        var text = problem
        if let column { text += " at column \(column)" }
        if let hint { text += " (\(hint))" }
        // One line, of bounded length, whatever the source holds.
        var shown = source.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : String($0) }.joined()
        if shown.count > 120 { shown = String(shown.prefix(100)) + "…" }
        return text + ": \"\(shown)\""
    }
}
