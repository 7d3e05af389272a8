import Foundation

/// Parses objective expressions such as `0.1*x^2 + 2*y^2` or `x^2 + y^2 + y^3 + x*y`.
///
/// Grammar (precedence as in mathematics; `^` binds tighter than unary minus, so `-x^2` is
/// `-(x^2)`, and is right-associative, so `2^3^2` is `2^(3^2)`):
///
///     expression := term (('+' | '-') term)*
///     term       := unary (('*' | '/') unary)*
///     unary      := ('-' | '+') unary | power
///     power      := primary (('^' | '**') unary)?
///     primary    := number | constant | variable | function '(' expression ')' | '(' expression ')'
///
/// Variables: `x` or `x1` (coordinate 0), `y` or `x2` (coordinate 1). Constants: `pi`, `e`.
/// Functions: `sin cos tan exp log sqrt abs tanh sinh cosh` (`ln` = `log`). Names are
/// case-insensitive.
///
/// Every failure throws an ``ObjectiveError`` naming the column and the problem, e.g.
/// `expected ')' at column 17 (to close '(' at column 13)`, `unknown variable 'z' at column 9`,
/// `unknown function 'sine' at column 1`, `expected an operator at column 2, found 'x'
/// (write 2*x for a product)`.
struct ExpressionParser {
    static let variables: [String: Int] = ["x": 0, "x1": 0, "y": 1, "x2": 1]
    static let constants: [String: Double] = ["pi": Double.pi, "e": M_E]
    static let functionAliases: [String: ElementaryFunction] = ["ln": .log]
    /// Limits that keep parsing, evaluation and differentiation (all recursive)
    /// far from the stack's end: nesting (parentheses, signs, exponents) and length.
    static let maximumDepth = 100
    static let maximumTokens = 2_000

    let source: String
    private var tokens: [ExpressionToken] = []
    private var position = 0
    private var depth = 0

    init(_ source: String) { self.source = source }

    /// Parses the whole text; trailing tokens are an error.
    static func parse(_ source: String) throws -> Expression {
        var parser = ExpressionParser(source)
        return try parser.parseAll()
    }

    private mutating func parseAll() throws -> Expression {
        tokens = try ExpressionLexer(source: source).tokens()
        if tokens.count > Self.maximumTokens {
            throw ObjectiveError(problem: "expression too long (more than \(Self.maximumTokens) tokens)", column: nil, source: source,
                                 hint: "split it or use a built-in objective")
        }
        if tokens.count == 1 {
            throw ObjectiveError(problem: "empty expression", column: nil, source: source)
        }
        let result = try expression()
        let next = tokens[position]
        if next.kind != .end {
            if next.kind == .rightParen {
                throw error("unmatched ')'", at: next)
            }
            throw error("expected an operator", at: next, found: true, hint: implicitProductHint(next))
        }
        return result
    }

    // MARK: grammar

    private mutating func expression() throws -> Expression {
        var left = try term()
        while true {
            switch tokens[position].kind {
            case .plus: position += 1; left = .add(left, try term())
            case .minus: position += 1; left = .subtract(left, try term())
            default: return left
            }
        }
    }

    private mutating func term() throws -> Expression {
        var left = try unary()
        while true {
            switch tokens[position].kind {
            case .star: position += 1; left = .multiply(left, try unary())
            case .slash: position += 1; left = .divide(left, try unary())
            default: return left
            }
        }
    }

    /// Every level of nesting passes through here, so the depth is counted here.
    private mutating func unary() throws -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maximumDepth else {
            throw error("nested more than \(Self.maximumDepth) levels deep", at: tokens[position], hint: "simplify the expression")
        }
        switch tokens[position].kind {
        case .minus:
            position += 1
            return .negate(try unary())
        case .plus:
            position += 1
            return try unary()
        default:
            return try power()
        }
    }

    private mutating func power() throws -> Expression {
        let base = try primary()
        guard tokens[position].kind == .caret else { return base }
        position += 1
        // The exponent is a `unary`, which recurses into `power`: right-associative, and
        // `2^-x` is allowed.
        return .power(base, try unary())
    }

    private mutating func primary() throws -> Expression {
        let token = tokens[position]
        switch token.kind {
        case .number(let value):
            position += 1
            return .number(value)
        case .leftParen:
            position += 1
            let inner = try expression()
            try expectClosing(openedAt: token)
            return inner
        case .identifier(let name):
            position += 1
            return try identifier(name.lowercased(), token: token)
        case .end:
            throw error("unexpected end of input", at: token, hint: "expected a number, variable, function or '('")
        default:
            throw error("expected a number, variable, function or '('", at: token, found: true)
        }
    }

    private mutating func identifier(_ name: String, token: ExpressionToken) throws -> Expression {
        if let function = ElementaryFunction(rawValue: name) ?? Self.functionAliases[name] {
            let open = tokens[position]
            guard open.kind == .leftParen else {
                throw error("expected '(' after function '\(token.text)'", at: open, found: open.kind != .end)
            }
            position += 1
            let argument = try expression()
            try expectClosing(openedAt: open)
            return .function(function, argument)
        }
        if tokens[position].kind == .leftParen && Self.variables[name] == nil && Self.constants[name] == nil {
            throw ObjectiveError(problem: "unknown function '\(token.text)'", column: token.column, source: source,
                                 hint: "functions are " + Self.functionList)
        }
        if let index = Self.variables[name] { return .variable(index) }
        if let value = Self.constants[name] { return .number(value) }
        throw ObjectiveError(problem: "unknown variable '\(token.text)'", column: token.column, source: source,
                             hint: "variables are x, y (or x1, x2); constants pi, e")
    }

    private mutating func expectClosing(openedAt open: ExpressionToken) throws {
        let token = tokens[position]
        guard token.kind == .rightParen else {
            let found = token.kind == .end ? "end of input" : "'\(token.text)'"
            throw ObjectiveError(problem: "expected ')'", column: token.column, source: source,
                                 hint: "to close '(' at column \(open.column); found \(found)")
        }
        position += 1
    }

    // MARK: errors

    static var functionList: String {
        ElementaryFunction.allCases.map(\.rawValue).joined(separator: ", ")
    }

    private func error(_ problem: String, at token: ExpressionToken, found: Bool = false,
                       hint: String? = nil) -> ObjectiveError {
        var problem = problem
        if found { problem += ", found '\(token.text)'" }
        // Put "found …" before the column: "expected an operator, found 'x' at column 2".
        return ObjectiveError(problem: problem, column: token.column, source: source, hint: hint)
    }

    /// "write 2*x for a product" when a number or ')' is directly followed by an operand.
    private func implicitProductHint(_ token: ExpressionToken) -> String? {
        guard position > 0 else { return nil }
        let previous = tokens[position - 1]
        switch token.kind {
        case .identifier, .number, .leftParen:
            return "write \(previous.text)*\(token.text) for a product"
        default:
            return nil
        }
    }
}
