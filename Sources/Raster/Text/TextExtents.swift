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

/// The size of a laid-out string, in pixels, unrotated.
///
/// - `width`: the advance width, from the pen's start to its end, kerning and
///   math spacing included (not the ink's width: side bearings are counted, as a
///   typesetter does, so that a string and its right-aligned neighbour line up).
/// - `ascent`, `descent`: the ink's extent above and below the baseline, but never
///   less than that of "lp" in the upright face at that size — the same rule as
///   matplotlib, so that labels with and without tall letters or descenders sit on
///   a common line. Both are ≥ 0 (a superscript raises `ascent`, a subscript
///   lowers `descent`).
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
