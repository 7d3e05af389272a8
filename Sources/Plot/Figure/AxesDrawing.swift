import Foundation
import Raster

/// An `Axes` laid out in its box, computed once per render: the limits, the plot
/// area and the colorbar's rectangle (matplotlib's `make_axes`), the data → pixel
/// map and the ticks. `margins()` tells the layout how much room the decorations
/// take outside the box.
struct AxesGeometry {
    let axes: Axes
    let environment: DrawEnvironment
    let limits: (x: ClosedRange<Double>, y: ClosedRange<Double>)
    let plotArea: Rect
    let colorbarArea: Rect?
    let dataToPixel: DataTransform
    let xTicks: AxisTicks
    let yTicks: AxisTicks
    let box: Rect

    init(axes: Axes, box: Rect, environment: DrawEnvironment) {
        self.axes = axes
        self.environment = environment
        self.box = box
        limits = axes.resolvedLimits()
        var plot = box
        var bar: Rect?
        if let cb = axes.colorbar {
            let split = cb.split(box)
            plot = split.plot
            bar = split.bar.snapped
        }
        if axes.equalAspect {
            let (xr, yr) = limits
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
        plotArea = plot.snapped
        colorbarArea = bar
        dataToPixel = AxesGeometry.dataToPixel(x: limits.x, y: limits.y, area: plotArea,
                                               xScale: axes.xscale, yScale: axes.yscale)
        let scale = environment.pointScale
        xTicks = AxisTicks(range: limits.x, scale: axes.xscale, lengthPx: plotArea.width, horizontal: true,
                           theme: environment.theme, pointScale: scale)
        yTicks = AxisTicks(range: limits.y, scale: axes.yscale, lengthPx: plotArea.height, horizontal: false,
                           theme: environment.theme, pointScale: scale)
    }

    var theme: Theme { environment.theme }
    var font: Font { environment.font }
    func px(_ pt: Double) -> Double { pt * environment.pointScale }

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

    /// A drawing context over `canvas` for this plot area.
    func context(_ canvas: any Canvas) -> DrawContext {
        DrawContext(canvas: canvas, dataToPixel: dataToPixel, plotArea: plotArea, font: font, theme: theme,
                    pointScale: environment.pointScale)
    }

    /// The colorbar as resolved for this layout, or nil.
    var colorbar: Colorbar? {
        guard let slot = axes.colorbar else { return nil }
        return slot.content(context(RasterCanvas(width: 1, height: 1)))
    }

    /// The room the decorations take outside the box.
    func margins() -> Margins {
        guard axes.showFrame else { return Margins() }
        let (plot, xt, yt) = (plotArea, xTicks, yTicks)
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
        if let bar = colorbarArea, let cb = colorbar {
            let room = cb.extentRight(barHeight: bar.height, font: font, theme: theme, pointScale: environment.pointScale)
            m.right = max(m.right, bar.maxX - box.maxX + room)
        }
        return Margins(left: max(0, m.left), right: max(0, m.right), top: max(0, m.top), bottom: max(0, m.bottom))
    }
}

/// An `Axes` ready to draw: face, colorbar, then its artists in z-order with the
/// grid, the frame (spines, ticks, labels, title) and the legend at matplotlib's
/// places among them — split at the first moving artist (a path growing in an
/// animation) into the static layer and the moving one. Legend placement and its
/// entries are computed once, from every artist (paths included, whole).
///
/// In the moving layer, each run of static items (the frame, texts and legend
/// above the paths) is recorded once as painted masks and replayed on every
/// frame: the same pixels as drawing it, without rasterizing it again.
struct AxesDrawing: PanelDrawing {
    /// One step of the drawing order.
    enum Item: Sendable {
        case artist(any Artist)
        case grid
        case frame
        case legend

        var isStatic: Bool {
            if case .artist(let a) = self { return a.animationRole == .static }
            return true
        }
    }

    /// A part of the moving layer: an item drawn at each step, or static items recorded.
    enum MovingPart: Sendable {
        case live(Item)
        case recorded(PaintRecording)
    }

    let geometry: AxesGeometry
    let items: [Item]
    /// Index of the first item of the moving layer (`items.count` when all are static).
    let firstMoving: Int
    let moving: [MovingPart]
    let colorbar: Colorbar?
    let legendEntries: [LegendEntry]
    let legendObstacles: [Point]

    init(axes: Axes, box: Rect, environment: DrawEnvironment) {
        geometry = AxesGeometry(axes: axes, box: box, environment: environment)
        // Stable sort: ties keep insertion order, as matplotlib's.
        let ordered = axes.artists.enumerated()
            .sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }.map(\.element)
        var items = ordered.filter { $0.zorder < 1.5 }.map(Item.artist)
        if axes.grid { items.append(.grid) }
        items += ordered.filter { $0.zorder >= 1.5 && $0.zorder < 2.5 }.map(Item.artist)
        if axes.showFrame { items.append(.frame) }
        items += ordered.filter { $0.zorder >= 2.5 }.map(Item.artist)
        if axes.legend != nil { items.append(.legend) }
        self.items = items
        let firstMoving = items.firstIndex { !$0.isStatic } ?? items.count
        self.firstMoving = firstMoving
        colorbar = geometry.colorbarArea == nil ? nil : geometry.colorbar
        legendEntries = ordered.compactMap(\.legendEntry)
        let map = geometry.dataToPixel
        legendObstacles = ordered.flatMap { $0.dataPoints.map(map.apply) }.filter(\.isFinite)
        let painter = ItemPainter(geometry: geometry, legendEntries: legendEntries, legendObstacles: legendObstacles)
        var parts: [MovingPart] = []
        var recording: DrawContext?
        for item in items[firstMoving...] {
            if item.isStatic {
                if recording == nil {
                    recording = geometry.context(PaintRecording(width: environment.figureWidth,
                                                                height: environment.figureHeight))
                }
                painter.draw(item, step: nil, &recording!)
                continue
            }
            if let r = recording?.canvas as? PaintRecording { parts.append(.recorded(r)) }
            recording = nil
            parts.append(.live(item))
        }
        if let r = recording?.canvas as? PaintRecording { parts.append(.recorded(r)) }
        moving = parts
    }

    var plotArea: Rect { geometry.plotArea }
    var dataToPixel: DataTransform { geometry.dataToPixel }
    var colorbarArea: Rect? { geometry.colorbarArea }

    func drawStatic(on canvas: inout any Canvas) {
        var context = geometry.context(RasterCanvas(width: 1, height: 1))
        swap(&context.canvas, &canvas)
        defer { swap(&context.canvas, &canvas) }
        context.canvas.fillPixels(plotArea, color: geometry.theme.axesFaceColor)
        // The colorbar sits beside the plot area, so nothing drawn later overlaps it.
        if let bar = geometry.colorbarArea, let colorbar {
            context.canvas.clip = nil
            colorbar.draw(in: &context.canvas, area: bar, font: geometry.font, theme: geometry.theme,
                          pointScale: geometry.environment.pointScale)
        }
        let painter = ItemPainter(geometry: geometry, legendEntries: legendEntries, legendObstacles: legendObstacles)
        for item in items[..<firstMoving] { painter.draw(item, step: nil, &context) }
    }

    func drawMoving(atStep step: Int, on canvas: inout any Canvas) {
        guard !moving.isEmpty else { return }
        var context = geometry.context(RasterCanvas(width: 1, height: 1))
        swap(&context.canvas, &canvas)
        defer { swap(&context.canvas, &canvas) }
        let painter = ItemPainter(geometry: geometry, legendEntries: legendEntries, legendObstacles: legendObstacles)
        for part in moving {
            switch part {
            case .live(let item): painter.draw(item, step: step, &context)
            case .recorded(let r): context.canvas.replay(r)
            }
        }
    }
}

/// Draws the items of an axes: artists (as at a step, for moving ones), grid,
/// frame and legend.
struct ItemPainter {
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

extension Rect {
    /// Edges rounded to whole pixels, so spines and clip edges are crisp.
    var snapped: Rect {
        let x0 = minX.rounded(), y0 = minY.rounded()
        return Rect(x: x0, y: y0, width: maxX.rounded() - x0, height: maxY.rounded() - y0)
    }
}
