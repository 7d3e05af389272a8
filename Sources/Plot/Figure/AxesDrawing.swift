import Raster

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
        let painter = AxesItemPainter(geometry: geometry, legendEntries: legendEntries, legendObstacles: legendObstacles)
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
            if case .artist(let a) = item {
                // What the artist's frames share, worked out once (its context's
                // canvas has the figure's size, for what it records).
                let layout = geometry.context(PaintRecording(width: environment.figureWidth,
                                                             height: environment.figureHeight))
                parts.append(.live(.artist(a.prepared(for: layout))))
            } else {
                parts.append(.live(item))
            }
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
        let painter = AxesItemPainter(geometry: geometry, legendEntries: legendEntries, legendObstacles: legendObstacles)
        for item in items[..<firstMoving] { painter.draw(item, step: nil, &context) }
    }

    func drawMoving(atStep step: Int, on canvas: inout any Canvas) {
        guard !moving.isEmpty else { return }
        var context = geometry.context(RasterCanvas(width: 1, height: 1))
        swap(&context.canvas, &canvas)
        defer { swap(&context.canvas, &canvas) }
        let painter = AxesItemPainter(geometry: geometry, legendEntries: legendEntries, legendObstacles: legendObstacles)
        for part in moving {
            switch part {
            case .live(let item): painter.draw(item, step: step, &context)
            case .recorded(let r): context.canvas.replay(r)
            }
        }
    }
}
