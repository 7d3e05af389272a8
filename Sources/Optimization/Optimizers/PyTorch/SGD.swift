/// `torch.optim.SGD`: stochastic gradient descent with optional momentum, dampening,
/// Nesterov momentum and L2 weight decay.
///
/// Per coordinate, at step t (g = ∇f, negated when `maximize`):
///
///     g ← g + weight_decay·x                        (if weight_decay ≠ 0)
///     b ← g                                         (first step: the buffer is the gradient,
///                                                    with no dampening)
///     b ← momentum·b + (1 − dampening)·g            (later steps, if momentum ≠ 0)
///     d ← g + momentum·b  (nesterov)  or  b          (if momentum ≠ 0; else d = g)
///     x ← x − lr·d
///
/// Defaults: lr = 1e-3, momentum = 0, dampening = 0, weight_decay = 0, nesterov = false,
/// maximize = false. Nesterov needs momentum > 0 and dampening = 0 (checked by the spec).
///
/// Conventions that coincide (tested): seed 001's hand-written `x.data.sub_(lr * x.grad)`, d2l's
/// `sgd`, the Japanese book's `SGD` and the Paddle book's `SimpleBatchGD` are all plain SGD,
/// bit for bit (x + (−lr)·g = x − lr·g exactly). Seed 001's `optim.SGD(momentum=m)` is this
/// type. d2l's momentum `v ← γv + ηg; x ← x − v` is SGD with momentum γ when v = η·b
/// (equal up to rounding).
struct SGD: GradientOptimizer {
    var lr = 1e-3
    var momentum = 0.0
    var dampening = 0.0
    var weightDecay = 0.0
    var nesterov = false
    var maximize = false

    private var buffer: [Double]? = nil

    init(lr: Double = 1e-3, momentum: Double = 0, dampening: Double = 0, weightDecay: Double = 0,
         nesterov: Bool = false, maximize: Bool = false) {
        self.lr = lr
        self.momentum = momentum
        self.dampening = dampening
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        self.maximize = maximize
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        var d = maximize ? gradient.map { -$0 } : gradient
        if weightDecay != 0 {
            for i in x.indices { d[i] = d[i] + weightDecay * x[i] }
        }
        if momentum != 0 {
            if var b = buffer {
                for i in b.indices { b[i] = b[i] * momentum + (1 - dampening) * d[i] }
                buffer = b
            } else {
                buffer = d
            }
            let b = buffer!
            if nesterov {
                for i in d.indices { d[i] = d[i] + momentum * b[i] }
            } else {
                d = b
            }
        }
        for i in x.indices { x[i] = x[i] + -lr * d[i] }
    }
}
