import Foundation
import Raster
import Testing
@testable import Plot

struct LogLocatorTests {
    @Test func decadesAreLabelledAsPowersOfTen() {
        let t = LogLocator.ticks(1e-3, 10)
        #expect(t.map(\.value) == [1e-3, 1e-2, 1e-1, 1, 10])
        #expect(t.map(\.label) == ["$10^{-3}$", "$10^{-2}$", "$10^{-1}$", "$10^{0}$", "$10^{1}$"])
    }

    @Test func manyDecadesAreThinned() {
        let t = LogLocator.ticks(1e-20, 1e20)
        #expect(t.count <= 9 && t.count >= 4)
        #expect(t.contains { $0.value == 1 })
    }

    @Test func lessThanADecadeGetsOneTwoFive() {
        let t = LogLocator.ticks(0.15, 0.9)
        #expect(t.map(\.value).map { ($0 * 1e6).rounded() / 1e6 } == [0.2, 0.5])
    }

    @Test func badRangesStillGiveTicks() {
        #expect(LogLocator.ticks(-1, 0).count >= 2)
        #expect(LogLocator.ticks(.nan, 5).count >= 2)
    }

    @Test func logAxisMapsDecadesEvenly() {
        var ax = Axes(position: Axes.defaultPosition)
        ax.yscale = .log
        ax.plot([Point(0, 1), Point(1, 1e-4)], style: LineStyle())
        let (_, y) = ax.resolvedLimits()
        // 5 % margins in log space: 4 decades ± 0.2 decade.
        #expect(abs(y.lowerBound - 1e-4 / pow(10, 0.2)) < 1e-12)
        #expect(abs(y.upperBound - pow(10, 0.2)) < 1e-9)
        let t = AxesGeometry.dataToPixel(x: 0...1, y: 1e-4...1, area: Rect(x: 0, y: 0, width: 100, height: 400),
                                         yScale: .log)
        #expect(abs(t.apply(Point(0, 1e-2)).y - 200) < 1e-9)
        #expect(t.apply(Point(0, -1)).y.isNaN)
    }
}

struct LegendPlacementTests {
    let area = Rect(x: 0, y: 0, width: 400, height: 300)
    let size = (width: 100.0, height: 60.0)

    @Test func bestAvoidsTheData() {
        let legend = Legend()
        // Data crowding the upper right: the legend goes upper left (matplotlib's next candidate).
        let upperRight: [Point] = (0..<50).map { (k: Int) -> Point in
            Point(320 + Double(k % 7) * 10, 10 + Double(k / 7) * 8)
        }
        let p = legend.place(size: size, in: area, fontSize: 10, obstacles: upperRight)
        #expect(p == Point(5, 5))
        // No data: upper right, as matplotlib.
        #expect(legend.place(size: size, in: area, fontSize: 10, obstacles: []) == Point(295, 5))
        // Data everywhere but the lower left: lower left.
        let grid: [Point] = (0..<400).map { (k: Int) -> Point in
            Point(Double(k % 20) * 20 + 5, Double(k / 20) * 15 + 2)
        }
        let most = grid.filter { !($0.x < 120 && $0.y > 220) }
        #expect(legend.place(size: size, in: area, fontSize: 10, obstacles: most) == Point(5, 235))
    }

    @Test func explicitLocationsAreObeyed() {
        #expect(Legend(location: .lowerRight).place(size: size, in: area, fontSize: 10, obstacles: []) == Point(295, 235))
        #expect(Legend(location: .center).place(size: size, in: area, fontSize: 10, obstacles: []) == Point(150, 120))
    }
}

struct LayoutTests {
    static let font = try! Font.defaultFont()

    /// A two-panel figure with long labels at `w × h` pixels.
    func figure(_ w: Int, _ h: Int) -> Figure {
        var fig = Figure(width: Double(w) / 100, height: Double(h) / 100, dpi: 100)
        for i in fig.subplots(rows: 1, columns: 2) {
            fig[axes: i].plot((0..<50).map { Point(Double($0) * 1000, Double($0 * $0) * 1e5) }, style: LineStyle())
            fig[axes: i].title = "a title over the panel"
            fig[axes: i].xlabel = "Iterations"
            fig[axes: i].ylabel = "Loss value"
        }
        return fig
    }

    /// No ink on the outermost pixel rows and columns: nothing is cut off.
    @Test(arguments: [(400, 300), (640, 480), (1000, 600), (3000, 2000)])
    func nothingIsCutOff(_ size: (Int, Int)) {
        let image = figure(size.0, size.1).render(font: Self.font)
        let (w, h) = (image.width, image.height)
        var inked = 0
        for x in 0..<w where image[x, 0] != .white || image[x, h - 1] != .white { inked += 1 }
        for y in 0..<h where image[0, y] != .white || image[w - 1, y] != .white { inked += 1 }
        #expect(inked == 0)
    }

    /// The panels' decorations do not overlap: each y label lies right of the panel to its left.
    @Test func panelsKeepApart() {
        let fig = figure(400, 300)
        let areas = fig.plotAreas(font: Self.font).map(\.area)
        let gap = areas[1].minX - areas[0].maxX
        let yLabelsNeed = 7 + Self.font.measure("6e8", sizePx: 10 * 100 / 72).width
        #expect(gap > yLabelsNeed)
    }

    @Test func defaultsAreKeptWhenTheyFit() {
        var fig = Figure()
        fig.addAxes()
        fig[axes: 0].plot([Point(0, 0), Point(1, 1)], style: LineStyle())
        #expect(fig.plotAreas(font: Self.font)[0].area == Rect(x: 125, y: 72, width: 775, height: 462))
    }
}
