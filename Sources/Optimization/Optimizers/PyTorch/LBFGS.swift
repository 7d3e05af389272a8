/// `torch.optim.LBFGS`, as PyTorch implements it (after minFunc): one ``step(_:evaluate:)``
/// is one `optimizer.step(closure)` call, which runs up to `max_iter` L-BFGS iterations and
/// calls `evaluate` up to about `max_eval` times. A ``Run`` records one point per step.
///
/// Each iteration:
///   1. direction: d = −g on the very first iteration; afterwards the two-loop recursion over
///      the stored pairs (s = t·d, y = g − g_prev), skipping a pair unless yᵀs > 1e-10, with
///      the initial Hessian scale H₀ = yᵀs / yᵀy; at most `history_size` pairs are kept.
///   2. step length: t = min(1, 1/‖g‖₁)·lr on the very first iteration, lr afterwards; with
///      `line_search_fn='strong_wolfe'`, t comes from ``StrongWolfeLineSearch``.
///   3. x ← x + t·d, then stop when: the iteration budget or the evaluation budget is spent;
///      max|g| ≤ tolerance_grad; max|t·d| ≤ tolerance_change; |f − f_prev| < tolerance_change;
///      or (before moving) gᵀd > −tolerance_change.
///
/// The memory (pairs, d, t, the iteration count) persists across steps, as in PyTorch's
/// optimizer state. Without line search the function is not re-evaluated after the last
/// iteration of a step. Defaults: lr = 1, max_iter = 20, max_eval = max_iter·5/4 (25),
/// tolerance_grad = 1e-7, tolerance_change = 1e-9, history_size = 100, line_search_fn = None.
struct LBFGS: Optimizer, Sendable {
    var lr = 1.0
    var maxIter = 20
    var maxEval = 25
    var toleranceGrad = 1e-7
    var toleranceChange = 1e-9
    var historySize = 100
    var strongWolfe = false

    // State carried between steps (PyTorch's `state`).
    private var iterations = 0
    private var direction: [Double] = []
    private var stepLength = 0.0
    private var oldDirections: [[Double]] = []      // y vectors
    private var oldSteps: [[Double]] = []           // s vectors
    private var rho: [Double] = []                  // 1/(yᵀs)
    private var hessianDiagonal = 1.0
    private var previousGradient: [Double] = []
    private var previousLoss = 0.0

    init(lr: Double, maxIter: Int, maxEval: Int, toleranceGrad: Double, toleranceChange: Double,
         historySize: Int, strongWolfe: Bool) {
        self.lr = lr
        self.maxIter = maxIter
        self.maxEval = maxEval
        self.toleranceGrad = toleranceGrad
        self.toleranceChange = toleranceChange
        self.historySize = historySize
        self.strongWolfe = strongWolfe
    }

    mutating func step(_ x: inout [Double], evaluate: ([Double]) -> (value: Double, gradient: [Double])) {
        var (loss, gradient) = evaluate(x)
        var evaluations = 1
        if VectorMath.maxAbs(gradient) <= toleranceGrad { return }

        var localIteration = 0
        while localIteration < maxIter {
            localIteration += 1
            iterations += 1
            updateDirection(gradient)
            previousGradient = gradient
            previousLoss = loss

            stepLength = iterations == 1 ? VectorMath.pyMin(1, 1 / VectorMath.sumAbs(gradient)) * lr : lr
            let gtd = VectorMath.dot(gradient, direction)
            if gtd > -toleranceChange { break }

            var lineSearchEvaluations = 0
            var optimal = false
            if strongWolfe {
                let result = StrongWolfeLineSearch().search(
                    evaluate, x: x, t: stepLength, d: direction, f: loss, g: gradient, gtd: gtd)
                (loss, gradient, stepLength) = (result.loss, result.gradient, result.t)
                lineSearchEvaluations = result.evaluations
                x = VectorMath.add(x, direction, alpha: stepLength)
                optimal = VectorMath.maxAbs(gradient) <= toleranceGrad
            } else {
                x = VectorMath.add(x, direction, alpha: stepLength)
                if localIteration != maxIter {
                    (loss, gradient) = evaluate(x)
                    optimal = VectorMath.maxAbs(gradient) <= toleranceGrad
                    lineSearchEvaluations = 1
                }
            }
            evaluations += lineSearchEvaluations

            if localIteration == maxIter { break }
            if evaluations >= maxEval { break }
            if optimal { break }
            if VectorMath.maxAbs(VectorMath.scaled(direction, stepLength)) <= toleranceChange { break }
            if abs(loss - previousLoss) < toleranceChange { break }
        }
    }

    /// Step 1: the new search direction from the gradient and the stored curvature pairs.
    private mutating func updateDirection(_ gradient: [Double]) {
        if iterations == 1 {
            direction = gradient.map { -$0 }
            oldDirections = []
            oldSteps = []
            rho = []
            hessianDiagonal = 1
            return
        }
        let y = VectorMath.add(gradient, previousGradient, alpha: -1)
        let s = VectorMath.scaled(direction, stepLength)
        let ys = VectorMath.dot(y, s)
        if ys > 1e-10 {
            if oldDirections.count == historySize {
                oldDirections.removeFirst()
                oldSteps.removeFirst()
                rho.removeFirst()
            }
            oldDirections.append(y)
            oldSteps.append(s)
            rho.append(1 / ys)
            hessianDiagonal = ys / VectorMath.dot(y, y)
        }
        // Two-loop recursion: q = −g; backwards αᵢ = ρᵢ sᵢᵀq, q −= αᵢ yᵢ; r = H₀ q;
        // forwards βᵢ = ρᵢ yᵢᵀr, r += (αᵢ − βᵢ) sᵢ.
        let count = oldDirections.count
        var alphas = Array(repeating: 0.0, count: count)
        var q = gradient.map { -$0 }
        for i in stride(from: count - 1, through: 0, by: -1) {
            alphas[i] = VectorMath.dot(oldSteps[i], q) * rho[i]
            q = VectorMath.add(q, oldDirections[i], alpha: -alphas[i])
        }
        var r = VectorMath.scaled(q, hessianDiagonal)
        for i in 0..<count {
            let beta = VectorMath.dot(oldDirections[i], r) * rho[i]
            r = VectorMath.add(r, oldSteps[i], alpha: alphas[i] - beta)
        }
        direction = r
    }
}
