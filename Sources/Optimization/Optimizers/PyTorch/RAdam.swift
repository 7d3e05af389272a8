import Foundation

/// `torch.optim.RAdam`: Adam with the variance rectification of Liu et al. (2019).
///
/// Per coordinate, at step t (g = ∇f, negated when `maximize`):
///
///     weight decay: g ← g + wd·x, or x ← x·(1 − lr·wd) when decoupled_weight_decay
///     m ← lerp(m, g, 1 − β₁);   v ← β₂·v + (1 − β₂)·g²
///     m̂ = m / (1 − β₁ᵗ)
///     ρ∞ = 2/(1 − β₂) − 1;   ρₜ = ρ∞ − 2t·β₂ᵗ/(1 − β₂ᵗ)
///     ρₜ > 5:  r = √((ρₜ−4)(ρₜ−2)ρ∞ / ((ρ∞−4)(ρ∞−2)ρₜ));  l = √(1 − β₂ᵗ)/(√v + eps)
///              x ← x − m̂·lr·l·r
///     else:    x ← x − m̂·lr                          (un-adapted SGD with momentum)
///
/// With the default β₂ = 0.999 the first five steps are un-adapted (ρₜ ≤ 5 for t ≤ 5).
/// Defaults: lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0,
/// decoupled_weight_decay = false, maximize = false.
struct RAdam: GradientOptimizer {
    var lr = 1e-3
    var beta1 = 0.9
    var beta2 = 0.999
    var eps = 1e-8
    var weightDecay = 0.0
    var decoupled = false
    var maximize = false

    private var m: [Double]
    private var v: [Double]
    private var step = 0

    init(dimension: Int, lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
         weightDecay: Double = 0, decoupled: Bool = false, maximize: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        self.maximize = maximize
        m = Array(repeating: 0, count: dimension)
        v = m
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        step += 1
        let t = Double(step)
        let biasCorrection1 = 1 - pow(beta1, t)
        let biasCorrection2 = 1 - pow(beta2, t)
        let rhoInfinity = 2 / (1 - beta2) - 1
        let rho = rhoInfinity - 2 * t * pow(beta2, t) / biasCorrection2
        let rectified = rho > 5
        let rect = rectified
            ? ((rho - 4) * (rho - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rho)).squareRoot()
            : 0
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 {
                if decoupled { x[i] = x[i] * (1 - lr * weightDecay) } else { g = g + weightDecay * x[i] }
            }
            m[i] = torchLerp(m[i], g, 1 - beta1)
            v[i] = v[i] * beta2 + (1 - beta2) * g * g
            let corrected = m[i] / biasCorrection1
            if rectified {
                let adaptive = biasCorrection2.squareRoot() / (v[i].squareRoot() + eps)
                x[i] = x[i] + -1 * (corrected * lr * adaptive * rect)
            } else {
                x[i] = x[i] + -1 * (corrected * lr)
            }
        }
    }
}
