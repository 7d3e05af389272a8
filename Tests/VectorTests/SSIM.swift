import Raster

/// Structural similarity (Wang et al. 2004) of two images' luma over a
/// rectangle: the mean of SSIM over 8 × 8 windows every 2 pixels, with the
/// usual constants for 8-bit values (C1 = (0.01 · 255)², C2 = (0.03 · 255)²).
/// Pixels are composited over white first (a transparent page reads as paper).
/// Window sums come from summed-area tables, so the cost is linear in the area.
enum SSIM {
    /// Rec. 601 luma over white, 0…255, row by row.
    static func luma(_ image: Image) -> [Double] {
        var out = [Double](repeating: 0, count: image.width * image.height)
        image.pixels.withUnsafeBufferPointer { p in
            for k in out.indices {
                let a = Double(p[4 * k + 3]) / 255
                let r = Double(p[4 * k]) * a + 255 * (1 - a)
                let g = Double(p[4 * k + 1]) * a + 255 * (1 - a)
                let b = Double(p[4 * k + 2]) * a + 255 * (1 - a)
                out[k] = 0.299 * r + 0.587 * g + 0.114 * b
            }
        }
        return out
    }

    /// Summed-area table of `v` (w × h) with a zero first row and column.
    static func table(_ v: [Double], _ w: Int, _ h: Int) -> [Double] {
        var t = [Double](repeating: 0, count: (w + 1) * (h + 1))
        for y in 0..<h {
            var row = 0.0
            for x in 0..<w {
                row += v[y * w + x]
                t[(y + 1) * (w + 1) + x + 1] = t[y * (w + 1) + x + 1] + row
            }
        }
        return t
    }

    /// Mean SSIM of `a` and `b` (the same size) over `x0..<x1 × y0..<y1`; 1 for identical images.
    static func mean(_ a: Image, _ b: Image, x0: Int, y0: Int, x1: Int, y1: Int) -> Double {
        precondition(a.width == b.width && a.height == b.height)
        let w = a.width, h = a.height
        let la = luma(a), lb = luma(b)
        let ta = table(la, w, h), tb = table(lb, w, h)
        let taa = table(la.map { $0 * $0 }, w, h), tbb = table(lb.map { $0 * $0 }, w, h)
        let tab = table(zip(la, lb).map { $0 * $1 }, w, h)
        func sum(_ t: [Double], _ x: Int, _ y: Int, _ s: Int) -> Double {
            let W = w + 1
            return t[(y + s) * W + x + s] - t[y * W + x + s] - t[(y + s) * W + x] + t[y * W + x]
        }
        let s = 8, step = 2, n = Double(s * s)
        let c1 = (0.01 * 255) * (0.01 * 255), c2 = (0.03 * 255) * (0.03 * 255)
        var total = 0.0, count = 0
        var y = max(0, y0)
        while y + s <= min(y1, h) {
            var x = max(0, x0)
            while x + s <= min(x1, w) {
                let ma = sum(ta, x, y, s) / n, mb = sum(tb, x, y, s) / n
                let va = sum(taa, x, y, s) / n - ma * ma, vb = sum(tbb, x, y, s) / n - mb * mb
                let cov = sum(tab, x, y, s) / n - ma * mb
                total += (2 * ma * mb + c1) * (2 * cov + c2) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
                count += 1
                x += step
            }
            y += step
        }
        return count == 0 ? 1 : total / Double(count)
    }
}
