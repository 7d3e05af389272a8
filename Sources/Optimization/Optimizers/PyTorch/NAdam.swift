import Foundation

/// `torch.optim.NAdam`: Adam with Nesterov momentum and a momentum schedule.
///
/// Per coordinate, at step t (g = ∇f, negated when `maximize`):
///
///     weight decay: g ← g + wd·x, or x ← x·(1 − lr·wd) when decoupled_weight_decay
///     μₜ   = β₁·(1 − ½·0.96^(t·momentum_decay))
///     μₜ₊₁ = β₁·(1 − ½·0.96^((t+1)·momentum_decay))
///     Π    ← Π·μₜ                                   (the running product, from 1)
///     m ← lerp(m, g, 1 − β₁);   v ← β₂·v + (1 − β₂)·g²
///     denom = √(v / (1 − β₂ᵗ)) + eps                 (the correction inside the root)
///     x ← x − lr·(1 − μₜ)/(1 − Π) · g / denom − lr·μₜ₊₁/(1 − Π·μₜ₊₁) · m / denom
///
/// Defaults: lr = 2e-3, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0,
/// momentum_decay = 4e-3, decoupled_weight_decay = false, maximize = false.
struct NAdam: GradientOptimizer {
    var lr = 2e-3
    var beta1 = 0.9
    var beta2 = 0.999
    var eps = 1e-8
    var weightDecay = 0.0
    var momentumDecay = 4e-3
    var decoupled = false
    var maximize = false

    private var m: [Double]
    private var v: [Double]
    private var muProduct = 1.0
    private var step = 0

    init(dimension: Int, lr: Double = 2e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
         weightDecay: Double = 0, momentumDecay: Double = 4e-3, decoupled: Bool = false, maximize: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        self.decoupled = decoupled
        self.maximize = maximize
        m = Array(repeating: 0, count: dimension)
        v = m
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        step += 1
        let t = Double(step)
        let biasCorrection2 = 1 - pow(beta2, t)
        let mu = beta1 * (1 - 0.5 * pow(0.96, t * momentumDecay))
        let muNext = beta1 * (1 - 0.5 * pow(0.96, (t + 1) * momentumDecay))
        muProduct *= mu
        let muProductNext = muProduct * muNext
        let gradientStep = -lr * (1 - mu) / (1 - muProduct)
        let momentumStep = (-lr * muNext) / (1 - muProductNext)
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 {
                if decoupled { x[i] = x[i] * (1 - lr * weightDecay) } else { g = g + weightDecay * x[i] }
            }
            m[i] = torchLerp(m[i], g, 1 - beta1)
            v[i] = v[i] * beta2 + (1 - beta2) * g * g
            let denom = (v[i] / biasCorrection2).squareRoot() + eps
            x[i] = x[i] + gradientStep * g / denom
            x[i] = x[i] + momentumStep * m[i] / denom
        }
    }
}
