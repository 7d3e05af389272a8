import Foundation
import Raster
import Testing
@testable import Plot

/// matplotlib's quiver arrow geometry, in shaft widths w: width 1, head 3 wide and
/// 5 long with barbs swept back from 4.5; arrows shorter than 5 are the length-5
/// arrow scaled down; shorter than 1, a hexagonal dot of diameter 1.
struct QuiverTests {
    func vertices(_ path: Path) -> [Point] {
        path.elements.compactMap { element -> Point? in
            switch element {
            case .move(let p), .line(let p): return p
            default: return nil
            }
        }
    }

    func near(_ a: Point, _ b: Point) -> Bool { abs(a.x - b.x) < 1e-9 && abs(a.y - b.y) < 1e-9 }

    @Test func aLongArrowHasAShaftAndASweptBackHead() {
        // Along +x from (10, 20), 40 px long, w = 2 px: L = 20 widths.
        let v = vertices(Quiver.arrow(from: Point(10, 20), to: Point(50, 20), shaftWidth: 2))
        let expected = [(0.0, 0.5), (15.5, 0.5), (15, 1.5), (20, 0), (15, -1.5), (15.5, -0.5), (0, -0.5)]
            .map { Point(10 + 2 * $0.0, 20 + 2 * $0.1) }
        #expect(v.count == 7)
        for (a, b) in zip(v, expected) { #expect(near(a, b), "\(a) vs \(b)") }
    }

    @Test func aShortArrowIsAScaledHead() {
        // L = 2.5 widths: the L = 5 outline (stub 0.5, head 3 wide) at half size.
        let v = vertices(Quiver.arrow(from: Point(0, 0), to: Point(0, 5), shaftWidth: 2))
        #expect(v.count == 7)
        #expect(near(v[3], Point(0, 5)))                       // the tip is the vector's end
        let across = v.map(\.x)
        #expect(abs(across.max()! - across.min()! - 3) < 1e-9)  // 3 widths × ½ × 2 px
        #expect(near(v[1], Point(-0.5, 0.5)))                    // stub 0.5 × ½ × 2 px long
    }

    @Test func aTinyArrowIsAHexagonalDotOfOneWidth() {
        let v = vertices(Quiver.arrow(from: Point(5, 5), to: Point(5.5, 5), shaftWidth: 2))
        #expect(v.count == 6)
        #expect(v.allSatisfy { abs(hypot($0.x - 5, $0.y - 5) - 1) < 1e-9 })
        #expect(vertices(Quiver.arrow(from: Point(5, 5), to: Point(5, 5), shaftWidth: 2)).count == 6)
    }

    @Test func defaultWidthClampsTheArrowCountAsMatplotlibDoes() {
        #expect(Quiver.defaultWidth(count: 10_000) == 0.06 / 25)   // seed 002's 100 × 100 arrows
        #expect(Quiver.defaultWidth(count: 4) == 0.06 / 8)
        #expect(Quiver.defaultWidth(count: 144) == 0.06 / 12)
    }
}
