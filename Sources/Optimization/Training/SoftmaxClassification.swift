#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#else
import Foundation
#endif

/// Mini-batch training of a softmax-regression classifier with cross-entropy loss and any
/// optimizer: the model of seed 004's batch-size experiment (7.2), where the book trains LeNet
/// on MNIST with `paddle.optimizer.SGD` and `F.cross_entropy` through its `RunnerV3`.
///
/// The model maps a row x ∈ ℝᴰ to C logits z = W·x + b (W is C × D). For a batch S of K rows
/// the loss is the mean cross-entropy (`F.cross_entropy`, reduction 'mean'):
///
///     L = (1/K) Σ_{k∈S} [ log Σ_c exp(z_kc) − z_{k,y_k} ],
///
/// computed with the log-sum-exp shifted by max_c z_kc so that no exponential overflows. With
/// p_k = softmax(z_k) and the residual δ_k = (p_k − onehot(y_k)) / K, the gradient is
///
///     ∂L/∂W = Σ_k δ_k x_kᵀ,    ∂L/∂b = Σ_k δ_k.
///
/// As the book's `RunnerV3.train`:
/// * the data are walked **in order, not shuffled** (its `DataLoader` has no `shuffle=True`),
///   in batches of `batchSize` rows, the last one shorter when the size does not divide N
///   (`drop_last=False`);
/// * each iteration's loss is the batch loss before the step;
/// * the epoch loss is `total_loss / len(train_loader)`: the mean of **that epoch's** batch
///   losses, each batch counting once whatever its size (``ClassificationTrainingResult/epochLosses``).
///
/// The parameter vector is θ = [W row-major (C·D values), b (C values)]. W starts from uniform
/// draws in [−1/√D, 1/√D) of a ``SeededGenerator`` with `seed` (the bound of PyTorch's
/// `nn.Linear`), b at 0; so every run with the same seed starts from the same model, which makes
/// a comparison of batch sizes a controlled one. The optimizer is made with parameter blocks
/// [C·D, C] (W and b are two tensors).
///
/// Defaults: batch size 64, 30 epochs, seed 0.
public struct SoftmaxClassification: Sendable {
    public var dataset: ClassificationDataset
    public var batchSize: Int
    public var epochs: Int
    public var seed: UInt64
    /// Explicit starting parameters θ (C·D + C values), overriding the seeded draw.
    public var startingParameters: [Double]?

    /// `batchSize` below 1 is raised to 1 and `epochs` below 0 to 0.
    public init(dataset: ClassificationDataset, batchSize: Int = 64, epochs: Int = 30, seed: UInt64 = 0,
                startingParameters: [Double]? = nil) {
        self.dataset = dataset
        self.batchSize = max(1, batchSize)
        self.epochs = max(0, epochs)
        self.seed = seed
        self.startingParameters = startingParameters
    }

    /// C·D + C, the length of θ.
    public var parameterCount: Int { dataset.classCount * (dataset.featureCount + 1) }

    /// ``startingParameters`` if set (a precondition checks its length), else W uniform in
    /// [−1/√D, 1/√D) from `seed` and b = 0.
    public var initialParameters: [Double] {
        if let startingParameters {
            precondition(startingParameters.count == parameterCount, "need C·D + C starting parameters")
            return startingParameters
        }
        var generator = SeededGenerator(seed: seed)
        let bound = 1 / Double(dataset.featureCount).squareRoot()
        let weights = (0..<(dataset.classCount * dataset.featureCount)).map { _ in bound * (2 * generator.uniform() - 1) }
        return weights + [Double](repeating: 0, count: dataset.classCount)
    }

    /// Trains from ``initialParameters`` with a fresh optimizer made from `spec`. Stops early,
    /// recording the iteration in ``ClassificationTrainingResult/divergedAt``, when a loss or a
    /// parameter becomes non-finite or exceeds 1e150 in magnitude; the epoch cut short then has
    /// no epoch loss.
    public func run(_ spec: OptimizerSpec) -> ClassificationTrainingResult {
        var optimizer = spec.makeOptimizer(parameterBlocks: [dataset.classCount * dataset.featureCount, dataset.classCount])
        var theta = initialParameters
        var iterationLosses: [Double] = []
        var epochLosses: [Double] = []
        var diverged: Int? = nil

        training: for _ in 0..<epochs {
            var total = 0.0, batches = 0
            for start in stride(from: 0, to: dataset.count, by: batchSize) {
                let rows = start..<min(start + batchSize, dataset.count)
                let (loss, gradient) = lossAndGradient(theta, rows: rows)
                if !Self.isSane(loss) { diverged = iterationLosses.count; break training }
                iterationLosses.append(loss)
                total += loss
                batches += 1
                let current = theta
                optimizer.step(&theta) { p in
                    p == current ? (loss, gradient) : lossAndGradient(p, rows: rows)
                }
                if !theta.allSatisfy(Self.isSane) { diverged = iterationLosses.count; break training }
            }
            epochLosses.append(total / Double(max(1, batches)))     // RunnerV3: total_loss / len(loader)
        }
        return ClassificationTrainingResult(optimizer: spec.description, batchSize: batchSize,
                                            iterationLosses: iterationLosses, epochLosses: epochLosses,
                                            finalParameters: theta, divergedAt: diverged)
    }

    /// The mean cross-entropy over `rows` at θ and its gradient (see the type's docs).
    /// `rows` must lie inside the dataset and not be empty (a programming error otherwise).
    public func lossAndGradient(_ theta: [Double], rows: Range<Int>) -> (loss: Double, gradient: [Double]) {
        precondition(!rows.isEmpty && rows.lowerBound >= 0 && rows.upperBound <= dataset.count, "bad batch rows")
        precondition(theta.count == parameterCount, "θ needs C·D + C values")
        let d = dataset.featureCount, c = dataset.classCount
        let invK = 1 / Double(rows.count)
        var gradient = [Double](repeating: 0, count: parameterCount)
        var logits = [Double](repeating: 0, count: c)
        var sum = 0.0
        theta.withUnsafeBufferPointer { t in
            dataset.features.withUnsafeBufferPointer { xs in
                gradient.withUnsafeMutableBufferPointer { g in
                    for k in rows {
                        let x = UnsafeBufferPointer(rebasing: xs[(k * d)..<((k + 1) * d)])
                        let y = dataset.labels[k]
                        // z = W·x + b
                        var zmax = -Double.infinity
                        for i in 0..<c {
                            var z = t[c * d + i]
                            for j in 0..<d { z += t[i * d + j] * x[j] }
                            logits[i] = z
                            zmax = Swift.max(zmax, z)
                        }
                        // log Σ exp z = m + log Σ exp(z − m), m = max z
                        var partition = 0.0
                        for i in 0..<c { partition += exp(logits[i] - zmax) }
                        let lse = zmax + log(partition)
                        sum += lse - logits[y]
                        // δ_i = (softmax_i − [i = y]) / K, accumulated into ∂W row i and ∂b_i
                        for i in 0..<c {
                            let delta = (exp(logits[i] - lse) - (i == y ? 1 : 0)) * invK
                            for j in 0..<d { g[i * d + j] += delta * x[j] }
                            g[c * d + i] += delta
                        }
                    }
                }
            }
        }
        return (sum * invK, gradient)
    }

    /// The share of rows whose largest logit is their label's (ties go to the lower class).
    public func accuracy(_ theta: [Double]) -> Double {
        precondition(theta.count == parameterCount, "θ needs C·D + C values")
        let d = dataset.featureCount, c = dataset.classCount
        var correct = 0
        for k in 0..<dataset.count {
            var best = 0, bestZ = -Double.infinity
            for i in 0..<c {
                var z = theta[c * d + i]
                for j in 0..<d { z += theta[i * d + j] * dataset.features[k * d + j] }
                if z > bestZ { best = i; bestZ = z }
            }
            if best == dataset.labels[k] { correct += 1 }
        }
        return Double(correct) / Double(max(1, dataset.count))
    }

    static func isSane(_ v: Double) -> Bool { v.isFinite && abs(v) <= 1e150 }
}

/// What ``SoftmaxClassification`` records.
public struct ClassificationTrainingResult: Sendable, Equatable {
    /// The optimizer's canonical spec.
    public let optimizer: String
    /// The batch size trained with.
    public let batchSize: Int
    /// The mean cross-entropy of every batch, before its step.
    public let iterationLosses: [Double]
    /// RunnerV3's `train_epoch_losses`: the mean of each epoch's batch losses.
    public let epochLosses: [Double]
    /// θ after the last step (or where training stopped).
    public let finalParameters: [Double]
    /// The iteration at which a loss or parameter went non-finite or beyond 1e150, or nil.
    public let divergedAt: Int?
}
