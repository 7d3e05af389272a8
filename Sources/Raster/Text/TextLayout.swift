/// One element of text to lay out: what `MathText.parse` produces.
indirect enum TextAtom: Equatable {
    /// A character in a face.
    case char(Unicode.Scalar, FaceStyle)
    /// Horizontal space, a fraction of the quad (advance of upright "m") at the current size.
    case space(Double)
    /// A `{…}` group: laid out as one box, no kerning across its edges.
    case group([TextAtom])
    /// `nucleus_{sub}^{sup}`: scripts at 70 % of the size, shifted like matplotlib's mathtext.
    case scripts(nucleus: [TextAtom], sub: [TextAtom]?, sup: [TextAtom]?)
    /// `\sqrt{…}`: a radical sign and a bar over the argument.
    case sqrt([TextAtom])
    /// `\frac{num}{den}` (text style: both at 70 %) or `\dfrac` (display style),
    /// over and under a bar on the math axis.
    case fraction([TextAtom], [TextAtom], display: Bool)
}

/// A glyph at its place in text space: `u` along the baseline from the pen's
/// start, `v` up from the baseline, both in pixels.
struct PlacedGlyph: Equatable {
    var style: FaceStyle
    var glyph: UInt32
    var size64: Int32
    var u: Double
    var v: Double
}

/// A filled rectangle (fraction bar, root bar) in text space: `u`, `v` its
/// lower-left corner.
struct PlacedRule: Equatable {
    var u: Double
    var v: Double
    var width: Double
    var height: Double
}

/// A laid-out piece of text: its glyphs and rules, advance width and ink extent.
struct TextBox {
    var glyphs: [PlacedGlyph] = []
    var rules: [PlacedRule] = []
    var width = 0.0
    /// Ink extent: highest and lowest v (up), leftmost and rightmost u;
    /// infinite while there is no ink.
    var inkTop = -Double.infinity
    var inkBottom = Double.infinity
    var inkLeft = Double.infinity
    var inkRight = -Double.infinity
    /// The last character: slanted (italic) and its ink top, for script placement.
    var lastSlanted = false
    var lastHeight = 0.0

    /// Ink height above the baseline, ≥ 0 (TeX's box height).
    var height: Double { inkTop.isFinite ? max(0, inkTop) : 0 }
    /// Ink depth below the baseline, ≥ 0 (TeX's box depth).
    var depth: Double { inkBottom.isFinite ? max(0, -inkBottom) : 0 }

    var hasInk: Bool { inkTop.isFinite }

    /// Extends the ink box by the rectangle u ∈ [left, right], v ∈ [bottom, top].
    mutating func add(inkLeft left: Double, right: Double, bottom: Double, top: Double) {
        inkTop = max(inkTop, top)
        inkBottom = min(inkBottom, bottom)
        inkLeft = min(inkLeft, left)
        inkRight = max(inkRight, right)
    }

    /// Adds `other` with its origin at (u, v); does not advance the width.
    mutating func place(_ other: TextBox, u: Double, v: Double) {
        glyphs += other.glyphs.map { var g = $0; g.u += u; g.v += v; return g }
        rules += other.rules.map { var r = $0; r.u += u; r.v += v; return r }
        if other.hasInk {
            add(inkLeft: other.inkLeft + u, right: other.inkRight + u,
                bottom: other.inkBottom + v, top: other.inkTop + v)
        }
    }

    mutating func addRule(_ r: PlacedRule) {
        rules.append(r)
        add(inkLeft: r.u, right: r.u + r.width, bottom: r.v, top: r.v + r.height)
    }
}

/// matplotlib's layout constants for DejaVu Sans mathtext (`DejaVuSansFontConstants`,
/// from the font's TeX table), as multiples of the x-height unless noted.
enum MathConstants {
    static let shrink = 0.7
    static let supdrop = 790.527 / 1120
    static let subdrop = 102.4 / 1120
    static let sup1 = 845.824 / 1120
    static let sub1 = 307.199 / 1120
    static let sub2 = 632.832 / 1120
    static let num1 = 1529.86 / 1120
    static let num2 = 868.352 / 1120
    static let denom1 = 1548.29 / 1120
    static let denom2 = 768.0 / 1120
    static let delta = 0.025
    static let deltaSlanted = 0.2
    static let scriptSpace = 0.05
    /// Height of the math axis (fraction bars), in ems.
    static let axisHeight = 512.0 / 2048
}

extension FontState {
    /// Lays out `atoms` at `size` pixels per em, pen starting at u = 0 on the baseline.
    mutating func layout(_ atoms: [TextAtom], size: Double) -> TextBox {
        var box = TextBox()
        var previous: (style: FaceStyle, glyph: UInt32)? = nil
        let size64 = FontState.size64(size)
        for atom in atoms {
            switch atom {
            case let .char(scalar, wanted):
                let (style, g) = glyph(scalar, wanted)
                if let p = previous, p.style == style { box.width += kerning(p.glyph, g, style, size64: size64) }
                let m = metrics(g, style, size64: size64)
                box.glyphs.append(PlacedGlyph(style: style, glyph: g, size64: size64, u: box.width, v: 0))
                if !m.isBlank {
                    box.add(inkLeft: box.width + m.minX, right: box.width + m.maxX, bottom: m.minY, top: m.maxY)
                }
                box.width += m.advance
                box.lastSlanted = style == .italic
                box.lastHeight = max(0, m.maxY)
                previous = (style, g)
                continue
            case let .space(em):
                box.width += em * quad(size)
            case let .group(inner):
                append(layout(inner, size: size), to: &box)
            case let .scripts(nucleus, sub, sup):
                append(layoutScripts(nucleus, sub: sub, sup: sup, size: size), to: &box)
            case let .sqrt(inner):
                append(layoutRoot(inner, size: size), to: &box)
            case let .fraction(num, den, display):
                append(layoutFraction(num, den, display: display, size: size), to: &box)
            }
            previous = nil
        }
        return box
    }

    private func append(_ part: TextBox, to box: inout TextBox) {
        box.place(part, u: box.width, v: 0)
        box.width += part.width
        box.lastSlanted = part.lastSlanted
        box.lastHeight = part.lastHeight
    }

    /// Advance of upright "m": mathtext's unit for spaces.
    mutating func quad(_ size: Double) -> Double {
        let (style, g) = glyph("m", .regular)
        return metrics(g, style, size64: FontState.size64(size)).advance
    }

    /// Sub- and superscripts after a nucleus, placed as matplotlib's mathtext does
    /// (TeX's rules 18a–f with DejaVu Sans constants).
    mutating func layoutScripts(_ nucleusAtoms: [TextAtom], sub: [TextAtom]?, sup: [TextAtom]?,
                                size: Double) -> TextBox {
        typealias C = MathConstants
        var box = layout(nucleusAtoms, size: size)
        let xh = xHeight(size), small = size * C.shrink
        var superkern = C.delta * xh, subkern = C.delta * xh
        if box.lastSlanted {
            superkern += C.delta * xh + C.deltaSlanted * (box.lastHeight - xh * 2 / 3)
            subkern = 0
        }
        var shiftUp = 0.0, shiftDown = 0.0
        let isChar = nucleusAtoms.count == 1 && { if case .char = nucleusAtoms[0] { true } else { false } }()
        if !isChar {
            shiftUp = box.height - C.supdrop * xHeight(small)
            shiftDown = box.depth + C.subdrop * xHeight(small)
        }
        let subBox = sub.map { layout($0, size: small) }
        let supBox = sup.map { layout($0, size: small) }
        var end = box.width
        if let subBox, supBox == nil {
            shiftDown = max(shiftDown, C.sub1 * xh, subBox.height - xh * 4 / 5)
        }
        if let supBox {
            shiftUp = max(shiftUp, C.sup1 * xh, supBox.depth + xh / 4)
            if let subBox {
                shiftDown = max(shiftDown, C.sub2 * xh)
                // Keep four rule widths between the scripts.
                let clear = 4 * ruleThickness(size) - ((shiftUp - supBox.depth) - (subBox.height - shiftDown))
                if clear > 0 {
                    shiftDown += clear
                    let lift = xh * 4 / 5 - shiftUp + supBox.depth
                    if lift > 0 { shiftUp += lift; shiftDown -= lift }
                }
            }
            box.place(supBox, u: box.width + superkern, v: shiftUp)
            end = max(end, box.width + superkern + supBox.width)
        }
        if let subBox {
            box.place(subBox, u: box.width + subkern, v: -shiftDown)
            end = max(end, box.width + subkern + subBox.width)
        }
        box.width = end + C.scriptSpace * xh
        box.lastSlanted = false
        return box
    }

    /// A radical sign followed by its argument under a bar, as matplotlib's
    /// `sqrt`: the sign is scaled to reach from the argument's depth to five rule
    /// thicknesses above its height, and the argument is padded by two rules on
    /// either side.
    mutating func layoutRoot(_ inner: [TextAtom], size: Double) -> TextBox {
        let body = layout(inner, size: size)
        let t = ruleThickness(size)
        let top = body.height + 5 * t, bottom = -body.depth
        let unit = layout([.char("\u{221A}", .regular)], size: size)
        guard unit.hasInk else { return body }
        let scale = max(0.5, (top - bottom) / (unit.inkTop - unit.inkBottom))
        let sign = layout([.char("\u{221A}", .regular)], size: size * scale)
        var box = TextBox()
        box.place(sign, u: 0, v: bottom - sign.inkBottom)
        let barStart = min(sign.width, sign.inkRight) - t
        box.place(body, u: sign.width + 2 * t, v: 0)
        box.width = sign.width + body.width + 4 * t
        box.addRule(PlacedRule(u: barStart, v: top - t, width: box.width - barStart, height: t))
        return box
    }

    /// Numerator over denominator on a bar at the math axis, as matplotlib's
    /// `_genfrac`: in text style (`\frac`) both shrink to 70 % and sit
    /// num2 / denom2 x-heights from the baseline; in display style (`\dfrac`)
    /// they keep the size and use num1 / denom1 with three rules of clearance.
    mutating func layoutFraction(_ num: [TextAtom], _ den: [TextAtom], display: Bool, size: Double) -> TextBox {
        typealias C = MathConstants
        let inner = display ? size : size * C.shrink
        let n = layout(num, size: inner), d = layout(den, size: inner)
        let t = ruleThickness(size), xh = xHeight(inner), axis = C.axisHeight * size
        let numUp = (display ? C.num1 : C.num2) * xh, denDown = (display ? C.denom1 : C.denom2) * xh
        let clearance = display ? 3 * t : t
        let numGap = max((numUp - n.depth) - (axis + t / 2), clearance)
        let denGap = max((axis - t / 2) - (d.height - denDown), clearance)
        let w = max(n.width, d.width)
        var box = TextBox()
        box.place(n, u: t + (w - n.width) / 2, v: axis + t / 2 + numGap + n.depth)
        box.place(d, u: t + (w - d.width) / 2, v: axis - t / 2 - denGap - d.height)
        box.addRule(PlacedRule(u: t, v: axis - t / 2, width: w, height: t))
        box.width = w + 2 * t
        return box
    }

    /// The layout of `text` (plain text with `$…$` math, lines split at "\n") at
    /// `size` px, and its extents, following matplotlib 3.11's `Text._get_layout`.
    ///
    /// Horizontally the box is the ink's: the layout is shifted so that the leftmost
    /// ink is at u = 0, and the width runs to the rightmost ink (a string without ink
    /// has width 0). Vertically each line reaches at least the font's typographic
    /// ascent and descent (DejaVu Sans: 0.76 and 0.24 em) or further where its ink
    /// does; lines of a multi-line text get half the font's line gap above and below
    /// and are aligned within the block by `align`. The block's baseline is the last
    /// line's, so `ascent` spans from it to the top of the first line.
    mutating func layoutText(_ text: String, size: Double, align: TextAnchorX = .left) -> (TextBox, TextExtents) {
        let lineTexts = text.split(separator: "\n", omittingEmptySubsequences: false)
        let gap = lineTexts.count > 1 ? regular.lineGapRatio * size : 0
        let minAscent = regular.lineAscentRatio * size, minDescent = regular.lineDescentRatio * size
        var lines: [(box: TextBox, width: Double, ascent: Double, descent: Double)] = []
        for line in lineTexts {
            var box = TextBox()
            let laid = layout(MathText.parse(String(line)), size: size)
            if laid.hasInk { box.place(laid, u: -laid.inkLeft, v: 0) }
            let width = laid.hasInk ? laid.inkRight - laid.inkLeft : 0
            lines.append((box, width, max(laid.height, minAscent) + gap / 2, max(laid.depth, minDescent) + gap / 2))
        }
        let width = lines.map(\.width).max() ?? 0
        // Baselines, downwards from the top of the block.
        var baselines: [Double] = []
        var y = 0.0
        for line in lines {
            baselines.append(y + line.ascent)
            y += line.ascent + line.descent
        }
        let last = baselines.last!
        var block = TextBox()
        for (line, baseline) in zip(lines, baselines) {
            let slack = width - line.width
            let shift = align == .left ? 0 : align == .center ? slack / 2 : slack
            block.place(line.box, u: shift, v: last - baseline)
        }
        block.width = width
        return (block, TextExtents(width: width, ascent: last, descent: lines.last!.descent))
    }
}
