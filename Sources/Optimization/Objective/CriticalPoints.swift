import Foundation

/// A point where ∇f = 0, with its kind read off the Hessian's eigenvalues.
public struct CriticalPoint: Sendable, Equatable {
    public enum Kind: Sendable, Equatable { case minimum, saddle, maximum }

    public var point: [Double]
    public var value: Double
    public var kind: Kind
    /// For a minimum: the lowest value of every minimum found in the box (ties
    /// within a relative 1e-9 are all global, as Himmelblau's four are).
    public var isGlobal: Bool
}

/// Minima (and optionally saddles) of a 2-D objective inside a box, found by a
/// deterministic multi-start local search:
///
/// 1. starts on an `n × n` grid over the box (cell centres);
/// 2. from each, descent with a backtracking (Armijo) line search — along
///    Newton's direction where the Hessian is positive definite, else −∇f —
///    finds a minimum; a run that leaves the box is dropped (the view holds no
///    minimum there), and so is one that stalls with ∇f far from 0;
/// 3. for saddles, Newton's method on ∇f = 0 (finite-difference Hessian) from
///    the same starts, kept where the Hessian has eigenvalues of both signs;
/// 4. points closer than 1e-4 of the box's diagonal are merged, keeping the one
///    with the smaller gradient; each point is classified by its Hessian.
///
/// The same inputs give the same points in the same order (sorted by value, then
/// x, then y). No randomness, no dependence on threads.
public enum CriticalPoints {
    public static func find(_ f: Objective, x: ClosedRange<Double>, y: ClosedRange<Double>,
                            saddles: Bool = false, grid n: Int = 16) -> [CriticalPoint] {
        guard f.dimension == 2 else { return [] }
        let box = Box(x: x, y: y)
        var found: [CriticalPoint] = []
        for i in 0..<n {
            for j in 0..<n {
                let s = [x.lowerBound + (Double(i) + 0.5) / Double(n) * box.width,
                         y.lowerBound + (Double(j) + 0.5) / Double(n) * box.height]
                if let p = descend(f, from: s, box: box), let c = classify(f, p, box: box), c.kind == .minimum {
                    merge(c, into: &found, box: box)
                }
                if saddles, let p = newton(f, from: s, box: box), let c = classify(f, p, box: box), c.kind == .saddle {
                    merge(c, into: &found, box: box)
                }
            }
        }
        let lowest = found.filter { $0.kind == .minimum }.map(\.value).min()
        for k in found.indices where found[k].kind == .minimum {
            found[k].isGlobal = found[k].value - lowest! <= 1e-9 * max(1, abs(lowest!))
        }
        return found.sorted { ($0.value, $0.point[0], $0.point[1]) < ($1.value, $1.point[0], $1.point[1]) }
    }

    struct Box {
        let x: ClosedRange<Double>, y: ClosedRange<Double>
        var width: Double { x.upperBound - x.lowerBound }
        var height: Double { y.upperBound - y.lowerBound }
        var diagonal: Double { (width * width + height * height).squareRoot() }
        func contains(_ p: [Double]) -> Bool { x.contains(p[0]) && y.contains(p[1]) }
    }

    /// Descent with Armijo backtracking along Newton's direction where the
    /// Hessian is positive definite (so the direction goes downhill, and near a
    /// minimum the full step is taken: quadratic convergence, a few dozen steps
    /// even in Rosenbrock's curved valley), along −∇f elsewhere. Nil if it leaves
    /// the box or does not converge.
    static func descend(_ f: Objective, from start: [Double], box: Box) -> [Double]? {
        var p = start
        var (v, g) = f.valueAndGradient(p)
        guard v.isFinite else { return nil }
        var step = box.diagonal / max(1e-300, norm(g)) * 0.01
        for _ in 0..<500 {
            let gn = norm(g)
            if gn < 1e-9 * max(1, abs(v)) + 1e-12 { return p }
            // Newton's direction when it points downhill, else steepest descent.
            let newton = newtonDirection(f, p, g)
            let d = newton ?? [-g[0], -g[1]]
            let slope = g[0] * d[0] + g[1] * d[1]
            var t = newton == nil ? step : 1
            var accepted = false
            for _ in 0..<60 {
                let q = [p[0] + t * d[0], p[1] + t * d[1]]
                let vq = f.value(q)
                if vq.isFinite, vq <= v + 1e-4 * t * slope {
                    p = q
                    (v, g) = f.valueAndGradient(p)
                    accepted = true
                    break
                }
                t *= 0.5
            }
            guard accepted, box.contains(p) else { return box.contains(p) ? polish(f, p, box: box) : nil }
            if newton == nil { step = t * 2 }
        }
        return polish(f, p, box: box)
    }

    /// −H⁻¹∇f where the Hessian is positive definite; nil elsewhere.
    static func newtonDirection(_ f: Objective, _ p: [Double], _ g: [Double]) -> [Double]? {
        let h = hessian(f, p)
        let det = h[0] * h[3] - h[1] * h[2]
        guard h[0] > 0, det > 0, det.isFinite else { return nil }
        let d = [-(h[3] * g[0] - h[1] * g[1]) / det, -(-h[2] * g[0] + h[0] * g[1]) / det]
        return d.allSatisfy(\.isFinite) && g[0] * d[0] + g[1] * d[1] < 0 ? d : nil
    }

    /// A point where descent stalled, accepted only if Newton's method lands on ∇f ≈ 0 nearby.
    static func polish(_ f: Objective, _ p: [Double], box: Box) -> [Double]? {
        var q = p
        for _ in 0..<20 {
            guard let n = newtonStep(f, q) else { break }
            q = n
        }
        let g = norm(f.gradient(q))
        return box.contains(q) && g < 1e-6 * max(1, abs(f.value(q))) ? q : nil
    }

    /// Newton's method on ∇f = 0; nil if it leaves the box or does not converge.
    static func newton(_ f: Objective, from start: [Double], box: Box) -> [Double]? {
        var p = start
        for _ in 0..<100 {
            guard let q = newtonStep(f, p), box.contains(q) else { return nil }
            let moved = hypot(q[0] - p[0], q[1] - p[1])
            p = q
            if moved < 1e-13 * box.diagonal { break }
        }
        return norm(f.gradient(p)) < 1e-7 * max(1, abs(f.value(p))) ? p : nil
    }

    static func newtonStep(_ f: Objective, _ p: [Double]) -> [Double]? {
        let h = hessian(f, p)
        let det = h[0] * h[3] - h[1] * h[2]
        guard det.isFinite, abs(det) > 1e-300 else { return nil }
        let g = f.gradient(p)
        let dx = (h[3] * g[0] - h[1] * g[1]) / det
        let dy = (-h[2] * g[0] + h[0] * g[1]) / det
        let q = [p[0] - dx, p[1] - dy]
        return q.allSatisfy(\.isFinite) ? q : nil
    }

    /// Central differences of the exact gradient, symmetrised: [fxx, fxy, fyx, fyy].
    static func hessian(_ f: Objective, _ p: [Double]) -> [Double] {
        let hx = 1e-5 * max(1, abs(p[0])), hy = 1e-5 * max(1, abs(p[1]))
        let gxp = f.gradient([p[0] + hx, p[1]]), gxm = f.gradient([p[0] - hx, p[1]])
        let gyp = f.gradient([p[0], p[1] + hy]), gym = f.gradient([p[0], p[1] - hy])
        let fxx = (gxp[0] - gxm[0]) / (2 * hx), fyx = (gxp[1] - gxm[1]) / (2 * hx)
        let fxy = (gyp[0] - gym[0]) / (2 * hy), fyy = (gyp[1] - gym[1]) / (2 * hy)
        let off = (fxy + fyx) / 2
        return [fxx, off, off, fyy]
    }

    static func classify(_ f: Objective, _ p: [Double], box: Box) -> CriticalPoint? {
        let h = hessian(f, p)
        let tr = h[0] + h[3], det = h[0] * h[3] - h[1] * h[2]
        let disc = max(0, tr * tr / 4 - det).squareRoot()
        let l1 = tr / 2 - disc, l2 = tr / 2 + disc
        let scale = max(abs(l1), abs(l2), 1e-300)
        let eps = 1e-7 * scale
        let kind: CriticalPoint.Kind
        if l1 > eps && l2 > eps { kind = .minimum }
        else if l1 < -eps && l2 < -eps { kind = .maximum }
        else if l1 < -eps && l2 > eps { kind = .saddle }
        else {
            // Degenerate Hessian: a minimum if no nearby point is lower.
            let v = f.value(p), r = 1e-4 * box.diagonal
            let lower = (0..<8).contains { k in
                let a = Double(k) * .pi / 4
                return f.value([p[0] + r * cos(a), p[1] + r * sin(a)]) < v - 1e-12 * max(1, abs(v))
            }
            guard !lower else { return nil }
            kind = .minimum
        }
        return CriticalPoint(point: p, value: f.value(p), kind: kind, isGlobal: false)
    }

    static func merge(_ c: CriticalPoint, into found: inout [CriticalPoint], box: Box) {
        let r = 1e-4 * box.diagonal
        if found.contains(where: { hypot($0.point[0] - c.point[0], $0.point[1] - c.point[1]) < r }) { return }
        found.append(c)
    }

    static func norm(_ v: [Double]) -> Double { (v[0] * v[0] + v[1] * v[1]).squareRoot() }
}
