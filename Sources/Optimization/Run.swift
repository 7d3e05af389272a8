/// One optimizer run on one objective: every point from the start on, the loss and gradient
/// norm at each, and where the run diverged.
///
/// Divergence is normal input, not an error (lr = 1 on `4*x^2` goes 2 → −14 → 98 → …). What
/// counts as divergence is the run's ``Limit``:
///
/// * ``Limit/finite`` (the default, PyTorch's semantics): torch.optim never stops by itself, so
///   the run goes on while every coordinate and the loss are finite — through 1e200 if that is
///   what the update rule computes — and stops at the first non-finite value (`trace`).
/// * ``Limit/drawable``: also stops at the first point or loss of magnitude above
///   ``divergenceThreshold`` (1e150), beyond which nothing can be drawn (figures).
///
/// The run stops at the first bad point, and:
///
/// * ``divergedAt`` is the number of the step that produced it (the start is step 0, so a bad
///   start gives 0), and that point is **not** in ``points``;
/// * so every point in ``points`` and every loss in ``losses`` is good under the limit, and
///   `points.count == (divergedAt ?? steps + 1)`: with `divergedAt = k`, the points are those
///   of steps 0 … k − 1.
///
/// Gradient norms are recorded as computed; they may be infinite at a finite point (e.g. at the
/// kink of `sqrt(x^2 + y^2)`), which does not stop the run by itself.
public struct Run: Sendable {
    /// The objective's name and the optimizer's canonical spec.
    public let objective: String, optimizer: String
    /// The points, including the start; points.count == completed steps + 1, or divergedAt.
    public let points: [[Double]]
    /// f at each point.
    public let losses: [Double]
    /// ‖∇f‖₂ at each point.
    public let gradientNorms: [Double]
    /// The first step whose point or loss was bad under the run's ``limit``; nil if none.
    public let divergedAt: Int?
    /// What counted as divergence.
    public let limit: Limit

    /// Where a run stops.
    public enum Limit: Sendable, Equatable {
        /// At the first non-finite coordinate or loss, as torch.optim computes (it never stops).
        case finite
        /// Also at the first coordinate or loss beyond ``Run/divergenceThreshold``: what a
        /// figure can still draw.
        case drawable
    }

    /// Values whose magnitude exceeds this count as divergence under ``Limit/drawable``.
    public static let divergenceThreshold = 1e150

    /// Runs `steps` optimizer steps from `start` with a freshly made optimizer.
    ///
    /// `start` must have `objective.dimension` coordinates (a programming error otherwise; the
    /// CLI validates user input first). `steps` < 0 counts as 0.
    public init(objective: Objective, optimizer: OptimizerSpec, start: [Double], steps: Int,
                limit: Limit = .finite) {
        var engine = optimizer.makeOptimizer(dimension: start.count)
        self.init(objective: objective, optimizerName: optimizer.description, optimizer: &engine,
                  start: start, steps: steps, limit: limit)
    }

    /// Runs an existing optimizer (its state continues from where it is).
    public init(objective: Objective, optimizerName: String, optimizer: inout any Optimizer,
                start: [Double], steps: Int, limit: Limit = .finite) {
        precondition(start.count == objective.dimension,
                     "start has \(start.count) coordinates, the objective \(objective.dimension)")
        self.objective = objective.name
        self.optimizer = optimizerName
        self.limit = limit
        let isBad = limit == .finite ? Self.isNonFinite : Self.isBad

        var points: [[Double]] = []
        var losses: [Double] = []
        var norms: [Double] = []
        var diverged: Int? = nil

        // The evaluation at the latest point is reused by the next step, which asks for it
        // first (LBFGS asks again in its line search, at other points).
        var cache = Self.evaluate(objective, start)
        var x = start
        for step in 0...max(0, steps) {
            if step > 0 {
                let cached = cache
                optimizer.step(&x) { point in
                    point == cached.point ? (cached.value, cached.gradient) : objective.valueAndGradient(point)
                }
                cache = Self.evaluate(objective, x)
            }
            if isBad(x) || isBad([cache.value]) {
                diverged = step
                break
            }
            points.append(x)
            losses.append(cache.value)
            norms.append(Self.norm(cache.gradient))
        }
        self.points = points
        self.losses = losses
        self.gradientNorms = norms
        self.divergedAt = diverged
    }

    /// The number of optimizer steps completed with a good result.
    public var completedSteps: Int { max(0, points.count - 1) }

    private struct Evaluation {
        var point: [Double]
        var value: Double
        var gradient: [Double]
    }

    private static func evaluate(_ objective: Objective, _ x: [Double]) -> Evaluation {
        guard !isNonFinite(x) else { return Evaluation(point: x, value: .nan, gradient: x.map { _ in .nan }) }
        let (value, gradient) = objective.valueAndGradient(x)
        return Evaluation(point: x, value: value, gradient: gradient)
    }

    /// True when a value is non-finite or beyond ``divergenceThreshold`` (``Limit/drawable``).
    static func isBad(_ values: [Double]) -> Bool {
        values.contains { !$0.isFinite || abs($0) > divergenceThreshold }
    }

    /// True when a value is non-finite (``Limit/finite``).
    static func isNonFinite(_ values: [Double]) -> Bool {
        values.contains { !$0.isFinite }
    }

    /// ‖v‖₂, scaled by the largest entry so that gradients near 1e150 do not overflow.
    static func norm(_ v: [Double]) -> Double {
        var largest = 0.0
        for c in v {
            if c.isNaN { return .nan }
            largest = max(largest, abs(c))
        }
        guard largest > 0, largest.isFinite else { return largest }
        var s = 0.0
        for c in v { s += (c / largest) * (c / largest) }
        return v.count == 1 ? largest : largest * s.squareRoot()
    }
}
