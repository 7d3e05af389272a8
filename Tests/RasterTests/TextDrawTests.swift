import Testing
@testable import Raster

@Suite struct TextDrawTests {
    typealias S = TextTestSupport
    let font: Font
    init() throws { font = try Font.defaultFont() }

    @Test func pixelsChangeOnlyNearTheAnchor() throws {
        let e = font.measure("SGD", sizePx: 20)
        let box = try #require(S.inkBox(S.render("SGD", at: Point(150, 100))))
        #expect(box.minX == 150, "the ink starts at the anchor")
        #expect(abs(Double(box.maxX + 1) - (150 + e.width)) <= 1, "and is the measured width wide")
        #expect(Double(box.minY) >= 100 - e.ascent - 1 && Double(box.maxY) <= 100 + e.descent + 1)
        #expect(box.maxX - box.minX > 25, "SGD at 20 px is about 37 px wide")
        #expect(box.maxY == 99, "capitals stand on the baseline row above y = 100")
    }

    @Test func drawingIsAntiAliased() throws {
        let img = try S.render("SGD")
        let greys = stride(from: 0, to: img.pixels.count, by: 4).filter { (30...225).contains(img.pixels[$0]) }
        #expect(greys.count > 20)
    }

    @Test func colorIsUsed() throws {
        var canvas = RasterCanvas(width: 100, height: 50, background: .white)
        canvas.drawText("H", font: font, at: Point(10, 40), sizePx: 30, color: .red)
        let img = canvas.image
        #expect(img.pixels.contains(255) && (0..<img.width * img.height).contains { i in
            img.pixels[i * 4] == 255 && img.pixels[i * 4 + 1] == 0 && img.pixels[i * 4 + 2] == 0
        })
    }

    @Test func centerAndRightAlignmentShiftByHalfAndFullWidth() throws {
        let text = "Adam loss"
        let w = font.measure(text, sizePx: 20).width
        let left = try #require(S.inkBox(S.render(text, anchorX: .left)))
        let center = try #require(S.inkBox(S.render(text, anchorX: .center)))
        let right = try #require(S.inkBox(S.render(text, anchorX: .right)))
        #expect(abs(Double(left.minX - center.minX) - w / 2) <= 1)
        #expect(abs(Double(left.maxX - center.maxX) - w / 2) <= 1)
        #expect(abs(Double(left.minX - right.minX) - w) <= 1)
        #expect(left.minX == 150 && right.maxX == 149, "ink starts / ends at the anchor")
        #expect(left.minY == right.minY && left.maxY == right.maxY)
    }

    @Test func verticalAnchorsUseTheExtents() throws {
        let e = font.measure("Tp", sizePx: 20)
        let base = try #require(S.inkBox(S.render("Tp", anchorY: .baseline)))
        let top = try #require(S.inkBox(S.render("Tp", anchorY: .top)))
        let bottom = try #require(S.inkBox(S.render("Tp", anchorY: .bottom)))
        let center = try #require(S.inkBox(S.render("Tp", anchorY: .center)))
        #expect(abs(Double(top.minY - base.minY) - e.ascent) <= 1)
        #expect(abs(Double(base.minY - bottom.minY) - e.descent) <= 1)
        #expect(top.minY >= 99 && top.minY <= 101, "ink starts at the anchor")
        #expect(bottom.maxY >= 98 && bottom.maxY <= 100, "ink ends at the anchor")
        #expect(abs(Double(center.minY + center.maxY) / 2 - 100) <= 1.5)
    }

    @Test func rotatedTextIsTallAndReadsUpwards() throws {
        let flat = try #require(S.inkBox(S.render("x2 label", at: Point(100, 100))))
        let up = try #require(S.inkBox(S.render("x2 label", at: Point(100, 150), rotation: 90)))
        #expect(flat.maxX - flat.minX > 2 * (flat.maxY - flat.minY))
        #expect(up.maxY - up.minY > 2 * (up.maxX - up.minX))
        #expect(up.maxY <= 150 && up.maxY >= 145, "the text starts at the anchor and runs up")
        let e = font.measure("x2 label", sizePx: 20)
        #expect(up.minX >= 100 && Double(up.maxX) <= 100 + e.height + 1, "left anchor: the rotated box starts at x")
    }

    @Test func rotationTurnsTheSameMask() throws {
        // Whole-pixel anchors put the pen at the same sub-pixel phase either way,
        // so the turned ink must equal the flat ink turned by 90°.
        let flat = try S.render("x2", at: Point(100, 100))
        let up = try S.render("x2", at: Point(100, 100), rotation: 90)
        let f = try #require(S.inkBox(flat)), u = try #require(S.inkBox(up))
        let (w, h) = (f.maxX - f.minX + 1, f.maxY - f.minY + 1)
        #expect(u.maxX - u.minX + 1 == h && u.maxY - u.minY + 1 == w)
        var same = true
        for r in 0..<h {
            for c in 0..<w where flat[f.minX + c, f.minY + r] != up[u.minX + r, u.minY + (w - 1 - c)] {
                same = false
            }
        }
        #expect(same)
    }

    @Test func rotatedAnchorsReferToTheRotatedBox() throws {
        let e = font.measure("loss", sizePx: 20)
        let right = try #require(S.inkBox(S.render("loss", at: Point(150, 100), anchorX: .right,
                                                   anchorY: .center, rotation: 90)))
        #expect(right.maxX <= 150 && Double(right.minX) >= 150 - e.height - 1)
        #expect(abs(Double(right.minY + right.maxY) / 2 - 100) <= 2)
        let top = try #require(S.inkBox(S.render("loss", at: Point(150, 100), anchorY: .top, rotation: 90)))
        #expect(top.minY >= 99 && Double(top.maxY) <= 100 + e.width + 1)
    }

    @Test func clipIsRespected() throws {
        let clip = Rect(x: 150, y: 60, width: 20, height: 60)
        let img = try S.render("Momentum", at: Point(140, 100), clip: clip)
        let box = try #require(S.inkBox(img))
        #expect(box.minX >= 150 && box.maxX < 170 && box.minY >= 60 && box.maxY < 120)
        let unclipped = try #require(S.inkBox(S.render("Momentum", at: Point(140, 100))))
        #expect(unclipped.maxX > 200)
    }

    @Test func offCanvasAndInvalidInputDrawNothing() throws {
        let white = Image(width: 300, height: 200, background: .white)
        #expect(try S.render("SGD", at: Point(-500, 100)) == white)
        #expect(try S.render("SGD", at: Point(.nan, 100)) == white)
        #expect(try S.render("SGD", at: Point(1e300, -1e300)) == white)
        #expect(try S.render("SGD", size: 0) == white)
        #expect(try S.render("", size: 20) == white)
    }

    @Test func drawingIsDeterministic() async throws {
        let text = "$\\theta_{t+1} = \\theta_t - \\eta \\nabla f$ AV"
        let first = try S.render(text, at: Point(10.3, 100.6))
        _ = try S.render("warm the cache: \(text) at other sizes", size: 13.7)
        #expect(try S.render(text, at: Point(10.3, 100.6)) == first)
        let images = await withTaskGroup(of: Image?.self) { group in
            for _ in 0..<8 { group.addTask { try? S.render(text, at: Point(10.3, 100.6)) } }
            return await group.reduce(into: [Image?]()) { $0.append($1) }
        }
        #expect(images.allSatisfy { $0 == first })
    }

    @Test func subpixelPositionsMoveTheInk() throws {
        // A quarter-pixel shift changes coverage; a whole-pixel shift only moves it.
        let a = try S.render("l", at: Point(100, 100)), b = try S.render("l", at: Point(100.5, 100))
        let c = try S.render("l", at: Point(101, 100))
        #expect(a != b)
        #expect(a.cropped(x: 90, y: 70, width: 20, height: 40) == c.cropped(x: 91, y: 70, width: 20, height: 40))
    }
}
