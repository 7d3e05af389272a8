/// `torch.optim.Adagrad`.
///
/// Per coordinate, at step t = 1, 2, … (g = ∇f, negated when `maximize`):
///
///     g   ← g + weight_decay·x                      (if weight_decay ≠ 0)
///     clr = lr / (1 + (t − 1)·lr_decay)
///     s   ← s + g·g                                 (s starts at initial_accumulator_value)
///     x   ← x − clr · g / (√s + eps)                (eps outside the root)
///
/// Defaults: lr = 1e-2, lr_decay = 0, weight_decay = 0, initial_accumulator_value = 0,
/// eps = 1e-10, maximize = false.
///
/// The Japanese book's AdaGrad (`jp.adagrad`: `W −= lr/(√h + 1e-7)·g`) is this optimizer with
/// eps = 1e-7 (equal up to rounding; tested). The d2l and Paddle variants put eps inside the
/// root and are different.
struct Adagrad: GradientOptimizer {
    var lr = 1e-2
    var lrDecay = 0.0
    var weightDecay = 0.0
    var eps = 1e-10
    var maximize = false

    private var sum: [Double]
    private var step = 0

    init(dimension: Int, lr: Double = 1e-2, lrDecay: Double = 0, weightDecay: Double = 0,
         initialAccumulatorValue: Double = 0, eps: Double = 1e-10, maximize: Bool = false) {
        self.lr = lr
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.eps = eps
        self.maximize = maximize
        self.sum = Array(repeating: initialAccumulatorValue, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        step += 1
        let clr = lr / (1 + Double(step - 1) * lrDecay)
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * x[i] }
            sum[i] = sum[i] + g * g
            let std = sum[i].squareRoot() + eps
            x[i] = x[i] + -clr * g / std          // addcdiv: x + (value·g)/std
        }
    }
}
