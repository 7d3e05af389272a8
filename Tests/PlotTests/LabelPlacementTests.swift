import Foundation
import Raster
import Testing
@testable import Plot

/// Marker labels never overlap each other, markers, path heads or the legend, and stay inside the plot.
struct LabelPlacementTests {
    /// Data [0, 10]² onto a 600 × 400 plot area at (50, 40), y up.
    func context() throws -> DrawContext {
        let canvas = RasterCanvas(width: 700, height: 500, background: .white)
        let map = DataTransform(affine: Transform(a: 60, b: 0, c: 0, d: -40, tx: 50, ty: 440))
        return DrawContext(canvas: canvas, dataToPixel: map, plotArea: Rect(x: 50, y: 40, width: 600, height: 400),
                           font: try Font.defaultFont(), theme: Theme.matplotlib, pointScale: 100.0 / 72)
    }

    func label(_ text: String, at p: Point, offset: Point) -> TextArtist {
        var t = TextArtist(text, at: p + offset)
        t.keepsInsidePlot = true
        return t
    }

    func boxes(_ placement: LabelPlacement, _ ctx: DrawContext) -> [Rect] {
        zip(placement.labels, placement.placements(in: ctx)).map { $0.box(at: $1, in: ctx) }
    }

    @Test func severalRunsEndingAtOnePointGetLabelsThatDoNotOverlap() throws {
        let ctx = try context()
        var placement = LabelPlacement()
        let end = Point(5, 5)
        placement.add(label("minimum", at: end, offset: Point(0, 0.25)), marker: .init(end, radius: 7.5))
        for k in 0..<4 {
            var t = label("end", at: end + Point(0.01 * Double(k), 0), offset: Point(0, -0.25))
            t.animationRole = .final(step: 10 + k)
            placement.add(t, marker: .init(end + Point(0.01 * Double(k), 0), radius: 3))
        }
        placement.add(label("start", at: Point(1, 9), offset: Point(0.1, 0.2)), marker: .init(Point(1, 9), radius: 5))
        let b = boxes(placement, ctx)
        #expect(b.count == 6)
        for i in b.indices {
            #expect(b[i].minX >= 50 && b[i].maxX <= 650 && b[i].minY >= 40 && b[i].maxY <= 440, "label \(i) inside")
            for j in b.indices where j != i { #expect(!b[i].intersects(b[j]), "labels \(i) and \(j) overlap") }
            for a in placement.anchors {
                let c = ctx.dataToPixel.apply(a.point), r = ctx.px(a.radius)
                #expect(!b[i].intersects(Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)), "label \(i) on a marker")
            }
        }
    }

    /// A moving layer draws the prepared placement in every frame: the same
    /// pixels as searching again, at every step (the end label from its step on).
    @Test func preparedPlacementDrawsWhatTheSearchDraws() throws {
        let ctx = try context()
        var placement = LabelPlacement()
        placement.add(label("start", at: Point(1, 9), offset: Point(0.1, 0.2)), marker: .init(Point(1, 9), radius: 5))
        var end = label("end", at: Point(9.5, 9.5), offset: Point(0, -0.25))
        end.animationRole = .final(step: 3)
        placement.add(end, marker: .init(Point(9.5, 9.5), radius: 3))
        placement.obstacles = [.init(Point(9.5, 9.2), radius: 4)]
        let prepared = placement.prepared(for: ctx)
        for step in [0, 3] {
            var searched = ctx, fixed = ctx
            placement.draw(in: &searched, atStep: step)
            prepared.draw(in: &fixed, atStep: step)
            let a = (searched.canvas as! RasterCanvas).image.pixels, b = (fixed.canvas as! RasterCanvas).image.pixels
            #expect(a == b)
            #expect(a != (ctx.canvas as! RasterCanvas).image.pixels)   // something was drawn
        }
    }

    @Test func identicalLabelsAtOnePointAreDrawnOnce() {
        var placement = LabelPlacement()
        for _ in 0..<6 { placement.add(label("start", at: Point(1, 1), offset: Point(0.1, 0.2)), marker: .init(Point(1, 1), radius: 5)) }
        #expect(placement.labels.count == 1)
    }

    @Test func labelsKeepClearOfTheLegendAndPathHeads() throws {
        let ctx = try context()
        var placement = LabelPlacement()
        // A label whose own place is under an upper-right legend.
        placement.add(label("end", at: Point(9.5, 9.5), offset: Point(0, -0.25)), marker: .init(Point(9.5, 9.5), radius: 3))
        placement.obstacles = [.init(Point(9.5, 9.2), radius: 4)]
        placement.legend = Legend(location: .upperRight)
        placement.legendEntries = [LegendEntry(label: "Adam(lr=0.1)", style: LineStyle(color: .black)),
                                   LegendEntry(label: "SGD(lr=0.01)", style: LineStyle(color: .red))]
        let fs = ctx.px(ctx.theme.legendFontSize)
        let size = placement.legend!.layout(placement.legendEntries, fontSize: fs, font: ctx.font)
        let origin = placement.legend!.place(size: size, in: ctx.plotArea, fontSize: fs, obstacles: [])
        let legendBox = Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
        let b = boxes(placement, ctx)[0]
        #expect(!b.intersects(legendBox))
        let head = ctx.dataToPixel.apply(Point(9.5, 9.2)), r = ctx.px(4)
        #expect(!b.intersects(Rect(x: head.x - r, y: head.y - r, width: 2 * r, height: 2 * r)))
    }

    @Test func labelsKeepClearOfTheStepCounter() throws {
        let ctx = try context()
        var placement = LabelPlacement()
        // "start" at the top-left corner, where the animation's "step 150" box goes.
        placement.add(label("start", at: Point(0.3, 9.6), offset: Point(0.1, 0.2)), marker: .init(Point(0.3, 9.6), radius: 5))
        placement.counterText = "step 150"
        let size = ctx.theme.tickLabelSize * ctx.pointScale
        let e = ctx.font.measure("step 150", sizePx: size)
        let counter = Rect(x: 50 + 0.3 * size, y: 40 + 0.3 * size, width: e.width + 0.6 * size, height: e.height + 0.4 * size)
        let b = boxes(placement, ctx)[0]
        #expect(!b.intersects(counter))
        placement.counterText = nil
        #expect(boxes(placement, ctx)[0].intersects(counter), "without the counter the label's own place is taken")
    }

    @Test func heavyTailsGetLogOrQuantileLevels() {
        // Rosenbrock on [-2, 2] × [-1, 3]: log-spaced, 0 first.
        var rosen: [Double] = [], spike: [Double] = [], bowl: [Double] = []
        for i in 0..<100 {
            for j in 0..<100 {
                let x = -2 + 4 * Double(i) / 99, y = -1 + 4 * Double(j) / 99
                rosen.append((1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x))
                let u = -2 + 4 * (Double(i) + 0.5) / 100, v = -2 + 4 * (Double(j) + 0.5) / 100
                spike.append(1 / (u * v))
                bowl.append(u * u + v * v)
            }
        }
        let r = ContourLevels.informative(rosen)
        #expect(r.spacing == .log)
        #expect(r.levels?.first == 0 && (r.levels?.last ?? 0) >= rosen.max()!)
        #expect(r.levels.map { zip($0, $0.dropFirst()).allSatisfy { $0 < $1 } } == true)
        let s = ContourLevels.informative(spike)
        #expect(s.spacing == .quantile)
        #expect((s.levels?.first ?? 0) <= spike.min()! && (s.levels?.last ?? 0) >= spike.max()!)
        #expect(ContourLevels.informative(bowl).spacing == .linear)
    }
}
