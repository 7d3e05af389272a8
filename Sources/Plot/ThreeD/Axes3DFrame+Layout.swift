import Foundation
import Raster

extension Axes3DFrame {
    /// One text of the frame: a tick label or an axis label, where it is drawn
    /// and the pixel box its ink can fill.
    struct Text: Sendable {
        let text: String
        let at: Point
        let sizePx: Double
        let anchorY: TextAnchorY
        let rotation: Double
        /// The box the text fills (its `TextExtents` around the anchor, turned
        /// when `rotation` is 90).
        let box: Rect
        /// The axis it belongs to (0, 1, 2) and whether it is the axis label.
        let axis: Int
        let isAxisLabel: Bool
    }

    /// Where the frame's lines and texts go: computed once, then drawn, and read
    /// by the legend placement (`Legend3DPlacement`), which keeps clear of `texts`.
    struct Layout: Sendable {
        /// Tick values per axis (grid lines are drawn at them too).
        var ticks: [[Double]]
        var axisLines = Path()
        var tickLines = Path()
        var texts: [Text] = []
        /// Whether the z axis sits on the other visible vertical edge.
        var zAlternative = false

        /// The boxes of every text.
        var textBoxes: [Rect] { texts.map(\.box) }
    }

    /// Two texts closer than this many points collide.
    static let textGap = 2.0

    /// The frame's layout with no two texts colliding where that can be helped.
    ///
    /// matplotlib's layout is kept whenever its texts are clear of each other
    /// (always at the default view). Otherwise, in order:
    /// 1. the z axis moves to the other visible vertical edge of the box when
    ///    it is crowded there (`zCrowded`) and the other edge is not, or leaves
    ///    more room (at azimuths near ±90° matplotlib's edge stacks z's tick
    ///    labels in one column with y's, read as one axis);
    /// 2. an axis whose tick labels collide — with each other (an axis seen
    ///    nearly end-on) or with another axis' texts — gets fewer ticks (fewer
    ///    MaxNLocator bins), the axis with more ticks first, until no two collide
    ///    or every colliding axis is down to two ticks.
    func layout() -> Layout {
        var bins = [defaultBins, defaultBins, defaultBins]
        var best = layout(bins: bins, zAlternative: false)
        if zCrowded(best) {
            let other = layout(bins: bins, zAlternative: true)
            if !zCrowded(other) || zClearance(other.texts) > zClearance(best.texts) { best = other }
        }
        // Thin the ticks of colliding axes (each pass removes at least one bin).
        for _ in 0..<24 {
            let pairs = collisions(best.texts)
            guard !pairs.isEmpty else { break }
            var candidates = Set<Int>()
            for (a, b) in pairs {
                for t in [a, b] where !t.isAxisLabel { candidates.insert(t.axis) }
            }
            let thinnable = candidates.filter { best.ticks[$0].count > 2 && bins[$0] > 1 }
            guard let axis = thinnable.max(by: { (best.ticks[$0].count, -$0) < (best.ticks[$1].count, -$1) }) else { break }
            // Fewer bins until the tick count actually drops.
            let count = best.ticks[axis].count
            while bins[axis] > 1 && ticks(axis, bins: bins[axis]).count >= count { bins[axis] -= 1 }
            best = layout(bins: bins, zAlternative: best.zAlternative)
        }
        return best
    }

    /// Pairs of texts that collide: of one axis when their boxes overlap (the
    /// tick labels of matplotlib's default views may nearly touch), of two
    /// axes when they come closer than `textGap`.
    func collisions(_ texts: [Text]) -> [(Text, Text)] {
        let g = Axes3DFrame.textGap * scale / 2
        let grown = texts.map { $0.box.insetBy(dx: -g, dy: -g) }
        var out: [(Text, Text)] = []
        for i in texts.indices {
            for j in texts.indices where j > i {
                let hit = texts[i].axis == texts[j].axis ? texts[i].box.intersects(texts[j].box)
                                                         : grown[i].intersects(grown[j])
                if hit { out.append((texts[i], texts[j])) }
            }
        }
        return out
    }

    /// Whether the z axis' texts come within one tick-label height of an x or
    /// y text, or sit in one column with the tick labels of an x or y axis that
    /// runs within 30° of vertical on screen (two scales stacked, read as one).
    func zCrowded(_ l: Layout) -> Bool {
        if zClearance(l.texts) < theme.tickLabelSize * scale { return true }
        let zTicks = l.texts.filter { $0.axis == 2 && !$0.isAxisLabel }.map(\.box)
        guard let zBox = zTicks.dropFirst().reduce(zTicks.first, { $0?.union($1) }) else { return false }
        for i in 0..<2 {
            let (e0, e1, _) = edge(i, zAlternative: l.zAlternative)
            let d = camera.pixel(e1) - camera.pixel(e0)
            guard abs(d.x) < abs(d.y) * tan(30 * Double.pi / 180) else { continue }
            let ticks = l.texts.filter { $0.axis == i && !$0.isAxisLabel }.map(\.box)
            guard let box = ticks.dropFirst().reduce(ticks.first, { $0?.union($1) }) else { continue }
            if box.minX < zBox.maxX && zBox.minX < box.maxX { return true }
        }
        return false
    }

    /// The smallest distance in pixels between a z text's box and an x or y
    /// text's box (0 when two overlap; +∞ without any such pair).
    func zClearance(_ texts: [Text]) -> Double {
        var d = Double.infinity
        for a in texts where a.axis == 2 {
            for b in texts where b.axis != 2 {
                let dx = max(0, max(a.box.minX - b.box.maxX, b.box.minX - a.box.maxX))
                let dy = max(0, max(a.box.minY - b.box.maxY, b.box.minY - a.box.maxY))
                d = min(d, (dx * dx + dy * dy).squareRoot())
            }
        }
        return d
    }

    /// The layout with `bins` per axis and the z axis on its default or
    /// alternative edge (the geometry of matplotlib's `axis3d.py`, see the type).
    func layout(bins: [Int], zAlternative: Bool) -> Layout {
        let h = highs
        let centre = (box.min + box.max) * 0.5
        let delta = (box.max - box.min) * 0.08
        let side = camera.viewport.width / scale / 72 * 2     // width + height, in inches
        let perPoint = 48 / (72 * side)
        var out = Layout(ticks: (0..<3).map { ticks($0, bins: bins[$0]) }, zAlternative: zAlternative)
        let tickSize = theme.tickLabelSize * scale
        for i in 0..<3 {
            let (e0, e1, dir) = edge(i, zAlternative: zAlternative)   // ticks point along `dir`
            out.axisLines.append(Path(polyline: [camera.pixel(e0), camera.pixel(e1)]))
            let td = h[dir] ? coordinate(delta, dir) : -coordinate(delta, dir)
            let base = coordinate(e0, dir)
            let values = out.ticks[i]
            let texts = TickFormatter(ticks: values).labels
            let labelShift = delta * ((theme.tickPad + 8) * perPoint)
            for (t, text) in zip(values, texts) {
                let on = setting(e0, i, t)
                out.tickLines.move(to: camera.pixel(setting(on, dir, base + 0.1 * td)))
                out.tickLines.line(to: camera.pixel(setting(on, dir, base - 0.2 * td)))
                let at = camera.pixel(awayFromCentre(on, centre, labelShift, except: i))
                out.texts.append(frameText(text, at: at, sizePx: tickSize, anchorY: .top, rotation: 0, axis: i, isAxisLabel: false))
            }
            if let label = labels[i], !label.isEmpty {
                let mid = (e0 + e1) * 0.5
                let at = camera.pixel(awayFromCentre(mid, centre, delta * ((theme.labelPad + 21) * perPoint), except: i))
                let d = camera.pixel(e1) - camera.pixel(e0)
                var angle = atan2(-d.y, d.x) * 180 / .pi           // y up
                angle = (angle + 180).truncatingRemainder(dividingBy: 180)
                if angle > 90 { angle -= 180 }
                let turned = label.count > 4 && abs(abs(angle) - 90) < 45
                out.texts.append(frameText(label, at: at, sizePx: labelSize * scale, anchorY: .center,
                                      rotation: turned ? 90 : 0, axis: i, isAxisLabel: true))
            }
        }
        return out
    }

    /// A centred text and its box.
    private func frameText(_ s: String, at: Point, sizePx: Double, anchorY: TextAnchorY, rotation: Double, axis: Int,
                      isAxisLabel: Bool) -> Text {
        let e = font.measure(s, sizePx: sizePx)
        let w = e.width, h = e.ascent + e.descent
        let box: Rect
        if rotation == 90 {
            box = Rect(x: at.x - h / 2, y: at.y - w / 2, width: h, height: w)
        } else {
            let top = anchorY == .top ? at.y : at.y - h / 2
            box = Rect(x: at.x - w / 2, y: top, width: w, height: h)
        }
        return Text(text: s, at: at, sizePx: sizePx, anchorY: anchorY, rotation: rotation, box: box, axis: axis,
                    isAxisLabel: isAxisLabel)
    }
}
