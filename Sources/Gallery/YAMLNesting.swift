/// A guard run before the YAML parser: the bundled libyaml recurses once per
/// nesting level and overflows the stack near 10,000 levels (`[[[[…`, or
/// `- - - …` on one line), killing the process. Figure specs nest a handful of
/// levels, so input nested more than `maximumDepth` levels is rejected with
/// its position instead.
enum YAMLNesting {
    static let maximumDepth = 200
    /// Deeper block indentation than this (in columns) is rejected too.
    static let maximumIndent = 1_000

    /// Nil, or the 1-based line and column where the nesting first goes too deep.
    /// Counts flow brackets outside quoted scalars and comments, plus the `- `
    /// and `? ` indicators that start a line; approximate on purpose (a bracket
    /// inside a plain scalar counts too), which matters only far past any real spec.
    static func tooDeep(_ text: String) -> (line: Int, column: Int)? {
        var line = 1, column = 0, flow = 0, leading = 0
        var atLineStart = true, inComment = false
        var quote: Unicode.Scalar? = nil
        var previous: Unicode.Scalar = "\n", escaped = false
        for c in text.unicodeScalars {
            column += 1
            defer { previous = c }
            if c == "\n" {
                line += 1; column = 0; leading = 0; atLineStart = true; inComment = false
                continue
            }
            if inComment { continue }
            if let q = quote {
                if q == "\"" && c == "\\" && !escaped { escaped = true; continue }
                if c == q && !escaped { quote = nil }
                escaped = false
                continue
            }
            if atLineStart {
                if c == " " {
                    if column > maximumIndent { return (line, column) }
                    continue
                }
                if c == "-" || c == "?" {
                    leading += 1
                    if flow + leading > maximumDepth { return (line, column) }
                    continue
                }
                if !(previous == "-" || previous == "?") || c != " " { atLineStart = c == " " }
                if c == " " { continue }
            }
            switch c {
            case "#" where previous == " " || previous == "\t" || previous == "\n": inComment = true
            case "\"", "'": quote = c
            case "[", "{": flow += 1
            case "]", "}": flow = max(0, flow - 1)
            default: break
            }
            if flow + leading > maximumDepth { return (line, column) }
        }
        return leading > maximumDepth ? (line, column) : nil
    }
}
