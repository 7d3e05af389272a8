import Foundation
import Testing
@testable import Raster

/// Area covered by the stroke of `path`.
func strokeArea(_ path: Path, _ style: StrokeStyle) -> Double {
    Rasterizer.coverage(of: path.stroked(style), clip: Rect(x: -200, y: -200, width: 800, height: 800)).area
}

@Suite struct StrokerTests {
    let line = Path(polyline: [Point(10.3, 20.7), Point(50.3, 20.7)])   // L = 40

    @Test func capsOnAHorizontalLine() {
        let w = 3.0
        #expect(relativeError(strokeArea(line, StrokeStyle(width: w, cap: .butt)), 40 * w) < 1e-4)
        #expect(relativeError(strokeArea(line, StrokeStyle(width: w, cap: .square)), (40 + w) * w) < 1e-4)
        #expect(relativeError(strokeArea(line, StrokeStyle(width: w, cap: .round)),
                              40 * w + .pi * (w / 2) * (w / 2)) < 0.002)
    }

    @Test func slantedLineKeepsItsArea() {
        let slanted = Path(polyline: [Point(3.7, 5.2), Point(63.7, 85.2)])  // length 100
        #expect(relativeError(strokeArea(slanted, StrokeStyle(width: 1.5)), 150) < 1e-3)
    }

    @Test func joinsOnARightAngle() {
        // East then south (y down); w = 4: two 30 × 4 rectangles overlapping in 2 × 2,
        // plus the outer 2 × 2 corner: whole (miter), half (bevel), a quarter disc (round).
        let corner = Path(polyline: [Point(10, 10), Point(40, 10), Point(40, 40)])
        let base = 240.0 - 4
        #expect(relativeError(strokeArea(corner, StrokeStyle(width: 4, join: .miter)), base + 4) < 1e-4)
        #expect(relativeError(strokeArea(corner, StrokeStyle(width: 4, join: .bevel)), base + 2) < 1e-4)
        #expect(relativeError(strokeArea(corner, StrokeStyle(width: 4, join: .round)), base + .pi) < 1e-3)
    }

    @Test func miterLimitFallsBackToBevel() {
        // A 160° turn: miter ratio 1/cos(80°) ≈ 5.76.
        let theta = 160.0 * .pi / 180
        let b = Point(60, 50)
        let path = Path(polyline: [Point(10, 50), b, b + Point(cos(theta), sin(theta)) * 50])
        let hw = 2.0
        let bevel = strokeArea(path, StrokeStyle(width: 2 * hw, join: .bevel))
        let limited = strokeArea(path, StrokeStyle(width: 2 * hw, join: .miter, miterLimit: 4))
        let sharp = strokeArea(path, StrokeStyle(width: 2 * hw, join: .miter, miterLimit: 10))
        #expect(abs(limited - bevel) < 1e-3)
        // The miter kite minus the bevel triangle: hw² (tan(θ/2) − sin(θ)/2).
        let extra = hw * hw * (tan(theta / 2) - sin(theta) / 2)
        #expect(relativeError(sharp - bevel, extra) < 0.01)
    }

    @Test func circleStrokeIsAnAnnulus() {
        // Many short segments with round joins: the overlaps inside do not leak out.
        let r = 30.0, w = 2.5
        let ring = Path.circle(center: Point(60.4, 60.7), radius: r)
        #expect(relativeError(strokeArea(ring, StrokeStyle(width: w)), 2 * .pi * r * w) < 0.001)
    }

    @Test func splittingASegmentChangesNothing() {
        // Collinear pieces meet without seams: the same pixels as the unsplit line.
        let whole = Path(polyline: [Point(5.3, 7.6), Point(45.9, 27.9)])
        let split = Path(polyline: [Point(5.3, 7.6), Point(15.45, 12.675), Point(30.6, 20.25), Point(45.9, 27.9)])
        let clip = Rect(x: 0, y: 0, width: 60, height: 40)
        for join in [LineJoin.miter, .round, .bevel] {
            let a = Rasterizer.coverage(of: whole.stroked(StrokeStyle(width: 3, join: join)), clip: clip)
            let b = Rasterizer.coverage(of: split.stroked(StrokeStyle(width: 3, join: join)), clip: clip)
            let diff = zip(a.values, b.values).map { abs($0 - $1) }.max() ?? 0
            #expect(a.width == b.width && a.height == b.height)
            #expect(diff < 1e-3)
        }
    }

    @Test func translucentStrokeIsUniformWhereItCrossesItself() {
        // A bow tie crossing itself at (20, 20), and a reversal over the same pixels.
        let bow = Path(polyline: [Point(5, 5), Point(35, 35), Point(35, 5), Point(5, 35)])
        var canvas = RasterCanvas(width: 40, height: 40, background: .white)
        canvas.stroke(bow, style: StrokeStyle(width: 4), color: Color.black.withAlpha(0.5))
        #expect(canvas.image[20, 20] == canvas.image[10, 10])
        #expect(canvas.image[35, 20] == canvas.image[10, 10])   // on the vertical side
        #expect(canvas.image[10, 10].r > 0.45 && canvas.image[10, 10].r < 0.55)
    }

    @Test func closedPathsHaveNoCaps() {
        let square = Path.rectangle(Rect(x: 10, y: 10, width: 20, height: 20))
        // Outer 24 × 24 minus inner 16 × 16 with miter joins, whatever the cap.
        for cap in [LineCap.butt, .square, .round] {
            let a = strokeArea(square, StrokeStyle(width: 4, join: .miter, cap: cap))
            #expect(relativeError(a, 24 * 24 - 16 * 16) < 1e-4)
        }
    }

    @Test func pointsBecomeDotsWithRoundOrSquareCaps() {
        var p = Path()
        p.move(to: Point(20.5, 20.5))
        p.line(to: Point(20.5, 20.5))
        #expect(strokeArea(p, StrokeStyle(width: 4, cap: .butt)) == 0)
        #expect(relativeError(strokeArea(p, StrokeStyle(width: 4, cap: .square)), 16) < 1e-4)
        #expect(relativeError(strokeArea(p, StrokeStyle(width: 4, cap: .round)), 4 * .pi) < 0.005)
        var lone = Path()
        lone.move(to: Point(5, 5))
        #expect(strokeArea(lone, StrokeStyle(width: 4, cap: .round)) == 0)
    }

    @Test func nonFinitePointsBreakTheStroke() {
        let path = Path(polyline: [Point(10, 10), Point(30, 10), Point(.nan, 5), Point(10, 30), Point(30, 30)])
        // Two separate 20-long butt strokes; nothing reaches the origin.
        let mask = Rasterizer.coverage(of: path.stroked(StrokeStyle(width: 2)), clip: Rect(x: 0, y: 0, width: 50, height: 50))
        #expect(relativeError(mask.area, 80) < 1e-4)
        #expect(mask[0, 0] == 0)
        #expect(Path().stroked(StrokeStyle(width: 2)).isEmpty)
        #expect(line.stroked(StrokeStyle(width: .nan)).isEmpty)
        #expect(line.stroked(StrokeStyle(width: 0)).isEmpty)
    }
}

@Suite struct DasherTests {
    let line = Path(polyline: [Point(10.25, 30.5), Point(110.25, 30.5)])   // L = 100

    @Test func dashLengthsGiveTheExpectedArea() {
        // [10, 5]: on at 0, 15, …, 90 → 7 dashes of 10.
        #expect(relativeError(strokeArea(line, StrokeStyle(width: 2, dashes: [10, 5])), 140) < 1e-4)
        // Phase 3: [0,7] then six full dashes at 12, 27, …, 87 → 67.
        #expect(relativeError(strokeArea(line, StrokeStyle(width: 2, dashes: [10, 5], dashPhase: 3)), 134) < 1e-4)
        // Phase −3 ≡ 12: off for 3, then dashes at 3, 18, …, 93 (the last cut to 7) → 67.
        #expect(relativeError(strokeArea(line, StrokeStyle(width: 2, dashes: [10, 5], dashPhase: -3)), 134) < 1e-4)
        // An odd pattern repeats: [6] = [6, 6] → eight of 6 and a last of 4 → 52.
        #expect(relativeError(strokeArea(line, StrokeStyle(width: 2, dashes: [6])), 104) < 1e-4)
        // Butt caps per dash; square caps lengthen each of the 7 dashes by w.
        #expect(relativeError(strokeArea(line, StrokeStyle(width: 2, cap: .square, dashes: [10, 5])), 2 * (70 + 7 * 2)) < 1e-4)
    }

    @Test func dashesFollowCorners() {
        // An L of 50 + 50; [20, 10] → on 0–20, 30–50 (ends at the corner), 60–80, 90–100.
        let l = Path(polyline: [Point(10, 10), Point(60, 10), Point(60, 60)])
        let dashed = l.dashed([20, 10], phase: 0)
        #expect(dashed.flattened().count == 4)
        #expect(relativeError(strokeArea(l, StrokeStyle(width: 2, dashes: [20, 10])), 2 * 70) < 1e-4)
    }

    @Test func zeroLengthDashesAreDots() {
        // [0, 10] with round caps: a dot every 10 px, both ends included → 11 discs.
        let area = strokeArea(line, StrokeStyle(width: 2, cap: .round, dashes: [0, 10]))
        #expect(relativeError(area, 11 * .pi) < 0.005)
        #expect(strokeArea(line, StrokeStyle(width: 2, cap: .butt, dashes: [0, 10])) == 0)
    }

    @Test func closedPathsJoinTheirFirstAndLastDash() {
        let square = Path.rectangle(Rect(x: 10, y: 10, width: 25, height: 25))  // perimeter 100
        let dashed = square.dashed([10, 5], phase: 0)
        let pieces = dashed.flattened()
        #expect(pieces.count == 6)   // 7 dashes, the last running into the first
        #expect(pieces.allSatisfy { !$0.isClosed })
        let unbroken = square.dashed([1000, 1], phase: 0)
        #expect(unbroken.flattened().count == 1 && unbroken.flattened()[0].isClosed)
    }

    @Test func invalidPatternsDrawSolid() {
        for pattern in [[], [0.0, 0.0], [-1.0, 2.0], [Double.nan, 1.0], [1e-9, 1e-9]] {
            #expect(line.dashed(pattern, phase: 0) == line)
        }
    }
}
