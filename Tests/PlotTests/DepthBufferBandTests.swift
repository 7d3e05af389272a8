import Testing
import Raster
@testable import Plot

/// `DepthBuffer.renderInBands` holds colour for one band of rows at a time; it
/// must give the same layer, depths and visibility as drawing the buffer whole.
struct DepthBufferBandTests {
    /// Overlapping triangles at varied depths, some reaching outside the buffer,
    /// from a fixed linear congruential sequence; `translucent` makes every
    /// third one half transparent.
    func triangles(translucent: Bool) -> [(Vector3, Vector3, Vector3, UInt32)] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        return (0..<60).map { k in
            func vertex() -> Vector3 { Vector3(-8 + 56 * next(), -8 + 46 * next(), next()) }
            let alpha: UInt32 = translucent && k % 3 == 0 ? 128 : 255
            let color = UInt32(k * 37 % 256) | UInt32(k * 91 % 256) << 8 | 0x40 << 16 | alpha << 24
            return (vertex(), vertex(), vertex(), color)
        }
    }

    @Test(arguments: [false, true])
    func bandsEqualTheWholeBuffer(translucent: Bool) {
        let tris = triangles(translucent: translucent)
        var whole = DepthBuffer(originX: 3, originY: 2, width: 40, height: 30, samples: 4)
        for t in tris { whole.fillTriangle(t.0, t.1, t.2, color: t.3) }
        let reference = whole.resolved()
        for band in [1, 3, 7, 64] {
            var banded = DepthBuffer(originX: 3, originY: 2, width: 40, height: 30, samples: 4, holdingColor: false)
            let layer = banded.renderInBands(bandHeight: band) { buffer in
                for t in tris { buffer.fillTriangle(t.0, t.1, t.2, color: t.3) }
            }
            #expect(layer == reference, "band \(band)")
            #expect(banded.depth == whole.depth, "band \(band)")
            #expect(banded.color.isEmpty)
            var same = true
            for py in 0..<34 {
                for px in 1..<45 {
                    for d: Float in [0.1, 0.5, 0.9] where banded.visibility(px: px, py: py, depth: d)
                        != whole.visibility(px: px, py: py, depth: d) { same = false }
                }
            }
            #expect(same, "visibility, band \(band)")
        }
    }
}
