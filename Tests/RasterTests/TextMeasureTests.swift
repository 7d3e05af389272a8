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

    @Test func lineMetricsMatchDejaVu() {
        // "lp" at 100 px: DejaVu Sans 'l' is 0.76 em tall, 'p' descends 0.208 em.
        let e = font.measure("x", sizePx: 100)
        #expect(abs(e.ascent - 76) < 2, "ascent \(e.ascent)")
        #expect(abs(e.descent - 21) < 2, "descent \(e.descent)")
        // The "lp" floor: an empty string and a short "x" share the line metrics.
        #expect(font.measure("", sizePx: 100) == TextExtents(width: 0, ascent: e.ascent, descent: e.descent))
        #expect(font.measure("SGD", sizePx: 100).ascent >= e.ascent)
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
