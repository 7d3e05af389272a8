import Foundation

extension Path {
    /// The outline of the stroke of this path as a fill path: fill it with `.nonZero`.
    ///
    /// Dashes are applied first (`dashed`), curves are flattened. An open subpath
    /// becomes one closed outline: its left offset forward, the end cap, its right
    /// offset backward, the start cap; a closed subpath becomes two loops (left
    /// forward, right backward) with a join where it closes and no caps. Joins are
    /// miter, round or bevel on the outer side of each turn. Filled with nonzero the
    /// outline covers the stroke once, so a translucent stroke does not darken where
    /// it overlaps itself.
    ///
    /// A subpath that is a single point draws a disc (round cap) or an axis-aligned
    /// square (square cap) of the line's width, and nothing with butt caps. A width
    /// that is not positive and finite gives an empty path.
    public func stroked(_ style: StrokeStyle) -> Path {
        guard style.width > 0, style.width.isFinite else { return Path() }
        let source = style.dashes.isEmpty ? self : dashed(style.dashes, phase: style.dashPhase)
        var stroker = Stroker(style)
        source.forEachPolyline { points, closed in stroker.add(points, closed: closed) }
        return Path(elements: stroker.elements)
    }
}

/// Builds stroke outlines; see `Path.stroked`.
///
/// Geometry. Think of the stroke as pieces: one rectangle per segment, one outer
/// wedge per vertex (the join), one cap per open end, all oriented alike, so the
/// winding number counts the pieces over a point. The outline emitted here is the
/// sum of those pieces' edges (the edges they share cancel), so it has the same
/// winding everywhere. On the inner side of a turn the two rectangles are cut along
/// vertex → inner corner (the intersection of the inner offset lines) so that they
/// tile without overlap; that is only done when the cut-back, hw · tan(|ψ|/2), is at
/// most half of the shorter segment. Otherwise (very short segments, turns near
/// 180°) the inner side goes through the vertex and the rectangles overlap inside
/// the corner, as in Agg's stroker; the rasterizer's ∫winding then over-counts
/// slightly on edge pixels there.
struct Stroker {
    let hw: Double           // half width
    let join: LineJoin
    let cap: LineCap
    let miterLimit: Double
    /// Largest angle an arc chord may span: its sagitta hw·(1 − cos(δ/2)) stays under
    /// the flattening tolerance and 0.2 % of the radius.
    let arcStep: Double
    private(set) var elements: [Path.Element] = []
    private var pts: [Point] = []
    private var left: [Point] = []     // offset chain on the +perp side, forward
    private var right: [Point] = []    // offset chain on the −perp side, forward
    /// Segment i of the polyline, pts[i] → pts[i + 1] (→ pts[0] for the last of a closed
    /// one): its unit direction and its length. Each vertex reads the two segments it joins;
    /// computed once per segment instead of twice (the same operations, so the same bits).
    private var directions: [Point] = []
    private var lengths: [Double] = []

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
        pts.reserveCapacity(input.count)
        for p in input where pts.last.map({ $0.distance(to: p) > 1e-6 }) ?? true { pts.append(p) }
        if closed, pts.count > 1, pts[0].distance(to: pts[pts.count - 1]) <= 1e-6 { pts.removeLast() }
        let n = pts.count
        guard n > 1 else {
            if let p = pts.first { dot(p) }
            return
        }
        left.removeAll(keepingCapacity: true)
        right.removeAll(keepingCapacity: true)
        // Room for the usual case (a corner or two per vertex) up front, rather than grown by
        // doubling: a marker's edge is stroked 10,000 times in a figure of 10,000 points.
        left.reserveCapacity(4 * n + 4)
        right.reserveCapacity(4 * n + 4)
        // The outline grows over all subpaths (a dashed line's thousands): reserve by doubling,
        // as append would, never to the exact count (which would copy it at every subpath).
        let needed = elements.count + 8 * n + 8
        if elements.capacity < needed { elements.reserveCapacity(max(needed, 2 * elements.capacity)) }
        directions.removeAll(keepingCapacity: true)
        lengths.removeAll(keepingCapacity: true)
        directions.reserveCapacity(n)
        lengths.reserveCapacity(n)
        for i in 0..<(closed ? n : n - 1) {
            let s = pts[i + 1 == n ? 0 : i + 1] - pts[i], l = s.length
            directions.append(l > 0 ? Point(s.x / l, s.y / l) : .zero)      // s.normalized
            lengths.append(l)
        }
        if closed {
            for v in 0..<n { vertex(pts[v], before: (v + n - 1) % n, after: v) }
            emitLoop(left, reversed: false)
            emitLoop(right, reversed: true)
            return
        }
        let n0 = (pts[1] - pts[0]).normalized.perpendicular * hw
        left.append(pts[0] + n0)
        right.append(pts[0] - n0)
        if n > 2 { for v in 1..<n - 1 { vertex(pts[v], before: v - 1, after: v) } }
        let d = (pts[n - 1] - pts[n - 2]).normalized
        left.append(pts[n - 1] + d.perpendicular * hw)
        right.append(pts[n - 1] - d.perpendicular * hw)

        // left forward, end cap, right backward, start cap.
        elements.append(.move(left[0]))
        for p in left.dropFirst() { elements.append(.line(p)) }
        appendCap(pts[n - 1], outward: d)
        for p in right.reversed() { elements.append(.line(p)) }
        appendCap(pts[0], outward: (pts[0] - pts[1]).normalized)
        elements.append(.close)
    }

    /// Extends both offset chains round vertex p.
    ///
    /// With unit directions d0, d1 the turn is ψ = atan2(d0 × d1, d0 · d1). The outer
    /// side is the one the path turns away from: −perp when ψ > 0 (a turn towards
    /// perp), +perp otherwise; o0, o1 are the outer offsets (length hw) and rotating
    /// o0 by ψ gives o1, so a round join is that arc (a 180° reversal goes round
    /// through the forward direction). The miter tip lies on the bisector of o0 and o1
    /// at hw / cos(ψ/2); the inner corner opposite it, at the same distance.
    ///
    /// `before` and `after` index the segments into and out of p (`directions`, `lengths`).
    private mutating func vertex(_ p: Point, before: Int, after: Int) {
        let d0 = directions[before], d1 = directions[after]
        let cross = d0.cross(d1), dot = d0.dot(d1)
        if dot > 0, abs(cross) < 1e-12 {       // straight on
            let nrm = d0.perpendicular * hw
            left.append(p + nrm)
            right.append(p - nrm)
            return
        }
        let psi = atan2(cross, dot)
        let outerIsLeft = psi <= 0
        let sign: Double = outerIsLeft ? 1 : -1
        let o0 = d0.perpendicular * (hw * sign), o1 = d1.perpendicular * (hw * sign)
        let cosHalf = cos(abs(psi) / 2)

        let shortest = min(lengths[before], lengths[after])    // p's distances to its neighbours
        let c = Corner(p: p, o0: o0, o1: o1, psi: psi, cosHalf: cosHalf, shortest: shortest,
                       hw: hw, join: join, miterLimit: miterLimit, arcStep: arcStep)
        if outerIsLeft { Stroker.turn(c, outer: &left, inner: &right) } else { Stroker.turn(c, outer: &right, inner: &left) }
    }

    private struct Corner {
        let p, o0, o1: Point
        let psi, cosHalf, shortest: Double
        let hw: Double, join: LineJoin, miterLimit: Double, arcStep: Double
    }

    /// The join on the outer chain; the inner corner (or the way through the vertex)
    /// on the inner one.
    private static func turn(_ c: Corner, outer: inout [Point], inner: inout [Point]) {
        let hw = c.hw
        outer.append(c.p + c.o0)
        switch c.join {
        case .bevel:
            break
        case .miter:
            if c.cosHalf > 1e-9, 1 / c.cosHalf <= c.miterLimit {
                outer.append(c.p + (c.o0 + c.o1).normalized * (hw / c.cosHalf))
            }
        case .round:
            Stroker.appendArc(&outer, center: c.p, from: c.o0, sweep: c.psi, maxStep: c.arcStep)
        }
        outer.append(c.p + c.o1)

        if c.cosHalf > 1e-9, innerCornerFits(hw: hw, psi: c.psi, cosHalf: c.cosHalf, shortest: c.shortest) {
            inner.append(c.p - (c.o0 + c.o1).normalized * (hw / c.cosHalf))
        } else {
            inner.append(contentsOf: [c.p - c.o0, c.p, c.p - c.o1])
        }
    }

    /// hw · tan(|ψ|/2) ≤ shortest / 2, decided without calling `tan` when a bound settles it.
    ///
    /// For 0 ≤ a < π/2, a ≤ tan a ≤ a / cos a (sin a ≤ a). `tan` and `cos` are correctly
    /// rounded to within an ulp or two, so with a = |ψ|/2 (exact) the rounded tan t satisfies
    /// a·(1 − 10⁻⁹) < t < a / cosHalf · (1 + 10⁻⁹); rounding hw·x is monotonic in x. So when
    /// hw·(upper bound) ≤ shortest/2 the test is true, when hw·(lower bound) > shortest/2 it is
    /// false, exactly as `hw * tan(a) <= shortest / 2` decides it; only in between (a turn
    /// whose inner corner is within 10⁻⁹ of the limit) is `tan` called. A marker's outline of
    /// 50 short chords turns at every one of them: this saves the `tan` at nearly all.
    /// Needs cosHalf = cos(|ψ|/2) > 10⁻⁹ (|ψ| < π), as the caller checks.
    static func innerCornerFits(hw: Double, psi: Double, cosHalf: Double, shortest: Double) -> Bool {
        let a = abs(psi) / 2, limit = shortest / 2
        if hw * (a / cosHalf * (1 + 1e-9)) <= limit { return true }
        if hw * (a * (1 - 1e-9)) > limit { return false }
        return hw * tan(a) <= limit
    }

    private mutating func emitLoop(_ chain: [Point], reversed: Bool) {
        guard let first = reversed ? chain.last : chain.first else { return }
        elements.append(.move(first))
        if reversed {
            for p in chain.reversed().dropFirst() { elements.append(.line(p)) }
        } else {
            for p in chain.dropFirst() { elements.append(.line(p)) }
        }
        elements.append(.close)
    }

    /// The cap at end point p (`outward` points away from the line), from
    /// p + perp(outward)·hw round to p − perp(outward)·hw; those two points are
    /// already in the outline.
    private mutating func appendCap(_ p: Point, outward d: Point) {
        let nrm = d.perpendicular * hw
        switch cap {
        case .butt:
            break
        case .square:
            elements.append(.line(p + nrm + d * hw))
            elements.append(.line(p - nrm + d * hw))
        case .round:
            var arc: [Point] = []
            Stroker.appendArc(&arc, center: p, from: nrm, sweep: -.pi, maxStep: arcStep)   // through the outward direction
            for q in arc { elements.append(.line(q)) }
        }
    }

    /// A lone point: a disc or a square of the line's width, per the cap.
    private mutating func dot(_ p: Point) {
        var outline: [Point]
        switch cap {
        case .butt:
            return
        case .square:
            outline = [Point(p.x - hw, p.y - hw), Point(p.x + hw, p.y - hw),
                       Point(p.x + hw, p.y + hw), Point(p.x - hw, p.y + hw)]
        case .round:
            outline = [p + Point(hw, 0)]
            Stroker.appendArc(&outline, center: p, from: Point(hw, 0), sweep: 2 * .pi, maxStep: arcStep)
        }
        emitLoop(outline, reversed: false)
    }

    /// Appends the arc's interior points (not its ends) to `out`, in chords spanning
    /// at most `maxStep` radians.
    private static func appendArc(_ out: inout [Point], center: Point, from v: Point,
                                  sweep: Double, maxStep: Double) {
        let count = Int((abs(sweep) / maxStep).rounded(.up))
        guard count > 1 else { return }
        let step = sweep / Double(count)
        let (s, c) = (sin(step), cos(step))
        var r = v
        for _ in 1..<count {
            r = Point(r.x * c - r.y * s, r.x * s + r.y * c)
            out.append(center + r)
        }
    }
}
