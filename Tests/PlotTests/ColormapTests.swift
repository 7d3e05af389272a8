import Testing
import Raster
@testable import Plot

struct ColormapTests {
    /// matplotlib 3.11.2: `colormaps['gnuplot'](x)` for x = 0.0625, 0.5, 0.99, 1.0.
    @Test func gnuplotMatchesMatplotlib() {
        let expected: [(Double, (Double, Double, Double))] = [
            (0.0625, (0.25049, 0.000247, 0.384106)),
            (0.5, (0.708492, 0.126476, 0.0)),
            (0.99, (0.996071, 0.976655, 0.0)),
            (1.0, (1.0, 1.0, 0.0)),
        ]
        for (x, (r, g, b)) in expected {
            let c = Colormap.gnuplot.color(at: x)
            #expect(abs(c.r - r) < 2e-6 && abs(c.g - g) < 2e-6 && abs(c.b - b) < 2e-6, "x = \(x): \(c)")
        }
    }

    @Test func lookupIsQuantizedAndClipped() {
        let m = Colormap.gnuplot
        #expect(m.lut.count == 256)
        #expect(m.color(at: -1) == m.lut[0])
        #expect(m.color(at: 2) == m.lut[255])
        // Int(x·256): 0.5 → entry 128, 0.4999 → 127.
        #expect(m.color(at: 0.5) == m.lut[128])
        #expect(m.color(at: 0.4999) == m.lut[127])
        #expect(m.reversed.color(at: 0) == m.lut[255])
        #expect(Colormap.named("gnuplot_r")?.lut.first == m.lut.last)
        #expect(Colormap.named("nope") == nil)
    }
}
