import Foundation
import Testing
@testable import Optimization

/// Mini-batch training of seed 004's batch-size experiment: softmax regression and the
/// two-layer perceptron.
struct SoftmaxClassificationTests {
    /// A small task cheap enough for a debug build: C Gaussian clusters (centres N(0, 1), spread
    /// 0.5) in D dimensions, labels uniform, from a fixed seed.
    static func clusters(samples: Int = 300, features: Int = 8, classes: Int = 4, seed: UInt64 = 0) -> ClassificationDataset {
        var generator = SeededGenerator(seed: seed)
        let centres = (0..<(classes * features)).map { _ in generator.normal() }
        var rows: [Double] = [], labels: [Int] = []
        for _ in 0..<samples {
            let c = Int(generator.next() % UInt64(classes))
            labels.append(c)
            for j in 0..<features { rows.append(centres[c * features + j] + 0.5 * generator.normal()) }
        }
        return ClassificationDataset(features: rows, labels: labels, featureCount: features, classCount: classes)!
    }

    static let small = clusters()

    @Test func invalidDatasetsAreRejected() {
        #expect(ClassificationDataset(features: [1, 2, 3], labels: [0, 1], featureCount: 2, classCount: 2) == nil)
        #expect(ClassificationDataset(features: [1, 2], labels: [2], featureCount: 2, classCount: 2) == nil)
        #expect(ClassificationDataset(features: [1, 2], labels: [-1], featureCount: 2, classCount: 2) == nil)
        #expect(ClassificationDataset(features: [], labels: [], featureCount: 0, classCount: 2) == nil)
        #expect(ClassificationDataset(features: [1, 2], labels: [1], featureCount: 2, classCount: 2) != nil)
    }

    @Test func atZeroWeightsTheLossIsLogC() {
        let training = SoftmaxClassification(dataset: Self.small)
        let zero = [Double](repeating: 0, count: training.parameterCount)
        let (loss, _) = training.lossAndGradient(zero, rows: 0..<64)
        #expect(abs(loss - log(4)) < 1e-15)
    }

    @Test func gradientMatchesCentralDifferences() {
        for hidden in [0, 5] {
        let training = SoftmaxClassification(dataset: Self.small, hiddenUnits: hidden)
        var generator = SeededGenerator(seed: 3)
        // Three points: the seeded start, and two random ones with large logits.
        let points = [training.initialParameters,
                      (0..<training.parameterCount).map { _ in generator.normal() },
                      (0..<training.parameterCount).map { _ in 2 * generator.normal() }]
        // A full batch and the short last batch of 300 = 4·64 + 44.
        for (theta, rows) in zip(points, [0..<64, 256..<300, 100..<101]) {
            let (_, g) = training.lossAndGradient(theta, rows: rows)
            for i in stride(from: 0, to: theta.count, by: 3) {
                var plus = theta, minus = theta
                let h = 1e-5
                plus[i] += h
                minus[i] -= h
                let numeric = (training.lossAndGradient(plus, rows: rows).loss
                    - training.lossAndGradient(minus, rows: rows).loss) / (2 * h)
                #expect(abs(numeric - g[i]) < 1e-7 * max(1, abs(g[i])), "H \(hidden) θ[\(i)]: \(numeric) vs \(g[i])")
            }
        }
        }
    }

    @Test func oneSGDStepWorkedByHand() throws {
        // Two rows, two classes, θ = 0, one batch of K = 2:
        //   x₁ = (1, 2), y₁ = 0;  x₂ = (3, −1), y₂ = 1;  p = (½, ½) for both.
        //   δ₁ = (p − e₀)/2 = (−¼, ¼),  δ₂ = (p − e₁)/2 = (¼, −¼)
        //   ∂W (inputs × classes, as Paddle stores it) = −¼·x₁ ⊗ e₀ + ¼·x₁ ⊗ e₁ + ¼·x₂ ⊗ e₀ − ¼·x₂ ⊗ e₁
        //   = [[½, −½], [−¾, ¾]],  ∂b = (0, 0)
        // SGD lr 0.1: W = [[−0.05, 0.05], [0.075, −0.075]], b = 0.
        let data = try #require(ClassificationDataset(features: [1, 2, 3, -1], labels: [0, 1], featureCount: 2, classCount: 2))
        let training = SoftmaxClassification(dataset: data, batchSize: 2, epochs: 2, startingParameters: [0, 0, 0, 0, 0, 0])
        let result = training.run(try OptimizerSpec.parse("SGD(lr=0.1)"))
        #expect(result.iterationLosses.count == 2 && result.epochLosses.count == 2)
        #expect(abs(result.iterationLosses[0] - log(2)) < 1e-15)
        // Second iteration, at the new θ: z(x₁) = (0.1, −0.1), z(x₂) = (−0.225, 0.225), so
        // L = ½[log(1 + e^−0.2) + log(1 + e^−0.45)].
        let expected = 0.5 * (log(1 + exp(-0.2)) + log(1 + exp(-0.45)))
        #expect(abs(result.iterationLosses[1] - expected) < 1e-15)
        #expect(result.epochLosses == result.iterationLosses, "one batch per epoch")
        // After the second step, check θ against a hand-rolled update from the same gradient.
        let afterOne = [-0.05, 0.05, 0.075, -0.075, 0, 0]
        let g = training.lossAndGradient(afterOne, rows: 0..<2).gradient
        for i in 0..<6 { #expect(abs(result.finalParameters[i] - (afterOne[i] - 0.1 * g[i])) < 1e-15) }
        #expect(abs(g[4] + g[5]) < 1e-15, "∂b sums to zero over the classes (Σ_c softmax_c = 1)")
    }

    @Test func epochLossIsTheMeanOfThatEpochsBatchLosses() throws {
        // RunnerV3: total_loss / len(train_loader) — 300 = 4·64 + 44 gives 5 batches per
        // epoch, the short one counting as much as the others.
        let result = SoftmaxClassification(dataset: Self.small, batchSize: 64, epochs: 4).run(try OptimizerSpec.parse("SGD(lr=0.04)"))
        #expect(result.iterationLosses.count == 20 && result.epochLosses.count == 4)
        for e in 0..<4 {
            let own = result.iterationLosses[(5 * e)..<(5 * e + 5)]
            #expect(abs(result.epochLosses[e] - own.reduce(0, +) / 5) < 1e-14)
        }
        #expect(result.epochLosses[3] < result.epochLosses[0])
        #expect(result.divergedAt == nil)
    }

    @Test func trainingIsDeterministic() throws {
        let spec = try OptimizerSpec.parse("SGD(lr=0.02)")
        let a = SoftmaxClassification(dataset: Self.clusters(), hiddenUnits: 6, batchSize: 32, epochs: 3).run(spec)
        let b = SoftmaxClassification(dataset: Self.clusters(), hiddenUnits: 6, batchSize: 32, epochs: 3).run(spec)
        #expect(a == b)
        let other = SoftmaxClassification(dataset: Self.small, hiddenUnits: 6, batchSize: 32, epochs: 3, seed: 1).run(spec)
        #expect(other.iterationLosses != a.iterationLosses, "the seed sets the initial weights")
    }

    @Test func anyOptimizerTrainsAndLearnsTheTask() throws {
        for hidden in [0, 8] {
        let training = SoftmaxClassification(dataset: Self.small, hiddenUnits: hidden, batchSize: 32, epochs: 10)
        let before = training.accuracy(training.initialParameters)
        for text in ["SGD(lr=0.02, momentum=0.9)", "Adam(lr=0.01)", "paddle.adagrad(lr=0.1)"] {
            let result = training.run(try OptimizerSpec.parse(text))
            #expect(result.divergedAt == nil, "\(text)")
            #expect(training.accuracy(result.finalParameters) > max(0.9, before + 0.3), "H \(hidden) \(text)")
        }
        }
    }

    /// The perceptron's parts by hand: D = 2, H = 2, C = 2, one row x = (1, 2), label 1, with
    /// W₁ = [[1, −1], [0.5, −2]] ([in, out]), b₁ = (0, 1), W₂ = [[1, 2], [3, 4]], b₂ = (0.5, 0).
    ///   a = x·W₁ + b₁ = (1 + 1, −1 − 4 + 1) = (2, −4),  h = ReLU(a) = (2, 0)
    ///   z = h·W₂ + b₂ = (2 + 0.5, 4) = (2.5, 4),  L = log(e^2.5 + e^4) − 4 = log(1 + e^−1.5)
    ///   δ = softmax(z) − e₁ = (s, −s) with s = 1/(1 + e^1.5)
    ///   ∂W₂ = hᵀδ = [[2s, −2s], [0, 0]],  ∂b₂ = (s, −s)
    ///   δ' = (δ·W₂ᵀ) ⊙ [a > 0] = (s − 2s, ·) ⊙ (1, 0) = (−s, 0)
    ///   ∂W₁ = xᵀδ' = [[−s, 0], [−2s, 0]],  ∂b₁ = (−s, 0)
    @Test func perceptronGradientWorkedByHand() throws {
        let data = try #require(ClassificationDataset(features: [1, 2], labels: [1], featureCount: 2, classCount: 2))
        let net = SoftmaxClassification(dataset: data, hiddenUnits: 2)
        #expect(net.layerSizes == [2, 2, 2] && net.parameterBlocks == [4, 2, 4, 2])
        let theta: [Double] = [1, -1, 0.5, -2, 0, 1, 1, 2, 3, 4, 0.5, 0]
        let (loss, g) = net.lossAndGradient(theta, rows: 0..<1)
        let s = 1 / (1 + exp(1.5))
        #expect(abs(loss - log(1 + exp(-1.5))) < 1e-15)
        let expected = [-s, 0, -2 * s, 0, -s, 0, 2 * s, -2 * s, 0, 0, s, -s]
        for i in 0..<12 { #expect(abs(g[i] - expected[i]) < 1e-14, "θ[\(i)]: \(g[i]) vs \(expected[i])") }
    }

    /// Paddle's nn.Linear default: Xavier-uniform weights within √(6/(in + out)), zero biases.
    @Test func initialWeightsAreXavierUniformAndBiasesZero() {
        let net = SoftmaxClassification(dataset: Self.clusters(features: 64, classes: 10), hiddenUnits: 16)
        let theta = net.initialParameters
        #expect(theta.count == 64 * 16 + 16 + 16 * 10 + 10)
        let w1 = theta[0..<1024], b1 = theta[1024..<1040], w2 = theta[1040..<1200], b2 = theta[1200...]
        let bound1 = (6.0 / 80).squareRoot(), bound2 = (6.0 / 26).squareRoot()
        #expect(w1.allSatisfy { abs($0) <= bound1 } && w1.contains { abs($0) > 0.9 * bound1 })
        #expect(w2.allSatisfy { abs($0) <= bound2 } && w2.contains { abs($0) > 0.9 * bound2 })
        #expect(b1.allSatisfy { $0 == 0 } && b2.allSatisfy { $0 == 0 })
        // Drawn from the seed alone: the same for the same seed, whatever the data's values.
        #expect(theta == SoftmaxClassification(dataset: Self.clusters(features: 64, classes: 10, seed: 9), hiddenUnits: 16).initialParameters)
        #expect(theta != SoftmaxClassification(dataset: net.dataset, hiddenUnits: 16, seed: 1).initialParameters)
    }

    @Test func aNonFiniteLossStopsTraining() throws {
        let data = try #require(ClassificationDataset(features: [1, 2, .nan, 0], labels: [0, 1], featureCount: 2, classCount: 2))
        let result = SoftmaxClassification(dataset: data, batchSize: 1, epochs: 3).run(try OptimizerSpec.parse("SGD(lr=0.1)"))
        #expect(result.divergedAt == 1)
        #expect(result.iterationLosses.count == 1 && result.epochLosses.isEmpty)
    }
}
