import Testing
@testable import Raster

@Suite struct TextMeasureTests {
    let font: Font
    init() throws { font = try Font.defaultFont() }

    @Test func widthGrowsWithLength() {
        let widths = ["a", "ab", "abc", "abcd"].map { font.measure($0, sizePx: 20).width }
        #expect(widths[0] > 5)
        for k in 1..<widths.count { #expect(widths[k] > widths[k - 1] + 5) }
    }

    @Test func kerningTightensAV() {
        let av = font.measure("AV", sizePx: 20).width
        let sum = font.measure("A", sizePx: 20).width + font.measure("V", sizePx: 20).width
        #expect(av < sum - 0.5, "AV \(av) vs A + V \(sum)")
    }

    @Test func widthScalesWithSize() {
        let text = "Gradient descent x1"
        let w10 = font.measure(text, sizePx: 10).width, w20 = font.measure(text, sizePx: 20).width
        let w40 = font.measure(text, sizePx: 40).width
        #expect(abs(w20 - 2 * w10) < 2, "10 px: \(w10), 20 px: \(w20)")
        #expect(abs(w40 - 2 * w20) < 2, "20 px: \(w20), 40 px: \(w40)")
    }

    @Test func lineMetricsAreTheFontsTypographicOnes() {
        // DejaVu Sans OS/2: sTypoAscender 1556, sTypoDescender −492 of 2048 units.
        let e = font.measure("x", sizePx: 100)
        #expect(abs(e.ascent - 75.98) < 0.01, "ascent \(e.ascent)")
        #expect(abs(e.descent - 24.02) < 0.01, "descent \(e.descent)")
        // The floor: an empty string shares the line metrics, taller ink raises them.
        #expect(font.measure("", sizePx: 100) == TextExtents(width: 0, ascent: e.ascent, descent: e.descent))
        #expect(font.measure("$x^2$", sizePx: 100).ascent > e.ascent)
        #expect(font.measure("$x_{g_1}$", sizePx: 100).descent > e.descent)
    }

    @Test func widthIsTheInkWidth() {
        // "l" is a bare stem: its ink is far narrower than its advance.
        let l = font.measure("l", sizePx: 100).width
        #expect(l > 8 && l < 14, "stem width \(l)")
        #expect(font.measure(" ", sizePx: 100).width == 0)
        #expect(abs(font.measure(" l ", sizePx: 100).width - l) < 0.01)
    }

    @Test func multilineTextStacksLines() {
        let one = font.measure("Adam", sizePx: 20), two = font.measure("Adam\nlr 0.1", sizePx: 20)
        #expect(two.width == max(one.width, font.measure("lr 0.1", sizePx: 20).width))
        // matplotlib: baselines 0.76 + 0.24 + 0.2 (line gap 410/2048) em apart.
        #expect(abs((two.ascent - one.ascent) - 20 * (1556 + 492 + 410) / 2048 - 20 * 205 / 2048) < 0.01)
        #expect(abs(two.descent - one.descent - 20 * 205 / 2048) < 0.01)
    }

    @Test func controlCharactersAreNotDrawn() {
        #expect(font.measure("a\tb", sizePx: 20).width == font.measure("a b", sizePx: 20).width)
        #expect(font.measure("ab\u{7}", sizePx: 20).width == font.measure("ab", sizePx: 20).width)
    }

    @Test func invalidSizesMeasureZero() {
        for s in [0, -3, Double.nan, .infinity] {
            #expect(font.measure("abc", sizePx: s) == TextExtents(width: 0, ascent: 0, descent: 0))
        }
    }

    @Test func mathSubscriptIsWiderAndBelowTheBaseline() throws {
        #expect(font.measure("$x_1$", sizePx: 20).width > font.measure("x", sizePx: 20).width + 5)
        let baseline = 100
        let plain = try #require(TextTestSupport.inkBox(TextTestSupport.render("x")))
        let math = try #require(TextTestSupport.inkBox(TextTestSupport.render("$x_1$")))
        #expect(plain.maxY < baseline, "x sits on the baseline")
        #expect(math.maxY >= baseline + 2, "the subscript drops below the baseline")
        #expect(math.maxX > plain.maxX + 5)
    }

    @Test func superscriptRaisesTheAscent() throws {
        let x = font.measure("$x$", sizePx: 40), x2 = font.measure("$x^2$", sizePx: 40)
        #expect(x2.width > x.width)
        let plain = try #require(TextTestSupport.inkBox(TextTestSupport.render("$x$", size: 40)))
        let sup = try #require(TextTestSupport.inkBox(TextTestSupport.render("$x^2$", size: 40)))
        #expect(sup.minY < plain.minY - 8, "the 2 rises above the x")
    }

    @Test func mathAndPlainAgreeOnDigits() {
        // Digits are upright in math too: "$12$" measures as "12".
        #expect(abs(font.measure("$12$", sizePx: 20).width - font.measure("12", sizePx: 20).width) < 0.01)
    }

    @Test func greekCommandsBecomeSingleGlyphs() {
        let eta = font.measure("$\\eta$", sizePx: 20).width
        #expect(eta > 5 && eta < 20, "one Greek letter, not the word eta: \(eta)")
        #expect(font.measure("$\\eta=0.1$", sizePx: 20).width > font.measure("\u{3B7}=0.1", sizePx: 20).width,
                "relations are spaced in math")
    }
}
