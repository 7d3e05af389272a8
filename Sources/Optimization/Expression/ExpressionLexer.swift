/// One token of an objective expression, with the 1-based column where it starts.
struct ExpressionToken: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case number(Double)
        case identifier(String)
        case plus, minus, star, slash, caret          // `**` is lexed as `caret`
        case leftParen, rightParen
        case end
    }

    var kind: Kind
    /// 1-based column of the first character (in Characters, so "é" counts once).
    var column: Int
    /// The source text of the token, for error messages ("" for the end).
    var text: String
}

/// Splits an expression into tokens.
///
/// Numbers: `12`, `1.5`, `.5`, `2.`, `1e-3`, `2.5E+4`. Identifiers: a letter or `_`, then
/// letters, digits and `_` (so `x1` is one identifier and `2x` is a number then an identifier).
/// Whitespace separates tokens and is otherwise ignored.
///
/// Throws ``ObjectiveError`` for a character that cannot start a token and for a malformed
/// number such as `1e` or `1.2.3`.
struct ExpressionLexer {
    let source: String

    func tokens() throws -> [ExpressionToken] {
        let chars = Array(source)
        var tokens: [ExpressionToken] = []
        var i = 0
        while i < chars.count {
            let c = chars[i]
            let column = i + 1
            if c.isWhitespace { i += 1; continue }
            if c.isASCII && (c.isNumber || c == ".") {
                let (token, next) = try number(chars, from: i)
                tokens.append(token)
                i = next
                continue
            }
            if c.isLetter || c == "_" {
                var j = i + 1
                while j < chars.count && (chars[j].isLetter || chars[j].isNumber || chars[j] == "_") { j += 1 }
                let text = String(chars[i..<j])
                tokens.append(ExpressionToken(kind: .identifier(text), column: column, text: text))
                i = j
                continue
            }
            let kind: ExpressionToken.Kind
            var length = 1
            switch c {
            case "+": kind = .plus
            case "-", "−": kind = .minus
            case "*":
                if i + 1 < chars.count && chars[i + 1] == "*" { kind = .caret; length = 2 } else { kind = .star }
            case "/": kind = .slash
            case "^": kind = .caret
            case "(": kind = .leftParen
            case ")": kind = .rightParen
            default:
                throw ObjectiveError(problem: "unexpected character '\(c)'", column: column, source: source)
            }
            tokens.append(ExpressionToken(kind: kind, column: column, text: String(chars[i..<(i + length)])))
            i += length
        }
        tokens.append(ExpressionToken(kind: .end, column: chars.count + 1, text: ""))
        return tokens
    }

    /// digits [ '.' digits ] [ ('e'|'E') [sign] digits ], or '.' digits …
    private func number(_ chars: [Character], from start: Int) throws -> (ExpressionToken, Int) {
        var j = start
        func digits() -> Int {
            let s = j
            while j < chars.count && chars[j].isASCII && chars[j].isNumber { j += 1 }
            return j - s
        }
        var count = digits()
        if j < chars.count && chars[j] == "." {
            j += 1
            count += digits()
        }
        var malformed = count == 0
        if j < chars.count && (chars[j] == "e" || chars[j] == "E") {
            // An exponent only if digits follow (possibly after a sign); otherwise `2e` is an
            // error rather than "2 times e", which would be a silent surprise.
            j += 1
            if j < chars.count && (chars[j] == "+" || chars[j] == "-") { j += 1 }
            if digits() == 0 { malformed = true }
        }
        if j < chars.count && chars[j] == "." { malformed = true; j += 1; _ = digits() }
        let text = String(chars[start..<j])
        guard !malformed, let value = Double(text) else {
            throw ObjectiveError(problem: "malformed number '\(text)'", column: start + 1, source: source)
        }
        return (ExpressionToken(kind: .number(value), column: start + 1, text: text), j)
    }
}
