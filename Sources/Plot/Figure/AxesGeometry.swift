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

extension Rect {
    /// Edges rounded to whole pixels, so spines and clip edges are crisp.
    var snapped: Rect {
        let x0 = minX.rounded(), y0 = minY.rounded()
        return Rect(x: x0, y: y0, width: maxX.rounded() - x0, height: maxY.rounded() - y0)
    }
}
