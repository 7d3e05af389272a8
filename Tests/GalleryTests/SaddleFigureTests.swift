import Foundation
import Optimization
import Raster
import Testing
@testable import Gallery
@testable import Plot

/// Seed 004's "saddle" figures say the truth: what the function's critical
/// points are, what each run does, and the 3-D figures mark both points.
struct SaddleFigureTests {
    static let font = try! Font.defaultFont()
    let f = try! Objective.resolve("cubic-saddle")

    /// The Hessian by central differences of the exact gradient.
    func hessian(_ p: [Double], h: Double = 1e-6) -> [[Double]] {
        (0..<2).map { j in
            var a = p, b = p
            a[j] += h
            b[j] -= h
            let ga = f.gradient(a), gb = f.gradient(b)
            return (0..<2).map { i in (ga[i] - gb[i]) / (2 * h) }
        }
    }

    /// ∇f = (2·x1 + x2, 2·x2 + 3·x2² + x1) vanishes at (0, 0) and (0.25, −0.5)
    /// only: x1 = −x2/2 gives x2·(3/2 + 3·x2) = 0.
    @Test func theSaddlePointIsAtQuarterMinusHalfAndTheOriginIsAMinimum() {
        #expect(f.gradient([0.25, -0.5]) == [0, 0])
        #expect(f.gradient([0, 0]) == [0, 0])
        let hs = hessian([0.25, -0.5])
        #expect(abs(hs[0][0] - 2) < 1e-6 && abs(hs[0][1] - 1) < 1e-6 && abs(hs[1][1] + 1) < 1e-6)
        let detSaddle = hs[0][0] * hs[1][1] - hs[0][1] * hs[1][0]
        #expect(detSaddle < 0, "indefinite: one eigenvalue of each sign")
        #expect(abs(detSaddle + 3) < 1e-5)
        let hm = hessian([0, 0])
        #expect(abs(hm[0][0] - 2) < 1e-6 && abs(hm[0][1] - 1) < 1e-6 && abs(hm[1][1] - 2) < 1e-6)
        let detMin = hm[0][0] * hm[1][1] - hm[0][1] * hm[1][0]
        #expect(detMin > 0 && hm[0][0] > 0, "positive definite: a minimum, not a saddle")
        // The search the figures use finds exactly these two in the view.
        let found = CriticalPoints.find(f, x: -3...3, y: -3...3, saddles: true)
        #expect(found.count == 2)
        #expect(found.contains { $0.kind == .saddle && abs($0.point[0] - 0.25) < 1e-9 && abs($0.point[1] + 0.5) < 1e-9 })
        #expect(found.contains { $0.kind == .minimum && abs($0.point[0]) < 1e-9 && abs($0.point[1]) < 1e-9 })
    }

    func run(_ spec: String, from start: [Double]) throws -> Run {
        Run(objective: f, optimizer: try OptimizerSpec.parse(spec), start: start, steps: 150)
    }

    static let book = ["paddle.sgd(lr=0.01)", "paddle.adagrad(lr=0.5, epsilon=1e-7)",
                       "paddle.rmsprop(lr=0.1, beta=0.9, epsilon=1e-7)", "paddle.momentum(lr=0.01, rho=0.9)",
                       "paddle.adam(lr=0.1, beta1=0.9, beta2=0.99, epsilon=1e-7)"]

    /// What the captions of paddle_saddle* say the runs from (2, 3) do: four end
    /// within 0.13 of the minimum (RMSprop jitters within 0.23 of it after step
    /// 100), Momentum diverges, leaving the view [−3, 3]² at step 10.
    @Test func theBookRunsApproachTheMinimumAndMomentumDiverges() throws {
        for spec in Self.book {
            let r = try run(spec, from: [2, 3])
            if spec.contains("momentum") {
                #expect(r.divergedAt != nil)
                let leaves = r.points.firstIndex { abs($0[0]) > 3 || abs($0[1]) > 3 }
                #expect(leaves == 10)
                #expect(r.points[10][1] < -3)
            } else {
                #expect(r.divergedAt == nil)
                let end = r.points.last!
                #expect((end[0] * end[0] + end[1] * end[1]).squareRoot() < 0.13, "\(spec) ends at \(end)")
                if spec.contains("rmsprop") {
                    #expect(r.points[100...].allSatisfy { ($0[0] * $0[0] + $0[1] * $0[1]).squareRoot() < 0.23 })
                }
            }
        }
    }

    /// What paddle_saddle_escape says: from (0.25, −0.49), SGD is still within
    /// 0.06 of the saddle point after 150 steps, Momentum leaves 0.1 of it at
    /// step 37 and comes within 0.05 of the minimum at step 72, the adaptive
    /// three within 0.05 of the minimum by step 6.
    @Test func theEscapeFigureClaims() throws {
        func fromSaddle(_ p: [Double]) -> Double { ((p[0] - 0.25) * (p[0] - 0.25) + (p[1] + 0.5) * (p[1] + 0.5)).squareRoot() }
        func fromMinimum(_ p: [Double]) -> Double { (p[0] * p[0] + p[1] * p[1]).squareRoot() }
        for spec in Self.book {
            let r = try run(spec, from: [0.25, -0.49])
            #expect(r.divergedAt == nil)
            let near = r.points.firstIndex { fromMinimum($0) < 0.05 }
            switch spec {
            case _ where spec.contains("sgd"):
                #expect(r.points.allSatisfy { fromSaddle($0) < 0.06 })
                #expect(near == nil)
            case _ where spec.contains("momentum"):
                #expect(r.points.firstIndex { fromSaddle($0) > 0.1 } == 37)
                #expect(near == 72)
            default:
                #expect(near != nil && near! <= 6, "\(spec): \(String(describing: near))")
            }
        }
    }

    /// The 3-D figures mark the minimum and the saddle point, with legend
    /// entries that say which is which, and no caption calls (0, 0) a saddle.
    @Test func theFiguresMarkBothPointsAndTheCaptionsSayWhereTheSaddleIs() throws {
        let names = ["paddle_saddle", "paddle_saddle_anim", "paddle_saddle_orbit", "paddle_saddle_escape"]
        let specs = try Catalog.specs().filter { names.contains($0.name) }
        #expect(specs.count == names.count)
        for spec in specs {
            let caption = spec.caption ?? ""
            #expect(caption.contains("(0.25, −0.5)"), "\(spec.name): \(caption)")
            #expect(!caption.contains("leaving the saddle"), "\(spec.name): \(caption)")
            let fig = try FigureBuilder(spec: spec).build()
            let axes = fig[axes3D: 0]
            let labels = axes.markers.compactMap(\.label)
            #expect(labels.contains("local minimum (0, 0)"), "\(spec.name): \(labels)")
            #expect(labels.contains("saddle point (0.25, −0.5)"), "\(spec.name): \(labels)")
            #expect(axes.legendEntries.map(\.label).contains("saddle point (0.25, −0.5)"))
            let saddle = axes.markers.first { $0.label?.hasPrefix("saddle") == true }!
            #expect(abs(saddle.point.z - 0.0625) < 1e-9)
        }
    }

    /// The seed's 3-D figures keep matplotlib's default size (plt.figure():
    /// 6.4 × 4.8 in at 100 dpi); the orbit, which no seed draws, says why not.
    @Test func theBookFiguresHaveTheBooksSize() throws {
        for spec in try Catalog.specs() where ["paddle_saddle", "paddle_saddle_anim", "paddle_saddle_escape"].contains(spec.name) {
            let fig = try FigureBuilder(spec: spec).build()
            #expect(fig.pixelWidth == 640 && fig.pixelHeight == 480, "\(spec.name)")
        }
    }

    /// The orbit: at every frame's azimuth no tick label, axis label or the
    /// legend overlaps another, computed from the layout (not from pixels); the
    /// legend stays in one place.
    @Test func orbitTextsAndLegendNeverCollide() throws {
        let spec = try #require(try Catalog.specs().first { $0.name == "paddle_saddle_orbit" })
        let figure = try FigureBuilder(spec: spec).build()
        let n = try #require(figure.animation?.orbitFrames)
        var legendBoxes = Set<String>()
        for i in 0..<n {
            var turned = figure
            turned.panels = figure.panels.map { $0.turned(byAzimuth: 360 * Double((i + 1) % n) / Double(n)) }
            let scene = try #require(turned.laidOut(font: Self.font).first as? Scene3D)
            let layout = try #require(scene.frameLayout)
            let legend = try #require(scene.legendBox)
            legendBoxes.insert("\(legend)")
            let boxes = layout.texts.map { ($0.text, $0.box) } + [("legend", legend)]
            for a in boxes.indices {
                for b in boxes.indices where b > a {
                    #expect(!boxes[a].1.intersects(boxes[b].1),
                            "frame \(i): '\(boxes[a].0)' \(boxes[a].1) overlaps '\(boxes[b].0)' \(boxes[b].1)")
                }
            }
            let figureRect = Rect(x: 0, y: 0, width: Double(turned.pixelWidth), height: Double(turned.pixelHeight))
            #expect(figureRect.intersection(legend) == legend, "frame \(i): legend leaves the figure")
        }
        #expect(legendBoxes.count == 1, "the legend moves during the orbit: \(legendBoxes)")
    }
}
