import Testing
@testable import Raster

@Suite struct TextMathTests {
    private func chars(_ s: String, _ style: FaceStyle = .regular) -> [TextAtom] {
        s.unicodeScalars.map { .char($0, style) }
    }

    @Test func plainTextIsUpright() {
        #expect(MathText.parse("x1 - 2") == chars("x1 - 2"))
    }

    @Test func oddDollarsStayPlain() {
        #expect(MathText.parse("costs $5") == chars("costs $5"))
        #expect(MathText.parse("a \\$ b") == chars("a \\$ b"))
    }

    @Test func escapedDollarInTextWithMath() {
        #expect(MathText.parse("\\$ $x$") == chars("$ ") + [.char("x", .italic)])
    }

    @Test func subscriptOfALetter() {
        #expect(MathText.parse("$x_1$") == [.scripts(nucleus: [.char("x", .italic)], sub: chars("1"), sup: nil)])
    }

    @Test func greekLettersAreSlantedLikeMatplotlib() {
        #expect(MathText.parse("$\\beta_1$")
            == [.scripts(nucleus: [.char("\u{3B2}", .italic)], sub: chars("1"), sup: nil)])
        #expect(MathText.parse("$\\Gamma\\nabla\\partial$") == chars("\u{393}\u{2207}\u{2202}"))
    }

    @Test func groupedScriptsAndBoth() {
        let atoms = MathText.parse("$x_{12}^2$")
        #expect(atoms == [.scripts(nucleus: [.char("x", .italic)], sub: chars("12"), sup: chars("2"))])
        #expect(MathText.parse("$\\theta_{t}$")
            == [.scripts(nucleus: [.char("\u{3B8}", .italic)], sub: [.char("t", .italic)], sup: nil)])
    }

    @Test func minusIsATrueMinusSpacedOnlyAsABinaryOperator() {
        #expect(MathText.parse("$-2$") == chars("\u{2212}2"))
        #expect(MathText.parse("$a-b$")
            == [.char("a", .italic), .group([.space(0.2), .char("\u{2212}", .regular), .space(0.2)]),
                .char("b", .italic)])
        #expect(MathText.parse("$=-1$")
            == [.group([.space(0.2), .char("=", .regular), .space(0.2)])] + chars("\u{2212}1"))
    }

    @Test func decimalPointIsNotSpaced() {
        #expect(MathText.parse("$0.1$") == chars("0.1"))
        #expect(MathText.parse("$a, b$") == [.char("a", .italic), .char(",", .regular), .space(0.2),
                                             .char("b", .italic)])
    }

    @Test func spacesAndFontCommands() {
        #expect(MathText.parse("$a\\,b$") == [.char("a", .italic), .space(0.16667), .char("b", .italic)])
        #expect(MathText.parse("$\\mathrm{lr}$") == [.group(chars("lr"))])
        #expect(MathText.parse("$\\text{a b}$") == [.group(chars("a b"))])
        #expect(MathText.parse("$\\mathbb{R}$") == [.group(chars("\u{211D}"))])
    }

    @Test func rootsAndFractions() {
        #expect(MathText.parse("$\\sqrt{t}$") == [.sqrt([.char("t", .italic)])])
        #expect(MathText.parse("$\\frac{a}{2}$") == [.fraction([.char("a", .italic)], chars("2"), display: false)])
    }

    @Test func malformedMathNeverFails() {
        #expect(MathText.parse("$\\foo$") == [.group(chars("\\foo"))])
        #expect(MathText.parse("${x$") == [.group([.char("x", .italic)])])
        #expect(MathText.parse("$x_$") == [.scripts(nucleus: [.char("x", .italic)], sub: [], sup: nil)])
        #expect(MathText.parse("$_1$") == [.scripts(nucleus: [], sub: chars("1"), sup: nil)])
    }

    @Test func primeIsASuperscript() {
        #expect(MathText.parse("$f'$") == [.scripts(nucleus: [.char("f", .italic)], sub: nil, sup: chars("\u{2032}"))])
    }
}
