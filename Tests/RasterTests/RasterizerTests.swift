import Foundation
import Testing
@testable import Raster

/// Relative difference, for area checks.
func relativeError(_ a: Double, _ b: Double) -> Double { abs(a - b) / max(abs(b), 1e-12) }

let bigClip = Rect(x: -100, y: -100, width: 400, height: 400)

@Suite struct RasterizerTests {
    @Test(arguments: [
        Rect(x: 3.25, y: 4.6, width: 10.3, height: 7.15),
        Rect(x: 0.5, y: 0.5, width: 1, height: 1),
        Rect(x: 10.9, y: 2.05, width: 0.2, height: 30.7),
        Rect(x: 5, y: 5, width: 20, height: 10),
    ])
    func rectangleAreaIsExact(_ r: Rect) {
        let mask = Rasterizer.coverage(of: .rectangle(r), clip: bigClip)
        #expect(relativeError(mask.area, r.width * r.height) < 1e-4)
    }

    @Test func triangleAreaIsExact() {
        let pts = [Point(2.3, 1.7), Point(40.81, 9.2), Point(13.5, 33.33)]
        let expected = abs((pts[1] - pts[0]).cross(pts[2] - pts[0])) / 2
        for closed in [true, false] {  // fills close every subpath implicitly
            let mask = Rasterizer.coverage(of: Path(polyline: pts, closed: closed), clip: bigClip)
            #expect(relativeError(mask.area, expected) < 1e-4)
        }
        // Orientation does not matter for either rule.
        let reversed = Rasterizer.coverage(of: Path(polyline: pts.reversed(), closed: true),
                                           rule: .evenOdd, clip: bigClip)
        #expect(relativeError(reversed.area, expected) < 1e-4)
    }

    @Test(arguments: [(20.37, 15.81, 7.3), (50.5, 50.5, 1.2), (100.1, 80.9, 60.4)])
    func circleAreaWithinHalfPercent(_ cx: Double, _ cy: Double, _ r: Double) {
        let mask = Rasterizer.coverage(of: .circle(center: Point(cx, cy), radius: r), clip: bigClip)
        #expect(relativeError(mask.area, .pi * r * r) < 0.005)
    }

    @Test func pixelsInsideAreOneOutsideZero() {
        let mask = Rasterizer.coverage(of: .circle(center: Point(20.37, 15.81), radius: 7.3),
                                       clip: bigClip)
        #expect(mask[20, 15] == 1)
        #expect(mask[17, 13] == 1)
        #expect(mask[20, 5] == 0)   // above the circle, inside the mask's box
        #expect(mask[13, 8] == 0)   // the box's corner
        // An edge pixel: the rectangle's left edge at x = 3.25 covers 0.75 of column 3.
        let rect = Rasterizer.coverage(of: .rectangle(Rect(x: 3.25, y: 2, width: 5, height: 5)),
                                       clip: bigClip)
        #expect(abs(rect[3, 4] - 0.75) < 1e-5)
        #expect(rect[4, 4] == 1)
        #expect(rect[8, 4] == 0.25)
    }

    @Test func clippedShapesCoverOnlyTheClip() {
        // A circle cut by an integer clip, and a rectangle cut by a fractional one.
        let circle = Path.circle(center: Point(10, 10), radius: 6)
        let clip = Rect(x: 10, y: 0, width: 100, height: 100)
        let half = Rasterizer.coverage(of: circle, clip: clip)
        #expect(half.x == 10)
        #expect(relativeError(half.area, .pi * 36 / 2) < 0.005)

        let rect = Path.rectangle(Rect(x: -5, y: -5, width: 30, height: 30))
        let fractional = Rect(x: 2.5, y: 3.25, width: 10.1, height: 4.4)
        let cut = Rasterizer.coverage(of: rect, clip: fractional)
        #expect(relativeError(cut.area, 10.1 * 4.4) < 1e-4)
        #expect(abs(cut[2, 5] - 0.5) < 1e-5)      // half of column 2 is left of x = 2.5
        #expect(abs(cut[12, 5] - 0.6) < 1e-4)     // the clip ends at 12.6

        // A shape crossing the clip's left and right sides with slanted edges.
        let diamond = Path(polyline: [Point(0, 20), Point(20, 0), Point(40, 20), Point(20, 40)], closed: true)
        let mid = Rasterizer.coverage(of: diamond, clip: Rect(x: 10, y: 0, width: 20, height: 40))
        #expect(relativeError(mid.area, 800 - 2 * 100) < 1e-4)  // diamond 800 minus two corner triangles

        let outside = Rasterizer.coverage(of: circle, clip: Rect(x: 50, y: 50, width: 10, height: 10))
        #expect(outside.isEmpty || outside.area == 0)
    }

    @Test func evenOddAndNonZeroOnOverlappingSquares() {
        // Two same-direction 10×10 squares overlapping in a 5×5 square.
        var path = Path.rectangle(Rect(x: 0, y: 0, width: 10, height: 10))
        path.append(.rectangle(Rect(x: 5.0, y: 5.0, width: 10, height: 10)))
        let nz = Rasterizer.coverage(of: path, rule: .nonZero, clip: bigClip)
        let eo = Rasterizer.coverage(of: path, rule: .evenOdd, clip: bigClip)
        #expect(relativeError(nz.area, 175) < 1e-4)       // union
        #expect(relativeError(eo.area, 150) < 1e-4)       // symmetric difference
        #expect(nz[7, 7] == 1)
        #expect(eo[7, 7] == 0)
        // Fractional overlap: exact except in the two pixels where edges of both
        // squares cross (there ∫winding over the pixel cannot tell 0+2 from 1+1).
        var shifted = Path.rectangle(Rect(x: 0.3, y: 0.6, width: 10, height: 10))
        shifted.append(.rectangle(Rect(x: 5.55, y: 5.15, width: 10, height: 10)))
        let eo2 = Rasterizer.coverage(of: shifted, rule: .evenOdd, clip: bigClip)
        let overlap = (10.3 - 5.55) * (10.6 - 5.15)
        #expect(abs(eo2.area - (200 - 2 * overlap)) < 1.0)
        #expect(abs(eo2[7, 7] - 0) < 1e-6)
        #expect(abs(eo2[5, 7] - 0.55) < 1e-4)   // column 5: 0.55 in square 1 only, 0.45 in both
    }

    @Test func holesWithOppositeWinding() {
        // A ring: outer clockwise, inner counter-clockwise; both rules leave the hole empty.
        var ring = Path.rectangle(Rect(x: 0, y: 0, width: 20, height: 20))
        ring.append(Path(polyline: [Point(5, 5), Point(5, 15), Point(15, 15), Point(15, 5)], closed: true))
        for rule in [FillRule.nonZero, .evenOdd] {
            let m = Rasterizer.coverage(of: ring, rule: rule, clip: bigClip)
            #expect(relativeError(m.area, 300) < 1e-4)
            #expect(m[10, 10] == 0)
        }
    }

    @Test func nonFinitePointsAreNeverDrawn() {
        let nan = Double.nan, inf = Double.infinity
        let bad = Path(polyline: [Point(nan, 5), Point(10, 10), Point(inf, 3), Point(20, -inf)], closed: true)
        let m = Rasterizer.coverage(of: bad, clip: Rect(x: 0, y: 0, width: 50, height: 50))
        #expect(m.area == 0)
        #expect(m[0, 0] == 0)

        // A triangle with one NaN vertex in the middle: the rest still fills, nothing at the origin.
        var image = Image(width: 40, height: 40)
        let tri = Path(polyline: [Point(5, 5), Point(35, 5), Point(nan, nan), Point(35, 35), Point(5, 35)], closed: true)
        let mask = Rasterizer.coverage(of: tri, clip: image.bounds)
        image.composite(mask, color: .black)
        #expect(image[0, 0] == .clear)
        #expect(mask.area.isFinite)
        #expect(mask.values.allSatisfy { $0 >= 0 && $0 <= 1 })

        // Huge but finite coordinates are clipped, not wrapped.
        let huge = Path(polyline: [Point(-1e300, -1e300), Point(1e300, -1e300), Point(1e300, 1e300), Point(-1e300, 1e300)], closed: true)
        let full = Rasterizer.coverage(of: huge, clip: Rect(x: 0, y: 0, width: 30, height: 20))
        #expect(full.area == 600)
    }

    @Test func curvesAreFlattenedWithinTolerance() {
        let c = Path.circle(center: Point(0, 0), radius: 100)
        for line in c.flattened() {
            for p in line.points { #expect(abs(p.length - 100) < 0.03) }
            // Chord midpoints stay within the tolerance of the curve (plus the cubic's own error).
            for (a, b) in zip(line.points, line.points.dropFirst()) {
                #expect(100 - ((a + b) / 2).length < Path.flatteningTolerance + 0.03)
            }
        }
    }

    @Test func blockHintsHoldEveryNonZeroValue() throws {
        // A thin diagonal stroke (sparse rows) and a shape reaching the clip's right side.
        var path = Path(polyline: [Point(2, 3), Point(90, 50)]).stroked(StrokeStyle(width: 2))
        path.append(.rectangle(Rect(x: 60.5, y: 10.25, width: 100, height: 5)))
        let mask = Rasterizer.coverage(of: path, clip: Rect(x: 0, y: 0, width: 80, height: 60))
        let blocks = try #require(mask.blocks)
        var marked = [Bool](repeating: false, count: mask.values.count)
        for j in 0..<mask.height {
            blocks.forEachRun(row: j, width: mask.width) { from, to in
                for i in from..<to { marked[j * mask.width + i] = true }
            }
        }
        #expect(zip(mask.values, marked).allSatisfy { $0 == 0 || $1 })
        #expect(marked.filter { $0 }.count < mask.values.count / 2)   // and it does skip
        // Painting with and without the hint gives the same pixels.
        var a = Image(width: 80, height: 60, background: .white), b = a
        a.composite(mask, color: Color(hex: 0x1f77b4))
        var plain = mask
        plain.values[0] += 0   // any mutation drops the hint
        #expect(plain.blocks == nil)
        b.composite(plain, color: Color(hex: 0x1f77b4))
        #expect(a == b)
        #expect(a[70, 12] == Color(hex: 0x1f77b4))
    }

    @Test func emptyAndDegeneratePaths() {
        #expect(Rasterizer.coverage(of: Path(), clip: bigClip).isEmpty)
        let line = Path(polyline: [Point(1, 1), Point(30, 30)])
        #expect(Rasterizer.coverage(of: line, clip: bigClip).area == 0)
    }
}
