// Seed 002: notes on 『ゼロから作るDeep Learning』 ("Deep Learning from Scratch", ch. 6), with
// the book's SGD and the author's MomentumMy / AdaGradMy, written as the notes write them.
// The hyperparameter names and defaults are the classes' own.

/// `jp.sgd`: the book's `SGD.update`: `params[key] -= lr * grads[key]`. Default lr = 0.01.
/// Identical to `SGD(lr=…)` bit for bit.
struct JapaneseSGD: GradientOptimizer {
    var lr = 0.01

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices { x[i] -= lr * g[i] }
    }
}

/// `jp.momentum`: `v ← momentum·v − lr·g;  W ← W + v`. Defaults lr = 0.01, momentum = 0.95
/// (the notes' `MomentumMy` default; the book's own class uses 0.9).
///
/// Identical to `paddle.momentum` (rho = momentum) and to `d2l.momentum` (which keeps −v)
/// bit for bit.
struct JapaneseMomentum: GradientOptimizer {
    var lr = 0.01
    var momentum = 0.95
    var v: [Double]

    init(dimension: Int, lr: Double, momentum: Double) {
        self.lr = lr
        self.momentum = momentum
        v = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            v[i] = momentum * v[i] - lr * g[i]
            x[i] = x[i] + v[i]
        }
    }
}

/// `jp.adagrad`: `h ← h + g·g;  W ← W − lr·1/(√h + eps)·g` — eps outside the root.
/// Defaults lr = 0.01, eps = 1e-7 (the book's constant).
///
/// PyTorch's `Adagrad(lr, eps=1e-7)` is the same update (equal up to rounding; tested).
struct JapaneseAdagrad: GradientOptimizer {
    var lr = 0.01
    var eps = 1e-7
    var h: [Double]

    init(dimension: Int, lr: Double, eps: Double) {
        self.lr = lr
        self.eps = eps
        h = Array(repeating: 0, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient g: [Double]) {
        for i in x.indices {
            h[i] = h[i] + g[i] * g[i]
            // Python evaluates `lr * 1/(…) * g` left to right: ((lr·1)/(√h + eps))·g.
            x[i] = x[i] - lr * 1 / (h[i].squareRoot() + eps) * g[i]
        }
    }
}
