import Foundation

/// `torch.optim.Adamax`: Adam with the infinity norm in place of the second moment.
///
/// Per coordinate, at step t (g = ∇f, negated when `maximize`):
///
///     g ← g + weight_decay·x                        (if weight_decay ≠ 0)
///     m ← lerp(m, g, 1 − β₁)
///     u ← max(β₂·u, |g| + eps)
///     x ← x − (lr / (1 − β₁ᵗ)) · m / u
///
/// Defaults: lr = 2e-3, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0, maximize = false.
struct Adamax: GradientOptimizer {
    var lr = 2e-3
    var beta1 = 0.9
    var beta2 = 0.999
    var eps = 1e-8
    var weightDecay = 0.0
    var maximize = false

    private var m: [Double]
    private var u: [Double]
    private var step = 0

    init(dimension: Int, lr: Double = 2e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
         weightDecay: Double = 0, maximize: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.maximize = maximize
        m = Array(repeating: 0, count: dimension)
        u = m
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        step += 1
        let clr = lr / (1 - pow(beta1, Double(step)))
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * x[i] }
            m[i] = torchLerp(m[i], g, 1 - beta1)
            u[i] = Swift.max(u[i] * beta2, Swift.abs(g) + eps)
            x[i] = x[i] + -clr * m[i] / u[i]
        }
    }
}
