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
}
