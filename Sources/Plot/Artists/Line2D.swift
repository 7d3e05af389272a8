import Raster

/// A polyline through data points with optional markers at the vertices — what
/// `plt.plot` draws. Non-finite points break the line (they are never drawn to
/// pixel 0). Drawn clipped to the plot area, markers after the line.
public struct Line2D: Artist {
    public var points: [Point]
    public var style: LineStyle
    public var label: String?
    public var zorder: Double = 2
    /// Markers only at these vertex indices (matplotlib's `markevery`); nil = all.
    public var markEvery: [Int]?
    /// Clipped to the plot area (true, matplotlib's default) or drawn anywhere.
    public var clipped = true
    /// Static, growing (a trajectory in an animation) or shown at the end.
    public var animationRole: AnimationRole = .static
    /// Each point's marker as painted in the layout `prepared(for:)` was given
    /// (`recordMarkers`), replayed in every frame instead of rasterized again;
    /// nil when not prepared, or nothing to record.
    private var markerPaints: [PaintRecording]?

    public init(points: [Point], style: LineStyle, label: String? = nil) {
        self.points = points
        self.style = style
        self.label = label
    }

    public var dataBounds: Rect? { Rect.bounding(points) }

    public var dataPoints: [Point] { points }

    public var legendEntry: LegendEntry? {
        label.map { LegendEntry(label: $0, style: style) }
    }

    /// Draws the line, then its markers (replayed from `markerPaints` when prepared).
    public func draw(in context: inout DrawContext) {
        let saved = context.canvas.clip
        if clipped { context.canvas.clip = context.plotArea }
        defer { context.canvas.clip = saved }
        let pixels = points.map { $0.isFinite ? context.dataToPixel.apply($0) : Point(.nan, .nan) }
        Line2D.drawLine(pixels, style: style, in: &context)
        Line2D.drawMarkers(pixels, indices: markEvery, style: style, in: &context, paints: markerPaints)
    }

    /// A growing line with its markers recorded once for this layout (on a
    /// canvas of `context`'s size: the figure's); any other line as it is.
    public func prepared(for context: DrawContext) -> any Artist {
        guard animationRole == .growing,
              let recorded = recordMarkers(in: context, width: context.canvas.width, height: context.canvas.height)
        else { return self }
        var prepared = self
        prepared.markerPaints = recorded
        return prepared
    }

    /// Every point's marker as `draw` paints it in `context` (clipped to the
    /// plot area), recorded once: an animation's frames replay them (the same
    /// masks through the same compositing, so the same bytes) instead of
    /// rasterizing each marker again in every later frame. Nil when the line
    /// has no markers or is not clipped (its clip would then be the canvas').
    func recordMarkers(in context: DrawContext, width: Int, height: Int) -> [PaintRecording]? {
        guard clipped, style.marker != nil, style.color != nil else { return nil }
        let pixels = points.map { $0.isFinite ? context.dataToPixel.apply($0) : Point(.nan, .nan) }
        var recordings: [PaintRecording] = []
        recordings.reserveCapacity(pixels.count)
        for i in pixels.indices {
            // A converging path repeats pixel coordinates exactly: its marker
            // there is the same recording (jp_adagrad_10000: 275 made for 10,001).
            if i > 0, pixels[i] == pixels[i - 1] {
                recordings.append(recordings[i - 1])
                continue
            }
            var recording = context
            recording.canvas = PaintRecording(width: width, height: height)
            recording.canvas.clip = context.plotArea
            Line2D.drawMarkers(pixels, indices: [i], style: style, in: &recording, paints: nil)
            recordings.append(recording.canvas as! PaintRecording)
        }
        return recordings
    }

    /// Frame `step` of an animation: a growing line shows points 0…step and,
    /// while it is still growing, a head marker (its marker, 1.6× larger, edged in
    /// white as transparent as the line) at point `step`, on the nearest pixel
    /// corner (`Point.onPixelCorner`) — from step 1 on: at step 0 the head is the start,
    /// which its start marker already shows (a head there would hide it in the
    /// first frame). From its last point on it is drawn exactly as in the still
    /// (its end marker takes over). A final one appears once `step` reaches its step.
    public func draw(in context: inout DrawContext, atStep step: Int) {
        switch animationRole {
        case .static: draw(in: &context)
        case .final(let last): if step >= last { draw(in: &context) }
        case .growing:
            guard !points.isEmpty else { return }
            guard step < points.count - 1 else { return draw(in: &context) }
            let k = min(max(step, 0), points.count - 1)
            var partial = self
            partial.points = Array(points[...k])
            partial.markEvery = markEvery?.filter { $0 <= k }
            partial.markerPaints = markerPaints.map { Array($0[...k]) }
            partial.draw(in: &context)
            guard k > 0, context.dataToPixel.apply(points[k]).isFinite, let color = style.color else { return }
            let saved = context.canvas.clip
            if clipped { context.canvas.clip = context.plotArea }
            let size = context.px((style.markerSize ?? context.theme.markerSize) * 1.6)
            // On a pixel corner, as matplotlib places markers: a head that moves
            // less than half a pixel leaves the frame as it was.
            let head = context.dataToPixel.apply(points[k]).onPixelCorner
            context.canvas.drawMarker(style.marker ?? .circle, at: head, size: size,
                                      face: color, edge: Color.white.withAlpha(color.a), edgeWidth: context.px(1))
            context.canvas.clip = saved
        }
    }

    /// Strokes the finite runs of `pixels` with the style's width and dashes.
    static func drawLine(_ pixels: [Point], style: LineStyle, in context: inout DrawContext) {
        guard style.hasLine, let color = style.color else { return }
        let width = context.px(style.lineWidth ?? context.theme.lineWidth)
        var path = Path()
        var run: [Point] = []
        for p in pixels + [Point(.nan, .nan)] {
            if p.isFinite { run.append(p); continue }
            if run.count >= 2 { path.append(Path(polyline: run)) }
            run.removeAll(keepingCapacity: true)
        }
        guard !path.isEmpty else { return }
        // matplotlib's Line2D: round joins, projecting caps when solid, butt when dashed.
        let stroke = StrokeStyle.line(width: width, dashes: style.dash.pattern.map { $0 * width })
        context.canvas.stroke(path, style: stroke, color: color.withAlpha(color.a * style.alpha))
    }

    /// Draws the style's marker at each finite pixel position (or those in
    /// `indices`), or replays `paints[i]` for marker i when given.
    static func drawMarkers(_ pixels: [Point], indices: [Int]?, style: LineStyle, in context: inout DrawContext,
                            paints: [PaintRecording]? = nil) {
        guard let marker = style.marker, let color = style.color else { return }
        if let paints {
            for i in indices ?? Array(pixels.indices) where pixels.indices.contains(i) && pixels[i].isFinite {
                context.canvas.replay(paints[i])
            }
            return
        }
        let size = context.px(style.markerSize ?? context.theme.markerSize)
        let edgeWidth = context.px(style.markerEdgeWidth ?? context.theme.markerEdgeWidth)
        let face = (style.markerFaceColor ?? color)
        let edge = (style.markerEdgeColor ?? color)
        let a = style.alpha
        for i in indices ?? Array(pixels.indices) where pixels.indices.contains(i) && pixels[i].isFinite {
            context.canvas.drawMarker(marker, at: pixels[i], size: size,
                                      face: marker.isFilled ? face.withAlpha(face.a * a) : nil,
                                      edge: edge.withAlpha(edge.a * a), edgeWidth: edgeWidth)
        }
    }
}
