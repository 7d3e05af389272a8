import Raster
import Testing
@testable import Vector

/// A diverging path's far points are clipped, not dropped: what the segments
/// draw inside the box is kept exactly.
struct FarPathClipperTests {
    let box = Rect(x: -100, y: -100, width: 300, height: 300)

    @Test func aPathThatLeavesAndComesBackKeepsBothSegmentsInside() {
        // Out to 10^20 and back: both halves cross the box's right edge at y = 50.
        let kept = FarPathClipper.clip([Point(0, 0), Point(1e20, 100), Point(0, 100)], to: box, closed: false)
        #expect(kept.first == Point(0, 0) && kept.last == Point(0, 100))
        #expect(kept.count == 4)
        #expect(kept.allSatisfy { $0.x <= 200 + 1e-9 && $0.x >= -100 })
        // The exit lies on the line from (0, 0) to (10^20, 100): y = 200·10^-18 there.
        #expect(abs(kept[1].x - 200) < 1e-9 && abs(kept[1].y) < 1e-12)
        #expect(abs(kept[2].x - 200) < 1e-9 && kept[2].y == 100)
    }

    @Test func pointsInsideLeaveThePathUntouched() {
        var path = Path()
        path.move(to: Point(1, 2)); path.line(to: Point(50, 60)); path.close()
        #expect(FarPathClipper.clipped(path, to: box, filled: true) == path)
    }

    @Test func aFilledTriangleWithAFarCornerFillsTheSameRegionInsideTheBox() {
        // The triangle (0,0), (10^15, 0), (0, 10): inside the box, the region
        // below the line y = 10 − 10^-14·x, i.e. the box's strip 0 ≤ y ≤ 10 to x = 200.
        var path = Path()
        path.move(to: Point(0, 0)); path.line(to: Point(1e15, 0)); path.line(to: Point(0, 10)); path.close()
        let clipped = FarPathClipper.clipped(path, to: box, filled: true)
        var points: [Point] = []
        for e in clipped.elements { if case .move(let p) = e { points.append(p) }; if case .line(let p) = e { points.append(p) } }
        // Shoelace area: the strip 200 × 10, less a sliver of 10^-14·200²/2.
        var area = 0.0
        for i in points.indices { let a = points[i], b = points[(i + 1) % points.count]; area += a.x * b.y - b.x * a.y }
        #expect(abs(abs(area) / 2 - 2000) < 1e-6)
    }

    @Test func nonFinitePointsEndTheSubpath() {
        var path = Path()
        path.move(to: Point(0, 0)); path.line(to: Point(10, 10)); path.line(to: Point(.infinity, 0)); path.line(to: Point(1e30, 5))
        let clipped = FarPathClipper.clipped(path, to: box, filled: false)
        #expect(clipped.elements == [.move(Point(0, 0)), .line(Point(10, 10))])
    }
}
