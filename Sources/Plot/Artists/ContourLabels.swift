import Foundation
import Raster

/// Inline level labels on contour lines — matplotlib's `clabel(cs)` — and where
/// they go.
///
/// Text: every level formatted with the same number of decimals, the fewest
/// that tell the levels apart (matplotlib's `ScalarFormatter(useOffset=False)`
/// over all levels: `8`, `0.5`/`1.0`, `0.25`/`0.50`, a true minus sign). Unlike
/// matplotlib, very small or large levels are written out in full rather than
/// as mantissas missing their `1e-6` multiplier.
///
/// Placement, per line of a level (lines in pixels):
/// - only a line whose bounding box is wider or taller than 1.2 label widths gets
///   a label (matplotlib's `print_label`), and only when it is at least twice as
///   long as the gap the label cuts (so a label never hides a whole short line);
/// - candidate centres every quarter label width along the line; the chosen one
///   is where the stretch of one label width around it is straightest (largest
///   distance of the stretch from its chord — matplotlib's criterion), plus a
///   cost of half the text height times |sin| of the stretch's angle, since the
///   labels here are always horizontal and read best where the line is;
/// - the label's box must lie inside the plot area, and its centre at least 1.2
///   label widths from labels already placed (matplotlib's `too_close`); when no
///   candidate is far enough, the straightest inside the plot area is used;
/// - a candidate within 4 label widths of a label of the same level is never used
///   (neighbouring lines of one level would otherwise repeat their label side by side);
/// - with `inline`, the line is cut where it runs inside the label's box grown by
///   `inlineSpacing` on every side.
public struct ContourLabels: Sendable, Hashable {
    /// Font size in points; nil = the theme's text size (matplotlib's 10 pt).
    public var fontSize: Double?
    /// Text colour; nil = the colour of the labelled line (matplotlib's default).
    public var color: Color?
    /// Remove the line under each label (matplotlib's `inline=True`).
    public var inline = true
    /// Gap around the label, in points: matplotlib's 5 pixels at 100 dpi.
    public var inlineSpacing: Double = 3.6

    public init(fontSize: Double? = nil, color: Color? = nil, inline: Bool = true) {
        self.fontSize = fontSize
        self.color = color
        self.inline = inline
    }

    /// The label of every level of `levels`, in order.
    public static func texts(for levels: [Double]) -> [String] {
        let finite = levels.filter(\.isFinite)
        guard !finite.isEmpty else { return levels.map { _ in "" } }
        let decimals = TickFormatter.decimals(for: finite)
        return levels.map { $0.isFinite ? TickFormatter.format($0, decimals: decimals) : "" }
    }

    /// The label of level k of `levels`.
    public static func text(forLevel k: Int, of levels: [Double]) -> String {
        texts(for: levels)[k]
    }

    /// Labels chosen so far on one contour set, drawn after all its lines.
    struct Placement {
        struct Label { var text: String; var center: Point; var color: Color; var sizePx: Double }
        var labels: [Label] = []

        func draw(in context: inout DrawContext) {
            let saved = context.canvas.clip
            context.canvas.clip = context.plotArea
            defer { context.canvas.clip = saved }
            for l in labels {
                context.drawText(l.text, at: l.center, sizePx: l.sizePx, color: l.color, anchorX: .center, anchorY: .center)
            }
        }
    }

    /// Places `text` on each line of one level that can hold it, records the labels
    /// in `placed`, and returns the lines to stroke (cut under the labels when inline).
    func place(_ text: String, on lines: [Polyline], color lineColor: Color,
               placed: inout Placement, context: inout DrawContext) -> [Polyline] {
        let sizePx = context.px(fontSize ?? context.theme.fontSize)
        let m = context.font.measure(text, sizePx: sizePx)
        let size = (w: m.width, h: m.ascent + m.descent)
        guard size.w > 0 else { return lines }
        let pad = context.px(inlineSpacing)
        var out: [Polyline] = []
        for line in lines {
            guard let box = Rect.bounding(line.points), max(box.width, box.height) > 1.2 * size.w,
                  ContourLines.length(of: line) >= 2 * (size.w + 2 * pad),
                  let spot = locate(line, text: text, size: size, area: context.plotArea, placed: placed) else {
                out.append(line)
                continue
            }
            placed.labels.append(.init(text: text, center: spot.center, color: color ?? lineColor, sizePx: sizePx))
            guard inline else { out.append(line); continue }
            let gap = Rect(x: spot.center.x - size.w / 2 - pad, y: spot.center.y - size.h / 2 - pad,
                           width: size.w + 2 * pad, height: size.h + 2 * pad)
            out += ContourLabels.cut(line, at: spot.arc, box: gap)
        }
        return out
    }

    /// The best label centre on `line` (its arc length and point), or nil when no
    /// candidate's label box fits in `area`.
    func locate(_ line: Polyline, text: String, size: (w: Double, h: Double), area: Rect,
                placed: Placement) -> (arc: Double, center: Point)? {
        let (path, period) = line.isClosed ? ArcPolyline.loop(line.points)
                                           : (ArcPolyline(line.points), ArcPolyline(line.points).length)
        let half = size.w / 2
        // Open lines keep the whole stretch on the line; closed ones wrap.
        let (first, last) = line.isClosed ? (half, period + half) : (half, period - half)
        guard last >= first else { return nil }
        let step = max(size.w / 4, 1)
        var best: (score: Double, arc: Double, center: Point, far: Bool)? = nil
        var s = first
        while s <= last {
            let c = path.point(at: s)
            let fits = area.insetBy(dx: half, dy: size.h / 2).contains(c)
            let repeats = placed.labels.contains { $0.text == text && $0.center.distance(to: c) < 4 * size.w }
            if fits && !repeats {
                let far = placed.labels.allSatisfy { $0.center.distance(to: c) >= 1.2 * size.w }
                let score = ContourLabels.bend(path, from: s - half, to: s + half)
                    + size.h / 2 * ContourLabels.slope(path, from: s - half, to: s + half)
                // A candidate far from other labels beats every close one.
                if best == nil || (far && !best!.far) || (far == best!.far && score < best!.score) {
                    best = (score, s, c, far)
                }
            }
            s += step
        }
        return best.map { ($0.arc, $0.center) }
    }

    /// Largest distance of the stretch [a, b] from its chord, sampled at 9 points.
    static func bend(_ path: ArcPolyline, from a: Double, to b: Double) -> Double {
        let p0 = path.point(at: a), p1 = path.point(at: b)
        let chord = p1 - p0, len = chord.length
        guard len > 0 else { return .infinity }
        return (1..<8).map { k in
            abs(chord.cross(path.point(at: a + (b - a) * Double(k) / 8) - p0)) / len
        }.max()!
    }

    /// |sin| of the angle of the stretch's chord against the horizontal.
    static func slope(_ path: ArcPolyline, from a: Double, to b: Double) -> Double {
        let chord = path.point(at: b) - path.point(at: a)
        let len = chord.length
        return len > 0 ? abs(chord.y) / len : 1
    }

    /// `line` without the part around arc length `arc` that lies inside `box`
    /// (`box` holds the point at `arc`). Open lines give up to two pieces, closed
    /// lines one open piece; a line wholly inside the box gives nothing.
    static func cut(_ line: Polyline, at arc: Double, box: Rect) -> [Polyline] {
        if line.isClosed {
            let (path, period) = ArcPolyline.loop(line.points)
            // Walk ahead from s in the first turn, and back from the same point one
            // turn later (s + period), so each walk has a full turn of line before it.
            let s = arc.truncatingRemainder(dividingBy: period)
            let reversed = ArcPolyline(path.points.reversed())
            guard let ahead = path.exitDistance(from: s, box: box),
                  let behind = reversed.exitDistance(from: path.length - (s + period), box: box),
                  ahead + behind < period else { return [] }
            let piece = path.slice(from: s + ahead, to: s + period - behind)
            return piece.count >= 2 ? [Polyline(points: piece, isClosed: false)] : []
        }
        let path = ArcPolyline(line.points)
        let reversed = ArcPolyline(line.points.reversed())
        var pieces: [[Point]] = []
        if let behind = reversed.exitDistance(from: path.length - arc, box: box) {
            pieces.append(path.slice(from: 0, to: arc - behind))
        }
        if let ahead = path.exitDistance(from: arc, box: box) {
            pieces.append(path.slice(from: arc + ahead, to: path.length))
        }
        return pieces.filter { $0.count >= 2 }.map { Polyline(points: $0, isClosed: false) }
    }
}
