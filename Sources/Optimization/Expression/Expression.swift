import Foundation

/// A parsed objective expression: numbers, coordinates, the four operations, powers and the
/// elementary functions of ``ElementaryFunction``.
///
/// Build one with ``ExpressionParser``. Evaluate it with ``value(at:)``; get the value together
/// with the exact gradient (forward-mode automatic differentiation) from
/// ``valueAndGradient(at:)``.
///
/// Coordinates are numbered from 0: `x` and `x1` are coordinate 0, `y` and `x2` coordinate 1.
/// Evaluation reads only the coordinates the expression mentions; a point with fewer
/// coordinates than ``dimension`` is a programming error (the index traps).
indirect enum Expression: Sendable, Hashable {
    case number(Double)
    case variable(Int)
    case negate(Expression)
    case add(Expression, Expression)
    case subtract(Expression, Expression)
    case multiply(Expression, Expression)
    case divide(Expression, Expression)
    /// `a ^ b` (also written `a ** b`); evaluated with the C library's `pow`, except that
    /// `a ^ 2` is the product `a * a` (`Expression.raise`).
    case power(Expression, Expression)
    case function(ElementaryFunction, Expression)

    /// The number of coordinates the expression needs: one more than the largest coordinate
    /// index it mentions, and at least 1 (a constant is a 1-D function).
    var dimension: Int { max(1, largestVariable + 1) }

    private var largestVariable: Int {
        switch self {
        case .number: return -1
        case .variable(let index): return index
        case .negate(let a), .function(_, let a): return a.largestVariable
        case .add(let a, let b), .subtract(let a, let b), .multiply(let a, let b),
             .divide(let a, let b), .power(let a, let b):
            return max(a.largestVariable, b.largestVariable)
        }
    }

    /// The value at `x`. Non-finite results (log of a negative number, overflow) are returned
    /// as they come; nothing traps.
    func value(at x: [Double]) -> Double {
        switch self {
        case .number(let c): return c
        case .variable(let index): return x[index]
        case .negate(let a): return -a.value(at: x)
        case .add(let a, let b): return a.value(at: x) + b.value(at: x)
        case .subtract(let a, let b): return a.value(at: x) - b.value(at: x)
        case .multiply(let a, let b): return a.value(at: x) * b.value(at: x)
        case .divide(let a, let b): return a.value(at: x) / b.value(at: x)
        case .power(let a, let b): return Expression.raise(a.value(at: x), b.value(at: x))
        case .function(let f, let a): return f.apply(a.value(at: x))
        }
    }

    /// `a` to the power `n`: `a * a` for n = 2, else the C library's `pow`.
    ///
    /// NumPy (`np.power`) and PyTorch (`torch.pow`) compute `x**2` as the product
    /// `x * x`, the correctly rounded square, which the seeds' objectives and
    /// update rules therefore use. glibc's `pow(x, 2)` is not always that: it
    /// is one ulp off for about 1 argument in 1,500 (129,658 of 2·10⁸ random
    /// doubles, measured). The product is also several times cheaper, which
    /// matters in every sampled contour grid.
    @inline(__always)
    static func raise(_ a: Double, _ n: Double) -> Double {
        n == 2 ? a * a : pow(a, n)
    }
}

/// The functions an objective expression may call, each of one argument.
enum ElementaryFunction: String, CaseIterable, Sendable, Hashable {
    case sin, cos, tan, exp, log, sqrt, abs, tanh, sinh, cosh

    /// `log` is the natural logarithm; `ln` is accepted as its alias by the parser.
    func apply(_ a: Double) -> Double {
        switch self {
        case .sin: return Foundation.sin(a)
        case .cos: return Foundation.cos(a)
        case .tan: return Foundation.tan(a)
        case .exp: return Foundation.exp(a)
        case .log: return Foundation.log(a)
        case .sqrt: return a.squareRoot()
        case .abs: return Swift.abs(a)
        case .tanh: return Foundation.tanh(a)
        case .sinh: return Foundation.sinh(a)
        case .cosh: return Foundation.cosh(a)
        }
    }

    /// f'(a), given a and f(a) (passed so that exp, sqrt and tanh reuse it).
    ///
    /// abs'(0) is taken as 0 (the subgradient that keeps an optimizer still at a kink).
    func derivative(at a: Double, value fa: Double) -> Double {
        switch self {
        case .sin: return Foundation.cos(a)
        case .cos: return -Foundation.sin(a)
        case .tan: return 1 + fa * fa                 // sec² a = 1 + tan² a
        case .exp: return fa
        case .log: return 1 / a
        case .sqrt: return 1 / (2 * fa)               // +inf at 0
        case .abs: return a > 0 ? 1 : (a < 0 ? -1 : 0)
        case .tanh: return 1 - fa * fa
        case .sinh: return Foundation.cosh(a)
        case .cosh: return Foundation.sinh(a)
        }
    }
}
