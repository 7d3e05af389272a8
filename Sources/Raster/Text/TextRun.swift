/// A string laid out for a vector backend: every glyph with the font file it
/// comes from and its place, and every rule (fraction and root bars) — the same
/// layout `Font.textMask` rasterizes, so text in a PDF or SVG sits where it sits
/// in a PNG.
///
/// Coordinates are in "string space": `u` along the baseline from `origin`, `v`
/// up from the baseline, in pixels. The page position of a string-space point is
/// `origin + (u, −v)` for upright text, and `origin + (−v, −u)` when `turned`
/// (reading upwards, a y-axis label).
public struct TextRun: Sendable {
    /// One glyph: which face draws it, at which size and where.
    public struct Glyph: Sendable, Equatable {
        /// The font file and the face's index inside it.
        public var fontFile: String
        public var faceIndex: Int
        /// Horizontal shear applied to the outline (tan of the slant angle): 0, or
        /// `Font`'s synthetic oblique when no slanted face is installed.
        public var slant: Double
        /// The glyph's index in that face.
        public var glyph: UInt32
        /// Pixels per em.
        public var sizePx: Double
        public var u: Double
        public var v: Double
    }

    /// A filled rectangle, `u`, `v` its lower-left corner.
    public struct Rule: Sendable, Equatable {
        public var u: Double
        public var v: Double
        public var width: Double
        public var height: Double
    }

    /// Where the pen starts on the baseline, in page pixels (y down).
    public var origin: Point
    /// True when the text reads upwards (rotation 90°).
    public var turned: Bool
    public var glyphs: [Glyph]
    public var rules: [Rule]
}

extension Font {
    /// `text` laid out as `textMask` lays it out — same anchors, same baseline
    /// snapping to whole pixels — as glyphs and rules for a vector backend; nil
    /// exactly when `textMask` draws nothing for lack of a size, place or text.
    public func textRun(_ text: String, at: Point, sizePx: Double, anchorX: TextAnchorX = .left,
                        anchorY: TextAnchorY = .baseline, rotation: Double = 0) -> TextRun? {
        guard sizePx.isFinite, sizePx > 0, at.isFinite, abs(at.x) <= Font.farAway, abs(at.y) <= Font.farAway,
              !text.isEmpty else { return nil }
        let size = min(sizePx, Font.maximumSizePx)
        let upright = !Font.isQuarterTurn(rotation)
        return locked { state in
            let (box, e) = state.layoutText(text, size: size, align: anchorX)
            let o = Font.origin(at: at, extents: e, anchorX: anchorX, anchorY: anchorY, upright: upright)
            // The raster snaps the baseline (a row upright, a column turned).
            let origin = upright ? Point(o.x, o.y.rounded()) : Point(o.x.rounded(), o.y)
            let glyphs = box.glyphs.map { g -> TextRun.Glyph in
                let (face, slant) = state.face(g.style)
                return TextRun.Glyph(fontFile: face.path, faceIndex: face.index, slant: slant, glyph: g.glyph,
                                     sizePx: Double(g.size64) / 64, u: g.u, v: g.v)
            }
            let rules = box.rules.map { TextRun.Rule(u: $0.u, v: $0.v, width: $0.width, height: $0.height) }
            return TextRun(origin: origin, turned: !upright, glyphs: glyphs, rules: rules)
        }
    }
}
