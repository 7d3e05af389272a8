import Foundation
import Testing
import Raster
@testable import Plot

struct ColorbarTests {
    static func near(_ a: Rect, _ b: (Double, Double, Double, Double), _ tol: Double = 1e-9) -> Bool {
        abs(a.minX - b.0) < tol && abs(a.minY - b.1) < tol && abs(a.width - b.2) < tol && abs(a.height - b.3) < tol
    }

    /// matplotlib 3.11.2, `fig.colorbar(cs, **kw)` after `fig.canvas.draw()`:
    /// `ax.get_position()`, `cb.ax.get_position(original=True)`, `cb.ax.get_position()`.
    @Test func layoutMatchesMakeAxes() {
        let p = Axes.defaultPosition
        let a = Colorbar.layout(parent: p, figureWidth: 10, figureHeight: 6)
        #expect(Self.near(a.parent, (0.125, 0.11, 0.62, 0.77)))
        #expect(Self.near(a.slot, (0.78375, 0.11, 0.11625, 0.77)))
        #expect(Self.near(a.bar, (0.78375, 0.11, 0.0231, 0.77)))

        let b = Colorbar.layout(parent: p, figureWidth: 10, figureHeight: 6, shrink: 0.5)
        #expect(Self.near(b.slot, (0.78375, 0.3025, 0.11625, 0.385)))
        #expect(Self.near(b.bar, (0.78375, 0.3025, 0.01155, 0.385)))

        // A tall, narrow figure with a stubby bar: the bar is shortened and centred.
        let c = Colorbar.layout(parent: p, figureWidth: 3, figureHeight: 10, aspect: 5)
        #expect(Self.near(c.parent, (0.125, 0.11, 0.62, 0.77)))
        #expect(Self.near(c.bar, (0.78375, 0.4078125, 0.11625, 0.174375)))

        let d = Colorbar.layout(parent: p, figureWidth: 8, figureHeight: 8, fraction: 0.1, pad: 0.02)
        #expect(Self.near(d.parent, (0.125, 0.11, 0.682, 0.77)))
        #expect(Self.near(d.slot, (0.8225, 0.11, 0.0775, 0.77)))
        #expect(Self.near(d.bar, (0.8225, 0.11, 0.0385, 0.77)))

        let bad = Colorbar.layout(parent: p, figureWidth: 10, figureHeight: 6, fraction: 0.99, pad: 0.05)
        #expect(bad.parent == p && bad.bar.isEmpty)
    }

    @Test func invalidContentIsRejected() {
        #expect(Colorbar(levels: [0], colors: [.red]) == nil)
        #expect(Colorbar(levels: [0, 1], colors: []) == nil)
        #expect(Colorbar(levels: [0, 2, 1], colors: [.red]) == nil)
        #expect(Colorbar(levels: [0, .nan], colors: [.red]) == nil)
        #expect(Colorbar(colormap: .viridis, min: 1, max: 1) == nil)
        #expect(Colorbar(colormap: .viridis, min: 0, max: .infinity) == nil)
    }

    /// matplotlib: levels [0, 1, 2, 5, 10, 30, 60] with the default 'uniform'
    /// spacing put their ticks at display y 66, 143, 220, …, 528: evenly.
    @Test func uniformSpacingPlacesLevelsEvenly() throws {
        let cb = try #require(Colorbar(levels: [0, 1, 2, 5, 10, 30, 60], colors: [.red]))
        for (k, v) in [0.0, 1, 2, 5, 10, 30, 60].enumerated() {
            #expect(abs(cb.fraction(of: v) - Double(k) / 6) < 1e-12)
        }
        #expect(abs(cb.fraction(of: 3.5) - 2.5 / 6) < 1e-12)
        #expect(abs(cb.fraction(of: 20) - 4.5 / 6) < 1e-12)
        #expect(cb.tickValues(lengthPx: 462, pointScale: 100 / 72, theme: .matplotlib) == [0, 1, 2, 5, 10, 30, 60])
    }

    /// matplotlib's FixedLocator(levels, nbins=10): 23 levels −3, −0.5, …, 52 give
    /// −0.5, 7, 14.5, 22, 29.5, 37, 44.5, 52.
    @Test func manyLevelsAreThinnedLikeFixedLocator() throws {
        let levels = (0..<23).map { -3 + 2.5 * Double($0) }
        let cb = try #require(Colorbar(levels: levels, colors: [.red]))
        #expect(cb.tickValues(lengthPx: 462, pointScale: 1, theme: .matplotlib) == [-0.5, 7, 14.5, 22, 29.5, 37, 44.5, 52])
        #expect(Colorbar.thinned([1, 2, 3], maxCount: 10) == [1, 2, 3])
    }

    /// matplotlib: `imshow(Z)` with Z in [0, 52.822] on a 462-pixel bar → ticks 0, 10, …, 50.
    @Test func gradientTicksComeFromTheAxisLocator() throws {
        let cb = try #require(Colorbar(colormap: .viridis, min: 0, max: 52.822))
        #expect(cb.tickValues(lengthPx: 462, pointScale: 100 / 72, theme: .matplotlib) == [0, 10, 20, 30, 40, 50])
        var fixed = cb
        fixed.ticks = [-5, 0, 25, 60]
        #expect(fixed.tickValues(lengthPx: 462, pointScale: 1, theme: .matplotlib) == [0, 25])
    }

    /// The seed-004 colorbar: 7 bands of the book's colours, ticks at 0, 8, …, 56.
    @Test func bandsAndTicksArePaintedWhereTheyBelong() throws {
        let font = try Font.defaultFont()
        let colors = ["#e4007f", "#f19ec2", "#e86096", "#eb7aaa", "#f6c8dc", "#f5f5f5", "#000000"]
            .compactMap { Color(parsing: $0) }
        let levels = (0...7).map { 8 * Double($0) }
        let cb = try #require(Colorbar(levels: levels, colors: colors))
        var canvas = RasterCanvas(width: 200, height: 500, background: .white)
        let area = Rect(x: 20, y: 19, width: 23, height: 462)
        cb.draw(in: &canvas, area: area, font: font, theme: .matplotlib, pointScale: 100 / 72)
        for k in 0..<7 {
            let centre = area.maxY - (Double(k) + 0.5) / 7 * area.height
            let p = canvas.image[Int(area.midX), Int(centre)].rgba8
            let e = colors[k].rgba8
            #expect(p.0 == e.0 && p.1 == e.1 && p.2 == e.2, "band \(k): \(p) vs \(e)")
        }
        for k in 0...7 {
            let ty = area.maxY - Double(k) / 7 * area.height
            let tick = canvas.image[Int(area.maxX + 3), Int(ty.rounded(.down))].rgba8
            #expect(tick.0 < 128, "tick \(k) at y \(ty)")
            if k < 7 {
                let between = canvas.image[Int(area.maxX + 3), Int(ty.rounded(.down)) - 20].rgba8
                #expect(between.0 == 255, "no tick between levels")
            }
        }
        // A continuous bar: the bottom row is the map's first entry, the top its last.
        let g = try #require(Colorbar(colormap: .viridis, min: 0, max: 1))
        var c2 = RasterCanvas(width: 100, height: 300, background: .white)
        let a2 = Rect(x: 10, y: 10, width: 20, height: 256)
        g.draw(in: &c2, area: a2, font: font, theme: .matplotlib, pointScale: 1)
        let bottom = c2.image[20, 264].rgba8, top = c2.image[20, 12].rgba8
        #expect(bottom.0 == Colormap.viridis.lut[1].rgba8.0 && bottom.2 == Colormap.viridis.lut[1].rgba8.2)
        #expect(top.1 == Colormap.viridis.lut[253].rgba8.1)
    }

    @Test func colorbarOfAFillUsesItsLevelsAndColours() throws {
        let f: @Sendable (Double, Double) -> Double = { x, y in 0.2 * x * x + 2 * y * y }
        var fill = ContourFill(domain: Rect(x: -2, y: -2, width: 6.9, height: 6.9), function: f)
        // The domain drawn 620 × 462 pixels large.
        let map = DataTransform(affine: Transform(a: 620 / 6.9, b: 0, c: 0, d: -462 / 6.9, tx: 0, ty: 0))
        let cb = try #require(Colorbar(for: fill, dataToPixel: map))
        guard case .bands(let levels, let colors) = cb.content else { Issue.record("bands"); return }
        #expect(levels == [0, 8, 16, 24, 32, 40, 48, 56])
        #expect(colors[0] == Colormap.gnuplot.color(at: 4.0 / 56))
        fill.bandColors = [.red, .black]
        let cb2 = try #require(Colorbar(for: fill, dataToPixel: map))
        guard case .bands(_, let c2) = cb2.content else { return }
        #expect(c2.count == 7 && c2[2] == .red && c2[3] == .black)
    }
}

/// The colorbar beside an axes, as laid out and drawn in a figure.
struct ColorbarInFigureTests {
    static let font = try! Font.defaultFont()

    /// An axes with a filled contour of `f` over [−1, 1]² and its colorbar.
    func figure(width: Double, height: Double, _ f: @escaping @Sendable (Double, Double) -> Double) -> (Figure, ContourFill) {
        var fig = Figure(width: width, height: height, dpi: 100)
        let a = fig.addAxes()
        let fill = ContourFill(domain: Rect(x: -1, y: -1, width: 2, height: 2), function: f)
        fig[axes: a].add(fill)
        fig[axes: a].colorbar = ColorbarSlot(for: fill)
        return (fig, fill)
    }

    /// Bug: the bar was placed by an approximation of `make_axes` that kept the
    /// full height when the slot is too narrow for aspect 20; matplotlib (and
    /// `Colorbar.layout`) shortens the bar and centres it.
    @Test func aTallAxesGetsMatplotlibsShortenedCentredBar() throws {
        let (fig, _) = figure(width: 2, height: 8) { x, y in x * x + y * y }
        let drawing = try #require(fig.laidOut(font: Self.font).first as? AxesDrawing)
        let bar = try #require(drawing.colorbarArea)
        let box = drawing.geometry.box
        let expected = Colorbar.layout(parent: box, figureWidth: 1, figureHeight: 1).bar
        // The slot (0.15 of the box's width) is too narrow for the box's height at
        // aspect 20: the bar is 20 slot widths tall, well short of the box.
        #expect(abs(expected.height - 20 * 0.15 * box.width) < 1e-9 && expected.height < box.height - 50)
        #expect(abs(bar.height - expected.height) <= 1)
        #expect(abs(bar.midY - box.midY) <= 1)
        #expect(abs(bar.minX - expected.minX) <= 1 && abs(bar.width - expected.width) <= 1)
    }

    /// Bug: the colorbar's levels came from a grid of a fixed 775 × 462 pixels
    /// while the bands are sampled at the plot's real size; a narrow peak that
    /// one grid hits and the other misses gave the two different levels.
    @Test func theColorbarShowsTheLevelsTheBandsAreDrawnWith() throws {
        let peak: @Sendable (Double, Double) -> Double = { x, y in
            exp(-((x - 0.3137) * (x - 0.3137) + (y - 0.2718) * (y - 0.2718)) / 2e-4)
        }
        let (fig, fill) = figure(width: 4, height: 3, peak)
        let drawing = try #require(fig.laidOut(font: Self.font).first as? AxesDrawing)
        let drawn = fill.resolvedLevels(for: fill.grid(drawnThrough: drawing.dataToPixel))
        guard case .bands(let shown, _) = try #require(drawing.colorbar).content else {
            Issue.record("a filled contour's colorbar has bands"); return
        }
        #expect(shown == drawn)
        // The old fixed grid gives other levels for this function: the test tells the two apart.
        let fixed = fill.resolvedLevels(for: fill.grid(pixelSize: (775, 462)))
        #expect(fixed != drawn, "levels \(fixed) at 775 × 462 and \(drawn) as drawn")
    }
}
