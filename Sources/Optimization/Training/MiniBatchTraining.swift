/// Mini-batch training of a linear model z = X·w + b with any optimizer: seed 004's "fitting
/// experiment" (7.3.1.2) and its batch-size experiment, reproduced operation for operation.
///
/// As in the book's `train` function:
/// * the data are **not** shuffled: each epoch splits them in order into batches of
///   `batchSize` rows, the last one shorter when the size does not divide N (1000 = 15·64 + 40);
/// * each iteration computes, before the step, the batch loss `mean((z − y)²)` (`nn.MSELoss`)
///   and the gradient of the *half* mean squared error, as the book's `Linear.backward` does:
///   ∂L/∂w = (1/K)·Xᵀ(z − y),  ∂L/∂b = (1/K)·Σ(z − y);
/// * the per-epoch value the book plots, `epoch_loss.append(np.mean(iter_loss))`, is the mean of
///   **all** iteration losses so far, not just that epoch's: that is ``TrainingResult/epochLosses``;
///   the mean over the epoch alone is ``TrainingResult/epochMeanLosses``.
///
/// The parameters are the vector [w₁ … w_D, b]; w starts from N(0, 1) draws of a
/// ``SeededGenerator`` with `seed`, b at 0 (the book's `Linear`: `weight_init=paddle.standard_normal`,
/// `bias_init=paddle.zeros`). The optimizer is made with parameter blocks [D, 1] — W and b are two
/// tensors, which matters only for `paddle.adam`'s shared step counter. The value an optimizer
/// sees from its `evaluate` (LBFGS's line search) is the half MSE, consistent with the gradient.
///
/// Defaults: batch size 64, 30 epochs, seed 0.
public struct MiniBatchTraining: Sendable {
    public var dataset: RegressionDataset
    public var batchSize: Int
    public var epochs: Int
    public var seed: UInt64
    /// Explicit starting parameters [w…, b] (D + 1 values), overriding the seeded draw.
    public var startingParameters: [Double]?

    public init(dataset: RegressionDataset, batchSize: Int = 64, epochs: Int = 30, seed: UInt64 = 0,
                startingParameters: [Double]? = nil) {
        self.dataset = dataset
        self.batchSize = max(1, batchSize)
        self.epochs = max(0, epochs)
        self.seed = seed
        self.startingParameters = startingParameters
    }

    /// The initial parameters [w…, b]: ``startingParameters`` if set, else w from N(0, 1)
    /// draws with `seed` and b = 0.
    public var initialParameters: [Double] {
        if let startingParameters {
            precondition(startingParameters.count == dataset.featureCount + 1, "need D + 1 starting parameters")
            return startingParameters
        }
        var generator = SeededGenerator(seed: seed)
        return (0..<dataset.featureCount).map { _ in generator.normal() } + [0]
    }

    /// Trains from ``initialParameters`` with a fresh optimizer. Stops early, recording the
    /// iteration, when a loss or parameter becomes non-finite or exceeds 1e150.
    public func run(_ spec: OptimizerSpec) -> TrainingResult {
        let d = dataset.featureCount
        var optimizer = spec.makeOptimizer(parameterBlocks: d > 0 ? [d, 1] : [1])
        var theta = initialParameters
        var iterationLosses: [Double] = []
        var epochLosses: [Double] = []
        var epochMeans: [Double] = []
        var parameters: [[Double]] = [theta]
        var diverged: Int? = nil

        training: for _ in 0..<epochs {
            let epochStart = iterationLosses.count
            for start in stride(from: 0, to: dataset.count, by: batchSize) {
                let rows = start..<min(start + batchSize, dataset.count)
                let (mse, gradient) = batchLossAndGradient(theta, rows)
                if Run.isBad([mse]) { diverged = iterationLosses.count; break training }
                iterationLosses.append(mse)
                let current = theta
                optimizer.step(&theta) { p in
                    if p == current { return (0.5 * mse, gradient) }
                    let (m, g) = batchLossAndGradient(p, rows)
                    return (0.5 * m, g)
                }
                if Run.isBad(theta) { diverged = iterationLosses.count; break training }
                parameters.append(theta)
            }
            let epoch = iterationLosses[epochStart...]
            epochMeans.append(epoch.reduce(0, +) / Double(max(1, epoch.count)))
            epochLosses.append(iterationLosses.reduce(0, +) / Double(max(1, iterationLosses.count)))
        }
        return TrainingResult(optimizer: spec.description, iterationLosses: iterationLosses, epochLosses: epochLosses,
                              epochMeanLosses: epochMeans, parameters: parameters, divergedAt: diverged)
    }

    /// mean((z − y)²) over the rows, and the gradient of half of it.
    func batchLossAndGradient(_ theta: [Double], _ rows: Range<Int>) -> (Double, [Double]) {
        let d = dataset.featureCount
        var gradient = Array(repeating: 0.0, count: d + 1)
        var squares = 0.0
        for k in rows {
            let x = dataset.features[k]
            var z = 0.0
            for j in 0..<d { z += x[j] * theta[j] }
            z += theta[d]
            let r = z - dataset.targets[k]
            squares += r * r
            for j in 0..<d { gradient[j] += x[j] * r }
            gradient[d] += r
        }
        let scale = 1 / Double(rows.count)               // the book's `1. / K * …`
        return (squares / Double(rows.count), gradient.map { scale * $0 })
    }
}

/// What ``MiniBatchTraining`` records.
public struct TrainingResult: Sendable {
    /// The optimizer's canonical spec.
    public let optimizer: String
    /// The batch loss mean((z − y)²) of every iteration, before its step.
    public let iterationLosses: [Double]
    /// The book's per-epoch curve: after each epoch, the mean of all iteration losses so far.
    public let epochLosses: [Double]
    /// The mean of each epoch's own iteration losses.
    public let epochMeanLosses: [Double]
    /// The parameters [w…, b] at the start and after every iteration.
    public let parameters: [[Double]]
    /// The iteration at which a loss or parameter went non-finite or beyond 1e150, or nil.
    public let divergedAt: Int?
}
