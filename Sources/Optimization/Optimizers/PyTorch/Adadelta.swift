/// `torch.optim.Adadelta`.
///
/// Per coordinate (g = ∇f, negated when `maximize`):
///
///     g ← g + weight_decay·x                        (if weight_decay ≠ 0)
///     v ← ρ·v + (1 − ρ)·g²
///     δ = √(u + eps) / √(v + eps) · g
///     u ← ρ·u + (1 − ρ)·δ²
///     x ← x − lr·δ
///
/// Defaults: lr = 1.0, rho = 0.9, eps = 1e-6, weight_decay = 0, maximize = false.
struct Adadelta: GradientOptimizer {
    var lr = 1.0
    var rho = 0.9
    var eps = 1e-6
    var weightDecay = 0.0
    var maximize = false

    private var squareAverage: [Double]
    private var accumulatedDelta: [Double]

    init(dimension: Int, lr: Double = 1, rho: Double = 0.9, eps: Double = 1e-6, weightDecay: Double = 0,
         maximize: Bool = false) {
        self.lr = lr
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
        self.maximize = maximize
        squareAverage = Array(repeating: 0, count: dimension)
        accumulatedDelta = squareAverage
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * x[i] }
            squareAverage[i] = squareAverage[i] * rho + (1 - rho) * g * g
            let std = (squareAverage[i] + eps).squareRoot()
            let delta = (accumulatedDelta[i] + eps).squareRoot() / std * g
            accumulatedDelta[i] = accumulatedDelta[i] * rho + (1 - rho) * delta * delta
            x[i] = x[i] + -lr * delta
        }
    }
}
