import Foundation
import Testing
@testable import Optimization

/// The expression parser fuzzed (issue 10): thousands of random and mutated
/// inputs, from a fixed seed, each parsed or rejected with a one-line error —
/// no crash, no hang, no stack overflow on deep nesting. Bounded by counts,
/// never by time. Inputs that once failed are kept in `regressions`.
struct ExpressionFuzzTests {
    /// SplitMix64: the same sequence on every run and machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e3779b97f4a7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
            z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let corpus = [
        "0.1*x^2 + 2*y^2", "x^2 + y^2 + y^3 + x*y", "(1 - x)^2 + 100*(y - x^2)^2", "x^2/20 + y^2", "4*x^2",
        "20 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)", "-x^2", "2^-x", "2**3**2", "sqrt(abs(x)) + ln(e)",
        "(1.5 - x + x*y)^2 + (2.25 - x + x*y^2)^2", "sin(x)*cos(y)", ".5e-3*x", "exp(-(x^2+y^2))",
    ]

    /// Inputs that once crashed or overflowed the stack, kept as regression cases.
    static let regressions = [
        String(repeating: "(", count: 100_000) + "x" + String(repeating: ")", count: 100_000),
        String(repeating: "-", count: 100_000) + "x",
        String(repeating: "x^", count: 50_000) + "x",
        String(repeating: "sin(", count: 20_000) + "x" + String(repeating: ")", count: 20_000),
        String(repeating: "x+", count: 100_000) + "x",
        String(repeating: "(", count: 100_000),
        "x +\n (",
        String(repeating: "1", count: 10_000) + "e99999*x",
    ]

    static let pieces = ["x", "y", "x1", "x2", "z", "1", "0", "2.5", "1e308", "1e-400", ".", "e", "pi", "+", "-", "*", "/",
                         "^", "**", "(", ")", " ", "sin", "log(", "sqrt(", "abs", ",", "\n", "\t", "é", "∞", "nan", "inf", "$", "\u{0}"]

    /// Parses or fails with one line; a parsed objective evaluates without crashing.
    static func exercise(_ text: String) {
        do {
            let f = try Objective.resolve(text)
            let point = [Double](repeating: 0.5, count: f.dimension)
            _ = f.valueAndGradient(point)
        } catch {
            let message = "\(error)"
            #expect(!message.contains("\n") && !message.isEmpty, "\(text.prefix(80)): \(message)")
        }
    }

    @Test func regressionsParseOrFailWithOneLine() {
        for text in Self.regressions { Self.exercise(text) }
        #expect(throws: ObjectiveError.self) { try Objective.resolve(Self.regressions[0]) }
        // Nesting beyond the limit, within the length limit: one line with the column.
        let deep = String(repeating: "(", count: 150) + "x" + String(repeating: ")", count: 150)
        #expect(throws: ObjectiveError.self) { try Objective.resolve(deep) }
        do { _ = try Objective.resolve(deep) } catch {
            #expect("\(error)".hasPrefix("nested more than 100 levels deep at column 101"), "\(error)")
        }
        let negations = String(repeating: "-", count: 150) + "x"
        #expect((try? Objective.resolve(negations)) == nil)
        // Nesting within the limit still parses.
        #expect((try? Objective.resolve(String(repeating: "(", count: 90) + "x" + String(repeating: ")", count: 90))) != nil)
    }

    @Test func randomTokenStrings() {
        var random = Random(state: 0x0ddba11)
        for _ in 0..<3000 {
            let count = 1 + random.below(30)
            Self.exercise((0..<count).map { _ in random.pick(Self.pieces) }.joined())
        }
    }

    @Test func mutatedCorpus() {
        var random = Random(state: 42)
        for _ in 0..<3000 {
            var chars = Array(random.pick(Self.corpus))
            for _ in 0..<(1 + random.below(4)) {
                let at = random.below(chars.count + 1)
                switch random.below(4) {
                case 0 where at < chars.count: chars.remove(at: at)
                case 1: chars.insert(contentsOf: random.pick(Self.pieces), at: at)
                case 2 where at < chars.count: chars[at] = random.pick(Array("()+-*/^xy0.e "))
                default: chars.insert(contentsOf: String(repeating: random.pick(["(", "-", "x^"]), count: random.below(300)), at: at)
                }
            }
            Self.exercise(String(chars))
        }
    }
}
