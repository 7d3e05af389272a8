import Raster

/// Where a 3-D panel's legend goes: clear of every tick label and axis label
/// of the frame, at every azimuth the panel is seen from (all the frames of a
/// camera orbit, so the legend stands still while the box turns), and then
/// covering as few path points and markers as possible.
///
/// Candidates, in order: the requested location (`Legend.location`; `best`
/// tries matplotlib's order) in the panel's viewport, then the same location
/// in the whole figure (its corners lie outside the turning box), then every
/// other location likewise. A candidate is allowed when it lies inside the
/// figure and its box, grown by `Axes3DFrame.textGap`, meets no text box. The
/// first allowed candidate covering no obstacle point wins; else the allowed
/// one covering fewest (first in order on ties); when none is allowed, the one
/// meeting the fewest text boxes — never a failure.
struct Legend3DPlacement {
    /// The legend box size in pixels.
    let size: (width: Double, height: Double)
    /// Legend font size in pixels (the padding from the area's edge is half of it).
    let fontSize: Double
    let viewport: Rect
    let figure: Rect
    /// Text boxes to keep clear of (every azimuth's frame texts).
    let texts: [Rect]
    /// Pixel points better not covered (path vertices, markers at every azimuth).
    let points: [Point]
    /// Pixels per point.
    let scale: Double

    /// The order in which locations are tried after the requested one (matplotlib's 'best' order).
    static let order: [Legend.Location] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight, .right,
                                            .centerLeft, .centerRight, .lowerCenter, .upperCenter, .center]

    /// The top-left corner of the box at `location` inside `area`, padded by half the font size.
    func corner(_ location: Legend.Location, in area: Rect) -> Point {
        let pad = 0.5 * fontSize
        let left = area.minX + pad, right = area.maxX - pad - size.width
        let top = area.minY + pad, bottom = area.maxY - pad - size.height
        let cx = area.midX - size.width / 2, cy = area.midY - size.height / 2
        switch location {
        case .best, .upperRight: return Point(right, top)
        case .upperLeft: return Point(left, top)
        case .lowerLeft: return Point(left, bottom)
        case .lowerRight: return Point(right, bottom)
        case .right, .centerRight: return Point(right, cy)
        case .centerLeft: return Point(left, cy)
        case .lowerCenter: return Point(cx, bottom)
        case .upperCenter: return Point(cx, top)
        case .center: return Point(cx, cy)
        }
    }

    /// Every candidate's top-left corner, in the order they are tried.
    func candidates(requested: Legend.Location) -> [Point] {
        let locations = (requested == .best ? [] : [requested]) + Legend3DPlacement.order.filter { $0 != requested }
        return locations.flatMap { [corner($0, in: viewport), corner($0, in: figure)] }
    }

    /// The box with its top-left corner at `p`.
    func box(at p: Point) -> Rect { Rect(x: p.x, y: p.y, width: size.width, height: size.height) }

    /// How many text boxes the legend at `p` meets (grown by the text gap).
    func textHits(_ p: Point) -> Int {
        let g = Axes3DFrame.textGap * scale
        let r = box(at: p).insetBy(dx: -g, dy: -g)
        return texts.reduce(0) { $0 + (r.intersects($1) ? 1 : 0) }
    }

    /// The chosen top-left corner.
    func place(requested: Legend.Location) -> Point {
        let all = candidates(requested: requested)
        let inside = all.filter { p in
            let r = box(at: p)
            return r.minX >= figure.minX && r.minY >= figure.minY && r.maxX <= figure.maxX && r.maxY <= figure.maxY
        }
        var best: (Point, Int)? = nil
        for p in inside where textHits(p) == 0 {
            let r = box(at: p)
            let covered = points.reduce(0) { $0 + (r.contains($1) ? 1 : 0) }
            if covered == 0 { return p }
            if best == nil || covered < best!.1 { best = (p, covered) }
        }
        if let best { return best.0 }
        let pool = inside.isEmpty ? all : inside
        return pool.min { textHits($0) < textHits($1) } ?? corner(requested, in: viewport)
    }
}
