import Foundation

// Seed 004: 《神经网络与深度学习：案例与实践》 (the Paddle book by Qiu Xipeng's group), ch. 7.3,
// whose optimizers are hand-written numpy-style classes. Each rule below is the book's,
// operation for operation, with the book's hyperparameter names (init_lr is accepted for lr).
// The book gives no defaults; the defaults here are the values of its 2-D experiments.

/// `paddle.sgd`, the book's `SimpleBatchGD`: `x ← x − lr·g`. Default lr = 0.2.
/// Identical to `SGD(lr=…)` bit for bit.
struct PaddleSGD: GradientOptimizer {
    var lr = 0.2

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices { x[i] = x[i] - lr * g[i] }
    }
}

/// `paddle.adagrad`: `G ← G + g²;  x ← x − lr/√(G + epsilon)·g` — epsilon inside the root.
/// Defaults lr = 0.5, epsilon = 1e-7. Identical to `d2l.adagrad`.
struct PaddleAdagrad: GradientOptimizer {
    var lr = 0.5
    var epsilon = 1e-7
    var G: [Double]

    init(dimension: Int, lr: Double, epsilon: Double) {
        self.lr = lr
        self.epsilon = epsilon
        G = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            G[i] += g[i] * g[i]
            x[i] -= lr / (G[i] + epsilon).squareRoot() * g[i]
        }
    }
}

/// `paddle.rmsprop`: `G ← β·G + (1 − β)·g²;  x ← x − lr/√(G + epsilon)·g`.
/// Defaults lr = 0.1, beta = 0.9, epsilon = 1e-7. Identical to `d2l.rmsprop` (gamma = beta).
struct PaddleRMSprop: GradientOptimizer {
    var lr = 0.1
    var beta = 0.9
    var epsilon = 1e-7
    var G: [Double]

    init(dimension: Int, lr: Double, beta: Double, epsilon: Double) {
        self.lr = lr
        self.beta = beta
        self.epsilon = epsilon
        G = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            G[i] = beta * G[i] + (1 - beta) * (g[i] * g[i])
            x[i] -= lr / (G[i] + epsilon).squareRoot() * g[i]
        }
    }
}

/// `paddle.momentum`: `Δ ← ρ·Δ − lr·g;  x ← x + Δ`. Defaults lr = 0.01, rho = 0.9.
/// Identical to `jp.momentum` (momentum = rho) and `d2l.momentum` (gamma = rho).
struct PaddleMomentum: GradientOptimizer {
    var lr = 0.01
    var rho = 0.9
    var delta: [Double]

    init(dimension: Int, lr: Double, rho: Double) {
        self.lr = lr
        self.rho = rho
        delta = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            delta[i] = rho * delta[i] - lr * g[i]
            x[i] += delta[i]
        }
    }
}

/// `paddle.adam`, the book's `Adam.adam`:
///
///     M ← β₁·M + (1 − β₁)·g;   G ← β₂·G + (1 − β₂)·g²
///     M̂ = M/(1 − β₁ᵗ);   Ĝ = G/(1 − β₂ᵗ);   t ← t + 1
///     x ← x − lr/√(Ĝ + epsilon)·M̂                  (epsilon inside the root)
///
/// Defaults lr = 0.2, beta1 = 0.9, beta2 = 0.99, epsilon = 1e-7.
///
/// The book keeps one step counter `self.t` for the whole optimizer and advances it once per
/// parameter tensor in `step()`. With one tensor (the 2-D experiments) that is the usual
/// t = 1, 2, …; with the linear model's W and b it makes W use t = 1, 3, 5, … and b use
/// t = 2, 4, 6, …. `parameterBlocks` (the sizes of the tensors, in the order of the book's
/// `model.params`) reproduces that; one block is the default.
struct PaddleAdam: GradientOptimizer {
    var lr = 0.2
    var beta1 = 0.9
    var beta2 = 0.99
    var epsilon = 1e-7
    let parameterBlocks: [Int]
    var M: [Double]
    var G: [Double]
    var t = 1

    init(dimension: Int, parameterBlocks: [Int]? = nil, lr: Double, beta1: Double, beta2: Double, epsilon: Double) {
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.parameterBlocks = parameterBlocks ?? [dimension]
        M = Array(repeating: 0, count: dimension)
        G = M
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        var start = 0
        for size in parameterBlocks {
            let end = Swift.min(start + size, x.count)
            for i in start..<end {
                M[i] = beta1 * M[i] + (1 - beta1) * g[i]
                G[i] = beta2 * G[i] + (1 - beta2) * (g[i] * g[i])
                let mHat = M[i] / (1 - pow(beta1, Double(t)))
                let gHat = G[i] / (1 - pow(beta2, Double(t)))
                x[i] -= lr / (gHat + epsilon).squareRoot() * mHat
            }
            t += 1
            start = end
        }
    }
}
