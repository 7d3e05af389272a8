import Raster

/// A vertical colorbar — what `fig.colorbar(cs)` draws beside an axes: the colours
/// of a mappable in a bar, an outline, ticks and labels on the right, an optional
/// label. Place it with `Colorbar.layout(parent:…)` (matplotlib's `make_axes`).
///
/// Two kinds, as matplotlib's:
/// - **bands** (`contourf`): one block per band between consecutive levels, in
///   the band's colour. Spacing is matplotlib's default `'uniform'`: every band
///   gets the same height whatever its value span, and values in between are
///   placed by linear interpolation between the levels. Ticks are the levels
///   themselves, thinned to at most 10 as matplotlib's `FixedLocator(levels,
///   nbins=10)` does (every k-th level, k = ⌈count / 10⌉, the run holding the
///   level nearest zero).
/// - **gradient** (a continuous map over [min, max]): the map's table entries as
///   equal blocks from bottom to top (matplotlib draws `cmap.N` blocks), ticks
///   from the axis locator (`MaxNLocator` with steps 1, 2, 2.5, 5, 10 and as many
///   bins as the bar's length holds labels, at most 9), only those inside.
///
/// Blocks are snapped to whole pixel rows, so bands have crisp edges and no
/// seams (matplotlib's colorbar mesh is not anti-aliased either). The outline is
/// the axes' spine (0.8 pt, black); ticks point outward on the right (3.5 pt) with
/// labels 3.5 pt beyond them, formatted by `TickFormatter`; the label reads
/// upwards, 4 pt right of the widest tick label (matplotlib's right-side ylabel).
public struct Colorbar: Sendable {
    /// What the bar shows.
    public enum Content: Sendable, Hashable {
        /// `colors[k]` between `levels[k]` and `levels[k + 1]` (colours cycled if short).
        case bands(levels: [Double], colors: [Color])
        /// The whole map from `min` (bottom) to `max` (top).
        case gradient(Colormap, min: Double, max: Double)
    }

    public var content: Content
    /// Text beside the bar (`cbar.set_label`), math syntax allowed; nil = none.
    public var label: String?
    /// Explicit tick values; nil = matplotlib's choice (see above).
    public var ticks: [Double]?

    /// Nil unless there are at least two strictly increasing finite levels and
    /// one colour.
    public init?(levels: [Double], colors: [Color], label: String? = nil) {
        guard levels.count >= 2, !colors.isEmpty, levels.allSatisfy(\.isFinite),
              zip(levels, levels.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        self.content = .bands(levels: levels, colors: colors)
        self.label = label
    }

    /// Nil unless min < max, both finite.
    public init?(colormap: Colormap, min: Double, max: Double, label: String? = nil) {
        guard min.isFinite, max.isFinite, min < max else { return nil }
        self.content = .gradient(colormap, min: min, max: max)
        self.label = label
    }

    /// The colorbar of a filled contour as drawn through `dataToPixel`: the
    /// levels and band colours `fill` resolves from the very grid it draws from.
    /// Nil when the fill has fewer than two levels (no finite data).
    public init?(for fill: ContourFill, dataToPixel: DataTransform, label: String? = nil) {
        let levels = fill.resolvedLevels(for: fill.grid(drawnThrough: dataToPixel))
        guard levels.count >= 2 else { return nil }
        let colors = (0..<(levels.count - 1)).map { k -> Color in
            let c = fill.bandColor(k, levels: levels)
            return c.withAlpha(c.a * fill.alpha)
        }
        self.init(levels: levels, colors: colors, label: label)
    }

    // MARK: - Values along the bar

    /// Where `value` sits along the bar, 0 at the bottom and 1 at the top (may be
    /// outside [0, 1] for values outside the range).
    public func fraction(of value: Double) -> Double {
        switch content {
        case .gradient(_, let lo, let hi):
            return (value - lo) / (hi - lo)
        case .bands(let levels, _):
            // 'uniform' spacing: level k at k / (n − 1), linear in between (and beyond).
            let n = levels.count
            var k = 0
            while k < n - 2 && value > levels[k + 1] { k += 1 }
            let t = (value - levels[k]) / (levels[k + 1] - levels[k])
            return (Double(k) + t) / Double(n - 1)
        }
    }

    /// The ticks shown on a bar `lengthPx` pixels long (`pointScale` pixels per
    /// point, `theme` for the label size): explicit ones inside the range, or
    /// matplotlib's choice.
    public func tickValues(lengthPx: Double, pointScale: Double, theme: Theme) -> [Double] {
        let inside = { (v: Double) in
            let f = fraction(of: v)
            return f >= -1e-10 && f <= 1 + 1e-10
        }
        if let ticks { return ticks.filter { $0.isFinite && inside($0) } }
        switch content {
        case .bands(let levels, _):
            return Colorbar.thinned(levels, maxCount: 10)
        case .gradient(_, let lo, let hi):
            // matplotlib's y-axis tick space: one tick per two label heights.
            let space = Int((lengthPx / pointScale / (theme.tickLabelSize * 2)).rounded(.down))
            return MaxNLocator.axis(bins: min(max(space, 1), 9)).ticks(lo, hi).filter(inside)
        }
    }

    /// matplotlib's `FixedLocator(values, nbins)`: every k-th value with
    /// k = ⌈count / nbins⌉, starting at the offset whose run holds the value of
    /// smallest magnitude (the first such offset on ties).
    public static func thinned(_ values: [Double], maxCount: Int) -> [Double] {
        let k = max(1, (values.count + maxCount - 1) / max(maxCount, 1))
        guard k > 1 else { return values }
        let runs = (0..<k).map { offset in stride(from: offset, to: values.count, by: k).map { values[$0] } }
        var best = runs[0]
        for run in runs.dropFirst() where (run.map(abs).min() ?? .infinity) < (best.map(abs).min() ?? .infinity) {
            best = run
        }
        return best
    }

    /// The blocks of colour: (bottom, top) as fractions of the bar, and colour.
    func blocks() -> [(from: Double, to: Double, color: Color)] {
        switch content {
        case .bands(let levels, let colors):
            let n = Double(levels.count - 1)
            return (0..<(levels.count - 1)).map { (Double($0) / n, Double($0 + 1) / n, colors[$0 % colors.count]) }
        case .gradient(let map, _, _):
            let n = Double(map.lut.count)
            return map.lut.enumerated().map { (Double($0.offset) / n, Double($0.offset + 1) / n, $0.element) }
        }
    }

    // MARK: - Drawing

    /// Draws the bar filling `area` (pixels, y down) with its outline, ticks, tick
    /// labels and label to the right of it. Not clipped; nothing is drawn for an
    /// empty or non-finite area.
    public func draw(in canvas: inout some Canvas, area: Rect, font: Font, theme: Theme, pointScale: Double) {
        guard !area.isEmpty, area.minX.isFinite, area.minY.isFinite, area.maxX.isFinite, area.maxY.isFinite else { return }
        let saved = canvas.clip
        canvas.clip = nil
        defer { canvas.clip = saved }
        func px(_ pt: Double) -> Double { pt * pointScale }
        func y(_ f: Double) -> Double { area.maxY - f * area.height }

        // Blocks on whole pixel rows, bottom-up, each opaque one painted from its
        // bottom to the top of the bar: the next block covers the rest, so the
        // only edge between two blocks is one block over another, never two
        // abutting edges (which vector viewers anti-alias into a light seam).
        // In pixels this is exactly the abutting blocks (opaque over opaque).
        for b in blocks() {
            let top = b.color.a >= 1 ? 1.0 : b.to
            canvas.fillPixels(Rect(x: area.minX, y: y(top), width: area.width, height: y(b.from) - y(top)),
                              color: b.color)
        }
        canvas.stroke(Path.rectangle(area), style: StrokeStyle(width: px(theme.axesLineWidth), join: .miter, cap: .square),
                      color: theme.axesEdgeColor)

        let values = tickValues(lengthPx: area.height, pointScale: pointScale, theme: theme)
        let formatter = TickFormatter(ticks: values)
        let tickLen = px(theme.tickLength), labelSize = px(theme.tickLabelSize)
        let labelX = area.maxX + tickLen + px(theme.tickPad)
        var ticks = Path()
        var right = labelX
        for (v, text) in zip(values, formatter.labels) {
            let ty = y(fraction(of: v))
            ticks.move(to: Point(area.maxX, ty))
            ticks.line(to: Point(area.maxX + tickLen, ty))
            canvas.drawText(text, font: font, at: Point(labelX, ty), sizePx: labelSize, color: theme.textColor,
                            anchorX: .left, anchorY: .center)
            right = max(right, labelX + font.measure(text, sizePx: labelSize).width)
        }
        canvas.stroke(ticks, style: StrokeStyle(width: px(theme.tickWidth), cap: .butt), color: theme.axesEdgeColor)
        if let m = formatter.multiplierLabel {
            canvas.drawText(m, font: font, at: Point(area.minX, area.minY - px(2)), sizePx: labelSize,
                            color: theme.textColor, anchorX: .left, anchorY: .bottom)
        }
        if let label {
            canvas.drawText(label, font: font, at: Point(right + px(theme.labelPad), area.midY),
                            sizePx: px(theme.labelSize), color: theme.textColor, anchorX: .left, anchorY: .center,
                            rotation: 90)
        }
    }

    /// How far right of the bar its ticks, tick labels and label reach, in pixels —
    /// for layouts that must keep them inside the figure.
    public func extentRight(barHeight: Double, font: Font, theme: Theme, pointScale: Double) -> Double {
        let values = tickValues(lengthPx: barHeight, pointScale: pointScale, theme: theme)
        let labelSize = theme.tickLabelSize * pointScale
        let widest = TickFormatter(ticks: values).labels.map { font.measure($0, sizePx: labelSize).width }.max() ?? 0
        var extent = (theme.tickLength + theme.tickPad) * pointScale + widest
        if let label {
            let m = font.measure(label, sizePx: theme.labelSize * pointScale)
            extent += theme.labelPad * pointScale + m.ascent + m.descent
        }
        return extent
    }
}
