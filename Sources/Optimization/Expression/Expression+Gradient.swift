import Foundation

/// Forward-mode automatic differentiation over an ``Expression``.
///
/// Every node is evaluated to a dual number `(v, ∂v/∂x₀, ∂v/∂x₁)`; the rules are the textbook
/// ones, written so that a term whose tangent is exactly zero contributes exactly zero:
///
/// * (a ± b)' = a' ± b'
/// * (a·b)'   = a'·b + a·b'
/// * (a/b)'   = a'/b − (a/b)·(b'/b)
/// * (aᵇ)'    = b·aᵇ⁻¹·a'            when b is constant (b' = 0), so `(-2)^3` differentiates fine
/// * (aᵇ)'    = aᵇ·(b'·ln a + b·a'/a)  otherwise
/// * f(a)'    = f'(a)·a'
///
/// "Zero tangent gives zero" matters at points such as the Ackley minimum, where
/// √(x²+y²) has an infinite derivative multiplied by a zero inner derivative: the result is 0,
/// not NaN. Expressions use at most two coordinates (x, y), which the parser guarantees.
struct Dual: Sendable, Equatable {
    var value: Double
    var d0: Double
    var d1: Double

    static func constant(_ c: Double) -> Dual { Dual(value: c, d0: 0, d1: 0) }

    static func variable(_ index: Int, _ c: Double) -> Dual {
        Dual(value: c, d0: index == 0 ? 1 : 0, d1: index == 1 ? 1 : 0)
    }

    var isConstant: Bool { d0 == 0 && d1 == 0 }
    var gradient: [Double] { [d0, d1] }
}

/// t·k, except that a zero tangent stays zero whatever k is (0·∞ = 0 here, not NaN).
@inline(__always) private func scaled(_ t: Double, _ k: Double) -> Double { t == 0 ? 0 : t * k }

/// t/k with the same zero-tangent convention.
@inline(__always) private func divided(_ t: Double, _ k: Double) -> Double { t == 0 ? 0 : t / k }

extension Expression {
    /// The value and the exact gradient at `x`; the gradient has ``dimension`` entries.
    func valueAndGradient(at x: [Double]) -> (value: Double, gradient: [Double]) {
        let d = dual(at: x)
        return (d.value, Array([d.d0, d.d1].prefix(dimension)))
    }

    func dual(at x: [Double]) -> Dual {
        switch self {
        case .number(let c):
            return .constant(c)
        case .variable(let index):
            return .variable(index, x[index])
        case .negate(let a):
            let a = a.dual(at: x)
            return Dual(value: -a.value, d0: -a.d0, d1: -a.d1)
        case .add(let a, let b):
            let a = a.dual(at: x), b = b.dual(at: x)
            return Dual(value: a.value + b.value, d0: a.d0 + b.d0, d1: a.d1 + b.d1)
        case .subtract(let a, let b):
            let a = a.dual(at: x), b = b.dual(at: x)
            return Dual(value: a.value - b.value, d0: a.d0 - b.d0, d1: a.d1 - b.d1)
        case .multiply(let a, let b):
            let a = a.dual(at: x), b = b.dual(at: x)
            return Dual(value: a.value * b.value,
                        d0: scaled(a.d0, b.value) + scaled(b.d0, a.value),
                        d1: scaled(a.d1, b.value) + scaled(b.d1, a.value))
        case .divide(let a, let b):
            let a = a.dual(at: x), b = b.dual(at: x)
            let q = a.value / b.value
            return Dual(value: q,
                        d0: divided(a.d0, b.value) - scaled(divided(b.d0, b.value), q),
                        d1: divided(a.d1, b.value) - scaled(divided(b.d1, b.value), q))
        case .power(let a, let b):
            return Expression.power(a.dual(at: x), b.dual(at: x))
        case .function(let f, let a):
            let a = a.dual(at: x)
            let fa = f.apply(a.value)
            // Only evaluate f' when some tangent is non-zero (keeps sqrt'(0) = ∞ out of 0·∞).
            if a.isConstant { return .constant(fa) }
            let k = f.derivative(at: a.value, value: fa)
            return Dual(value: fa, d0: scaled(a.d0, k), d1: scaled(a.d1, k))
        }
    }

    private static func power(_ a: Dual, _ b: Dual) -> Dual {
        let p = raise(a.value, b.value)
        if b.isConstant {
            // d(aⁿ) = n·aⁿ⁻¹·da. n = 0 is a constant; n = 1 and n = 2 are written out so that
            // x² has the derivative 2x exactly.
            let n = b.value
            if a.isConstant || n == 0 { return .constant(p) }
            let k: Double
            switch n {
            case 1: k = 1
            case 2: k = 2 * a.value
            default: k = n * pow(a.value, n - 1)
            }
            return Dual(value: p, d0: scaled(a.d0, k), d1: scaled(a.d1, k))
        }
        // d(aᵇ) = aᵇ·(ln a·db + b·da/a); a constant base (2^x, e^x) needs only the first term.
        let lnA = log(a.value)
        let d0 = scaled(b.d0, p * lnA) + scaled(divided(a.d0, a.value), p * b.value)
        let d1 = scaled(b.d1, p * lnA) + scaled(divided(a.d1, a.value), p * b.value)
        return Dual(value: p, d0: d0, d1: d1)
    }
}
