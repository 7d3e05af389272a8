import Raster

/// Cutting a frame's changed rectangle into smaller ones for the interactive
/// page. One step of a path adds a segment that may cross the figure
/// diagonally: its bounding rectangle (what GIF stores) is mostly pixels that
/// did not change. Split into 16 × 16 tiles, each tile row's runs of changed
/// tiles become one rectangle, shrunk to the pixels that changed in it; the
/// rectangles cover every changed pixel, never overlap, and together are
/// usually a fraction of the bounding box (the page's size is their area).
enum PagePatches {
    static let tile = 16

    /// Disjoint rectangles inside `rect` covering every pixel whose RGBA
    /// differs between `a` and `b` (same size; `rect` their changed bounds).
    static func split(_ a: Image, _ b: Image, within rect: PixelRect) -> [PixelRect] {
        let w = a.width
        return a.pixels.withUnsafeBytes { ra in
            b.pixels.withUnsafeBytes { rb in
                let pa = ra.bindMemory(to: UInt32.self).baseAddress!, pb = rb.bindMemory(to: UInt32.self).baseAddress!
                /// The changed bounds of the sub-rectangle, in image coordinates.
                func bounds(_ r: PixelRect) -> PixelRect? {
                    let offset = r.y * w + r.x
                    return FrameDiff.changedBounds(pa + offset, strideA: w, pb + offset, strideB: w, width: r.width, height: r.height)
                        .map { PixelRect(x: $0.x + r.x, y: $0.y + r.y, width: $0.width, height: $0.height) }
                }
                var out: [PixelRect] = []
                let x0 = rect.x, x1 = rect.x + rect.width, y1 = rect.y + rect.height
                var y = rect.y
                while y < y1 {
                    let h = min(tile - y % tile, y1 - y)
                    var run: Int?
                    var x = x0
                    while x <= x1 {
                        let tw = min(tile - x % tile, x1 - x)
                        let changed = x < x1 && bounds(PixelRect(x: x, y: y, width: tw, height: h)) != nil
                        if changed, run == nil { run = x }
                        if !changed, let start = run {
                            if let r = bounds(PixelRect(x: start, y: y, width: x - start, height: h)) { out.append(r) }
                            run = nil
                        }
                        x += x < x1 ? tw : 1
                    }
                    y += h
                }
                return out
            }
        }
    }
}
