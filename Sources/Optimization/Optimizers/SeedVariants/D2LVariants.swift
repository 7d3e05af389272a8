import Foundation

// Seed 000: "Visualizing SGD, Momentum, Adagrad and RMSProp" (LongGang Pang, after the d2l /
// Berkeley STAT 157 slides). Each rule is written as the notebook's Python writes it,
// coordinate by coordinate, with the notebook's hyperparameter names and its slider defaults.
// All state starts at 0, as in `train_2d` (s_x1 = s_x2 = 0).

/// `d2l.sgd`: `x ← x − lr·g`. Default lr = 0.05. Identical to `SGD(lr=…)`, bit for bit.
struct D2LSGD: GradientOptimizer {
    var lr = 0.05

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices { x[i] = x[i] - lr * g[i] }
    }
}

/// `d2l.momentum`: `v ← γ·v + lr·g;  x ← x − v`. Defaults lr = 0.1, gamma = 0.1.
///
/// The same trajectory as `jp.momentum` / `paddle.momentum` (which keep −v) bit for bit, and
/// as `SGD(lr, momentum=γ)` up to rounding (PyTorch keeps v/lr).
struct D2LMomentum: GradientOptimizer {
    var lr = 0.1
    var gamma = 0.1
    var v: [Double]

    init(dimension: Int, lr: Double, gamma: Double) {
        self.lr = lr
        self.gamma = gamma
        v = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            v[i] = gamma * v[i] + lr * g[i]
            x[i] = x[i] - v[i]
        }
    }
}

/// `d2l.inertia`, the notebook author's "inertia" SGD (an EMA of gradients):
/// `v ← γ·v + (1 − γ)·g;  x ← x − lr·v`. Defaults lr = 0.1, gamma = 0.1.
///
/// Not the same as `SGD(momentum=γ, dampening=γ)`: PyTorch's first step uses v = g undamped,
/// the inertia rule uses v = (1 − γ)·g; from then on the recurrences agree.
struct D2LInertia: GradientOptimizer {
    var lr = 0.1
    var gamma = 0.1
    var v: [Double]

    init(dimension: Int, lr: Double, gamma: Double) {
        self.lr = lr
        self.gamma = gamma
        v = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            v[i] = gamma * v[i] + (1 - gamma) * g[i]
            x[i] = x[i] - lr * v[i]
        }
    }
}

/// `d2l.adagrad`: `s ← s + g²;  x ← x − lr/√(s + eps)·g` — eps inside the root.
/// Defaults lr = 0.1, eps = 1e-6 (the notebook's constant).
///
/// Identical to `paddle.adagrad` (same formula; the Paddle book's defaults differ).
struct D2LAdagrad: GradientOptimizer {
    var lr = 0.1
    var eps = 1e-6
    var s: [Double]

    init(dimension: Int, lr: Double, eps: Double) {
        self.lr = lr
        self.eps = eps
        s = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            s[i] += g[i] * g[i]
            x[i] -= lr / (s[i] + eps).squareRoot() * g[i]
        }
    }
}

/// `d2l.rmsprop`: `s ← γ·s + (1 − γ)·g²;  x ← x − lr/√(s + eps)·g` — eps inside the root.
/// Defaults lr = 0.1, gamma = 0.9, eps = 1e-6.
///
/// Identical to `paddle.rmsprop` with beta = gamma. Not PyTorch's RMSprop (eps outside).
struct D2LRMSprop: GradientOptimizer {
    var lr = 0.1
    var gamma = 0.9
    var eps = 1e-6
    var s: [Double]

    init(dimension: Int, lr: Double, gamma: Double, eps: Double) {
        self.lr = lr
        self.gamma = gamma
        self.eps = eps
        s = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            s[i] = gamma * s[i] + (1 - gamma) * (g[i] * g[i])     // (1 - gamma) * g1 ** 2
            x[i] -= lr / (s[i] + eps).squareRoot() * g[i]
        }
    }
}

/// `d2l.adam`, the notebook's `Deltax` at t = 1, 2, …:
///
///     m ← β₁·m + (1 − β₁)·g;   n ← β₂·n + (1 − β₂)·g·g
///     m̂ = m/(1 − β₁ᵗ);   n̂ = n/(1 − β₂ᵗ)
///     x ← x − lr·m̂/(√n̂ + eps)                      (eps outside the root)
///
/// Defaults lr = 0.1, beta1 = 0.9, beta2 = 0.999, eps = 1e-6. Mathematically PyTorch's
/// `Adam(lr, betas=(β₁, β₂), eps)` (equal up to rounding; tested). The notebook's
/// `train_adam` runs 30 steps rather than `train_2d`'s 50.
struct D2LAdam: GradientOptimizer {
    var lr = 0.1
    var beta1 = 0.9
    var beta2 = 0.999
    var eps = 1e-6
    var m: [Double]
    var n: [Double]
    var t = 0

    init(dimension: Int, lr: Double, beta1: Double, beta2: Double, eps: Double) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.eps = eps
        m = Array(repeating: 0, count: dimension)
        n = m
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        t += 1
        for i in x.indices {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            n[i] = beta2 * n[i] + (1 - beta2) * g[i] * g[i]    // (1 - beta2) * g*g, left to right
            let mHat = m[i] / (1 - pow(beta1, Double(t)))
            let nHat = n[i] / (1 - pow(beta2, Double(t)))
            let dx = lr * mHat / (nHat.squareRoot() + eps)
            x[i] -= dx
        }
    }
}
