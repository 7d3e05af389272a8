import Encode
import Foundation
import Raster
import Testing
@testable import Plot

/// The animation model: frames of a figure as a function of the step, for 2-D and
/// 3-D panels alike, with the last frame equal to the still.
struct FigureAnimationTests {
    static let font = try! Font.defaultFont()
    static let orange = Color(hex: 0xff7f0e)

    /// A small contour figure with one growing path of 10 steps, an end marker and a legend.
    func figure() -> Figure {
        var fig = Figure(width: 4, height: 3, dpi: 100)
        let a = fig.addAxes()
        fig[axes: a].xlim = -5.5...3
        fig[axes: a].ylim = -3...3
        fig[axes: a].contourf(domain: Rect(x: -5.5, y: -3, width: 8.5, height: 6)) { 0.1 * $0 * $0 + 2 * $1 * $1 }
        fig[axes: a].add(growingPath())
        var end = Line2D(points: [growingPath().points.last!], style: LineStyle(format: "wo")!)
        end.animationRole = .final(step: 10)
        fig[axes: a].add(end)
        fig[axes: a].legend = Legend(location: .upperRight)
        return fig
    }

    /// SGD-like steps from (−5, −2) towards 0, growing in an animation.
    func growingPath() -> Line2D {
        var pts = [Point(-5, -2)]
        for _ in 0..<10 { let p = pts.last!; pts.append(Point(p.x * 0.9, p.y * 0.6)) }
        var path = Line2D(points: pts, style: LineStyle(format: "-o")!.with(color: Self.orange), label: "path")
        path.animationRole = .growing
        return path
    }

    func orangePixels(_ im: Image, in area: Rect? = nil) -> Int {
        let o = Self.orange.rgba8
        var n = 0
        let r = area ?? im.bounds
        for y in Int(r.minY)..<Int(r.maxY) {
            for x in Int(r.minX)..<Int(r.maxX) {
                let c = im[x, y].rgba8
                if (c.0, c.1, c.2) == (o.0, o.1, o.2) { n += 1 }
            }
        }
        return n
    }

    @Test func framesCoverEveryStepAndEndAtTheLast() {
        var fig = figure()
        #expect(fig.lastStep == 10)
        #expect(FigureAnimation(figure: fig, font: Self.font).frameSteps == Array(0...10))
        fig.animation = Animation(stepsPerFrame: 4)
        let anim = FigureAnimation(figure: fig, font: Self.font)
        #expect(anim.frameSteps == [0, 4, 8, 10])
        // 60 ms a frame, the last held 1.5 s; a start hold only when asked for.
        #expect(anim.delay(ofFrame: 0, count: 4) == 0.06 && anim.delay(ofFrame: 3, count: 4) == 1.5)
        fig.animation?.startHold = 1
        #expect(FigureAnimation(figure: fig, font: Self.font).delay(ofFrame: 0, count: 4) == 1)
    }

    @Test func pathGrowsAndFramesAreDeterministic() {
        let anim = FigureAnimation(figure: figure(), font: Self.font)
        let f = anim.frames([0, 5, 10, 5])
        #expect(orangePixels(f[0]) < orangePixels(f[1]))
        #expect(orangePixels(f[1]) < orangePixels(f[2]))
        #expect(f[3] == f[1])
    }

    /// The first frame shows the start marker: no head marker sits on it (the
    /// path's own first point is drawn as in the still, over the larger marker).
    /// The moving head sits on a pixel corner, as matplotlib places markers:
    /// a head that moves a tenth of a pixel a step changes its frame at most
    /// when it crosses to the next corner (drawn where it is, every step would
    /// repaint its anti-aliased edge).
    @Test func aHeadMovingLessThanHalfAPixelLeavesItsFrameAsItWas() {
        var fig = figure()
        var pts = [Point(-5, -2), Point(-3, -1), Point(-1.2, -0.3)]
        for _ in 0..<4 { pts.append(pts.last! + Point(0.003, 0)) }     // about 0.1 px a step
        var line = Line2D(points: pts, style: LineStyle(format: "-")!.with(color: Self.orange))
        line.animationRole = .growing
        fig[axes: 0].artists = [line]
        let frames = FigureAnimation(figure: fig, font: Self.font).frames([1, 2, 3, 4, 5])
        #expect(frames[0] != frames[1])                                  // a whole step: the head moved
        let unchanged = (2..<5).filter { frames[$0] == frames[$0 - 1] }.count
        #expect(unchanged >= 2, "\(unchanged) of 3 frames unchanged")
    }

    @Test func theStartMarkerShowsInTheFirstFrame() {
        var fig = figure()
        let red = Color(hex: 0xff0000)
        var start = Line2D(points: [Point(-5, -2)], style: LineStyle(format: "ro")!)
        start.style.markerSize = 10
        start.clipped = false
        fig[axes: 0].artists.insert(start, at: 1)
        let first = FigureAnimation(figure: fig, font: Self.font).frames([0])[0]
        var redPixels = 0
        for y in 0..<first.height {
            for x in 0..<first.width where first[x, y].rgba8.0 == 255 && first[x, y].rgba8.1 == 0 && first[x, y].rgba8.2 == 0 {
                redPixels += 1
            }
        }
        #expect(redPixels > 10)
        // Later frames have a head marker: more orange than the path alone draws.
        #expect(orangePixels(FigureAnimation(figure: fig, font: Self.font).frames([1])[0]) > orangePixels(first))
    }

    @Test func lastFrameIsTheStill() {
        let fig = figure()
        let anim = FigureAnimation(figure: fig, font: Self.font)
        var streamed: [Image] = []
        anim.forEachFrame { image, _ in streamed.append(image) }
        #expect(streamed.count == 11)
        #expect(streamed.last == fig.render(font: Self.font))
    }

    /// Bug: a path under the 0.8-alpha legend showed in the PNG and vanished in
    /// the GIF (the legend overlay replaced pixels instead of compositing).
    @Test func aPathUnderTheLegendShowsInTheLastGIFFrameAsInTheStill() throws {
        var fig = Figure(width: 4, height: 3, dpi: 100)
        let a = fig.addAxes()
        fig[axes: a].xlim = 0...10
        fig[axes: a].ylim = 0...10
        // A thick path crossing the top right corner, where the legend goes.
        var path = Line2D(points: (0...10).map { Point(Double($0), 5 + Double($0) / 2) },
                          style: LineStyle(format: "-")!.with(color: Self.orange), label: "path through the legend")
        path.style.lineWidth = 6
        path.animationRole = .growing
        fig[axes: a].add(path)
        fig[axes: a].legend = Legend(location: .upperRight)
        let still = fig.render(font: Self.font)
        var gif = GIFAnimation(width: fig.pixelWidth, height: fig.pixelHeight)
        FigureAnimation(figure: fig, font: Self.font).forEachFrame { gif.addFrame($0, delay: $1) }
        let decoded = try GIFDecoder.decode(try gif.encode())
        let last = try #require(decoded.frames.last)
        // The legend box's white at 0.8 over the orange path: a light orange, in both.
        let tinted = Color(r: 1, g: 1, b: 1).withAlpha(0.8)
        let expected = Self.blend(tinted, over: Self.orange)
        let area = fig.plotAreas(font: Self.font)[0].area
        let corner = Rect(x: area.midX, y: area.minY, width: area.width / 2, height: area.height / 4)
        func tintedPixels(_ im: Image, tolerance: Int) -> Int {
            var n = 0
            for y in Int(corner.minY)..<Int(corner.maxY) {
                for x in Int(corner.minX)..<Int(corner.maxX) {
                    let c = im[x, y].rgba8
                    if abs(Int(c.0) - Int(expected.0)) <= tolerance && abs(Int(c.1) - Int(expected.1)) <= tolerance
                        && abs(Int(c.2) - Int(expected.2)) <= tolerance { n += 1 }
                }
            }
            return n
        }
        let underLegend = tintedPixels(still, tolerance: 1)
        #expect(underLegend > 20, "the path runs under the legend in the still")
        // The anti-aliased text and path take more than 256 colours, so the GIF's
        // palette is quantized: within a few levels of the still everywhere, and
        // the path under the legend as tinted as in the still (the old overlay
        // replaced those pixels with the legend over the bare plot: 26 and 48
        // levels off in green and blue).
        var worst = 0
        for i in 0..<still.pixels.count { worst = max(worst, abs(Int(still.pixels[i]) - Int(last.pixels[i]))) }
        #expect(worst <= 12, "largest channel difference between the last GIF frame and the still: \(worst)")
        #expect(tintedPixels(last, tolerance: 12) >= underLegend)
    }

    /// Bug: in a figure with a 2-D and a 3-D panel only the 3-D paths grew; the
    /// 2-D path was complete in frame 0 and never changed.
    @Test func aMixedFigureAnimatesItsTwoDimensionalPanelToo() {
        var fig = Figure(width: 8, height: 4, dpi: 80)
        let cells = Figure.gridCells(rows: 1, columns: 2)
        var flat = Axes(position: cells[0].position)
        flat.gridCell = cells[0].cell
        flat.xlim = -5.5...3
        flat.ylim = -3...3
        flat.add(growingPath())
        fig.add(flat)
        var solid = Axes3D(position: cells[1].position)
        solid.gridCell = cells[1].cell
        solid.plotSurface(x: -2...2, y: -2...2, n: 20, color: Color(hex: 0xf19ec2)) { x, y in x * x - y * y }
        solid.plot(Path3D(points: (0...6).map { Vector3(1.5 - 0.2 * Double($0), 0.1 * Double($0), 0) },
                          color: .black, lineWidth: 2))
        fig.add(solid)
        let anim = FigureAnimation(figure: fig, font: Self.font)
        #expect(anim.frameSteps == Array(0...10))
        let frames = anim.frames([0, 10])
        let area = fig.plotAreas(font: Self.font)[0].area
        #expect(orangePixels(frames[0], in: area) < orangePixels(frames[1], in: area),
                "the 2-D path grows")
        let viewport = fig.plotAreas(font: Self.font)[1].area
        #expect(frames[0].cropped(x: Int(viewport.minX), y: Int(viewport.minY), width: Int(viewport.width),
                                  height: Int(viewport.height))
                != frames[1].cropped(x: Int(viewport.minX), y: Int(viewport.minY), width: Int(viewport.width),
                                     height: Int(viewport.height)), "the 3-D path grows")
        #expect(frames[1] == fig.render(font: Self.font))
    }

    /// Straight-alpha `top` over opaque `bottom`, in 8-bit units.
    static func blend(_ top: Color, over bottom: Color) -> (UInt8, UInt8, UInt8) {
        func ch(_ t: Double, _ b: Double) -> UInt8 { UInt8((t * top.a + b * (1 - top.a)) * 255 + 0.5) }
        return (ch(top.r, bottom.r), ch(top.g, bottom.g), ch(top.b, bottom.b))
    }
}

extension LineStyle {
    func with(color: Color) -> LineStyle { var s = self; s.color = color; return s }
}
