import Foundation
import Raster
import Testing
@testable import Plot

/// `ContourGrid.regionOutline` covers the same region as `region` (what the
/// raster fills): rasterized, every pixel's coverage agrees to within what the
/// 0.05 px simplification can move an edge — and the outline is far smaller,
/// except where it falls back to the pieces (a level along the cells' diagonals).
struct ContourOutlineTests {
    static func grid(_ f: @escaping @Sendable (Double, Double) -> Double) -> ContourGrid {
        ContourGrid(x0: -2, x1: 2, y0: -1.5, y1: 1.5, nx: 81, ny: 61, f)
    }

    /// data [-2, 2] × [-1.5, 1.5] → pixels 400 × 300, y down.
    static let map = Transform(a: 100, b: 0, c: 0, d: -100, tx: 200, ty: 150)

    /// A test function and the levels to compare at.
    static func surface(_ name: String) -> (f: @Sendable (Double, Double) -> Double, levels: [Double]) {
        switch name {
        case "bowl": return ({ x, y in x * x + 2 * y * y }, [0.3, 1.0, 2.5, 5.0])
        case "saddle": return ({ x, y in x * x - y * y }, [-1.0, 0.0, 0.5])
        case "rastrigin":
            return ({ x, y in 20 + x * x - 10 * cos(2 * .pi * x) + y * y - 10 * cos(2 * .pi * y) }, [5.0, 15.0, 25.0])
        default: // holes: NaN samples inside a disc
            return ({ x, y in x * x + y * y < 0.2 ? .nan : sin(3 * x) * cos(2 * y) }, [-0.5, 0.0, 0.4])
        }
    }

    @Test(arguments: ["bowl", "saddle", "rastrigin", "holes"])
    func outlineFillsTheSameRegion(name: String) {
        let (f, levels) = Self.surface(name)
        let g = Self.grid(f)
        let clip = Rect(x: 0, y: 0, width: 400, height: 300)
        for level in levels {
            let pieces = g.region(atLeast: level, map: Self.map)
            let outline = g.regionOutline(atLeast: level, map: Self.map)
            let a = Rasterizer.coverage(of: pieces, rule: .nonZero, clip: clip)
            let b = Rasterizer.coverage(of: outline, rule: .nonZero, clip: clip)
            var worst: Float = 0
            for y in 0..<300 {
                for x in 0..<400 { worst = max(worst, abs(a[x, y] - b[x, y])) }
            }
            #expect(worst <= 0.06, "\(name) at \(level): coverage differs by \(worst)")
            #expect(outline.elements.count <= pieces.elements.count, "\(name) at \(level): the outline is larger")
            // Only the degenerate saddle at 0 (the level along the cells' diagonals) falls back to the pieces.
            if name != "saddle" || level != 0 {
                #expect(outline.elements.count * 5 < pieces.elements.count, "\(name) at \(level): the outline is not smaller")
            }
        }
    }
}
