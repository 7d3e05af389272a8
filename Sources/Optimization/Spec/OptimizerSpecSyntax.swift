/// The syntax of an optimizer spec, before names and types are checked:
///
///     spec      := NAME [ '(' [ argument { ',' argument } [','] ] ')' ]
///     argument  := NAME '=' value
///     value     := number | '(' number ',' number ')' | '[' number ',' number ']'
///                | WORD | 'quoted' | "quoted"
///     number    := [ '+' | '-' ] digits [ '.' digits ] [ ('e'|'E') [sign] digits ]
///
/// NAME may contain dots (`d2l.adagrad`). WORD is an identifier such as `True`, `None` or
/// `strong_wolfe`. Throws ``OptimizerSpecError`` with the column of the offending character.
struct OptimizerSpecSyntax: Sendable {
    enum RawValue: Sendable, Equatable {
        case number(Double)
        case pair(Double, Double)
        case word(String)
        case quoted(String)
    }

    struct Argument: Sendable {
        var name: String
        var nameColumn: Int
        var value: RawValue
        var valueColumn: Int
    }

    var name: String
    var nameColumn: Int
    var arguments: [Argument]

    // MARK: parsing

    private struct Cursor {
        let chars: [Character]
        let source: String
        var i = 0

        var column: Int { i + 1 }
        var current: Character? { i < chars.count ? chars[i] : nil }

        mutating func skipSpaces() { while let c = current, c.isWhitespace { i += 1 } }

        func error(_ problem: String, hint: String? = nil) -> OptimizerSpecError {
            OptimizerSpecError(problem: problem, column: column, source: source, hint: hint)
        }

        var found: String { current.map { "'\($0)'" } ?? "end of input" }

        mutating func expect(_ c: Character, _ what: String? = nil) throws {
            skipSpaces()
            guard current == c else { throw error("expected \(what ?? "'\(c)'"), found \(found)") }
            i += 1
        }

        mutating func identifier(dots: Bool) -> String? {
            skipSpaces()
            guard let first = current, first.isLetter || first == "_" else { return nil }
            let start = i
            while let c = current, c.isLetter || c.isNumber || c == "_" || (dots && c == ".") { i += 1 }
            return String(chars[start..<i])
        }

        mutating func number() throws -> Double {
            skipSpaces()
            let start = i
            if current == "+" || current == "-" { i += 1 }
            while let c = current, c.isASCII, c.isNumber || c == "." || c == "e" || c == "E"
                    || ((c == "+" || c == "-") && (chars[i - 1] == "e" || chars[i - 1] == "E")) {
                i += 1
            }
            let text = String(chars[start..<i])
            guard let value = Double(text), !text.isEmpty else {
                let shown = text.isEmpty ? found : "'\(text)'"
                i = start
                throw error("expected a number, found \(shown)")
            }
            return value
        }
    }

    static func parse(_ source: String) throws -> OptimizerSpecSyntax {
        var cursor = Cursor(chars: Array(source), source: source)
        cursor.skipSpaces()
        let nameColumn = cursor.column
        guard let name = cursor.identifier(dots: true) else {
            throw cursor.error(cursor.current == nil ? "empty optimizer spec" : "expected an optimizer name, found \(cursor.found)")
        }
        var arguments: [Argument] = []
        cursor.skipSpaces()
        if cursor.current == "(" {
            cursor.i += 1
            cursor.skipSpaces()
            while cursor.current != ")" {
                arguments.append(try argument(&cursor))
                cursor.skipSpaces()
                if cursor.current == "," { cursor.i += 1; cursor.skipSpaces(); continue }
                guard cursor.current == ")" else {
                    throw cursor.error("expected ',' or ')', found \(cursor.found)")
                }
            }
            cursor.i += 1
        }
        cursor.skipSpaces()
        if cursor.current != nil {
            throw cursor.error("unexpected \(cursor.found) after the optimizer spec")
        }
        return OptimizerSpecSyntax(name: name, nameColumn: nameColumn, arguments: arguments)
    }

    private static func argument(_ cursor: inout Cursor) throws -> Argument {
        cursor.skipSpaces()
        let nameColumn = cursor.column
        guard let name = cursor.identifier(dots: false) else {
            throw cursor.error("expected a hyperparameter name, found \(cursor.found)",
                               hint: "write name=value, e.g. lr=0.1")
        }
        try cursor.expect("=", "'=' after '\(name)'")
        cursor.skipSpaces()
        let valueColumn = cursor.column
        let value = try rawValue(&cursor)
        return Argument(name: name, nameColumn: nameColumn, value: value, valueColumn: valueColumn)
    }

    private static func rawValue(_ cursor: inout Cursor) throws -> RawValue {
        switch cursor.current {
        case "(", "[":
            let close: Character = cursor.current == "(" ? ")" : "]"
            cursor.i += 1
            let a = try cursor.number()
            try cursor.expect(",", "',' between the two numbers")
            let b = try cursor.number()
            try cursor.expect(close)
            return .pair(a, b)
        case "'", "\"":
            let quote = cursor.current!
            cursor.i += 1
            let start = cursor.i
            while let c = cursor.current, c != quote { cursor.i += 1 }
            guard cursor.current == quote else { throw cursor.error("unterminated string") }
            let text = String(cursor.chars[start..<cursor.i])
            cursor.i += 1
            return .quoted(text)
        case let c? where c.isLetter || c == "_":
            return .word(cursor.identifier(dots: false)!)
        default:
            return .number(try cursor.number())
        }
    }
}
