import Raster

/// A legend box listing labelled artists with a sample of their line and
/// marker, placed like matplotlib's `legend(loc=...)`: by default at the
/// candidate position that covers the fewest data points ('best'). The same
/// legend serves 2-D and 3-D panels (in 3-D the obstacles are the projected
/// path points); it is drawn above the paths, composited like everything else.
public struct Legend: Sendable, Hashable {
    /// matplotlib's location names.
    public enum Location: String, Sendable, CaseIterable, Codable {
        case best, upperRight = "upper right", upperLeft = "upper left", lowerLeft = "lower left",
             lowerRight = "lower right", right, centerLeft = "center left", centerRight = "center right",
             lowerCenter = "lower center", upperCenter = "upper center", center
    }

    public var location: Location = .best
    /// Font size in points; nil = the theme's legend size.
    public var fontSize: Double?
    public var title: String?

    public init(location: Location = .best) { self.location = location }

    /// Draws `entries` inside `context.plotArea`, avoiding `obstacles` (pixel
    /// positions of data) when the location is `.best`.
    func draw(_ entries: [LegendEntry], obstacles: [Point], in context: inout DrawContext) {
        guard !entries.isEmpty else { return }
        let fs = context.px(fontSize ?? context.theme.legendFontSize)
        let box = layout(entries, fontSize: fs, font: context.font)
        let origin = place(size: box, in: context.plotArea, fontSize: fs, obstacles: obstacles)
        draw(entries, topLeft: origin, in: &context)
    }

    /// Draws `entries` in a box whose top-left corner is `origin` (pixels), as
    /// placed by the caller (the 3-D placement, `Legend3DPlacement`).
    func draw(_ entries: [LegendEntry], topLeft origin: Point, in context: inout DrawContext) {
        guard !entries.isEmpty else { return }
        let fs = context.px(fontSize ?? context.theme.legendFontSize)
        let box = layout(entries, fontSize: fs, font: context.font)
        let frame = Rect(x: origin.x, y: origin.y, width: box.width, height: box.height)
        let saved = context.canvas.clip
        context.canvas.clip = nil
        defer { context.canvas.clip = saved }
        // matplotlib: rounded box (pad 0.2 fs), white at 0.8 alpha, edge 0.8 grey.
        let outline = Legend.roundedRect(frame, radius: 0.2 * fs)
        context.canvas.fill(outline, color: Color.white.withAlpha(0.8))
        context.canvas.stroke(outline, style: StrokeStyle(width: context.px(0.8)), color: Color(r: 0.8, g: 0.8, b: 0.8))
        var y = frame.minY + 0.4 * fs
        if let title {
            let e = context.font.measure(title, sizePx: fs)
            context.drawText(title, at: Point(frame.midX, y), sizePx: fs,
                             color: context.theme.textColor, anchorX: .center, anchorY: .top)
            y += e.ascent + e.descent + 0.5 * fs
        }
        for entry in entries {
            let e = context.font.measure(entry.label, sizePx: fs)
            let rowHeight = max(e.ascent + e.descent, 0.7 * fs)
            let mid = y + rowHeight / 2
            let x0 = frame.minX + 0.4 * fs
            drawHandle(entry.style, casing: entry.casing, from: Point(x0, mid), to: Point(x0 + 2 * fs, mid), in: &context)
            context.drawText(entry.label, at: Point(x0 + 2.8 * fs, mid), sizePx: fs,
                             color: context.theme.textColor, anchorX: .left, anchorY: .center)
            y += rowHeight + 0.5 * fs
        }
    }

    /// Box size: borderpad 0.4, handle 2.0, handle–text pad 0.8, label spacing 0.5 (font sizes).
    func layout(_ entries: [LegendEntry], fontSize fs: Double, font: Font) -> (width: Double, height: Double) {
        var width = 0.0, height = 0.0
        for entry in entries {
            let e = font.measure(entry.label, sizePx: fs)
            width = max(width, e.width)
            height += max(e.ascent + e.descent, 0.7 * fs)
        }
        height += 0.5 * fs * Double(entries.count - 1)
        if let title {
            let e = font.measure(title, sizePx: fs)
            width = max(width, e.width - 2.8 * fs)
            height += e.ascent + e.descent + 0.5 * fs
        }
        return (width + 2.8 * fs + 0.8 * fs, height + 0.8 * fs)
    }

    /// The top-left corner of the box. For `.best`, the first candidate (in
    /// matplotlib's order) covering the fewest obstacle points.
    func place(size: (width: Double, height: Double), in area: Rect, fontSize fs: Double, obstacles: [Point]) -> Point {
        let pad = 0.5 * fs
        func corner(_ loc: Location) -> Point {
            let left = area.minX + pad, right = area.maxX - pad - size.width
            let top = area.minY + pad, bottom = area.maxY - pad - size.height
            let cx = area.midX - size.width / 2, cy = area.midY - size.height / 2
            switch loc {
            case .best, .upperRight: return Point(right, top)
            case .upperLeft: return Point(left, top)
            case .lowerLeft: return Point(left, bottom)
            case .lowerRight: return Point(right, bottom)
            case .right, .centerRight: return Point(right, cy)
            case .centerLeft: return Point(left, cy)
            case .lowerCenter: return Point(cx, bottom)
            case .upperCenter: return Point(cx, top)
            case .center: return Point(cx, cy)
            }
        }
        guard location == .best else { return corner(location) }
        let candidates: [Location] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight, .right,
                                      .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center]
        var best = corner(.upperRight), bestCount = Int.max
        for c in candidates {
            let p = corner(c)
            let r = Rect(x: p.x, y: p.y, width: size.width, height: size.height)
            let count = obstacles.reduce(0) { $0 + (r.contains($1) ? 1 : 0) }
            if count < bestCount { (best, bestCount) = (p, count) }
            if count == 0 { break }
        }
        return best
    }

    private func drawHandle(_ style: LineStyle, casing: LineCasing?, from a: Point, to b: Point,
                            in context: inout DrawContext) {
        guard let color = style.color else { return }
        if style.hasLine {
            let w = context.px(style.lineWidth ?? context.theme.lineWidth)
            if let casing {
                context.canvas.stroke(Path(polyline: [a, b]),
                                      style: StrokeStyle.line(width: casing.outerWidth(lineWidth: w, pointScale: context.pointScale)),
                                      color: casing.color)
            }
            context.canvas.stroke(Path(polyline: [a, b]),
                                  style: StrokeStyle.line(width: w, dashes: style.dash.pattern.map { $0 * w }),
                                  color: color.withAlpha(color.a * style.alpha))
        }
        Line2D.drawMarkers([a.lerp(b, 0.5)], indices: nil, style: style, in: &context)
    }

    /// A rectangle with circular corners of `radius`.
    static func roundedRect(_ r: Rect, radius: Double) -> Path {
        let k = 0.5522847498307936 * radius
        var p = Path()
        p.move(to: Point(r.minX + radius, r.minY))
        p.line(to: Point(r.maxX - radius, r.minY))
        p.cubic(to: Point(r.maxX, r.minY + radius), control1: Point(r.maxX - radius + k, r.minY), control2: Point(r.maxX, r.minY + radius - k))
        p.line(to: Point(r.maxX, r.maxY - radius))
        p.cubic(to: Point(r.maxX - radius, r.maxY), control1: Point(r.maxX, r.maxY - radius + k), control2: Point(r.maxX - radius + k, r.maxY))
        p.line(to: Point(r.minX + radius, r.maxY))
        p.cubic(to: Point(r.minX, r.maxY - radius), control1: Point(r.minX + radius - k, r.maxY), control2: Point(r.minX, r.maxY - radius + k))
        p.line(to: Point(r.minX, r.minY + radius))
        p.cubic(to: Point(r.minX + radius, r.minY), control1: Point(r.minX, r.minY + radius - k), control2: Point(r.minX + radius - k, r.minY))
        p.close()
        return p
    }
}
