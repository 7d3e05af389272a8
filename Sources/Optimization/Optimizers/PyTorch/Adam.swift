import Foundation

/// `torch.optim.Adam`, `torch.optim.AdamW` (``decoupled`` weight decay) and, on dense
/// gradients, `torch.optim.SparseAdam`.
///
/// Per coordinate, at step t = 1, 2, … (g = ∇f, negated when `maximize`):
///
///     Adam:  g ← g + weight_decay·x                 (L2 penalty, if weight_decay ≠ 0)
///     AdamW: x ← x·(1 − lr·weight_decay)            (decoupled decay, before the update)
///     m ← lerp(m, g, 1 − β₁)                        (= β₁m + (1 − β₁)g)
///     v ← β₂·v + (1 − β₂)·g²
///     v̂max ← max(v̂max, v)                          (amsgrad only; then v̂max replaces v below)
///     denom = √v / √(1 − β₂ᵗ) + eps                 (eps outside the root, after the correction)
///     x ← x − (lr / (1 − β₁ᵗ)) · m / denom
///
/// Defaults — Adam: lr = 1e-3, betas = (0.9, 0.999), eps = 1e-8, weight_decay = 0,
/// amsgrad = false, maximize = false. AdamW: the same but weight_decay = 1e-2.
/// SparseAdam: lr = 1e-3, betas, eps, maximize only.
///
/// SparseAdam: PyTorch's SparseAdam accepts only sparse gradients and updates only the entries
/// present in them. optrender's gradients are dense, so every entry is present and
/// `SparseAdam` here is this Adam update (no weight decay, no amsgrad). Note that PyTorch's
/// sparse kernel places eps as √v + eps before the bias correction rather than after it; with
/// the default eps the two differ by about eps/√(1 − β₂ᵗ) in the denominator.
///
/// d2l's Adam (seed 000, `d2l.adam`: `dx = lr·m̂/(√n̂ + eps)`) is mathematically this update
/// (equal up to rounding; tested). The Paddle book's Adam puts eps inside the root and is not.
struct Adam: GradientOptimizer {
    var lr = 1e-3
    var beta1 = 0.9
    var beta2 = 0.999
    var eps = 1e-8
    var weightDecay = 0.0
    var decoupled = false
    var amsgrad = false
    var maximize = false

    private var m: [Double]
    private var v: [Double]
    private var vMax: [Double]
    private var step = 0

    init(dimension: Int, lr: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, eps: Double = 1e-8,
         weightDecay: Double = 0, decoupled: Bool = false, amsgrad: Bool = false, maximize: Bool = false) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        self.amsgrad = amsgrad
        self.maximize = maximize
        m = Array(repeating: 0, count: dimension)
        v = m
        vMax = m
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        step += 1
        let t = Double(step)
        let biasCorrection1 = 1 - pow(beta1, t)
        let biasCorrection2 = 1 - pow(beta2, t)
        let stepSize = lr / biasCorrection1
        let biasCorrection2Sqrt = biasCorrection2.squareRoot()
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 {
                if decoupled {
                    x[i] = x[i] * (1 - lr * weightDecay)
                } else {
                    g = g + weightDecay * x[i]
                }
            }
            m[i] = torchLerp(m[i], g, 1 - beta1)
            v[i] = v[i] * beta2 + (1 - beta2) * g * g
            let second: Double
            if amsgrad {
                vMax[i] = Swift.max(vMax[i], v[i])
                second = vMax[i]
            } else {
                second = v[i]
            }
            let denom = second.squareRoot() / biasCorrection2Sqrt + eps
            x[i] = x[i] + -stepSize * m[i] / denom
        }
    }
}
