import CFreeType

/// Ink box and advance of one glyph at one size, in pixels, y up, relative to the
/// pen position on the baseline.
struct GlyphMetrics: Sendable {
    /// Unhinted advance width (FreeType's `linearHoriAdvance`), so that layout is
    /// linear in the size and can use sub-pixel pen positions.
    var advance: Double
    var minX: Double
    var minY: Double
    var maxX: Double
    var maxY: Double
    /// True for glyphs without ink (space).
    var isBlank: Bool { maxX <= minX || maxY <= minY }
}

/// One FreeType face (a font file) and the calls optrender makes on it.
///
/// Not thread-safe: FreeType faces are not. Every method is called with the owning
/// `Font`'s lock held; the face never escapes that `Font`.
final class FontFace: @unchecked Sendable {
    private let face: FT_Face
    /// Kept so that the library outlives the face.
    private let library: FreeTypeLibrary
    let path: String
    /// Index of the face inside its file (0 for a plain .ttf).
    let index: Int
    let familyName: String
    let styleName: String
    /// True when the face has a kerning table FreeType can read (`FT_HAS_KERNING`).
    let hasKerning: Bool
    /// Height of "x" and underline thickness, as fractions of the em.
    let xHeightRatio: Double
    let underlineRatio: Double
    /// The font's typographic ascent, descent (positive down) and line gap, as
    /// fractions of the em: OS/2 sTypo* values, or hhea's when there is no OS/2
    /// table. matplotlib (3.11) uses them as the smallest extent of a line of text.
    let lineAscentRatio: Double
    let lineDescentRatio: Double
    let lineGapRatio: Double
    private var currentSize64 = -1

    /// Glyph loading: light auto-hinting snaps outlines to the pixel grid only
    /// vertically, which keeps shapes and widths close to matplotlib's
    /// (force_autohint with hinting_factor 8). Embedded bitmaps are ignored.
    private static let loadFlags: Int32 = (1 << 16) /* TARGET_LIGHT */ | (1 << 5) /* FORCE_AUTOHINT */
        | (1 << 3) /* NO_BITMAP */

    /// Opens face `index` of the file at `path` with `library`.
    /// Throws `fileNotReadable`, `notAFont` or `notScalable`.
    init(library: FreeTypeLibrary, path: String, index: Int = 0) throws(TextError) {
        var f: FT_Face? = nil
        let err = FT_New_Face(library.handle, path, FT_Long(index), &f)
        guard err == 0, let f else {
            if err == 1 /* cannot_open_resource */ { throw .fileNotReadable(path: path) }
            throw .notAFont(path: path, code: err)
        }
        guard f.pointee.face_flags & FT_Long(1) /* SCALABLE */ != 0 else {
            FT_Done_Face(f)
            throw .notScalable(path: path)
        }
        face = f
        self.library = library
        self.path = path
        self.index = index
        familyName = f.pointee.family_name.map { String(cString: $0) } ?? ""
        styleName = f.pointee.style_name.map { String(cString: $0) } ?? ""
        hasKerning = f.pointee.face_flags & FT_Long(1 << 6) != 0
        let em = Double(max(1, f.pointee.units_per_EM))
        underlineRatio = Double(max(1, f.pointee.underline_thickness)) / em
        xHeightRatio = FontFace.designHeight(of: "x", face: f).map { $0 / em } ?? 0.5
        let os2 = FT_Get_Sfnt_Table(f, FT_SFNT_OS2)?.assumingMemoryBound(to: TT_OS2.self).pointee
        if let os2, os2.version != 0xFFFF, os2.sTypoAscender > 0 {
            lineAscentRatio = Double(os2.sTypoAscender) / em
            lineDescentRatio = -Double(os2.sTypoDescender) / em
            lineGapRatio = Double(os2.sTypoLineGap) / em
        } else {
            lineAscentRatio = Double(f.pointee.ascender) / em
            lineDescentRatio = -Double(f.pointee.descender) / em
            lineGapRatio = Double(Int(f.pointee.height) - Int(f.pointee.ascender) + Int(f.pointee.descender)) / em
        }
    }

    deinit { FT_Done_Face(face) }

    /// Top of the unscaled outline of `scalar`, in font units; nil when missing.
    private static func designHeight(of scalar: Unicode.Scalar, face: FT_Face) -> Double? {
        let g = FT_Get_Char_Index(face, FT_ULong(scalar.value))
        guard g != 0, FT_Load_Glyph(face, g, 1 /* NO_SCALE */) == 0 else { return nil }
        var box = FT_BBox()
        FT_Outline_Get_CBox(&face.pointee.glyph.pointee.outline, &box)
        return Double(box.yMax)
    }

    /// The glyph for `scalar`, 0 (the "missing glyph" box) when the face lacks it.
    func glyphIndex(_ scalar: Unicode.Scalar) -> UInt32 {
        UInt32(FT_Get_Char_Index(face, FT_ULong(scalar.value)))
    }

    /// Sets the em size to `size64` / 64 pixels (1 pt = 1 px at 72 dpi).
    private func setSize(_ size64: Int) {
        guard size64 != currentSize64 else { return }
        FT_Set_Char_Size(face, 0, FT_F26Dot6(size64), 72, 72)
        currentSize64 = size64
    }

    /// Loads `glyph` into the slot at `size64`, sheared by `slant` (x += slant·y) for
    /// a synthetic oblique. Returns false when FreeType cannot load it.
    private func load(_ glyph: UInt32, size64: Int, slant: Double) -> Bool {
        setSize(size64)
        guard FT_Load_Glyph(face, glyph, FontFace.loadFlags) == 0 else { return false }
        let slot = face.pointee.glyph!
        guard slot.pointee.format == FT_GLYPH_FORMAT_OUTLINE else { return false }
        if slant != 0 {
            var m = FT_Matrix(xx: 0x10000, xy: FT_Fixed(slant * 65536), yx: 0, yy: 0x10000)
            FT_Outline_Transform(&slot.pointee.outline, &m)
        }
        return true
    }

    /// Advance and ink box of `glyph` at `size64` / 64 px. A glyph that fails to
    /// load measures as blank with zero advance.
    func metrics(_ glyph: UInt32, size64: Int, slant: Double) -> GlyphMetrics {
        guard load(glyph, size64: size64, slant: slant) else {
            return GlyphMetrics(advance: 0, minX: 0, minY: 0, maxX: 0, maxY: 0)
        }
        let slot = face.pointee.glyph!
        var box = FT_BBox()
        FT_Outline_Get_CBox(&slot.pointee.outline, &box)
        let advance = Double(slot.pointee.linearHoriAdvance) / 65536
        if slot.pointee.outline.n_points == 0 {
            return GlyphMetrics(advance: advance, minX: 0, minY: 0, maxX: 0, maxY: 0)
        }
        return GlyphMetrics(advance: advance, minX: Double(box.xMin) / 64, minY: Double(box.yMin) / 64,
                            maxX: Double(box.xMax) / 64, maxY: Double(box.yMax) / 64)
    }

    /// Anti-aliased coverage of `glyph` at `size64` / 64 px with its pen shifted
    /// right by `offsetX` pixels (sub-pixel positioning). The mask's `x`, `y` are
    /// relative to the pen on the baseline, y down. Empty for blank glyphs.
    func render(_ glyph: UInt32, size64: Int, offsetX: Double, slant: Double) -> CoverageMask {
        let empty = CoverageMask(x: 0, y: 0, width: 0, height: 0)
        guard load(glyph, size64: size64, slant: slant) else { return empty }
        let slot = face.pointee.glyph!
        if offsetX != 0 {
            FT_Outline_Translate(&slot.pointee.outline, FT_Pos((offsetX * 64).rounded()), 0)
        }
        guard FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) == 0 else { return empty }
        let bm = slot.pointee.bitmap
        let w = Int(bm.width), h = Int(bm.rows)
        guard w > 0, h > 0, let buffer = bm.buffer, bm.pixel_mode == UInt8(FT_PIXEL_MODE_GRAY.rawValue) else {
            return empty
        }
        let levels = Float(max(1, Int(bm.num_grays) - 1))
        var values = [Float](repeating: 0, count: w * h)
        for row in 0..<h {
            let src = buffer + row * Int(bm.pitch)
            for col in 0..<w { values[row * w + col] = Float(src[col]) / levels }
        }
        return CoverageMask(x: Int(slot.pointee.bitmap_left), y: -Int(slot.pointee.bitmap_top),
                            width: w, height: h, values: values)
    }

    /// Horizontal kerning between `left` and `right` at `size64` / 64 px, unrounded;
    /// 0 when the face has no kerning table.
    func kerning(_ left: UInt32, _ right: UInt32, size64: Int) -> Double {
        guard hasKerning, left != 0, right != 0 else { return 0 }
        setSize(size64)
        var v = FT_Vector()
        guard FT_Get_Kerning(face, left, right, FT_KERNING_UNFITTED.rawValue, &v) == 0 else { return 0 }
        return Double(v.x) / 64
    }
}

/// A FreeType library instance, freed when the last face using it is gone.
final class FreeTypeLibrary: @unchecked Sendable {
    let handle: FT_Library

    /// Throws `freeTypeUnavailable` when FreeType cannot start.
    init() throws(TextError) {
        var lib: FT_Library? = nil
        let err = FT_Init_FreeType(&lib)
        guard err == 0, let lib else { throw .freeTypeUnavailable(code: err) }
        handle = lib
    }

    deinit { FT_Done_FreeType(handle) }
}
