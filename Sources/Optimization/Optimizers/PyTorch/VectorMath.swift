/// Small vector helpers for LBFGS, with PyTorch's NaN behaviour where it matters
/// (`abs().max()` of a vector with a NaN is NaN).
enum VectorMath {
    static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in a.indices { s += a[i] * b[i] }
        return s
    }

    static func maxAbs(_ a: [Double]) -> Double {
        var m = 0.0
        for v in a {
            if v.isNaN { return .nan }
            m = Swift.max(m, Swift.abs(v))
        }
        return m
    }

    static func sumAbs(_ a: [Double]) -> Double {
        var s = 0.0
        for v in a { s += Swift.abs(v) }
        return s
    }

    /// a + alpha·b (torch's `a.add(b, alpha=alpha)`).
    static func add(_ a: [Double], _ b: [Double], alpha: Double) -> [Double] {
        var r = a
        for i in r.indices { r[i] = a[i] + alpha * b[i] }
        return r
    }

    static func scaled(_ a: [Double], _ k: Double) -> [Double] { a.map { $0 * k } }

    /// Python's built-in `max(a, b)`: `a` unless `b > a` (so a NaN in `a` is kept).
    static func pyMax(_ a: Double, _ b: Double) -> Double { b > a ? b : a }

    /// Python's built-in `min(a, b)`: `a` unless `b < a`.
    static func pyMin(_ a: Double, _ b: Double) -> Double { b < a ? b : a }
}
