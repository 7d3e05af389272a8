/// Which point of the text's box is placed at the anchor, horizontally.
///
/// For text rotated by 90° the anchors refer to the rotated box on the page:
/// `.left` is the box's left edge (the tops of the letters), `.right` its right
/// edge (the descenders' side).
public enum TextAnchorX: Sendable, Hashable {
    case left, center, right
}

/// Which line of the text's box is placed at the anchor, vertically.
///
/// `.top` and `.bottom` are the box's edges (ascent above and descent below the
/// baseline), `.center` their midpoint, `.baseline` the baseline. For text rotated
/// by 90° they refer to the rotated box on the page, where `.baseline` means the
/// same as `.bottom` (the end where the text starts).
public enum TextAnchorY: Sendable, Hashable {
    case baseline, top, center, bottom
}

/// The box of a laid-out string, in pixels, unrotated — the box matplotlib (3.11)
/// aligns text by:
///
/// - `width`: from the leftmost to the rightmost ink (not the advance: side
///   bearings are left out, so left-aligned ink starts exactly at the anchor and
///   right-aligned ink ends there, as in matplotlib). 0 for text without ink.
/// - `ascent`, `descent`: the ink's extent above and below the baseline, but never
///   less than the font's typographic ascent and descent (DejaVu Sans: 0.76 and
///   0.24 em), so that labels with and without tall letters or descenders sit on a
///   common line. A superscript can raise `ascent`, a subscript `descent`.
/// - Text with several lines ("\n"): `width` is the widest line, the baseline is
///   the last line's, `ascent` reaches the top of the first line.
public struct TextExtents: Sendable, Hashable {
    public var width: Double
    public var ascent: Double
    public var descent: Double

    public init(width: Double, ascent: Double, descent: Double) {
        self.width = width
        self.ascent = ascent
        self.descent = descent
    }

    /// `ascent + descent`.
    public var height: Double { ascent + descent }
}
