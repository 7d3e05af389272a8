import Foundation
import Raster

/// Draws one `Axes` into the pixel rectangle the layout gave it: face, grid,
/// artists in z-order, spines, ticks, tick labels, axis labels, title, legend and
/// colorbar, with matplotlib's geometry (ticks outward, labels padded in points
/// from the tick ends, title 6 pt above the top spine).
struct AxesRenderer {
    let axes: Axes
    let theme: Theme
    let font: Font
    /// Pixels per point (dpi / 72).
    let scale: Double

    func px(_ pt: Double) -> Double { pt * scale }

    /// Splits the axes' rectangle into the plot area and the colorbar's rectangle
    /// (matplotlib's `make_axes`: the parent keeps 1 − fraction − pad of the width,
    /// the bar is 1/20 as wide as it is tall), then applies equal aspect.
    func split(_ box: Rect) -> (plot: Rect, colorbar: Rect?) {
        var plot = box
        var bar: Rect?
        if let cb = axes.colorbar {
            plot.width = box.width * (1 - cb.fraction - cb.pad)
            let w = min(box.height / 20, box.width * cb.fraction)
            bar = Rect(x: box.maxX - box.width * cb.fraction, y: box.minY, width: w, height: box.height).snapped
        }
        if axes.equalAspect {
            let (xr, yr) = axes.resolvedLimits()
            let dx = axes.xscale.forward(xr.upperBound) - axes.xscale.forward(xr.lowerBound)
            let dy = axes.yscale.forward(yr.upperBound) - axes.yscale.forward(yr.lowerBound)
            if dx > 0, dy > 0 {
                let s = min(plot.width / dx, plot.height / dy)
                let w = dx * s, h = dy * s
                // Centred, or against the colorbar (matplotlib's panchor (1, 0.5)).
                let x = bar == nil ? plot.midX - w / 2 : plot.maxX - w
                plot = Rect(x: x, y: plot.midY - h / 2, width: w, height: h)
            }
        }
        return (plot.snapped, bar)
    }

    /// Linear map of the (scaled) limits onto the plot area, y up.
    static func dataToPixel(x: ClosedRange<Double>, y: ClosedRange<Double>, area: Rect,
                            xScale: AxisScale = .linear, yScale: AxisScale = .linear) -> DataTransform {
        let x0 = xScale.forward(x.lowerBound), x1 = xScale.forward(x.upperBound)
        let y0 = yScale.forward(y.lowerBound), y1 = yScale.forward(y.upperBound)
        let sx = area.width / (x1 - x0)
        let sy = area.height / (y1 - y0)
        return DataTransform(xScale: xScale, yScale: yScale,
                             affine: Transform(a: sx, b: 0, c: 0, d: -sy, tx: area.minX - x0 * sx, ty: area.maxY + y0 * sy))
    }

    func ticks(for area: Rect) -> (x: AxisTicks, y: AxisTicks) {
        let (xr, yr) = axes.resolvedLimits()
        return (AxisTicks(range: xr, scale: axes.xscale, lengthPx: area.width, horizontal: true, theme: theme, pointScale: scale),
                AxisTicks(range: yr, scale: axes.yscale, lengthPx: area.height, horizontal: false, theme: theme, pointScale: scale))
    }

    /// The room the decorations take outside `box` (the axes' rectangle).
    func margins(for box: Rect) -> Margins {
        guard axes.showFrame else { return Margins() }
        let (plot, bar) = split(box)
        let (xt, yt) = ticks(for: plot)
        let sizePx = px(theme.tickLabelSize)
        let gap = px(theme.tickLength + theme.tickPad)
        let xl = xt.largestLabel(font: font, sizePx: sizePx), yl = yt.largestLabel(font: font, sizePx: sizePx)
        var m = Margins()
        m.bottom = gap + xl.height
        if let s = axes.xlabel { let e = font.measure(s, sizePx: px(theme.labelSize)); m.bottom += px(theme.labelPad) + e.ascent + e.descent }
        m.left = gap + yl.width
        if let s = axes.ylabel { let e = font.measure(s, sizePx: px(theme.labelSize)); m.left += px(theme.labelPad) + e.ascent + e.descent }
        m.top = yt.multiplier == nil ? 0 : font.measure(yt.multiplier!, sizePx: sizePx).height + px(2)
        if let s = axes.title { m.top = max(m.top, px(theme.titlePad) + font.measure(s, sizePx: px(theme.titleSize)).ascent) }
        // Tick labels centred on the first and last x ticks overhang the ends; a
        // y label on the top tick overhangs the top.
        m.right = xl.width / 2
        m.top = max(m.top, xl.height > 0 ? yl.height / 2 : 0)
        m.left = max(m.left, xl.width / 2)
        m.left -= plot.minX - box.minX
        m.right -= box.maxX - plot.maxX
        if let bar, let cb = axes.colorbar {
            let context = DrawContext(canvas: Canvas(width: 1, height: 1), dataToPixel: DataTransform(affine: .identity),
                                      plotArea: plot, font: font, theme: theme, pointScale: scale)
            m.right = max(m.right, bar.maxX - box.maxX + cb.labelRoom(context, bar))
        }
        return Margins(left: max(0, m.left), right: max(0, m.right), top: max(0, m.top), bottom: max(0, m.bottom))
    }

    func render(into canvas: inout Canvas, box: Rect) {
        let (area, bar) = split(box)
        let (xr, yr) = axes.resolvedLimits()
        let map = AxesRenderer.dataToPixel(x: xr, y: yr, area: area, xScale: axes.xscale, yScale: axes.yscale)
        var context = DrawContext(canvas: canvas, dataToPixel: map, plotArea: area, font: font,
                                  theme: theme, pointScale: scale)
        context.canvas.image.fill(area, color: theme.axesFaceColor)
        let (xt, yt) = ticks(for: area)
        // Stable sort: ties keep insertion order, as matplotlib's.
        let ordered = axes.artists.enumerated()
            .sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }.map(\.element)
        for artist in ordered where artist.zorder < 1.5 { artist.draw(in: &context) }
        if axes.grid { drawGrid(&context, xt, yt, area: area) }
        for artist in ordered where artist.zorder >= 1.5 && artist.zorder < 2.5 { artist.draw(in: &context) }
        if axes.showFrame { drawFrame(&context, xt, yt, area: area) }
        for artist in ordered where artist.zorder >= 2.5 { artist.draw(in: &context) }
        if let legend = axes.legend {
            let sources = ordered + axes.legendOnlyArtists
            let entries = sources.compactMap(\.legendEntry)
            let obstacles = sources.flatMap { $0.dataPoints.map(map.apply) }.filter(\.isFinite)
            legend.draw(entries, obstacles: obstacles, in: &context)
        }
        if let bar, let cb = axes.colorbar {
            context.canvas.clip = nil
            cb.draw(&context, bar)
        }
        canvas = context.canvas
    }

    private func drawGrid(_ context: inout DrawContext, _ xt: AxisTicks, _ yt: AxisTicks, area: Rect) {
        var path = Path()
        for t in xt.ticks {
            let x = context.dataToPixel.apply(Point(t.value, 1)).x
            path.move(to: Point(x, area.minY)); path.line(to: Point(x, area.maxY))
        }
        for t in yt.ticks {
            let y = context.dataToPixel.apply(Point(1, t.value)).y
            path.move(to: Point(area.minX, y)); path.line(to: Point(area.maxX, y))
        }
        let saved = context.canvas.clip
        context.canvas.clip = area
        context.canvas.stroke(path, style: StrokeStyle(width: px(theme.gridLineWidth), cap: .butt), color: theme.gridColor)
        context.canvas.clip = saved
    }

    private func drawFrame(_ context: inout DrawContext, _ xt: AxisTicks, _ yt: AxisTicks, area: Rect) {
        let saved = context.canvas.clip
        context.canvas.clip = nil
        defer { context.canvas.clip = saved }
        let edge = theme.axesEdgeColor
        // Spines: lines centred on the plot-area edges.
        context.canvas.stroke(Path.rectangle(area), style: StrokeStyle(width: px(theme.axesLineWidth), join: .miter, cap: .square),
                              color: edge)
        let tickLen = px(theme.tickLength), labelSize = px(theme.tickLabelSize)
        let gap = tickLen + px(theme.tickPad)
        var ticks = Path()
        var xLabelBottom = area.maxY + gap
        for t in xt.ticks {
            let p = context.dataToPixel.apply(Point(t.value, 1)).x
            ticks.move(to: Point(p, area.maxY)); ticks.line(to: Point(p, area.maxY + tickLen))
            font.draw(t.label, into: &context.canvas.image, at: Point(p, area.maxY + gap), sizePx: labelSize,
                      color: theme.textColor, anchorX: .center, anchorY: .top)
            xLabelBottom = max(xLabelBottom, area.maxY + gap + font.measure(t.label, sizePx: labelSize).height)
        }
        var yLabelLeft = area.minX - gap
        for t in yt.ticks {
            let p = context.dataToPixel.apply(Point(1, t.value)).y
            ticks.move(to: Point(area.minX, p)); ticks.line(to: Point(area.minX - tickLen, p))
            font.draw(t.label, into: &context.canvas.image, at: Point(area.minX - gap, p), sizePx: labelSize,
                      color: theme.textColor, anchorX: .right, anchorY: .center)
            yLabelLeft = min(yLabelLeft, area.minX - gap - font.measure(t.label, sizePx: labelSize).width)
        }
        context.canvas.stroke(ticks, style: StrokeStyle(width: px(theme.tickWidth), cap: .butt), color: edge)
        if let m = xt.multiplier {
            font.draw(m, into: &context.canvas.image, at: Point(area.maxX, xLabelBottom + px(2)), sizePx: labelSize,
                      color: theme.textColor, anchorX: .right, anchorY: .top)
        }
        if let m = yt.multiplier {
            font.draw(m, into: &context.canvas.image, at: Point(area.minX, area.minY - px(2)), sizePx: labelSize,
                      color: theme.textColor, anchorX: .left, anchorY: .bottom)
        }
        if let xl = axes.xlabel {
            font.draw(xl, into: &context.canvas.image, at: Point(area.midX, xLabelBottom + px(theme.labelPad)),
                      sizePx: px(theme.labelSize), color: theme.textColor, anchorX: .center, anchorY: .top)
        }
        if let yl = axes.ylabel {
            font.draw(yl, into: &context.canvas.image, at: Point(yLabelLeft - px(theme.labelPad), area.midY),
                      sizePx: px(theme.labelSize), color: theme.textColor, anchorX: .right, anchorY: .center, rotation: 90)
        }
        if let title = axes.title {
            font.draw(title, into: &context.canvas.image, at: Point(area.midX, area.minY - px(theme.titlePad)),
                      sizePx: px(theme.titleSize), color: theme.textColor, anchorX: .center, anchorY: .baseline)
        }
    }
}

extension Rect {
    /// Edges rounded to whole pixels, so spines and clip edges are crisp.
    var snapped: Rect {
        let x0 = minX.rounded(), y0 = minY.rounded()
        return Rect(x: x0, y: y0, width: maxX.rounded() - x0, height: maxY.rounded() - y0)
    }
}
