import Foundation

/// A point or a vector in 3-D, in float64: data coordinates (x, y, z) before the
/// camera, or (pixel x, pixel y, depth) after it (see `Camera3D.project`).
public struct Vector3: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var z: Double

    public init(_ x: Double, _ y: Double, _ z: Double) {
        (self.x, self.y, self.z) = (x, y, z)
    }

    public static let zero = Vector3(0, 0, 0)

    /// Every coordinate is finite.
    public var isFinite: Bool { x.isFinite && y.isFinite && z.isFinite }

    public static func + (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x + b.x, a.y + b.y, a.z + b.z) }
    public static func - (a: Vector3, b: Vector3) -> Vector3 { Vector3(a.x - b.x, a.y - b.y, a.z - b.z) }
    public static func * (a: Vector3, s: Double) -> Vector3 { Vector3(a.x * s, a.y * s, a.z * s) }
    public static prefix func - (a: Vector3) -> Vector3 { Vector3(-a.x, -a.y, -a.z) }

    public func dot(_ o: Vector3) -> Double { x * o.x + y * o.y + z * o.z }

    /// The right-handed cross product self × o.
    public func cross(_ o: Vector3) -> Vector3 {
        Vector3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x)
    }

    public var length: Double { dot(self).squareRoot() }

    /// The vector scaled to length 1; `.zero` for the zero vector (or a non-finite one).
    public var normalized: Vector3 {
        let l = length
        return l > 0 && l.isFinite ? self * (1 / l) : .zero
    }

    /// Component-wise product.
    public func scaled(by o: Vector3) -> Vector3 { Vector3(x * o.x, y * o.y, z * o.z) }
}

/// The data box of a 3-D axes: one closed range per coordinate.
public struct Box3D: Hashable, Sendable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>
    public var z: ClosedRange<Double>

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>, z: ClosedRange<Double>) {
        (self.x, self.y, self.z) = (x, y, z)
    }

    public var min: Vector3 { Vector3(x.lowerBound, y.lowerBound, z.lowerBound) }
    public var max: Vector3 { Vector3(x.upperBound, y.upperBound, z.upperBound) }

    /// The range of coordinate `i` (0 = x, 1 = y, 2 = z).
    public subscript(axis i: Int) -> ClosedRange<Double> {
        i == 0 ? x : (i == 1 ? y : z)
    }

    /// The eight corners; corner k has x at max when bit 0 of k is set, y when
    /// bit 1 is set, z when bit 2 is set.
    public var corners: [Vector3] {
        (0..<8).map { k in
            Vector3(k & 1 == 0 ? x.lowerBound : x.upperBound,
                    k & 2 == 0 ? y.lowerBound : y.upperBound,
                    k & 4 == 0 ? z.lowerBound : z.upperBound)
        }
    }

    /// `p` lies in the box, widened by `tolerance` on every side.
    public func contains(_ p: Vector3, tolerance t: Double = 0) -> Bool {
        x.lowerBound - t <= p.x && p.x <= x.upperBound + t &&
            y.lowerBound - t <= p.y && p.y <= y.upperBound + t &&
            z.lowerBound - t <= p.z && p.z <= z.upperBound + t
    }

    /// The part of the segment a–b inside the box as parameters (t0, t1) with
    /// 0 ≤ t0 ≤ t1 ≤ 1, or nil when the segment misses the box (Liang–Barsky:
    /// each slab lo ≤ a + t·(b − a) ≤ hi narrows [t0, t1]).
    public func clip(_ a: Vector3, _ b: Vector3) -> (Double, Double)? {
        var t0 = 0.0, t1 = 1.0
        let d = b - a
        for (p, q, r) in [(a.x, d.x, x), (a.y, d.y, y), (a.z, d.z, z)] {
            if q == 0 {
                if p < r.lowerBound || p > r.upperBound { return nil }
                continue
            }
            var ta = (r.lowerBound - p) / q, tb = (r.upperBound - p) / q
            if ta > tb { swap(&ta, &tb) }
            t0 = Swift.max(t0, ta)
            t1 = Swift.min(t1, tb)
            if t0 > t1 { return nil }
        }
        return (t0, t1)
    }
}
