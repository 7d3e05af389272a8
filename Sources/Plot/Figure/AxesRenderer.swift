import Foundation
import Raster

/// Draws one `Axes`: face, artists in z-order, spines, ticks, tick labels, axis
/// labels and title, with matplotlib's geometry (ticks outward, labels padded
/// in points from the tick ends, title 6 pt above the top spine).
struct AxesRenderer {
    let axes: Axes
    let figure: Figure
    let font: Font

    var theme: Theme { figure.theme }
    var scale: Double { figure.dpi / 72 }
    func px(_ pt: Double) -> Double { pt * scale }

    func render(into canvas: inout Canvas) {
        let area = figure.plotArea(for: axes.position)
        let (xr, yr) = axes.resolvedLimits()
        let map = AxesRenderer.dataToPixel(x: xr, y: yr, area: area)
        var context = DrawContext(canvas: canvas, dataToPixel: map, plotArea: area, font: font,
                                  theme: theme, pointScale: scale)
        context.canvas.image.fill(area, color: theme.axesFaceColor)
        // Stable sort: ties keep insertion order, as matplotlib's.
        let ordered = axes.artists.enumerated().sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }
        for (_, artist) in ordered where artist.zorder < 2.5 { artist.draw(in: &context) }
        if axes.showFrame { drawFrame(&context, x: xr, y: yr, area: area) }
        for (_, artist) in ordered where artist.zorder >= 2.5 { artist.draw(in: &context) }
        canvas = context.canvas
    }

    /// Linear map of the limits onto the plot area, y up.
    static func dataToPixel(x: ClosedRange<Double>, y: ClosedRange<Double>, area: Rect) -> Transform {
        let sx = area.width / (x.upperBound - x.lowerBound)
        let sy = area.height / (y.upperBound - y.lowerBound)
        return Transform(a: sx, b: 0, c: 0, d: -sy,
                         tx: area.minX - x.lowerBound * sx, ty: area.maxY + y.lowerBound * sy)
    }

    /// Ticks shown on an axis of `lengthPx` pixels: matplotlib's AutoLocator, whose
    /// bin count follows the room for labels (3 label heights per tick on x, 2 on y).
    func visibleTicks(_ r: ClosedRange<Double>, lengthPx: Double, horizontal: Bool) -> (all: [Double], shown: [Double]) {
        let lengthPt = lengthPx / scale
        let space = Int(floor(lengthPt / (theme.tickLabelSize * (horizontal ? 3 : 2))))
        let ticks = MaxNLocator.axis(bins: min(max(space, 1), 9)).ticks(r.lowerBound, r.upperBound)
        let tol = 1e-10 * (r.upperBound - r.lowerBound)
        return (ticks, ticks.filter { $0 >= r.lowerBound - tol && $0 <= r.upperBound + tol })
    }

    private func drawFrame(_ context: inout DrawContext, x: ClosedRange<Double>, y: ClosedRange<Double>, area: Rect) {
        let saved = context.canvas.clip
        context.canvas.clip = nil
        defer { context.canvas.clip = saved }
        let edge = theme.axesEdgeColor
        let lw = px(theme.axesLineWidth)
        // Spines: lines centred on the plot-area edges.
        let spine = StrokeStyle(width: lw, join: .miter, cap: .square)
        context.canvas.stroke(Path.rectangle(area), style: spine, color: edge)

        let tickLen = px(theme.tickLength), tickStroke = StrokeStyle(width: px(theme.tickWidth), cap: .butt)
        let labelSize = px(theme.tickLabelSize)
        let gap = tickLen + px(theme.tickPad)

        let xt = visibleTicks(x, lengthPx: area.width, horizontal: true)
        let xLabels = TickFormatter(ticks: xt.all)
        var ticks = Path()
        var xLabelBottom = area.maxY + gap
        for (t, label) in zip(xt.all, xLabels.labels) where xt.shown.contains(t) {
            let p = context.dataToPixel.apply(Point(t, y.lowerBound)).x
            ticks.move(to: Point(p, area.maxY)); ticks.line(to: Point(p, area.maxY + tickLen))
            font.draw(label, into: &context.canvas.image, at: Point(p, area.maxY + gap), sizePx: labelSize,
                      color: theme.textColor, anchorX: .center, anchorY: .top)
            let m = font.measure(label, sizePx: labelSize)
            xLabelBottom = max(xLabelBottom, area.maxY + gap + m.ascent + m.descent)
        }
        let yt = visibleTicks(y, lengthPx: area.height, horizontal: false)
        let yLabels = TickFormatter(ticks: yt.all)
        var yLabelLeft = area.minX - gap
        for (t, label) in zip(yt.all, yLabels.labels) where yt.shown.contains(t) {
            let p = context.dataToPixel.apply(Point(x.lowerBound, t)).y
            ticks.move(to: Point(area.minX, p)); ticks.line(to: Point(area.minX - tickLen, p))
            font.draw(label, into: &context.canvas.image, at: Point(area.minX - gap, p), sizePx: labelSize,
                      color: theme.textColor, anchorX: .right, anchorY: .center)
            yLabelLeft = min(yLabelLeft, area.minX - gap - font.measure(label, sizePx: labelSize).width)
        }
        context.canvas.stroke(ticks, style: tickStroke, color: edge)
        drawMultipliers(&context, x: xLabels.multiplierLabel, y: yLabels.multiplierLabel, area: area, below: xLabelBottom)

        if let xl = axes.xlabel {
            font.draw(xl, into: &context.canvas.image, at: Point(area.midX, xLabelBottom + px(theme.labelPad)),
                      sizePx: px(theme.labelSize), color: theme.textColor, anchorX: .center, anchorY: .top)
        }
        if let yl = axes.ylabel {
            font.draw(yl, into: &context.canvas.image, at: Point(yLabelLeft - px(theme.labelPad), area.midY),
                      sizePx: px(theme.labelSize), color: theme.textColor, anchorX: .right, anchorY: .center,
                      rotation: 90)
        }
        if let title = axes.title {
            font.draw(title, into: &context.canvas.image, at: Point(area.midX, area.minY - px(theme.titlePad)),
                      sizePx: px(theme.titleSize), color: theme.textColor, anchorX: .center, anchorY: .baseline)
        }
    }

    /// matplotlib's offset text (`1e6`) at the right end of the x axis and the top of the y axis.
    private func drawMultipliers(_ context: inout DrawContext, x: String?, y: String?, area: Rect, below: Double) {
        let size = px(theme.tickLabelSize)
        if let x {
            font.draw(x, into: &context.canvas.image, at: Point(area.maxX, below + px(2)), sizePx: size,
                      color: theme.textColor, anchorX: .right, anchorY: .top)
        }
        if let y {
            font.draw(y, into: &context.canvas.image, at: Point(area.minX, area.minY - px(2)), sizePx: size,
                      color: theme.textColor, anchorX: .left, anchorY: .bottom)
        }
    }
}
