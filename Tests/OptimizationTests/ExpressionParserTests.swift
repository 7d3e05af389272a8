import Foundation
import Testing
@testable import Optimization

private func value(_ text: String, _ x: [Double] = [0, 0]) throws -> Double {
    try ExpressionParser.parse(text).value(at: x)
}

private func parseError(_ text: String) -> ObjectiveError? {
    do {
        _ = try ExpressionParser.parse(text)
        return nil
    } catch {
        return error as? ObjectiveError
    }
}

@Test func precedenceIsMathematical() throws {
    #expect(try value("-x^2", [3, 0]) == -9)            // -(x^2), not (-x)^2
    #expect(try value("2^3^2") == 512)                  // right-associative
    #expect(try value("2**3**2") == 512)
    #expect(try value("2^-1") == 0.5)
    #expect(try value("1 + 2*3 - 4/2") == 5)
    #expect(try value("(1 + 2)*3") == 9)
    #expect(try value("-2*-3") == 6)
    #expect(try value("--x", [4, 0]) == 4)
    #expect(try value("+x", [4, 0]) == 4)
    #expect(try value("8/4/2") == 1)                    // left-associative
    #expect(try value("10 - 4 - 3") == 3)
    #expect(try value("-x^2 + y", [2, 1]) == -3)
}

@Test func numbersConstantsAndVariables() throws {
    #expect(try value("1e-3") == 1e-3)
    #expect(try value(".5") == 0.5)
    #expect(try value("2.") == 2)
    #expect(try value("2.5E+2") == 250)
    #expect(try value("pi") == Double.pi)
    #expect(try value("E") == 2.718281828459045)
    #expect(try value("x1 + 10*x2", [1, 2]) == 21)
    #expect(try value("X + Y", [1, 2]) == 3)
    #expect(try ExpressionParser.parse("4*x^2").dimension == 1)
    #expect(try ExpressionParser.parse("x + y").dimension == 2)
    #expect(try ExpressionParser.parse("x2").dimension == 2)
    #expect(try ExpressionParser.parse("3").dimension == 1)
}

@Test func functions() throws {
    let x = [0.7, -1.3]
    #expect(try value("sin(x) + cos(y)", x) == sin(0.7) + cos(-1.3))
    #expect(try value("tan(x)*exp(y)", x) == tan(0.7) * exp(-1.3))
    #expect(try value("log(x) + ln(2)", x) == log(0.7) + log(2.0))
    #expect(try value("sqrt(abs(y))", x) == (1.3).squareRoot())
    #expect(try value("tanh(x) + sinh(y) + cosh(x)", x) == tanh(0.7) + sinh(-1.3) + cosh(0.7))
    #expect(try value("SIN(x)", x) == sin(0.7))
    #expect(try value("log(-1)").isNaN)                 // non-finite values are returned, not thrown
}

@Test func errorsNameColumnAndProblem() {
    let e = parseError("0.1*x^2 + 2*(y^2")
    #expect(e?.problem == "expected ')'")
    #expect(e?.column == 17)
    #expect(e?.description == "expected ')' at column 17 (to close '(' at column 13; found end of input): \"0.1*x^2 + 2*(y^2\"")

    #expect(parseError("x + z")?.problem == "unknown variable 'z'")
    #expect(parseError("x + z")?.column == 5)
    #expect(parseError("sine(x)")?.problem == "unknown function 'sine'")
    #expect(parseError("sine(x)")?.hint?.contains("sin, cos, tan") == true)
    #expect(parseError("sin x")?.problem == "expected '(' after function 'sin', found 'x'")
    #expect(parseError("sin x")?.column == 5)
    #expect(parseError("2x")?.problem == "expected an operator, found 'x'")
    #expect(parseError("2x")?.column == 2)
    #expect(parseError("2x")?.hint == "write 2*x for a product")
    #expect(parseError("x +")?.problem == "unexpected end of input")
    #expect(parseError("x +")?.column == 4)
    #expect(parseError("x * * y")?.column == 5)
    #expect(parseError("x)")?.problem == "unmatched ')'")
    #expect(parseError("x # y")?.problem == "unexpected character '#'")
    #expect(parseError("x # y")?.column == 3)
    #expect(parseError("1e + x")?.problem == "malformed number '1e'")
    #expect(parseError("1.2.3")?.problem == "malformed number '1.2.3'")
    #expect(parseError("   ")?.problem == "empty expression")
    #expect(parseError("()")?.column == 2)
}

/// `x^2` is the product x·x, as NumPy's and PyTorch's `x**2` are: these
/// arguments are ones where glibc's `pow(x, 2)` is one ulp off (found by
/// comparing the two over random doubles), in value and in the gradient's value.
@Test func squareIsTheProductNotPow() throws {
    let xs = [0x1.df9dd23f27b89p-26, 0x1.2c30ba47b8432p+272, 0x1.04dcc3809fb9ap+37, -0x1.b8603b3fa41a1p-22]
    let square = try ExpressionParser.parse("x^2"), starStar = try ExpressionParser.parse("x**2 + 0*y")
    for x in xs {
        #expect(try value("x^2", [x, 0]).bitPattern == (x * x).bitPattern)
        #expect(try starStar.value(at: [x, 1]).bitPattern == (x * x).bitPattern)
        #expect(square.dual(at: [x, 0]).value.bitPattern == (x * x).bitPattern)
    }
    // Other exponents still go through pow.
    #expect(try value("x^3", [1.5, 0]) == pow(1.5, 3))
}
