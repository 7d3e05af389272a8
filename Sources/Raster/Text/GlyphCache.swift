/// The two faces a `Font` draws with: upright text, and slanted letters in math.
enum FaceStyle: UInt8, Hashable, Sendable {
    case regular
    case italic
}

/// Glyph masks, metrics, character maps and kerning pairs of one `Font`, kept
/// between calls. Used only under the font's lock.
///
/// Masks are keyed by glyph, size (1/64 px) and sub-pixel phase: the pen's
/// fractional x is rounded to one of `GlyphCache.subpixelSteps` positions
/// (FreeType's own 1/64 px), so that ink placed at a pixel boundary by the layout
/// starts exactly there. When a table grows past `limit` entries, or the masks
/// past `maskBudget` coverage values, it is emptied — simple and deterministic:
/// the output never depends on what is cached, only the time it takes.
struct GlyphCache {
    /// Sub-pixel positions per pixel for glyph masks.
    static let subpixelSteps = 64
    /// Entries per table before it is cleared.
    static let limit = 20_000
    /// Coverage values (4 bytes each) held in masks before they are cleared.
    static let maskBudget = 4_000_000

    struct GlyphKey: Hashable {
        var style: FaceStyle
        var glyph: UInt32
        var size64: Int32
        var bucket: UInt16
    }

    struct PairKey: Hashable {
        var style: FaceStyle
        var left: UInt32
        var right: UInt32
        var size64: Int32
    }

    struct CharKey: Hashable {
        var style: FaceStyle
        var scalar: UInt32
    }

    private var masks: [GlyphKey: CoverageMask] = [:]
    private var maskValues = 0
    private var metrics: [GlyphKey: GlyphMetrics] = [:]
    private var kerns: [PairKey: Double] = [:]
    private var chars: [CharKey: UInt32] = [:]

    mutating func mask(_ key: GlyphKey, make: () -> CoverageMask) -> CoverageMask {
        if let m = masks[key] { return m }
        let m = make()
        if masks.count >= GlyphCache.limit || maskValues + m.values.count > GlyphCache.maskBudget {
            masks.removeAll(keepingCapacity: true)
            maskValues = 0
        }
        masks[key] = m
        maskValues += m.values.count
        return m
    }

    mutating func metrics(_ key: GlyphKey, make: () -> GlyphMetrics) -> GlyphMetrics {
        if let m = metrics[key] { return m }
        let m = make()
        if metrics.count >= GlyphCache.limit { metrics.removeAll(keepingCapacity: true) }
        metrics[key] = m
        return m
    }

    mutating func kerning(_ key: PairKey, make: () -> Double) -> Double {
        if let k = kerns[key] { return k }
        let k = make()
        if kerns.count >= GlyphCache.limit { kerns.removeAll(keepingCapacity: true) }
        kerns[key] = k
        return k
    }

    mutating func glyph(_ key: CharKey, make: () -> UInt32) -> UInt32 {
        if let g = chars[key] { return g }
        let g = make()
        if chars.count >= GlyphCache.limit { chars.removeAll(keepingCapacity: true) }
        chars[key] = g
        return g
    }
}
