import Foundation
import Raster
import Testing
@testable import Plot

/// Renders of small figures: band colours, seams, geometry, determinism.
struct FigureRenderTests {
    static let font = try! Font.defaultFont()
    static let d2l: @Sendable (Double, Double) -> Double = { 0.1 * $0 * $0 + 2 * $1 * $1 }

    /// seed 000's contour alone, on a 500 × 300 figure (5 × 3 in at 100 dpi).
    func contourFigure(theme: Theme = .matplotlib) -> Figure {
        var fig = Figure(width: 5, height: 3, dpi: 100, theme: theme)
        let a = fig.addAxes()
        fig[axes: a].xlim = -5.5...3
        fig[axes: a].ylim = -3...3
        fig[axes: a].contourf(domain: Rect(x: -5.5, y: -3, width: 8.5, height: 6), function: Self.d2l)
        return fig
    }

    @Test func plotAreaIsMatplotlibsSubplotBox() {
        var fig = Figure()
        fig.addAxes()
        fig[axes: 0].xlim = -5.5...3
        fig[axes: 0].ylim = -3...3
        let area = fig.plotAreas(font: Self.font)[0].area
        #expect(area == Rect(x: 125, y: 72, width: 775, height: 462))
    }

    @Test func bandsHaveTheirMidpointColours() {
        let fig = contourFigure()
        let image = fig.render(font: Self.font)
        let map = fig.plotAreas(font: Self.font)[0].dataToPixel
        // Levels 0, 3, …, 24: the band holding f = 0 is coloured at 1.5/24.
        let levels = ContourLevels.automatic(zmin: 0, zmax: 21.025)
        #expect(levels == [0, 3, 6, 9, 12, 15, 18, 21, 24])
        for (x, y) in [(0.0, 0.0), (-5.0, 2.0), (2.0, -1.5)] {
            let p = map.apply(Point(x, y))
            let f = Self.d2l(x, y)
            let band = levels.firstIndex { $0 > f }! - 1
            let expected = Colormap.gnuplot.color(at: (levels[band] + 1.5) / 24).rgba8
            let got = image[Int(p.x), Int(p.y)].rgba8
            #expect(got == expected, "f(\(x), \(y)) = \(f)")
        }
    }

    /// Every pixel inside the plot area is a band colour or a blend of two
    /// neighbouring band colours: the white background never shows at a band edge.
    @Test func noSeamsBetweenBands() {
        var fig = contourFigure()
        fig[axes: 0].showFrame = false
        let image = fig.render(font: Self.font)
        let area = fig.plotAreas(font: Self.font)[0].area
        let levels = ContourLevels.automatic(zmin: 0, zmax: 21.025)
        let colors = (0..<(levels.count - 1)).map { k in
            Colormap.gnuplot.color(at: (levels[k] + levels[k + 1]) / 2 / 24)
        }
        var worst = 0.0
        for y in Int(area.minY) + 1..<Int(area.maxY) - 1 {
            for x in Int(area.minX) + 1..<Int(area.maxX) - 1 {
                let c = image[x, y]
                let d = zip(colors, colors.dropFirst()).map { distanceToSegment(c, $0, $1) }.min()!
                worst = max(worst, d)
            }
        }
        #expect(worst * 255 < 3, "a pixel is \(worst * 255) levels off every band blend")
    }

    @Test func renderingIsDeterministic() {
        let a = contourFigure(theme: .seabornPaper(fontScale: 2)).render(font: Self.font)
        let b = contourFigure(theme: .seabornPaper(fontScale: 2)).render(font: Self.font)
        #expect(a == b)
    }

    @Test func trajectoryFigureMatchesGolden() throws {
        var fig = contourFigure()
        var pts: [Point] = [Point(-5, -2)]
        for _ in 0..<20 { let p = pts.last!; pts.append(Point(p.x - 0.1 * 0.2 * p.x, p.y - 0.1 * 4 * p.y)) }
        fig[axes: 0].plot(pts, style: LineStyle(format: "-o")!)
        fig[axes: 0].plot([Point(0, 0)], style: { var s = LineStyle(format: "r*")!; s.markerSize = 15; return s }())
        fig[axes: 0].text("minimum", at: Point(0, 0.25), color: .white)
        fig[axes: 0].title = "SGD"
        fig[axes: 0].xlabel = "x1"
        fig[axes: 0].ylabel = "x2"
        try GoldenImage.check(fig.render(font: Self.font), named: "trajectory_small")
    }

    @Test func offCanvasAndNonFinitePointsDoNotCrashOrPaintTheCorner() {
        var fig = Figure(width: 3, height: 2, dpi: 100)
        let a = fig.addAxes()
        fig[axes: a].xlim = 0...1
        fig[axes: a].ylim = 0...1
        fig[axes: a].plot([Point(0.5, 0.5), Point(.nan, 1), Point(1e300, -1e300), Point(0.2, .infinity)],
                         style: LineStyle(format: "-o")!)
        let image = fig.render(font: Self.font)
        #expect(image[0, 0] == .white)
    }

    /// Distance in RGB from `c` to the segment between `a` and `b`.
    func distanceToSegment(_ c: Color, _ a: Color, _ b: Color) -> Double {
        let ab = [b.r - a.r, b.g - a.g, b.b - a.b], ac = [c.r - a.r, c.g - a.g, c.b - a.b]
        let len2 = ab.map { $0 * $0 }.reduce(0, +)
        let t = len2 > 0 ? min(1, max(0, zip(ab, ac).map(*).reduce(0, +) / len2)) : 0
        return zip(ab, ac).map { ($1 - t * $0) * ($1 - t * $0) }.reduce(0, +).squareRoot()
    }
}
