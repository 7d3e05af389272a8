import Foundation
import Raster

/// A supersampled depth and colour buffer over a rectangle of pixels: what the
/// 3-D surface is rendered into, and what paths are depth-tested against.
///
/// Each pixel holds `samples × samples` samples on a regular grid (sample (i, j)
/// of the buffer sits at pixel coordinates `origin + (i + ½, j + ½) / samples`).
/// A sample stores the depth of the nearest triangle covering it (smaller is
/// nearer, as `Camera3D.project` returns it; +∞ where empty) and that triangle's
/// RGBA colour. `resolve` averages the samples of each pixel, which anti-aliases
/// every edge — silhouettes and one part of the surface passing in front of
/// another alike — while neighbouring triangles never leave a seam: vertices are
/// snapped to 1/256 sample and edge functions are evaluated exactly in integers,
/// with a tie rule that gives a sample on a shared edge to exactly one triangle.
///
/// Drawing never fails: triangles outside the buffer, degenerate or with a
/// non-finite vertex are skipped. Memory is 8 bytes a sample (16 samples a pixel
/// at the default 4 × 4) when drawn whole; `renderInBands` keeps colour for one
/// band of rows at a time, so a scene holds 4 bytes a sample (depth) plus one
/// band's colour — and, only when some covered sample is translucent, 1 byte a
/// sample of alpha for `visibility`.
public struct DepthBuffer: Sendable {
    /// Pixel coordinates of the buffer's top-left pixel.
    public let originX: Int, originY: Int
    /// Size in pixels.
    public let width: Int, height: Int
    /// Samples per pixel along each axis (1…8).
    public let samples: Int
    /// Depth per sample, row by row over `width·samples × height·samples`.
    public private(set) var depth: [Float]
    /// RGBA8 per sample packed as r | g << 8 | b << 16 | a << 24; 0 where empty;
    /// for the sample rows `colorRows` only (all rows, unless inside
    /// `renderInBands`; none after it).
    public private(set) var color: [UInt32]
    /// The sample rows that `color` holds and that drawing writes (depth too).
    public private(set) var colorRows: Range<Int>
    /// Alpha per sample kept by `renderInBands` when a covered sample is
    /// translucent; nil when every covered sample is opaque (or colour is whole).
    private var alpha: [UInt8]?
    /// Whether a translucent colour has been drawn (only then can a sample be).
    private var drewTranslucent = false

    /// Sub-sample precision of vertex positions (8 bits).
    static let subBits: Int64 = 8

    /// An empty buffer over `width × height` pixels at (`originX`, `originY`).
    /// Sizes below 0 become 0; `samples` is clamped to 1…8. `holdingColor: false`
    /// allocates no colour (for `renderInBands`, which allocates one band's).
    public init(originX: Int, originY: Int, width: Int, height: Int, samples: Int = 4,
                holdingColor: Bool = true) {
        self.originX = originX
        self.originY = originY
        self.width = max(0, width)
        self.height = max(0, height)
        self.samples = min(max(samples, 1), 8)
        let n = self.width * self.samples * self.height * self.samples
        depth = [Float](repeating: .infinity, count: n)
        color = holdingColor ? [UInt32](repeating: 0, count: n) : []
        colorRows = holdingColor ? 0..<(self.height * self.samples) : 0..<0
    }

    var sampleWidth: Int { width * samples }
    var sampleHeight: Int { height * samples }

    /// Packs a colour with an extra opacity factor.
    static func pack(_ c: Color, alpha: Double = 1) -> UInt32 {
        let (r, g, b, _) = c.rgba8
        let a = UInt32(min(max(c.a * alpha * 255 + 0.5, 0), 255))
        return UInt32(r) | UInt32(g) << 8 | UInt32(b) << 16 | a << 24
    }

    /// Draws a triangle with vertices in (pixel x, pixel y, depth), depth-tested:
    /// each covered sample takes `color` where the triangle is nearer than what
    /// the sample holds. `color` is packed as `DepthBuffer.pack` does.
    public mutating func fillTriangle(_ a: Vector3, _ b: Vector3, _ c: Vector3, color packed: UInt32) {
        guard a.isFinite, b.isFinite, c.isFinite, width > 0, height > 0 else { return }
        if packed >> 24 != 255 { drewTranslucent = true }
        let s = Double(samples), unit = Double(1 << DepthBuffer.subBits)
        // Drawn in bands (`renderInBands`), every triangle comes once per band
        // and most miss it: reject those on their vertices' rows before the
        // set-up below (rounding, Cramer's rule), which cost more than the rows
        // filled. The vertex rows are widened by a whole sample, far more than
        // snapping moves them, so no triangle that covers a row of the band is
        // rejected: the samples are the same as without this test.
        let top = (min(a.y, b.y, c.y) - Double(originY)) * s - 0.5
        let bottom = (max(a.y, b.y, c.y) - Double(originY)) * s - 0.5
        if bottom + 1 < Double(colorRows.lowerBound) || top - 1 > Double(colorRows.upperBound - 1) { return }
        // Sample space: sample centres at integer coordinates; then fixed point.
        func snap(_ p: Vector3) -> (Int64, Int64) {
            let x = ((p.x - Double(originX)) * s - 0.5) * unit
            let y = ((p.y - Double(originY)) * s - 0.5) * unit
            return (Int64(max(-1e12, min(1e12, x)).rounded()), Int64(max(-1e12, min(1e12, y)).rounded()))
        }
        var (p0, p1, p2) = (snap(a), snap(b), snap(c))
        var (z0, z1, z2) = (a.z, b.z, c.z)
        // E_ab(p) = (b − a) × (p − a); positive area means interior has all E > 0.
        var area = (p1.0 - p0.0) * (p2.1 - p0.1) - (p1.1 - p0.1) * (p2.0 - p0.0)
        if area == 0 { return }
        if area < 0 { swap(&p1, &p2); swap(&z1, &z2); area = -area }

        // Bounding box in whole samples, clipped to the buffer.
        let sh = DepthBuffer.subBits
        let minX = max(0, Int((min(p0.0, p1.0, p2.0) + (1 << sh) - 1) >> sh))
        let maxX = min(sampleWidth - 1, Int(max(p0.0, p1.0, p2.0) >> sh))
        let minY = max(0, Int((min(p0.1, p1.1, p2.1) + (1 << sh) - 1) >> sh))
        let maxY = min(sampleHeight - 1, Int(max(p0.1, p1.1, p2.1) >> sh))
        guard minX <= maxX, minY <= maxY else { return }
        // Only the rows colour is held for (a band); every row's values below are
        // computed from (minX, minY) exactly as when the whole triangle is drawn,
        // so drawing in bands writes the same bits.
        let firstRow = max(minY, colorRows.lowerBound), lastRow = min(maxY, colorRows.upperBound - 1)
        guard firstRow <= lastRow else { return }

        // Depth is affine over the triangle: z = z0 + gx·(x − x0) + gy·(y − y0) in
        // fixed-point units, from the snapped vertices (Cramer's rule).
        let (dx1, dy1) = (Double(p1.0 - p0.0), Double(p1.1 - p0.1))
        let (dx2, dy2) = (Double(p2.0 - p0.0), Double(p2.1 - p0.1))
        let (dz1, dz2) = (z1 - z0, z2 - z0)
        let det = Double(area)
        let gx = (dz1 * dy2 - dz2 * dy1) / det * unit   // per sample step
        let gy = (dz2 * dx1 - dz1 * dx2) / det * unit

        // Edge functions and their per-sample steps; the tie rule: a sample
        // exactly on edge a→b is inside when the edge runs down (dy > 0) or
        // exactly right (dy = 0, dx > 0) — of an edge's two directions, one
        // qualifies, so a shared edge's samples go to one triangle only.
        let step = Int64(1) << sh
        func edge(_ a: (Int64, Int64), _ b: (Int64, Int64)) -> (e: Int64, sx: Int64, sy: Int64) {
            let (ex, ey) = (b.0 - a.0, b.1 - a.1)
            let px = Int64(minX) << sh, py = Int64(minY) << sh
            let e = ex * (py - a.1) - ey * (px - a.0)
            let bias: Int64 = (ey > 0 || (ey == 0 && ex > 0)) ? 0 : -1
            return (e + bias, -ey * step, ex * step)
        }
        var e0 = edge(p1, p2), e1 = edge(p2, p0), e2 = edge(p0, p1)
        let zStart = z0 + gx * (Double(minX) - Double(p0.0) / unit) + gy * (Double(minY) - Double(p0.1) / unit)
        let sw = sampleWidth, bandStart = colorRows.lowerBound
        // Edge values at row firstRow: e + sy·(firstRow − minY), the sum the row
        // steps would reach (wrapping arithmetic equals it whenever it fits).
        let skip = Int64(firstRow - minY)
        e0.e = e0.e &+ e0.sy &* skip; e1.e = e1.e &+ e1.sy &* skip; e2.e = e2.e &+ e2.sy &* skip
        depth.withUnsafeMutableBufferPointer { zbuf in
            color.withUnsafeMutableBufferPointer { cbuf in
                for y in firstRow...lastRow {
                    var (w0, w1, w2) = (e0.e, e1.e, e2.e)
                    var z = zStart + gy * Double(y - minY)
                    var i = y * sw + minX
                    var ci = (y - bandStart) * sw + minX
                    for _ in minX...maxX {
                        if (w0 | w1 | w2) >= 0 {   // all three non-negative
                            let zf = Float(z)
                            if zf < zbuf[i] { zbuf[i] = zf; cbuf[ci] = packed }
                        }
                        w0 += e0.sx; w1 += e1.sx; w2 += e2.sx
                        z += gx
                        i += 1
                        ci += 1
                    }
                    e0.e += e0.sy; e1.e += e1.sy; e2.e += e2.sy
                }
            }
        }
    }

    /// The buffer resolved to colour: each pixel gets the mean colour of its
    /// covered samples at opacity Σ alpha / samples², to be drawn source-over
    /// (`Canvas.draw`). Pixels with no covered sample stay transparent.
    /// Only the rows colour is held for are resolved (all, unless in bands).
    public func resolved() -> PixelLayer {
        var layer = PixelLayer(x: originX, y: originY, width: width, height: height)
        resolve(into: &layer)
        return layer
    }

    /// Draws with `draw` one band of `bandHeight` pixel rows at a time — colour
    /// held for that band only, depth for all — resolving each band into the
    /// returned layer; then drops the colour, keeping per-sample alpha only if a
    /// covered sample is translucent. `draw` is called once per band and must
    /// draw the whole scene each time (triangles outside the band cost a bounds
    /// test). The layer, depths and `visibility` equal those of drawing whole
    /// and calling `resolved()`.
    public mutating func renderInBands(bandHeight: Int = 64, _ draw: (inout DepthBuffer) -> Void) -> PixelLayer {
        var layer = PixelLayer(x: originX, y: originY, width: width, height: height)
        let n = samples, sw = sampleWidth, band = max(1, bandHeight)
        alpha = nil
        for top in stride(from: 0, to: height, by: band) {
            colorRows = top * n ..< min(height, top + band) * n
            color = []                                   // free the last band first
            color = [UInt32](repeating: 0, count: colorRows.count * sw)
            draw(&self)
            resolve(into: &layer)
            keepAlpha()
        }
        color = []
        colorRows = 0..<0
        return layer
    }

    /// After a band: copies its alphas into `alpha` once any covered sample of
    /// any band is translucent (earlier bands were opaque where covered: 255).
    private mutating func keepAlpha() {
        let start = colorRows.lowerBound * sampleWidth
        guard drewTranslucent else { return }       // no translucent colour drawn yet
        if alpha == nil {
            let translucent = color.indices.contains { k in
                let a = color[k] >> 24
                return a != 255 && depth[start + k].isFinite
            }
            guard translucent else { return }
            alpha = [UInt8](repeating: 255, count: depth.count)
        }
        for k in color.indices { alpha![start + k] = UInt8(truncatingIfNeeded: color[k] >> 24) }
    }

    /// Resolves the pixel rows of `colorRows` into `layer`.
    private func resolve(into layer: inout PixelLayer) {
        let n = samples, sw = sampleWidth
        let inv = 1 / Float(n * n)
        guard width > 0, height > 0, !colorRows.isEmpty else { return }
        let bandStart = colorRows.lowerBound
        color.withUnsafeBufferPointer { cbuf in
            for py in colorRows.lowerBound / n ..< colorRows.upperBound / n {
                let sy0 = py * n - bandStart
                for pxl in 0..<width {
                    let sx0 = pxl * n
                    var r: UInt32 = 0, g: UInt32 = 0, b: UInt32 = 0, a: UInt32 = 0
                    // Inside a triangle every sample has one colour: the sums are
                    // n² times one sample's terms (the same integers, so the same
                    // floats); an empty pixel is skipped.
                    let first = cbuf[sy0 * sw + sx0]
                    var uniform = true
                    for j in 0..<n where uniform {
                        let row = (sy0 + j) * sw + sx0
                        for k in 0..<n where cbuf[row + k] != first { uniform = false; break }
                    }
                    if uniform {
                        guard first >> 24 > 0 else { continue }
                        let ca = first >> 24, nn = UInt32(n * n)
                        r = nn &* (first & 0xff) &* ca
                        g = nn &* ((first >> 8) & 0xff) &* ca
                        b = nn &* ((first >> 16) & 0xff) &* ca
                        a = nn &* ca
                        let fa = Float(a)
                        layer.set(originX + pxl, originY + py, r: Float(r) / fa / 255, g: Float(g) / fa / 255,
                                  b: Float(b) / fa / 255, a: fa * inv / 255)
                        continue
                    }
                    for j in 0..<n {
                        var i = (sy0 + j) * sw + sx0
                        for _ in 0..<n {
                            let c = cbuf[i]
                            let ca = c >> 24
                            // Premultiplied sums.
                            r &+= (c & 0xff) &* ca
                            g &+= ((c >> 8) & 0xff) &* ca
                            b &+= ((c >> 16) & 0xff) &* ca
                            a &+= ca
                            i += 1
                        }
                    }
                    guard a > 0 else { continue }
                    let fa = Float(a)
                    layer.set(originX + pxl, originY + py, r: Float(r) / fa / 255, g: Float(g) / fa / 255,
                              b: Float(b) / fa / 255, a: fa * inv / 255)
                }
            }
        }
    }

    /// How much of a fragment at `depth` in pixel (`px`, `py`) shows: the share
    /// of the pixel's samples it is in front of (depth ≤ sample depth), where a
    /// sample it is behind still lets through 1 − that sample's alpha. 1 outside
    /// the buffer; 0 for a non-finite depth.
    @inline(__always)
    public func visibility(px: Int, py: Int, depth d: Float) -> Float {
        guard d.isFinite else { return 0 }
        let ix = px - originX, iy = py - originY
        guard ix >= 0, iy >= 0, ix < width, iy < height else { return 1 }
        let n = samples, sw = sampleWidth
        // A covered sample in front lets through 1 − its alpha: from the colour
        // when it is held whole, else from the kept alphas (none kept: opaque).
        let whole = colorRows.count == sampleHeight
        var seen: Float = 0
        for j in 0..<n {
            var i = (iy * n + j) * sw + ix * n
            for _ in 0..<n {
                if d <= depth[i] {
                    seen += 1
                } else {
                    let a = whole ? color[i] >> 24 : UInt32(alpha?[i] ?? 255)
                    seen += 1 - Float(a) / 255
                }
                i += 1
            }
        }
        return seen / Float(n * n)
    }

    /// The depth at the sample nearest to pixel point (x, y); +∞ outside or where empty.
    public func depth(atPixel x: Double, _ y: Double) -> Float {
        let i = Int(((x - Double(originX)) * Double(samples)).rounded(.down))
        let j = Int(((y - Double(originY)) * Double(samples)).rounded(.down))
        guard i >= 0, j >= 0, i < sampleWidth, j < sampleHeight else { return .infinity }
        return depth[j * sampleWidth + i]
    }
}
