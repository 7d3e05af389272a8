import Foundation

/// A scalable font for labels, titles and math: DejaVu Sans (matplotlib's default
/// face) with DejaVu Sans Oblique for slanted letters in math, or a font file.
///
/// Thread-safe: FreeType faces are not, so every FreeType call and every cache
/// access happens under one lock; compositing into images happens outside it.
/// Output does not depend on cache state or thread timing.
public final class Font: @unchecked Sendable {
    /// The family optrender looks up when no file is given.
    public static let defaultFamily = "DejaVu Sans"
    /// Shear of the synthetic oblique used when no slanted face is available
    /// (tan 11.3°, close to DejaVu Sans Oblique's 11°).
    static let syntheticSlant = 0.2

    private let lock = NSLock()
    private let regular: FontFace
    /// The real oblique face, or nil when the upright face is sheared instead.
    private let oblique: FontFace?
    private var cache = GlyphCache()

    /// Family name the upright face declares (e.g. "DejaVu Sans").
    public let familyName: String
    /// File of the upright face.
    public let path: String
    /// File of the slanted face used in math, nil when it is synthesized.
    public let obliquePath: String?

    private init(regular: FontFace, oblique: FontFace?) {
        self.regular = regular
        self.oblique = oblique
        familyName = regular.familyName
        path = regular.path
        obliquePath = oblique?.path
    }

    /// DejaVu Sans found through fontconfig, or the file at `path`.
    ///
    /// Through fontconfig, the match must really be DejaVu Sans (fontconfig offers
    /// some other family when it is missing): otherwise `TextError.fontNotFound`,
    /// whose message names the Debian package to install. DejaVu Sans Oblique
    /// (Debian package fonts-dejavu-extra) is used for math letters when present;
    /// without it, and always for a file given by `path`, letters are slanted by
    /// shearing the upright outlines.
    /// - Throws: `TextError.fontNotFound`, `.fileNotReadable`, `.notAFont`,
    ///   `.notScalable`, `.freeTypeUnavailable`.
    public static func load(path: String? = nil) throws(TextError) -> Font {
        let library = try FreeTypeLibrary()
        if let path {
            return Font(regular: try FontFace(library: library, path: path), oblique: nil)
        }
        let (found, substitute) = FontLocator.locate(family: defaultFamily)
        guard let found else { throw .fontNotFound(family: defaultFamily, substitute: substitute) }
        let regular = try FontFace(library: library, path: found.path, index: found.index)
        var oblique: FontFace? = nil
        if let o = FontLocator.locate(family: defaultFamily, oblique: true).match, o.path != found.path {
            oblique = try? FontFace(library: library, path: o.path, index: o.index)
        }
        return Font(regular: regular, oblique: oblique)
    }

    private static let shared = Result { () throws(TextError) -> Font in try Font.load() }

    /// The shared DejaVu Sans instance, loaded once on first use.
    /// - Throws: the `TextError` of that first load, every time, when it failed.
    public static func defaultFont() throws(TextError) -> Font {
        try shared.get()
    }

    /// Runs `body` with the lock held.
    func locked<T>(_ body: (inout FontState) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        var state = FontState(regular: regular, oblique: oblique, cache: cache)
        // The cache moves into the state and back, so it is not copied.
        cache = GlyphCache()
        defer { cache = state.cache }
        return body(&state)
    }
}

/// The font's faces and caches, as seen by layout and drawing while the lock is held.
struct FontState {
    let regular: FontFace
    let oblique: FontFace?
    var cache: GlyphCache

    /// 1/64 px units, the key for sizes.
    static func size64(_ sizePx: Double) -> Int32 {
        Int32(max(1, min(Double(Int32.max / 2), (sizePx * 64).rounded())))
    }

    func face(_ style: FaceStyle) -> (FontFace, slant: Double) {
        switch style {
        case .regular: return (regular, 0)
        case .italic: return oblique.map { ($0, 0) } ?? (regular, Font.syntheticSlant)
        }
    }

    /// The glyph of `scalar` in `style`; falls back to the upright face when the
    /// slanted one lacks it (returning the style actually used).
    mutating func glyph(_ scalar: Unicode.Scalar, _ style: FaceStyle) -> (FaceStyle, UInt32) {
        let f = face(style).0
        let g = cache.glyph(.init(style: style, scalar: scalar.value)) { f.glyphIndex(scalar) }
        if g == 0 && style == .italic { return glyph(scalar, .regular) }
        return (style, g)
    }

    mutating func metrics(_ glyph: UInt32, _ style: FaceStyle, size64: Int32) -> GlyphMetrics {
        let key = GlyphCache.GlyphKey(style: style, glyph: glyph, size64: size64, bucket: 0)
        let (f, slant) = face(style)
        return cache.metrics(key) {
            f.metrics(glyph, size64: Int(size64), slant: slant)
        }
    }

    /// Coverage of `glyph` with the pen at sub-pixel `bucket` / `subpixelSteps`.
    mutating func mask(_ glyph: UInt32, _ style: FaceStyle, size64: Int32, bucket: Int) -> CoverageMask {
        let key = GlyphCache.GlyphKey(style: style, glyph: glyph, size64: size64, bucket: UInt16(bucket))
        let (f, slant) = face(style)
        return cache.mask(key) {
            let dx = Double(bucket) / Double(GlyphCache.subpixelSteps)
            return f.render(glyph, size64: Int(size64), offsetX: dx, slant: slant)
        }
    }

    mutating func kerning(_ left: UInt32, _ right: UInt32, _ style: FaceStyle, size64: Int32) -> Double {
        let f = face(style).0
        return cache.kerning(.init(style: style, left: left, right: right, size64: size64)) {
            f.kerning(left, right, size64: Int(size64))
        }
    }

    /// Height of "x" at `sizePx` (from the upright face's design outline).
    func xHeight(_ sizePx: Double) -> Double { regular.xHeightRatio * sizePx }

    /// Underline thickness at `sizePx`: the rule of fraction bars and roots.
    func ruleThickness(_ sizePx: Double) -> Double { regular.underlineRatio * sizePx }
}
