import CPNG
import Raster

/// How `PNGEncoder` stores an image: the colour type, bit depth and, for
/// palette images, the palette and one index byte per pixel.
struct PNGLayout {
    enum Kind {
        /// `colors` are packed RGBA (r in the low byte), translucent ones first.
        case palette(colors: [UInt32], indices: [UInt8])
        case rgb
        case rgba
    }

    let kind: Kind
    let bitDepth: Int

    var colorType: Int32 {
        switch kind {
        case .palette: PNG_COLOR_TYPE_PALETTE
        case .rgb: PNG_COLOR_TYPE_RGB
        case .rgba: PNG_COLOR_TYPE_RGB_ALPHA
        }
    }

    /// Palette when ≤ 256 distinct colours, else RGB or RGBA by alpha.
    init(_ image: Image) {
        if let (colors, indices) = Self.exactPalette(image) {
            kind = .palette(colors: colors, indices: indices)
            bitDepth = colors.count <= 2 ? 1 : colors.count <= 4 ? 2 : colors.count <= 16 ? 4 : 8
        } else {
            kind = image.isOpaque ? .rgb : .rgba
            bitDepth = 8
        }
    }

    /// The distinct colours (sorted: translucent first, then by packed value, so
    /// the palette does not depend on pixel order) and each pixel's index; nil as
    /// soon as a 257th colour appears, which makes busy images bail out early.
    static func exactPalette(_ image: Image) -> (colors: [UInt32], indices: [UInt8])? {
        let n = image.width * image.height
        var table = ColorTable(capacity: 256)
        var found: [UInt32] = []
        var indices = [UInt8](repeating: 0, count: n)
        let complete: Bool = image.pixels.withUnsafeBytes { raw in
            indices.withUnsafeMutableBufferPointer { out in
                var last: UInt32 = 0, lastIndex = -1   // runs of one colour skip the table
                for i in 0..<n {
                    let c = raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self)
                    if c != last || lastIndex < 0 {
                        if let v = table.value(for: c) {
                            lastIndex = v
                        } else {
                            guard found.count < 256 else { return false }
                            lastIndex = found.count
                            table.set(lastIndex, for: c)
                            found.append(c)
                        }
                        last = c
                    }
                    out[i] = UInt8(lastIndex)
                }
                return true
            }
        }
        guard complete else { return nil }
        // Packed values are little-endian RGBA; compare as bytes r, g, b, a.
        let order = found.indices.sorted { a, b in
            let (ca, cb) = (found[a], found[b])
            let (ta, tb) = (ca >> 24 != 255, cb >> 24 != 255)
            if ta != tb { return ta }
            return ca.byteSwapped < cb.byteSwapped
        }
        var remap = [UInt8](repeating: 0, count: found.count)
        for (new, old) in order.enumerated() { remap[old] = UInt8(new) }
        for i in 0..<n { indices[i] = remap[Int(indices[i])] }
        return (order.map { found[$0] }, indices)
    }
}
