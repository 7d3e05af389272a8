/// `torch.optim.RMSprop`.
///
/// Per coordinate (g = ∇f, negated when `maximize`):
///
///     g ← g + weight_decay·x                        (if weight_decay ≠ 0)
///     v ← α·v + (1 − α)·g²
///     centered: m ← lerp(m, g, 1 − α);  a = √(v − m²) + eps
///     else:     a = √v + eps                        (eps outside the root)
///     momentum > 0: b ← momentum·b + g/a;  x ← x − lr·b
///     else:         x ← x − lr·g/a
///
/// Defaults: lr = 1e-2, alpha = 0.99, eps = 1e-8, weight_decay = 0, momentum = 0,
/// centered = false, maximize = false.
///
/// The d2l and Paddle RMSProp variants put eps inside the root (√(v + eps)) and are different.
struct RMSprop: GradientOptimizer {
    var lr = 1e-2
    var alpha = 0.99
    var eps = 1e-8
    var weightDecay = 0.0
    var momentum = 0.0
    var centered = false
    var maximize = false

    private var squareAverage: [Double]
    private var gradientAverage: [Double]
    private var buffer: [Double]

    init(dimension: Int, lr: Double = 1e-2, alpha: Double = 0.99, eps: Double = 1e-8,
         weightDecay: Double = 0, momentum: Double = 0, centered: Bool = false, maximize: Bool = false) {
        self.lr = lr
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
        self.maximize = maximize
        squareAverage = Array(repeating: 0, count: dimension)
        gradientAverage = squareAverage
        buffer = squareAverage
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            if weightDecay != 0 { g = g + weightDecay * x[i] }
            squareAverage[i] = squareAverage[i] * alpha + (1 - alpha) * g * g
            var average: Double
            if centered {
                gradientAverage[i] = torchLerp(gradientAverage[i], g, 1 - alpha)
                average = (squareAverage[i] + -1 * gradientAverage[i] * gradientAverage[i]).squareRoot()
            } else {
                average = squareAverage[i].squareRoot()
            }
            average = average + eps
            if momentum > 0 {
                buffer[i] = buffer[i] * momentum + g / average
                x[i] = x[i] + -lr * buffer[i]
            } else {
                x[i] = x[i] + -lr * g / average
            }
        }
    }
}
