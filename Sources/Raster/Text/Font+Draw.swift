extension Font {
    /// Largest em size drawn, in pixels; larger sizes are drawn at this size.
    public static let maximumSizePx = 2048.0
    /// Anchors farther than this from the origin (pixels) are off every image.
    static let farAway = 1e7

    /// Extents of `text` (plain text with `$…$` math) at `sizePx` pixels per em
    /// (points × dpi / 72). See `TextExtents` for what the numbers cover.
    /// Zero extents for a size that is not finite and positive.
    public func measure(_ text: String, sizePx: Double) -> TextExtents {
        guard sizePx.isFinite, sizePx > 0 else { return TextExtents(width: 0, ascent: 0, descent: 0) }
        let size = min(sizePx, Font.maximumSizePx)
        return locked { $0.layoutText(text, size: size).1 }
    }

    /// The coverage of `text` with its anchor at `at` (pixels, y down), for a
    /// `Canvas` to paint; nil when nothing would be drawn.
    ///
    /// - `sizePx`: pixels per em (points × dpi / 72); nothing unless it is finite
    ///   and positive.
    /// - `anchorX`, `anchorY`: which point of the text's box (`TextExtents`) lands
    ///   on `at`; defaults left and baseline.
    /// - `rotation`: degrees counter-clockwise; 90 (within 1°, modulo 360) gives the
    ///   text reading upwards, for a y-axis label, and the anchors then refer to the
    ///   rotated box. Every other angle is drawn as 0.
    ///
    /// Glyphs are anti-aliased, kerned and placed at 1/64-pixel positions along
    /// the baseline; the baseline itself is snapped to whole pixels so that the
    /// vertically hinted outlines stay crisp. Lines of a text with "\n" are aligned
    /// with each other by `anchorX`. A non-finite `at`, or one more than
    /// `farAway` pixels from the origin, gives nil.
    public func textMask(_ text: String, at: Point, sizePx: Double,
                         anchorX: TextAnchorX = .left, anchorY: TextAnchorY = .baseline,
                         rotation: Double = 0) -> CoverageMask? {
        guard sizePx.isFinite, sizePx > 0, at.isFinite, abs(at.x) <= Font.farAway, abs(at.y) <= Font.farAway,
              !text.isEmpty else { return nil }
        let size = min(sizePx, Font.maximumSizePx)
        let upright = !Font.isQuarterTurn(rotation)
        return locked { state in
            let (box, e) = state.layoutText(text, size: size, align: anchorX)
            let o = Font.origin(at: at, extents: e, anchorX: anchorX, anchorY: anchorY, upright: upright)
            if upright {
                // Pen at o.x to 1/64 pixel, baseline snapped to a pixel row.
                let s = state.stringMask(box, penOffset: o.x - o.x.rounded(.down))
                return s.shifted(x: Int(o.x.rounded(.down)), y: Int(o.y.rounded()))
            }
            // Reading upwards from o.y (to 1/64 pixel), baseline on a pixel column.
            let s = state.stringMask(box, penOffset: o.y.rounded(.up) - o.y)
            return s.turnedCounterClockwise(originX: Int(o.x.rounded()), originY: Int(o.y.rounded(.up)))
        }
    }

    /// Where the text's pen starts (on the baseline) so that the anchor point of
    /// its box — unrotated, or turned 90° counter-clockwise — lands on `at`.
    static func origin(at: Point, extents e: TextExtents, anchorX: TextAnchorX, anchorY: TextAnchorY,
                       upright: Bool) -> Point {
        if upright {
            let dx: Double = switch anchorX { case .left: 0; case .center: e.width / 2; case .right: e.width }
            let dy: Double = switch anchorY {
            case .baseline: 0
            case .top: e.ascent
            case .center: (e.ascent - e.descent) / 2
            case .bottom: -e.descent
            }
            return Point(at.x - dx, at.y + dy)
        }
        // Turned: the box spans x ∈ [pen.x − ascent, pen.x + descent], y ∈ [pen.y − width, pen.y].
        let dx: Double = switch anchorX {
        case .left: e.ascent
        case .center: (e.ascent - e.descent) / 2
        case .right: -e.descent
        }
        let dy: Double = switch anchorY { case .top: e.width; case .center: e.width / 2; case .baseline, .bottom: 0 }
        return Point(at.x + dx, at.y + dy)
    }

    /// True for 90° modulo 360, within 1°.
    static func isQuarterTurn(_ degrees: Double) -> Bool {
        guard degrees.isFinite else { return false }
        let r = (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return abs(r - 90) <= 1
    }
}

extension FontState {
    /// Coverage of a laid-out box, unrotated, in "string space": x along the baseline
    /// with the pen starting at `penOffset` ∈ [0, 1), y down with the baseline at 0.
    /// Overlapping glyphs combine by maximum, so kerned pairs do not darken.
    mutating func stringMask(_ box: TextBox, penOffset: Double) -> CoverageMask {
        let steps = GlyphCache.subpixelSteps
        var parts: [CoverageMask] = []
        for g in box.glyphs {
            let p = g.u + penOffset
            var ip = Int(p.rounded(.down))
            var bucket = Int(((p - Double(ip)) * Double(steps)).rounded())
            if bucket == steps { ip += 1; bucket = 0 }
            let m = mask(g.glyph, g.style, size64: g.size64, bucket: bucket)
            if !m.isEmpty { parts.append(m.shifted(x: ip, y: -Int(g.v.rounded()))) }
        }
        for r in box.rules { parts.append(FontState.ruleMask(r, penOffset: penOffset)) }
        guard let first = parts.first else { return CoverageMask(x: 0, y: 0, width: 0, height: 0) }
        var x0 = first.x, y0 = first.y, x1 = first.x + first.width, y1 = first.y + first.height
        for m in parts.dropFirst() {
            x0 = min(x0, m.x); y0 = min(y0, m.y)
            x1 = max(x1, m.x + m.width); y1 = max(y1, m.y + m.height)
        }
        var out = CoverageMask(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
        for m in parts {
            for row in 0..<m.height {
                let dst = (m.y - y0 + row) * out.width + (m.x - x0), src = row * m.width
                for col in 0..<m.width where m.values[src + col] > out.values[dst + col] {
                    out.values[dst + col] = m.values[src + col]
                }
            }
        }
        return out
    }

    /// A rule as exact box coverage along x; vertically snapped to whole pixels and
    /// at least one pixel thick, so bars stay crisp.
    static func ruleMask(_ r: PlacedRule, penOffset: Double) -> CoverageMask {
        let left = r.u + penOffset, right = left + r.width
        let top = Int((-(r.v + r.height)).rounded())
        let rows = max(1, Int(r.height.rounded()))
        let x0 = Int(left.rounded(.down)), x1 = Int(right.rounded(.up))
        guard x1 > x0 else { return CoverageMask(x: 0, y: 0, width: 0, height: 0) }
        var values = [Float](repeating: 0, count: (x1 - x0) * rows)
        for col in 0..<(x1 - x0) {
            let a = Double(x0 + col)
            let c = Float(max(0, min(a + 1, right) - max(a, left)))
            for row in 0..<rows { values[row * (x1 - x0) + col] = c }
        }
        return CoverageMask(x: x0, y: top, width: x1 - x0, height: rows, values: values)
    }
}

extension CoverageMask {
    /// The same coverage moved by whole pixels.
    func shifted(x dx: Int, y dy: Int) -> CoverageMask {
        var m = self
        m.x += dx
        m.y += dy
        return m
    }

    /// This string-space mask turned 90° counter-clockwise onto the page: string
    /// x grows upwards from row `originY`, string y (down) grows rightwards from
    /// column `originX`. String pixel (c, r) lands on page pixel
    /// (originX + r, originY − c − 1).
    func turnedCounterClockwise(originX: Int, originY: Int) -> CoverageMask {
        guard !isEmpty else { return self }
        var out = CoverageMask(x: originX + y, y: originY - x - width, width: height, height: width)
        for j in 0..<width {
            let c = width - 1 - j
            for i in 0..<height { out.values[j * height + i] = values[i * width + c] }
        }
        return out
    }
}
