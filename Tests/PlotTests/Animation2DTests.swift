import Foundation
import Raster
import Testing
@testable import Plot

struct Animation2DTests {
    static let font = try! Font.defaultFont()

    /// A small contour figure with one growing path of 10 steps, an end marker and a legend.
    func figure() -> Figure {
        var fig = Figure(width: 4, height: 3, dpi: 100)
        let a = fig.addAxes()
        fig.axes[a].xlim = -5.5...3
        fig.axes[a].ylim = -3...3
        fig.axes[a].contourf(domain: Rect(x: -5.5, y: -3, width: 8.5, height: 6)) { 0.1 * $0 * $0 + 2 * $1 * $1 }
        var pts = [Point(-5, -2)]
        for _ in 0..<10 { let p = pts.last!; pts.append(Point(p.x * 0.9, p.y * 0.6)) }
        var path = Line2D(points: pts, style: LineStyle(format: "-o")!.with(color: Color(hex: 0xff7f0e)), label: "path")
        path.animationRole = .growing
        fig.axes[a].add(path)
        var end = Line2D(points: [pts.last!], style: LineStyle(format: "wo")!)
        end.animationRole = .final(step: 10)
        fig.axes[a].add(end)
        fig.axes[a].legend = Legend(location: .upperRight)
        return fig
    }

    @Test func framesCoverEveryStepAndEndAtTheLast() {
        let anim = Animation2D(figure: figure(), font: Self.font)
        #expect(anim.lastStep == 10)
        #expect(anim.frameSteps() == Array(0...10))
        #expect(anim.frameSteps(stepsPerFrame: 4) == [0, 4, 8, 10])
    }

    @Test func pathGrowsAndFramesAreDeterministic() {
        let anim = Animation2D(figure: figure(), font: Self.font)
        let f0 = anim.frame(0), f5 = anim.frame(5), f10 = anim.frame(10)
        let orange = (UInt8(0xff), UInt8(0x7f), UInt8(0x0e))
        func orangePixels(_ im: Image) -> Int {
            stride(from: 0, to: im.pixels.count, by: 4).filter {
                (im.pixels[$0], im.pixels[$0 + 1], im.pixels[$0 + 2]) == orange
            }.count
        }
        #expect(orangePixels(f0) < orangePixels(f5))
        #expect(orangePixels(f5) < orangePixels(f10))
        #expect(anim.frame(5) == f5)
        // Beyond the last step nothing changes.
        #expect(anim.frame(12) == f10)
    }

    @Test func lastFrameMatchesTheStillExceptAroundTheHead() {
        let fig = figure()
        let still = fig.render(font: Self.font)
        let last = Animation2D(figure: fig, font: Self.font).frame(10)
        let head = fig.plotAreas(font: Self.font)[0].dataToPixel.apply(Point(-5 * pow(0.9, 10), -2 * pow(0.6, 10)))
        var far = 0
        for y in 0..<still.height {
            for x in 0..<still.width where still[x, y] != last[x, y] {
                if Point(Double(x), Double(y)).distance(to: head) > 12 { far += 1 }
            }
        }
        #expect(far == 0, "\(far) pixels differ away from the head marker")
    }

    @Test func legendStaysAbovePaths() {
        let fig = figure()
        let anim = Animation2D(figure: fig, font: Self.font)
        // The legend is in the static render's overlay; with legend the still and frame agree there.
        #expect(!anim.overlay.isEmpty)
    }
}

extension LineStyle {
    func with(color: Color) -> LineStyle { var s = self; s.color = color; return s }
}
