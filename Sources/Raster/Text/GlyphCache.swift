/// The two faces a `Font` draws with: upright text, and slanted letters in math.
enum FaceStyle: UInt8, Hashable, Sendable {
    case regular
    case italic
}

/// Glyph masks, metrics, character maps and kerning pairs of one `Font`, kept
/// between calls. Used only under the font's lock.
///
/// Masks are keyed by glyph, size (1/64 px) and sub-pixel bucket: the pen's
/// fractional x is rounded to one of `GlyphCache.subpixelSteps` positions, so a
/// glyph is rendered at most that many times per size. When a table grows past
/// `limit` entries it is emptied (simple and deterministic: the output never
/// depends on what is cached, only the time it takes).
struct GlyphCache {
    /// Sub-pixel positions per pixel for glyph masks (quarter pixels).
    static let subpixelSteps = 4
    /// Entries per table before it is cleared.
    static let limit = 20_000

    struct GlyphKey: Hashable {
        var style: FaceStyle
        var glyph: UInt32
        var size64: Int32
        var bucket: UInt8
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
    private var metrics: [GlyphKey: GlyphMetrics] = [:]
    private var kerns: [PairKey: Double] = [:]
    private var chars: [CharKey: UInt32] = [:]

    mutating func mask(_ key: GlyphKey, make: () -> CoverageMask) -> CoverageMask {
        if let m = masks[key] { return m }
        let m = make()
        if masks.count >= GlyphCache.limit { masks.removeAll(keepingCapacity: true) }
        masks[key] = m
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
