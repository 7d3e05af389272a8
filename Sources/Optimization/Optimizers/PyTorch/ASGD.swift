import Foundation

/// `torch.optim.ASGD`: averaged SGD (Polyak–Ruppert), as PyTorch's single-tensor code does it.
///
/// Per coordinate, at step t = 1, 2, … with η starting at lr and μ at 1 (g = ∇f, negated when
/// `maximize`):
///
///     g ← g + weight_decay·x                        (if weight_decay ≠ 0)
///     x ← x·(1 − λ·η)                               (the decay term)
///     x ← x − η·g
///     a ← a + μ·(x − a)                             (the running average; a = x while μ = 1)
///     η ← lr / (1 + λ·lr·t)^α
///     μ ← 1 / max(1, t − t0)
///
/// The trajectory is the iterate x, as in PyTorch (the average ``average`` is kept in the
/// optimizer state, `ax`). Defaults: lr = 1e-2, lambd = 1e-4, alpha = 0.75, t0 = 1e6,
/// weight_decay = 0, maximize = false.
///
/// PyTorch's multi-tensor ("foreach") path computes η as lr / (1 + λ·lr·t^α); the single-tensor
/// formula above is the one documented and used here.
struct ASGD: GradientOptimizer {
    var lr = 1e-2
    var lambd = 1e-4
    var alpha = 0.75
    var t0 = 1e6
    var weightDecay = 0.0
    var maximize = false

    private var eta: Double
    private var mu = 1.0
    private(set) var average: [Double]
    private var step = 0

    init(dimension: Int, lr: Double = 1e-2, lambd: Double = 1e-4, alpha: Double = 0.75, t0: Double = 1e6,
         weightDecay: Double = 0, maximize: Bool = false) {
        self.lr = lr
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = t0
        self.weightDecay = weightDecay
        self.maximize = maximize
        eta = lr
        average = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        step += 1
        let t = Double(step)
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * x[i] }
            x[i] = x[i] * (1 - lambd * eta)
            x[i] = x[i] + -eta * g
            average[i] = mu == 1 ? x[i] : average[i] + (x[i] - average[i]) * mu
        }
        eta = lr / pow(1 + lambd * lr * t, alpha)
        mu = 1 / Swift.max(1, t - t0)
    }
}
