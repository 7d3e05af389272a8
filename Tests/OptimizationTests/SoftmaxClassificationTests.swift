import Foundation
import Testing
@testable import Optimization

/// The synthetic MNIST stand-in and softmax-regression training of seed 004's batch-size
/// experiment.
struct SoftmaxClassificationTests {
    /// A small version of the figure's task, cheap enough for a debug build.
    static let small = ClassificationDataset.syntheticDigits(samples: 300, features: 8, classes: 4)

    @Test func syntheticDigitsAreDeterministicAndShapedAsAsked() {
        let a = ClassificationDataset.syntheticDigits(samples: 500, features: 16, classes: 10, seed: 7)
        #expect(a.count == 500 && a.featureCount == 16 && a.classCount == 10)
        #expect(a.features.count == 500 * 16)
        #expect(a.labels.allSatisfy { (0..<10).contains($0) })
        #expect(Set(a.labels).count == 10, "every class occurs")
        #expect(a == .syntheticDigits(samples: 500, features: 16, classes: 10, seed: 7))
        #expect(a != .syntheticDigits(samples: 500, features: 16, classes: 10, seed: 8))
        // x = μ_c + σ·ε: within a class, each feature's spread around its mean is σ = 3.
        let rows = (0..<a.count).filter { a.labels[$0] == a.labels[0] }.map(a.row)
        let values = rows.map { $0[0] }
        let mean = values.reduce(0, +) / Double(values.count)
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
        #expect(abs(sd - 3) < 0.6, "\(sd)")
    }

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
        let training = SoftmaxClassification(dataset: Self.small)
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
                #expect(abs(numeric - g[i]) < 1e-7 * max(1, abs(g[i])), "θ[\(i)]: \(numeric) vs \(g[i])")
            }
        }
    }

    @Test func oneSGDStepWorkedByHand() throws {
        // Two rows, two classes, θ = 0, one batch of K = 2:
        //   x₁ = (1, 2), y₁ = 0;  x₂ = (3, −1), y₂ = 1;  p = (½, ½) for both.
        //   δ₁ = (p − e₀)/2 = (−¼, ¼),  δ₂ = (p − e₁)/2 = (¼, −¼)
        //   ∂W row 0 = −¼·(1, 2) + ¼·(3, −1) = (½, −¾),  row 1 = (−½, ¾),  ∂b = (0, 0)
        // SGD lr 0.1: W = [[−0.05, 0.075], [0.05, −0.075]], b = 0.
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
        let afterOne = [-0.05, 0.075, 0.05, -0.075, 0, 0]
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
        let a = SoftmaxClassification(dataset: .syntheticDigits(samples: 300, features: 8, classes: 4), batchSize: 32, epochs: 3).run(spec)
        let b = SoftmaxClassification(dataset: .syntheticDigits(samples: 300, features: 8, classes: 4), batchSize: 32, epochs: 3).run(spec)
        #expect(a == b)
        let other = SoftmaxClassification(dataset: Self.small, batchSize: 32, epochs: 3, seed: 1).run(spec)
        #expect(other.iterationLosses != a.iterationLosses, "the seed sets the initial weights")
    }

    @Test func anyOptimizerTrainsAndLearnsTheTask() throws {
        let training = SoftmaxClassification(dataset: Self.small, batchSize: 32, epochs: 10)
        let before = training.accuracy(training.initialParameters)
        for text in ["SGD(lr=0.02, momentum=0.9)", "Adam(lr=0.01)", "paddle.adagrad(lr=0.1)"] {
            let result = training.run(try OptimizerSpec.parse(text))
            #expect(result.divergedAt == nil, "\(text)")
            #expect(training.accuracy(result.finalParameters) > max(0.9, before + 0.3), "\(text)")
        }
    }

    @Test func aNonFiniteLossStopsTraining() throws {
        let data = try #require(ClassificationDataset(features: [1, 2, .nan, 0], labels: [0, 1], featureCount: 2, classCount: 2))
        let result = SoftmaxClassification(dataset: data, batchSize: 1, epochs: 3).run(try OptimizerSpec.parse("SGD(lr=0.1)"))
        #expect(result.divergedAt == 1)
        #expect(result.iterationLosses.count == 1 && result.epochLosses.isEmpty)
    }
}
