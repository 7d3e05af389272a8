import Foundation
@testable import Plot
import Raster
import Testing
@testable import Gallery

/// An interactive page draws one static layer for all its cells when its
/// sliders change only optimizer settings (`FigureAnimation.StaticLayer`):
/// checked here byte for byte against each cell's own static layer, and the
/// frames drawn over the shared layer against frames drawn over their own.
struct PageStaticLayerTests {
    static let font = try! Font.defaultFont()

    /// The figures of a catalog page's cells, as the page renders them.
    func cells(_ name: String) throws -> [Figure] {
        let spec = try #require(try Catalog.specs().first { $0.name == name })
        return try SweepExpansion.frames(spec).map { var s = $0; s.page = nil; return try FigureBuilder(spec: s).build() }
    }

    @Test(arguments: ["d2l_page_momentum", "d2l_page_sgd"])
    func everyCellOfAnOptimizerSweepHasTheSameStaticLayer(_ name: String) throws {
        let figures = try cells(name)
        #expect(figures.count > 1)
        let shared = try #require(FigureAnimation.StaticLayer(figure: figures[0], font: Self.font))
        for (k, figure) in figures.enumerated() {
            let drawings = figure.laidOut(font: Self.font)
            let fits = shared.fits(drawings)
            #expect(fits, "cell \(k) is laid out elsewhere")
            let same = figure.staticLayer(drawings, font: Self.font).pixels == shared.image.pixels
            #expect(same, "cell \(k)'s static layer differs")
        }
    }

    @Test func framesOverTheSharedLayerAreTheFramesOverTheirOwn() throws {
        let figures = try cells("d2l_page_momentum")
        let shared = try #require(FigureAnimation.StaticLayer(figure: figures[0], font: Self.font))
        let figure = figures[figures.count - 1]
        let own = FigureAnimation(figure: figure, font: Self.font, settings: Animation())
        let over = FigureAnimation(figure: figure, font: Self.font, settings: Animation(), sharedStaticLayer: shared)
        let frames = [0, own.frameCount / 2, own.frameCount - 1]
        let same = zip(own.frames(frames), over.frames(frames)).allSatisfy { $0.pixels == $1.pixels }
        #expect(same)
    }

    @Test func aFigureWhosePanelTitleIsStaticDrawsItsOwnLayer() throws {
        // Without a growing path the frame, title included, is in the static layer.
        var axes = Axes(position: Axes.defaultPosition)
        axes.title = "lr = 0.1"
        axes.add(Line2D(points: [Point(0, 0), Point(1, 1)], style: LineStyle(format: "-")!))
        var figure = Figure(width: 2, height: 2, dpi: 50)
        figure.panels = [axes]
        #expect(FigureAnimation.StaticLayer(figure: figure, font: Self.font) == nil)
        var growing = Line2D(points: [Point(0, 0), Point(1, 1)], style: LineStyle(format: "-o")!)
        growing.animationRole = .growing
        axes.add(growing)
        figure.panels = [axes]
        #expect(FigureAnimation.StaticLayer(figure: figure, font: Self.font) != nil)
        // A figure laid out elsewhere (here: wider) does not fit the layer.
        let shared = try #require(FigureAnimation.StaticLayer(figure: figure, font: Self.font))
        let fitsItself = shared.fits(figure.laidOut(font: Self.font))
        figure.width = 3
        let fitsWider = shared.fits(figure.laidOut(font: Self.font))
        #expect(fitsItself && !fitsWider)
    }
}
