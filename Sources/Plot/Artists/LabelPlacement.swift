import Raster

/// The labels of an axes' markers (minimum, start, end, saddle), placed together
/// so that none overlaps another, a marker, a path head, the legend or the
/// animation's step counter, and each stays inside the plot.
///
/// Each label tries its candidate positions in order and takes the first free
/// one: first where its own text puts it (the spec's offset — seed 000's place,
/// so an uncrowded figure looks as the notebook draws it), then right, above,
/// left, below and the four diagonals of its marker, then the same eight ever
/// farther out (up to four text heights). A label that finds no free place
/// keeps its first position.
/// Identical labels at the same point are drawn once (several runs from one start).
///
/// Placement is computed for the final step and kept in every animation frame,
/// so labels never jump; a label shown from a later step (an end label) is
/// drawn only from that step on.
public struct LabelPlacement: Artist {
    /// A marker or path head to keep clear: its data position and radius in points.
    public struct Obstacle: Sendable {
        public var point: Point
        public var radius: Double

        public init(_ point: Point, radius: Double) {
            self.point = point
            self.radius = radius
        }
    }

    /// The labels, in priority order; each one's `position` is its marker's.
    public private(set) var labels: [TextArtist] = []
    /// Where each label's marker is (the label goes around it) and its radius in points.
    public private(set) var anchors: [Obstacle] = []
    public var obstacles: [Obstacle] = []
    /// The axes' legend, to keep clear: its settings, entries and the points a
    /// 'best' legend avoids (as `AxesDrawing` places it).
    public var legend: Legend?
    public var legendEntries: [LegendEntry] = []
    public var legendObstacles: [Point] = []
    /// The text of the animation's step counter when it is drawn in this plot's
    /// top-left corner (`"step 150"`, its widest), to keep clear; nil for none.
    public var counterText: String?
    public var zorder: Double = 3
    public var animationRole: AnimationRole = .growing
    /// Where the labels go in the layout `prepared(for:)` was given: the same
    /// in every frame, so searched once (the search measures every label and
    /// lays the legend out again).
    private var fixedPlacements: [Point]?

    public init() {}

    /// Adds `label` (its position at its offset from the marker at `anchor`),
    /// unless the same text is already there.
    public mutating func add(_ label: TextArtist, marker anchor: Obstacle) {
        if zip(labels, anchors).contains(where: { $0.text == label.text && $1.point == anchor.point }) { return }
        labels.append(label)
        anchors.append(anchor)
    }

    public var dataBounds: Rect? { nil }

    public func draw(in context: inout DrawContext) {
        for (label, p) in zip(labels, fixedPlacements ?? placements(in: context)) { label.draw(at: p, in: &context) }
    }

    public func draw(in context: inout DrawContext, atStep step: Int) {
        for (label, p) in zip(labels, fixedPlacements ?? placements(in: context)) {
            if case .final(let last) = label.animationRole, step < last { continue }
            label.draw(at: p, in: &context)
        }
    }

    public func prepared(for context: DrawContext) -> any Artist {
        var fixed = self
        fixed.fixedPlacements = placements(in: context)
        return fixed
    }

    /// The anchor pixel of every label, in order.
    func placements(in context: DrawContext) -> [Point] {
        let area = context.plotArea.insetBy(dx: 2, dy: 2)
        var taken: [Rect] = []
        if let frame = legendFrame(in: context) { taken.append(frame) }
        if let counter = counterFrame(in: context) { taken.append(counter) }
        taken += (obstacles + anchors).compactMap { o in
            let c = context.dataToPixel.apply(o.point)
            guard c.isFinite else { return nil }
            let r = context.px(o.radius)
            return Rect(x: c.x - r, y: c.y - r, width: 2 * r, height: 2 * r)
        }
        var out: [Point] = []
        for (label, anchor) in zip(labels, anchors) {
            let first = label.pixelAnchor(in: context)
            var chosen = first
            for p in [first] + ring(label, anchor, context) {
                let b = label.box(at: p, in: context)
                let inside = b.minX >= area.minX && b.maxX <= area.maxX && b.minY >= area.minY && b.maxY <= area.maxY
                if inside, !taken.contains(where: { $0.intersects(b) }) { chosen = p; break }
            }
            taken.append(label.box(at: chosen, in: context))
            out.append(chosen)
        }
        return out
    }

    /// Candidate anchors around the marker, as left-baseline points for `label`'s anchoring.
    private func ring(_ label: TextArtist, _ anchor: Obstacle, _ context: DrawContext) -> [Point] {
        let m = context.dataToPixel.apply(anchor.point)
        guard m.isFinite else { return [] }
        let b = label.box(at: .zero, in: context)   // offsets of the box from the anchor
        let w = b.width, h = b.height
        var out: [Point] = []
        for ring in [0.0, 0.5, 1, 2, 3, 4] {
            let g = context.px(anchor.radius) + 3 + ring * h
            // Box top-left corners: right, above, left, below, then the diagonals.
            let corners = [Point(m.x + g, m.y - h / 2), Point(m.x - w / 2, m.y - g - h), Point(m.x - g - w, m.y - h / 2),
                           Point(m.x - w / 2, m.y + g), Point(m.x + g, m.y - g - h), Point(m.x - g - w, m.y - g - h),
                           Point(m.x + g, m.y + g), Point(m.x - g - w, m.y + g)]
            out += corners.map { Point($0.x - b.minX, $0.y - b.minY) }
        }
        return out
    }

    /// The step counter's box, as `StepCounter` draws it.
    private func counterFrame(in context: DrawContext) -> Rect? {
        guard let counterText else { return nil }
        let size = context.theme.tickLabelSize * context.pointScale
        let e = context.font.measure(counterText, sizePx: size)
        let area = context.plotArea
        return Rect(x: area.minX + 0.3 * size, y: area.minY + 0.3 * size, width: e.width + 0.6 * size, height: e.height + 0.4 * size)
    }

    /// The legend's frame, computed as `Legend.draw` places it.
    private func legendFrame(in context: DrawContext) -> Rect? {
        guard let legend, !legendEntries.isEmpty else { return nil }
        let fs = context.px(legend.fontSize ?? context.theme.legendFontSize)
        let size = legend.layout(legendEntries, fontSize: fs, font: context.font)
        let points = legendObstacles.map(context.dataToPixel.apply).filter(\.isFinite)
        let origin = legend.place(size: size, in: context.plotArea, fontSize: fs, obstacles: points)
        return Rect(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }
}
