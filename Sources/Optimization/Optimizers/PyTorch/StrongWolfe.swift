/// The strong-Wolfe line search of PyTorch's LBFGS (itself ported from Torch7's
/// `lswolfe.lua`), step for step: a bracketing phase that grows the step by cubic
/// extrapolation, then a zoom phase that shrinks the bracket by cubic interpolation, with
/// the "insufficient progress" safeguard.
///
/// Conditions, for f(x + t·d) along the direction d with f₀ = f(x), g₀ᵀd = gtd < 0:
///   sufficient decrease  f(x + t·d) ≤ f₀ + c₁·t·gtd,   c₁ = 1e-4
///   curvature            |∇f(x + t·d)ᵀd| ≤ −c₂·gtd,     c₂ = 0.9
/// At most 25 evaluations (`max_ls`); the zoom stops when the bracket is shorter than
/// 1e-9 / max|d| (PyTorch passes no tolerance here, so its default 1e-9 applies).
struct StrongWolfeLineSearch {
    typealias Evaluate = ([Double]) -> (value: Double, gradient: [Double])

    var c1 = 1e-4
    var c2 = 0.9
    var toleranceChange = 1e-9
    var maxEvaluations = 25

    struct Result {
        var loss: Double
        var gradient: [Double]
        var t: Double
        var evaluations: Int
    }

    /// Searches along `d` from `x` (loss `f`, gradient `g`, directional derivative `gtd`),
    /// starting with step `t`.
    func search(_ evaluate: Evaluate, x: [Double], t initialStep: Double, d: [Double],
                f: Double, g: [Double], gtd: Double) -> Result {
        let dNorm = VectorMath.maxAbs(d)
        var t = initialStep
        func probe(_ t: Double) -> (Double, [Double], Double) {
            let (fNew, gNew) = evaluate(VectorMath.add(x, d, alpha: t))
            return (fNew, gNew, VectorMath.dot(gNew, d))
        }
        var (fNew, gNew, gtdNew) = probe(t)
        var evaluations = 1
        var (tPrev, fPrev, gPrev, gtdPrev) = (0.0, f, g, gtd)
        var done = false
        var iteration = 0
        var bracket: [Double] = [], bracketF: [Double] = [], bracketGtd: [Double] = []
        var bracketG: [[Double]] = []

        // Bracketing phase.
        while iteration < maxEvaluations {
            if fNew > f + c1 * t * gtd || (iteration > 1 && fNew >= fPrev) {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            if abs(gtdNew) <= -c2 * gtd {
                (bracket, bracketF, bracketG) = ([t], [fNew], [gNew])
                done = true
                break
            }
            if gtdNew >= 0 {
                (bracket, bracketF, bracketG, bracketGtd) = ([tPrev, t], [fPrev, fNew], [gPrev, gNew], [gtdPrev, gtdNew])
                break
            }
            // Extrapolate: the cubic minimizer, kept within [t + 0.01(t − t_prev), 10t].
            let minStep = t + 0.01 * (t - tPrev)
            let maxStep = t * 10
            let previous = t
            t = Self.cubicInterpolate(tPrev, fPrev, gtdPrev, t, fNew, gtdNew, bounds: (minStep, maxStep))
            (tPrev, fPrev, gPrev, gtdPrev) = (previous, fNew, gNew, gtdNew)
            (fNew, gNew, gtdNew) = probe(t)
            evaluations += 1
            iteration += 1
        }
        if iteration == maxEvaluations {
            (bracket, bracketF, bracketG) = ([0, t], [f, fNew], [g, gNew])
        }

        // Zoom phase: shrink the bracket until a point satisfies both conditions.
        var insufficientProgress = false
        var (low, high) = bracketF[0] <= bracketF[bracketF.count - 1] ? (0, 1) : (1, 0)
        while !done && iteration < maxEvaluations {
            if abs(bracket[1] - bracket[0]) * dNorm < toleranceChange { break }
            t = Self.cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1])
            let top = VectorMath.pyMax(bracket[0], bracket[1])
            let bottom = VectorMath.pyMin(bracket[0], bracket[1])
            let margin = 0.1 * (top - bottom)
            if VectorMath.pyMin(top - t, t - bottom) < margin {
                // Too close to an end: if that happened last time too, or t is outside,
                // move it to 10% of the bracket from the nearer end.
                if insufficientProgress || t >= top || t <= bottom {
                    t = abs(t - top) < abs(t - bottom) ? top - margin : bottom + margin
                    insufficientProgress = false
                } else {
                    insufficientProgress = true
                }
            } else {
                insufficientProgress = false
            }
            (fNew, gNew, gtdNew) = probe(t)
            evaluations += 1
            iteration += 1
            if fNew > f + c1 * t * gtd || fNew >= bracketF[low] {
                // Not a sufficient decrease, or not below the lowest point: t becomes the high end.
                (bracket[high], bracketF[high], bracketG[high], bracketGtd[high]) = (t, fNew, gNew, gtdNew)
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
            } else {
                if abs(gtdNew) <= -c2 * gtd {
                    done = true
                } else if gtdNew * (bracket[high] - bracket[low]) >= 0 {
                    // The old low end becomes the high end.
                    (bracket[high], bracketF[high], bracketG[high], bracketGtd[high])
                        = (bracket[low], bracketF[low], bracketG[low], bracketGtd[low])
                }
                (bracket[low], bracketF[low], bracketG[low], bracketGtd[low]) = (t, fNew, gNew, gtdNew)
            }
        }
        return Result(loss: bracketF[low], gradient: bracketG[low], t: bracket[low], evaluations: evaluations)
    }

    /// The minimizer of the cubic through (x₁, f₁, g₁) and (x₂, f₂, g₂), clamped to `bounds`
    /// (default: the interval between x₁ and x₂); the bounds' midpoint when the cubic has no
    /// real minimizer:
    ///
    ///     d₁ = g₁ + g₂ − 3(f₁ − f₂)/(x₁ − x₂);   d₂ = √(d₁² − g₁g₂)
    ///     x* = x₂ − (x₂ − x₁)·(g₂ + d₂ − d₁)/(g₂ − g₁ + 2d₂)     (for x₁ ≤ x₂)
    static func cubicInterpolate(_ x1: Double, _ f1: Double, _ g1: Double,
                                 _ x2: Double, _ f2: Double, _ g2: Double,
                                 bounds: (Double, Double)? = nil) -> Double {
        let (lower, upper) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1))
        let d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
        let d2Square = d1 * d1 - g1 * g2
        guard d2Square >= 0 else { return (lower + upper) / 2 }
        let d2 = d2Square.squareRoot()
        let minimum = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return VectorMath.pyMin(VectorMath.pyMax(minimum, lower), upper)
    }
}
