import Foundation

extension Path {
    /// The outline of the stroke of this path as a fill path: fill it with `.nonZero`.
    ///
    /// Dashes are applied first (`dashed`). Each flattened segment becomes a
    /// rectangle of the line's width, each vertex the outer wedge of its join (miter,
    /// round or bevel) and each open end its cap; every piece is oriented the same
    /// way, so the winding number is the number of pieces covering a point and the
    /// nonzero fill is their union, painted once (a translucent stroke does not
    /// darken where it overlaps itself). Closed subpaths get a join where they close
    /// instead of caps. A subpath that is a single point draws a disc (round cap) or
    /// an axis-aligned square (square cap) of the line's width, and nothing with butt
    /// caps. A width that is not positive and finite gives an empty path.
    ///
    /// Geometry: the pieces' union equals the outline Agg's stroker builds (outer
    /// joins, inner corners through the vertex), so coverage matches it; where pieces
    /// overlap on an edge pixel (inner corners, very short segments) the rasterizer's
    /// ∫winding over-counts slightly, as Agg does.
    public func stroked(_ style: StrokeStyle) -> Path {
        guard style.width > 0, style.width.isFinite else { return Path() }
        let source = style.dashes.isEmpty ? self : dashed(style.dashes, phase: style.dashPhase)
        var stroker = Stroker(style)
        source.forEachPolyline { points, closed in stroker.add(points, closed: closed) }
        return Path(elements: stroker.elements)
    }
}

/// Builds the pieces of a stroke; see `Path.stroked`.
struct Stroker {
    let hw: Double           // half width
    let join: LineJoin
    let cap: LineCap
    let miterLimit: Double
    /// Largest angle an arc chord may span: its sagitta hw·(1 − cos(δ/2)) stays under
    /// the flattening tolerance and 0.2 % of the radius.
    let arcStep: Double
    var elements: [Path.Element] = []
    private var scratch: [Point] = []
    private var pts: [Point] = []
    private var lengths: [Double] = []
    private var cuts: [InnerCut?] = []

    /// Where the segments meeting at a vertex end on the join's inner side.
    struct InnerCut {
        /// +1 when the inner side is +perp of the segments' directions, −1 otherwise.
        let side: Double
        /// The intersection of the two inner offset lines.
        let corner: Point
    }

    init(_ style: StrokeStyle) {
        hw = style.width / 2
        join = style.join
        cap = style.cap
        miterLimit = style.miterLimit.isFinite ? max(style.miterLimit, 1) : 4
        let sagitta = min(Path.flatteningTolerance, 0.002 * hw)
        arcStep = 2 * acos(max(-1, 1 - sagitta / hw))
    }

    /// Strokes one polyline (consecutive points closer than 10⁻⁶ px are merged, so
    /// directions are well defined).
    mutating func add(_ input: [Point], closed: Bool) {
        pts.removeAll(keepingCapacity: true)
        for p in input where pts.last.map({ $0.distance(to: p) > 1e-6 }) ?? true { pts.append(p) }
        if closed, pts.count > 1, pts[0].distance(to: pts[pts.count - 1]) <= 1e-6 { pts.removeLast() }
        let n = pts.count
        guard n > 1 else {
            if let p = pts.first { dot(p) }
            return
        }
        let segments = closed ? n : n - 1
        lengths.removeAll(keepingCapacity: true)
        for i in 0..<segments { lengths.append(pts[i].distance(to: pts[(i + 1) % n])) }
        // Joins first: they decide where the segments' inner ends are cut.
        cuts = Array(repeating: nil, count: n)
        for v in closed ? 0..<n : 1..<n - 1 {
            let before = (v + n - 1) % n
            cuts[v] = vertexJoin(pts[before], pts[v], pts[(v + 1) % n],
                                 shortest: min(lengths[before], lengths[v % segments]))
        }
        for i in 0..<segments { segment(i, pts[i], pts[(i + 1) % n]) }
        if !closed {
            capEnd(pts[0], outward: (pts[0] - pts[1]).normalized)
            capEnd(pts[n - 1], outward: (pts[n - 1] - pts[n - 2]).normalized)
        }
    }

    /// Segment i, a → b: a rectangle of the line's width whose ends are cut
    /// perpendicularly, except on the inner side of a join with a `cut`, where the end
    /// runs from the vertex to the inner corner instead. Points a and b lie on the
    /// ends, so neighbouring pieces share those edges exactly.
    private mutating func segment(_ i: Int, _ a: Point, _ b: Point) {
        let nrm = (b - a).normalized.perpendicular * hw
        let startCut = cuts[i], endCut = cuts[(i + 1) % pts.count]
        func corner(_ cut: InnerCut?, _ p: Point, _ side: Double) -> Point {
            if let cut, cut.side == side { return cut.corner }
            return p + nrm * side
        }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: [corner(startCut, a, 1), corner(endCut, b, 1), b,
                                    corner(endCut, b, -1), corner(startCut, a, -1), a])
        emitScratch()
    }

    /// Emits the outer wedge at vertex p (between the incoming and outgoing
    /// directions) and returns the inner corner when the segments may be cut there.
    ///
    /// With unit directions d0, d1 the turn is ψ = atan2(d0 × d1, d0 · d1); the outer
    /// side is the one the path turns away from: o = −perp(d)·hw when ψ > 0 (a turn
    /// towards perp), +perp(d)·hw otherwise. Rotating o0 by ψ gives o1, so a round
    /// join is that arc; a 180° reversal goes round through the forward direction.
    /// The miter tip lies on the bisector of o0 and o1 at hw / cos(ψ/2), the inner
    /// corner opposite it, hw · tan(|ψ|/2) back along each segment. Cutting both
    /// segments along vertex → inner corner makes the pieces tile the stroke without
    /// overlap (overlaps would over-count on edge pixels); that is only done when the
    /// cut-back is at most half of the shorter segment, so cuts never cross. Otherwise
    /// the segments keep square ends and overlap inside the corner (as Agg's stroker).
    private mutating func vertexJoin(_ prev: Point, _ p: Point, _ next: Point, shortest: Double) -> InnerCut? {
        let d0 = (p - prev).normalized, d1 = (next - p).normalized
        let cross = d0.cross(d1), dot = d0.dot(d1)
        if dot > 0, abs(cross) < 1e-12 { return nil }  // straight on: the ends meet exactly
        let psi = atan2(cross, dot)
        let sign: Double = psi > 0 ? -1 : 1
        let o0 = d0.perpendicular * (hw * sign), o1 = d1.perpendicular * (hw * sign)
        let cosHalf = cos(abs(psi) / 2)
        scratch.removeAll(keepingCapacity: true)
        scratch.append(p)
        scratch.append(p + o0)
        switch join {
        case .bevel:
            break
        case .miter:
            if cosHalf > 1e-9, 1 / cosHalf <= miterLimit {
                scratch.append(p + (o0 + o1).normalized * (hw / cosHalf))
            }
        case .round:
            appendArc(center: p, from: o0, sweep: psi)
        }
        scratch.append(p + o1)
        emitScratch()

        let cutBack = hw * tan(abs(psi) / 2)
        guard cutBack.isFinite, cutBack <= shortest / 2, cosHalf > 1e-9 else { return nil }
        return InnerCut(side: -sign, corner: p - (o0 + o1).normalized * (hw / cosHalf))
    }

    /// The cap at end point p; `outward` points away from the line.
    private mutating func capEnd(_ p: Point, outward d: Point) {
        let nrm = d.perpendicular * hw
        scratch.removeAll(keepingCapacity: true)
        switch cap {
        case .butt:
            return
        case .square:
            scratch.append(contentsOf: [p + nrm, p + nrm + d * hw, p - nrm + d * hw, p - nrm])
        case .round:
            // From +perp round through the outward direction to −perp: a sweep of −π.
            scratch.append(p + nrm)
            appendArc(center: p, from: nrm, sweep: -.pi)
            scratch.append(p - nrm)
        }
        emitScratch()
    }

    /// A lone point: a disc or a square of the line's width, per the cap.
    private mutating func dot(_ p: Point) {
        scratch.removeAll(keepingCapacity: true)
        switch cap {
        case .butt:
            return
        case .square:
            scratch.append(contentsOf: [Point(p.x - hw, p.y - hw), Point(p.x + hw, p.y - hw),
                                        Point(p.x + hw, p.y + hw), Point(p.x - hw, p.y + hw)])
        case .round:
            let v = Point(hw, 0)
            scratch.append(p + v)
            appendArc(center: p, from: v, sweep: 2 * .pi)
        }
        emitScratch()
    }

    /// Appends the arc's interior points (not its ends) to `scratch`.
    private mutating func appendArc(center: Point, from v: Point, sweep: Double) {
        let count = Int((abs(sweep) / arcStep).rounded(.up))
        guard count > 1 else { return }
        let step = sweep / Double(count)
        let (s, c) = (sin(step), cos(step))
        var r = v
        for _ in 1..<count {
            r = Point(r.x * c - r.y * s, r.x * s + r.y * c)
            scratch.append(center + r)
        }
    }

    /// Emits `scratch` as a closed subpath, reversed if needed so that every piece
    /// has a positive shoelace area (all pieces wind the same way).
    private mutating func emitScratch() {
        guard scratch.count > 2 else { return }
        var twiceArea = 0.0
        var a = scratch[scratch.count - 1]
        for b in scratch { twiceArea += a.cross(b); a = b }
        if twiceArea < 0 { scratch.reverse() }
        elements.append(.move(scratch[0]))
        for q in scratch.dropFirst() { elements.append(.line(q)) }
        elements.append(.close)
    }
}
