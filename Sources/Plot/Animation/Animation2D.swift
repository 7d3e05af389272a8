import Raster

/// A 2-D figure as a function of the optimizer step: the animation model.
///
/// The static layer — everything whose `animationRole` is `.static` (contours,
/// axes, labels, minimum and start markers) — is rendered once. Legends and
/// colorbars, which sit above the paths, are kept as an overlay of the pixels
/// they change. `frame(k)` copies the static layer, draws each growing artist up
/// to step k (and final ones once k reaches them), then lays the overlay on top:
/// frames are never recomputed from scratch.
public struct Animation2D: Sendable {
    public let figure: Figure
    let font: Font
    let staticLayer: Image
    /// Pixels (index, r, g, b, a) where the legends differ from the static layer.
    let overlay: [(Int, UInt8, UInt8, UInt8, UInt8)]
    let areas: [(area: Rect, dataToPixel: DataTransform)]
    /// The largest step any growing or final artist reaches.
    public let lastStep: Int
    /// Write "step k" in the top-left corner of the first plot area.
    public var showsCounter = false

    public init(figure: Figure, font: Font) {
        self.figure = figure
        self.font = font
        var still = figure
        var withLegends = figure
        for i in still.axes.indices {
            still.axes[i].artists.removeAll { $0.animationRole != .static }
            still.axes[i].legend = nil
            withLegends.axes[i].legendOnlyArtists = withLegends.axes[i].artists.filter { $0.animationRole != .static }
            withLegends.axes[i].artists.removeAll { $0.animationRole != .static }
        }
        let base = still.render(font: font)
        let legends = withLegends.render(font: font)
        var diff: [(Int, UInt8, UInt8, UInt8, UInt8)] = []
        for i in stride(from: 0, to: base.pixels.count, by: 4)
        where base.pixels[i..<i + 4] != legends.pixels[i..<i + 4] {
            diff.append((i, legends.pixels[i], legends.pixels[i + 1], legends.pixels[i + 2], legends.pixels[i + 3]))
        }
        staticLayer = base
        overlay = diff
        areas = figure.plotAreas(font: font)
        lastStep = figure.axes.flatMap(\.artists).map { a -> Int in
            switch a.animationRole {
            case .static: return 0
            case .final(let s): return s
            case .growing: return max(0, a.dataPoints.count - 1)
            }
        }.max() ?? 0
    }

    /// The figure at step `k`.
    public func frame(_ k: Int) -> Image {
        var canvas = Canvas(image: staticLayer)
        for (ax, layout) in zip(figure.axes, areas) {
            var context = DrawContext(canvas: canvas, dataToPixel: layout.dataToPixel, plotArea: layout.area,
                                      font: font, theme: figure.theme, pointScale: figure.dpi / 72)
            let moving = ax.artists.enumerated().filter { $0.element.animationRole != .static }
                .sorted { ($0.element.zorder, $0.offset) < ($1.element.zorder, $1.offset) }
            for (_, artist) in moving { artist.draw(in: &context, atStep: k) }
            canvas = context.canvas
        }
        if showsCounter, let first = areas.first {
            let size = figure.theme.tickLabelSize * figure.dpi / 72
            let at = Point(first.area.minX + 0.6 * size, first.area.minY + 0.5 * size)
            let text = "step \(k)"
            let e = font.measure(text, sizePx: size)
            canvas.fill(Legend.roundedRect(Rect(x: at.x - 0.3 * size, y: at.y - 0.2 * size, width: e.width + 0.6 * size,
                                                height: e.height + 0.4 * size), radius: 0.2 * size),
                        color: Color.white.withAlpha(0.8))
            font.draw(text, into: &canvas.image, at: at, sizePx: size, color: figure.theme.textColor, anchorX: .left, anchorY: .top)
        }
        var image = canvas.image
        for (i, r, g, b, a) in overlay {
            image.pixels[i] = r; image.pixels[i + 1] = g; image.pixels[i + 2] = b; image.pixels[i + 3] = a
        }
        return image
    }

    /// The steps shown by successive frames: 0, s, 2s, … and always the last step.
    public func frameSteps(stepsPerFrame s: Int = 1) -> [Int] {
        var steps = Array(stride(from: 0, through: lastStep, by: max(1, s)))
        if steps.last != lastStep { steps.append(lastStep) }
        return steps
    }
}
