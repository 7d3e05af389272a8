/// `torch.optim.Rprop`: resilient backpropagation, which uses only the sign of the gradient.
///
/// Per coordinate, with a step size s (starting at lr) and the previous gradient p (from 0);
/// g = ∇f, negated when `maximize`:
///
///     g·p > 0:  s ← min(s·η₊, step_max)              (same sign: speed up)
///     g·p < 0:  s ← max(s·η₋, step_min);  g ← 0      (sign change: slow down, skip this step)
///     g·p = 0:  s ← clamp(s, step_min, step_max)     (the first step, or a zero gradient)
///     x ← x − sign(g)·s;   p ← g
///
/// Defaults: lr = 1e-2, etas = (η₋, η₊) = (0.5, 1.2), step_sizes = (1e-6, 50), maximize = false.
/// The spec checks 0 < η₋ < 1 < η₊ as PyTorch does.
struct Rprop: GradientOptimizer {
    var etaMinus = 0.5
    var etaPlus = 1.2
    var stepMin = 1e-6
    var stepMax = 50.0
    var maximize = false

    private var previous: [Double]
    private var stepSizes: [Double]

    init(dimension: Int, lr: Double = 1e-2, etaMinus: Double = 0.5, etaPlus: Double = 1.2,
         stepMin: Double = 1e-6, stepMax: Double = 50, maximize: Bool = false) {
        self.etaMinus = etaMinus
        self.etaPlus = etaPlus
        self.stepMin = stepMin
        self.stepMax = stepMax
        self.maximize = maximize
        previous = Array(repeating: 0, count: dimension)
        stepSizes = Array(repeating: lr, count: dimension)
    }

    mutating func update(_ x: inout [Double], gradient: [Double]) {
        for i in x.indices {
            var g = maximize ? -gradient[i] : gradient[i]
            let product = g * previous[i]
            let factor: Double = product > 0 ? etaPlus : (product < 0 ? etaMinus : 1)
            // clamp_(min, max) = min(max(s, min), max)
            stepSizes[i] = Swift.min(Swift.max(stepSizes[i] * factor, stepMin), stepMax)
            if product < 0 { g = 0 }
            let sign: Double = g > 0 ? 1 : (g < 0 ? -1 : 0)
            x[i] = x[i] + -1 * sign * stepSizes[i]
            previous[i] = g
        }
    }
}
