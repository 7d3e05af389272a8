/// An optimizer with its state (moments, accumulators, step count), advancing a point one
/// step at a time.
///
/// Make one from an ``OptimizerSpec`` (`OptimizerSpec.parse("Adam(lr=0.1)").makeOptimizer(dimension: 2)`);
/// each value starts with fresh state, like a newly constructed `torch.optim` optimizer.
public protocol Optimizer {
    /// One optimizer step (one torch `step()` call; for LBFGS, `evaluate` may be called several
    /// times). Updates x in place.
    ///
    /// `evaluate` returns the loss and its gradient at a point. Every optimizer except LBFGS
    /// calls it exactly once, at `x`. Non-finite gradients are used as they are; the caller
    /// (``Run``) detects the resulting non-finite point.
    mutating func step(_ x: inout [Double], evaluate: ([Double]) -> (value: Double, gradient: [Double]))
}

/// An optimizer whose step needs only the gradient at the current point: all of them but
/// LBFGS. `update` is the whole update rule.
protocol GradientOptimizer: Optimizer, Sendable {
    mutating func update(_ x: inout [Double], gradient g: [Double])
}

extension GradientOptimizer {
    public mutating func step(_ x: inout [Double], evaluate: ([Double]) -> (value: Double, gradient: [Double])) {
        let g = evaluate(x).gradient
        update(&x, gradient: g)
    }
}

/// `torch.lerp(start, end, weight)` exactly as ATen computes it in float64:
/// `start + w·(end − start)` when |w| < 0.5, else `end − (end − start)·(1 − w)`.
/// PyTorch's Adam family updates its first moment with `exp_avg.lerp_(grad, 1 − β₁)`, which is
/// β₁·m + (1 − β₁)·g up to rounding; using the same formula keeps trajectories bit-close.
@inline(__always)
func torchLerp(_ start: Double, _ end: Double, _ weight: Double) -> Double {
    abs(weight) < 0.5 ? start + weight * (end - start) : end - (end - start) * (1 - weight)
}
