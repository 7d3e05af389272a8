import Raster
import Testing
@testable import Plot

struct LineStyleTests {
    @Test func formatStringsParseLikeMatplotlib() {
        let o = LineStyle(format: "-o")!
        #expect(o.dash == .solid && o.marker == .circle && o.color == nil)
        let ro = LineStyle(format: "ro")!
        #expect(ro.dash == .none && ro.marker == .circle && ro.color == Color(hex: 0xff0000))
        let dashed = LineStyle(format: "k--")!
        #expect(dashed.dash == .dashed && dashed.marker == nil && dashed.color == .black)
        #expect(LineStyle(format: "-.")!.dash == .dashDot)
        #expect(LineStyle(format: ":")!.dash == .dotted)
        #expect(LineStyle(format: "r*")!.marker == .star)
        #expect(LineStyle(format: "-ro")!.dash == .solid)
        #expect(LineStyle(format: "")!.dash == .solid)
    }

    @Test func invalidFormatStringsAreRejected() {
        #expect(LineStyle(format: "rr") == nil)
        #expect(LineStyle(format: "-z") == nil)
        #expect(LineStyle(format: "oo") == nil)
        #expect(LineStyle(format: "---") == nil)
    }

    @Test func colourCycleFollowsTab10() {
        var ax = Axes(position: Axes.defaultPosition)
        for _ in 0..<11 { ax.plot([Point(0, 0), Point(1, 1)], style: LineStyle()) }
        let colors = ax.artists.compactMap { ($0 as? Line2D)?.style.color }
        #expect(colors.prefix(10).elementsEqual(Color.tab10))
        #expect(colors[10] == Color.tab10[0])
    }

    @Test func autoscaleAddsMatplotlibMargins() {
        var ax = Axes(position: Axes.defaultPosition)
        ax.plot([Point(0, 10), Point(100, 30)], style: LineStyle())
        let (x, y) = ax.resolvedLimits()
        #expect(x == -5...105)
        #expect(y == 9...31)
    }

    /// A growing line whose path converges repeats pixel coordinates exactly;
    /// its markers there are recorded once (`Line2D.recordMarkers`) and
    /// replayed. Prepared or not, the line paints the same pixels at every step.
    @Test func repeatedPointsShareTheirMarkerAndPaintTheSame() throws {
        let canvas = RasterCanvas(width: 300, height: 200, background: .white)
        let map = DataTransform(affine: Transform(a: 25, b: 0, c: 0, d: -25, tx: 30, ty: 180))
        let context = DrawContext(canvas: canvas, dataToPixel: map, plotArea: Rect(x: 30, y: 20, width: 250, height: 160),
                                  font: try Font.defaultFont(), theme: Theme.matplotlib, pointScale: 100.0 / 72)
        // Halving towards (4, 3), then stuck there: 12 points, 7 of them equal.
        var points = [Point(0.5, 0.2)]
        for _ in 0..<4 { points.append(Point((points.last!.x + 4) / 2, (points.last!.y + 3) / 2)) }
        points += Array(repeating: Point(4, 3), count: 7)
        var line = Line2D(points: points, style: LineStyle(color: Color(hex: 0xff0000), marker: .circle))
        line.animationRole = .growing
        let prepared = line.prepared(for: context)
        for step in [2, 6, 11] {
            var direct = context, replayed = context
            line.draw(in: &direct, atStep: step)
            prepared.draw(in: &replayed, atStep: step)
            let a = (direct.canvas as! RasterCanvas).image, b = (replayed.canvas as! RasterCanvas).image
            let same = a == b
            #expect(same, "step \(step)")
        }
    }
}
