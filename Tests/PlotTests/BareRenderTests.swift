import Foundation
import Raster
import Testing
@testable import Plot

/// `bare` renders only the plot area; it must agree with an independent
/// rendering of the same bands (4 × 4 point samples a pixel, each coloured by the
/// band its f value falls in) — compared by structural similarity.
struct BareRenderTests {
    static let font = try! Font.defaultFont()
    static let f: @Sendable (Double, Double) -> Double = { 0.1 * $0 * $0 + 2 * $1 * $1 }

    func bareFigure(width: Int, height: Int) -> Figure {
        var fig = Figure(width: Double(width) / 100, height: Double(height) / 100, dpi: 100)
        let a = fig.addAxes()
        fig[axes: a].xlim = -5.5...3
        fig[axes: a].ylim = -3...3
        fig[axes: a].title = "hidden"
        fig[axes: a].xlabel = "hidden"
        fig[axes: a].contourf(domain: Rect(x: -5.5, y: -3, width: 8.5, height: 6), function: Self.f)
        fig.bare = true
        return fig
    }

    /// Point-sampled bands: no geometry shared with the contour code.
    func reference(width: Int, height: Int) -> Image {
        let levels = [0.0, 3, 6, 9, 12, 15, 18, 21, 24]
        var pixels = Image(width: width, height: height, background: .white).pixels
        for py in 0..<height {
            for px in 0..<width {
                var r = 0.0, g = 0.0, b = 0.0
                for sy in 0..<4 {
                    for sx in 0..<4 {
                        let x = -5.5 + 8.5 * (Double(px) + (Double(sx) + 0.5) / 4) / Double(width)
                        let y = 3 - 6 * (Double(py) + (Double(sy) + 0.5) / 4) / Double(height)
                        let v = Self.f(x, y)
                        let k = min(levels.count - 2, max(0, (levels.firstIndex { $0 > v } ?? levels.count) - 1))
                        let c = Colormap.gnuplot.color(at: (levels[k] + 1.5) / 24)
                        r += c.r; g += c.g; b += c.b
                    }
                }
                let i = (py * width + px) * 4
                pixels[i] = UInt8(r / 16 * 255 + 0.5)
                pixels[i + 1] = UInt8(g / 16 * 255 + 0.5)
                pixels[i + 2] = UInt8(b / 16 * 255 + 0.5)
            }
        }
        return Image(width: width, height: height, pixels: pixels)!
    }

    @Test func bareFillsTheCanvasWithThePlotArea() {
        let image = bareFigure(width: 320, height: 200).render(font: Self.font)
        #expect(image.width == 320 && image.height == 200)
        // No white margin anywhere on the border: the bands reach every edge.
        for x in 0..<320 { #expect(image[x, 0] != .white && image[x, 199] != .white) }
    }

    @Test(arguments: [(400, 300), (640, 360), (1000, 600)])
    func bareMatchesAnIndependentRendering(_ size: (Int, Int)) {
        let ours = bareFigure(width: size.0, height: size.1).render(font: Self.font)
        let ref = reference(width: size.0, height: size.1)
        let s = Self.ssim(ours, ref)
        #expect(s > 0.97, "SSIM \(s)")
    }

    /// Mean structural similarity of the luma of two images over 8 × 8 windows.
    static func ssim(_ a: Image, _ b: Image) -> Double {
        func luma(_ im: Image, _ x: Int, _ y: Int) -> Double {
            let i = (y * im.width + x) * 4
            return 0.299 * Double(im.pixels[i]) + 0.587 * Double(im.pixels[i + 1]) + 0.114 * Double(im.pixels[i + 2])
        }
        let c1: Double = 6.5025, c2: Double = 58.5225   // (0.01·255)², (0.03·255)²
        var total = 0.0, count = 0
        for wy in stride(from: 0, to: a.height - 7, by: 4) {
            for wx in stride(from: 0, to: a.width - 7, by: 4) {
                var sa = 0.0, sb = 0.0, saa = 0.0, sbb = 0.0, sab = 0.0
                for y in wy..<wy + 8 {
                    for x in wx..<wx + 8 {
                        let p = luma(a, x, y), q = luma(b, x, y)
                        sa += p; sb += q; saa += p * p; sbb += q * q; sab += p * q
                    }
                }
                let n = 64.0
                let ma = sa / n, mb = sb / n
                let va = saa / n - ma * ma, vb = sbb / n - mb * mb, cov = sab / n - ma * mb
                total += ((2 * ma * mb + c1) * (2 * cov + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
                count += 1
            }
        }
        return total / Double(count)
    }
}
