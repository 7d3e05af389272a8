import Foundation
import Raster
import Testing
@testable import Plot

/// `ContourGrid.regionOutline` covers the same region as `region` (what the
/// raster fills): rasterized, every pixel's coverage agrees to within what the
/// 0.05 px simplification can move an edge — and the outline is far smaller.
struct ContourOutlineTests {
    static func grid(_ f: @escaping @Sendable (Double, Double) -> Double) -> ContourGrid {
        ContourGrid(x0: -2, x1: 2, y0: -1.5, y1: 1.5, nx: 81, ny: 61, f)
    }

    /// data [-2, 2] × [-1.5, 1.5] → pixels 400 × 300, y down.
    static let map = Transform(a: 100, b: 0, c: 0, d: -100, tx: 200, ty: 150)

    @Test(arguments: [
        ("bowl", { (x: Double, y: Double) in x * x + 2 * y * y } as @Sendable (Double, Double) -> Double, [0.3, 1.0, 2.5, 5.0]),
        ("saddle", { (x: Double, y: Double) in x * x - y * y }, [-1.0, 0.0, 0.5]),
        ("rastrigin", { (x: Double, y: Double) in
            20 + x * x - 10 * cos(2 * .pi * x) + y * y - 10 * cos(2 * .pi * y) }, [5.0, 15.0, 25.0]),
        ("holes", { (x: Double, y: Double) in x * x + y * y < 0.2 ? .nan : sin(3 * x) * cos(2 * y) }, [-0.5, 0.0, 0.4]),
    ])
    func outlineFillsTheSameRegion(name: String, f: @escaping @Sendable (Double, Double) -> Double, levels: [Double]) {
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
            #expect(outline.elements.count < pieces.elements.count, "\(name) at \(level): the outline is not smaller")
        }
    }
}
