extension Image {
    /// Paints `color` through `mask` with source-over compositing: each pixel gets
    /// `color` at opacity `color.a · coverage`, over what is there.
    /// Only pixels inside `clip` (pixel units; the whole image when nil) change.
    mutating func composite(_ mask: CoverageMask, color: Color, clip: Rect? = nil) {
        guard !mask.isEmpty, color.a > 0 else { return }
        let (x0, y0, x1, y1) = pixelBounds(of: mask, clip: clip)
        guard x1 > x0, y1 > y0 else { return }
        let sr = Float(color.r), sg = Float(color.g), sb = Float(color.b), sa = Float(color.a)
        // An opaque colour at full coverage replaces the pixel: the bytes `blend`
        // computes when a = 1 (then k = 0 and oa = 1).
        let opaque = sa == 1
        let width = self.width
        let r8 = UInt8(min(255, sr * 255 + 0.5)), g8 = UInt8(min(255, sg * 255 + 0.5))
        let b8 = UInt8(min(255, sb * 255 + 0.5))
        // A translucent colour at full coverage over an opaque pixel: `blend` with
        // a = sa and da = 1, its terms hoisted out of the loop (the same float
        // operations, so the same bytes; dividing by an `oa` of exactly 1 is skipped).
        let fullK = 1 - sa, fullOA = sa + fullK
        let cr = sr * 255 * sa, cg = sg * 255 * sa, cb = sb * 255 * sa
        let sr255 = sr * 255, sg255 = sg * 255, sb255 = sb * 255
        let fullA8 = UInt8(min(255, fullOA * 255 + 0.5))
        // The opaque colour's pixel as one 32-bit store (bytes r, g, b, 255 in memory order).
        let pattern = UInt32(littleEndian: UInt32(r8) | UInt32(g8) << 8 | UInt32(b8) << 16 | 255 << 24)
        withMutablePixels { px in
            let raw = UnsafeMutableRawPointer(px.baseAddress!)
            mask.values.withUnsafeBufferPointer { cov in
                func paintRow(_ y: Int, _ from: Int, _ to: Int) {
                    guard to > from else { return }
                    var m = (y - mask.y) * mask.width + (from - mask.x)
                    var p = (y * width + from) * 4
                    var x = from
                    while x < to {
                        let c = cov[m]
                        if !(c > 0) {
                            // Untouched (most of a stroke's mask between its edges, and of
                            // a mask without block hints): first, so it costs one
                            // comparison, then eight at a time while all eight are.
                            m += 1
                            p += 4
                            x += 1
                            while x + 8 <= to,
                                  !any(UnsafeRawPointer(cov.baseAddress! + m).loadUnaligned(as: SIMD8<Float>.self) .> 0) {
                                m += 8
                                p += 32
                                x += 8
                            }
                            continue
                        }
                        if c >= 1 && opaque {
                            // A run of full coverage (a band's inside, most of what a
                            // filled contour paints): whole pixels, stored as words.
                            var end = x + 1
                            while end < to && cov[m + end - x] >= 1 { end += 1 }
                            for q in stride(from: p, to: p + 4 * (end - x), by: 4) {
                                raw.storeBytes(of: pattern, toByteOffset: q, as: UInt32.self)
                            }
                            m += end - x
                            p += 4 * (end - x)
                            x = end
                            continue
                        } else if c >= 1 && px[p + 3] == 255 {
                            if fullOA == 1 {
                                px[p] = UInt8(min(255, cr + Float(px[p]) * fullK + 0.5))
                                px[p + 1] = UInt8(min(255, cg + Float(px[p + 1]) * fullK + 0.5))
                                px[p + 2] = UInt8(min(255, cb + Float(px[p + 2]) * fullK + 0.5))
                            } else {
                                px[p] = UInt8(min(255, (cr + Float(px[p]) * fullK) / fullOA + 0.5))
                                px[p + 1] = UInt8(min(255, (cg + Float(px[p + 1]) * fullK) / fullOA + 0.5))
                                px[p + 2] = UInt8(min(255, (cb + Float(px[p + 2]) * fullK) / fullOA + 0.5))
                            }
                            px[p + 3] = fullA8
                        } else {
                            let a = sa * min(c, 1)
                            if px[p + 3] == 255 {
                                // `blend` over an opaque pixel: da = 255/255 = 1 exactly, so
                                // k = 1 − a and oa = a + k — the same operations on the same
                                // values without the ones by 1, so the same bytes.
                                let k = 1 - a, oa = a + k
                                px[p] = UInt8(min(255, (sr255 * a + Float(px[p]) * k) / oa + 0.5))
                                px[p + 1] = UInt8(min(255, (sg255 * a + Float(px[p + 1]) * k) / oa + 0.5))
                                px[p + 2] = UInt8(min(255, (sb255 * a + Float(px[p + 2]) * k) / oa + 0.5))
                                px[p + 3] = UInt8(min(255, oa * 255 + 0.5))
                            } else {
                                Image.blend(px, p, sr, sg, sb, a)
                            }
                        }
                        m += 1
                        p += 4
                        x += 1
                    }
                }
                for y in y0..<y1 {
                    if let blocks = mask.blocks {  // skip the blocks the mask leaves empty
                        blocks.forEachRun(row: y - mask.y, width: mask.width) { from, to in
                            paintRow(y, max(x0, mask.x + from), min(x1, mask.x + to))
                        }
                    } else {
                        paintRow(y, x0, x1)
                    }
                }
            }
        }
    }

    /// Fills the whole of `rect` (rounded to pixels) with `color`, source-over.
    mutating func fill(_ rect: Rect, color: Color) {
        let x0 = max(0, Int(rect.minX.rounded())), x1 = min(width, Int(rect.maxX.rounded()))
        let y0 = max(0, Int(rect.minY.rounded())), y1 = min(height, Int(rect.maxY.rounded()))
        guard x1 > x0, y1 > y0 else { return }
        let sr = Float(color.r), sg = Float(color.g), sb = Float(color.b), sa = Float(color.a)
        let width = self.width
        if sa == 1 {
            // Opaque: the bytes `blend` computes when a = 1 (k = 0, oa = 1), written
            // as one 32-bit pattern per pixel (a figure's background, an axes face).
            let r8 = UInt32(UInt8(min(255, sr * 255 + 0.5))), g8 = UInt32(UInt8(min(255, sg * 255 + 0.5)))
            let b8 = UInt32(UInt8(min(255, sb * 255 + 0.5)))
            let pattern = UInt32(littleEndian: r8 | g8 << 8 | b8 << 16 | 255 << 24)
            withMutablePixels { bytes in
                bytes.withMemoryRebound(to: UInt32.self) { px in
                    for y in y0..<y1 {
                        (px.baseAddress! + y * width + x0).update(repeating: pattern, count: x1 - x0)
                    }
                }
            }
            return
        }
        withMutablePixels { px in
            for y in y0..<y1 {
                for x in x0..<x1 { Image.blend(px, (y * width + x) * 4, sr, sg, sb, sa) }
            }
        }
    }

    /// Source-over of one straight-alpha colour with opacity `a` onto pixel `p`.
    @inline(__always)
    static func blend(_ px: UnsafeMutableBufferPointer<UInt8>, _ p: Int,
                      _ r: Float, _ g: Float, _ b: Float, _ a: Float) {
        let da = Float(px[p + 3]) / 255
        let oa = a + da * (1 - a)
        guard oa > 0 else { return }
        // out = (src·a + dst·da·(1 − a)) / oa, per channel, in 8-bit units.
        let k = da * (1 - a)
        px[p] = UInt8(min(255, (r * 255 * a + Float(px[p]) * k) / oa + 0.5))
        px[p + 1] = UInt8(min(255, (g * 255 * a + Float(px[p + 1]) * k) / oa + 0.5))
        px[p + 2] = UInt8(min(255, (b * 255 * a + Float(px[p + 2]) * k) / oa + 0.5))
        px[p + 3] = UInt8(min(255, oa * 255 + 0.5))
    }

    private func pixelBounds(of mask: CoverageMask, clip: Rect?) -> (Int, Int, Int, Int) {
        var x0 = max(0, mask.x), y0 = max(0, mask.y)
        var x1 = min(width, mask.x + mask.width), y1 = min(height, mask.y + mask.height)
        if let c = clip {
            x0 = max(x0, Int(c.minX.rounded(.down))); y0 = max(y0, Int(c.minY.rounded(.down)))
            x1 = min(x1, Int(c.maxX.rounded(.up))); y1 = min(y1, Int(c.maxY.rounded(.up)))
        }
        return (x0, y0, x1, y1)
    }
}

extension Image {
    /// Composites `layer` source-over, each pixel with its own opacity; only
    /// pixels inside `clip` (the whole image when nil) change.
    mutating func composite(_ layer: PixelLayer, clip: Rect? = nil) {
        guard !layer.isEmpty else { return }
        var x0 = max(0, layer.x), y0 = max(0, layer.y)
        var x1 = min(width, layer.x + layer.width), y1 = min(height, layer.y + layer.height)
        if let c = clip {
            x0 = max(x0, Int(c.minX.rounded(.down))); y0 = max(y0, Int(c.minY.rounded(.down)))
            x1 = min(x1, Int(c.maxX.rounded(.up))); y1 = min(y1, Int(c.maxY.rounded(.up)))
        }
        guard x0 < x1, y0 < y1 else { return }
        let w = width
        layer.values.withUnsafeBufferPointer { v in
            withMutablePixels { px in
                for py in y0..<y1 {
                    for pxl in x0..<x1 {
                        let s = ((py - layer.y) * layer.width + (pxl - layer.x)) * 4
                        let a = v[s + 3]
                        guard a > 0 else { continue }
                        Image.blend(px, (py * w + pxl) * 4, v[s], v[s + 1], v[s + 2], a)
                    }
                }
            }
        }
    }
}
