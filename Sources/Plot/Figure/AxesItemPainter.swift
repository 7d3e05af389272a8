import Foundation
import Raster

/// Draws the items of an axes: artists (as at a step, for moving ones), grid,
/// frame and legend.
struct AxesItemPainter {
    let geometry: AxesGeometry
    let legendEntries: [LegendEntry]
    let legendObstacles: [Point]

    /// Draws one item; `step` nil draws it as in the still.
    func draw(_ item: AxesDrawing.Item, step: Int?, _ context: inout DrawContext) {
        switch item {
        case .artist(let a):
            if let step, a.animationRole != .static { a.draw(in: &context, atStep: step) } else { a.draw(in: &context) }
        case .grid: drawGrid(&context, geometry.xTicks, geometry.yTicks, area: geometry.plotArea)
        case .frame: drawFrame(&context, geometry.xTicks, geometry.yTicks, area: geometry.plotArea)
        case .legend:
            geometry.axes.legend?.draw(legendEntries, obstacles: legendObstacles, in: &context)
        }
    }

    var theme: Theme { geometry.theme }
    var font: Font { geometry.font }
    var axes: Axes { geometry.axes }
    func px(_ pt: Double) -> Double { geometry.px(pt) }

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
            context.canvas.drawText(t.label, font: font, at: Point(p, area.maxY + gap), sizePx: labelSize,
                                    color: theme.textColor, anchorX: .center, anchorY: .top)
            xLabelBottom = max(xLabelBottom, area.maxY + gap + font.measure(t.label, sizePx: labelSize).height)
        }
        var yLabelLeft = area.minX - gap
        for t in yt.ticks {
            let p = context.dataToPixel.apply(Point(1, t.value)).y
            ticks.move(to: Point(area.minX, p)); ticks.line(to: Point(area.minX - tickLen, p))
            context.canvas.drawText(t.label, font: font, at: Point(area.minX - gap, p), sizePx: labelSize,
                                    color: theme.textColor, anchorX: .right, anchorY: .center)
            yLabelLeft = min(yLabelLeft, area.minX - gap - font.measure(t.label, sizePx: labelSize).width)
        }
        context.canvas.stroke(ticks, style: StrokeStyle(width: px(theme.tickWidth), cap: .butt), color: edge)
        if let m = xt.multiplier {
            context.canvas.drawText(m, font: font, at: Point(area.maxX, xLabelBottom + px(2)), sizePx: labelSize,
                                    color: theme.textColor, anchorX: .right, anchorY: .top)
        }
        if let m = yt.multiplier {
            context.canvas.drawText(m, font: font, at: Point(area.minX, area.minY - px(2)), sizePx: labelSize,
                                    color: theme.textColor, anchorX: .left, anchorY: .bottom)
        }
        if let xl = axes.xlabel {
            context.canvas.drawText(xl, font: font, at: Point(area.midX, xLabelBottom + px(theme.labelPad)),
                                    sizePx: px(theme.labelSize), color: theme.textColor, anchorX: .center, anchorY: .top)
        }
        if let yl = axes.ylabel {
            context.canvas.drawText(yl, font: font, at: Point(yLabelLeft - px(theme.labelPad), area.midY),
                                    sizePx: px(theme.labelSize), color: theme.textColor, anchorX: .right, anchorY: .center, rotation: 90)
        }
        if let title = axes.title {
            context.canvas.drawText(title, font: font, at: Point(area.midX, area.minY - px(theme.titlePad)),
                                    sizePx: px(theme.titleSize), color: theme.textColor, anchorX: .center, anchorY: .baseline)
        }
    }
}
