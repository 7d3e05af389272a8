import Testing
@testable import Optimization

@Test func fittingDataFollowTheSeedsFormula() {
    let data = RegressionDataset.seed004Fitting()
    #expect(data.count == 1000)
    #expect(data.featureCount == 2)
    for (x, y) in zip(data.features, data.targets) {
        let noise = y - (x[0] * 0.5 + x[1] * 0.8)
        #expect(noise >= -1e-15 && noise < 0.01 + 1e-15)
    }
    // Standard normal features: mean ≈ 0, variance ≈ 1.
    let xs = data.features.map { $0[0] }
    let mean = xs.reduce(0, +) / 1000
    let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 1000
    #expect(abs(mean) < 0.1 && abs(variance - 1) < 0.15)
    // Deterministic.
    #expect(RegressionDataset.seed004Fitting().targets == data.targets)
    #expect(RegressionDataset.seed004Fitting(seed: 1).targets != data.targets)
}

@Test func seed004SingleStepCheck() throws {
    // The book checks its SGD against Paddle's on its first sample, and prints everything needed:
    // the sample (`X: [-4.080414 -1.3719953]`, `y: [-3.136211]`, drawn first after paddle.seed(0)),
    // the start W = (−4.080414, −1.3719953) — the same two numbers, since Linear(2) draws its
    // weights with paddle.standard_normal right after paddle.seed(0) again — b = 0, lr 0.01, and
    // the result W = (−3.196255, −1.0747064), printed in float32. By hand: z = W·x = ‖x‖² =
    // 18.532, ∂L/∂W = x(z − y) = 21.668·x, W − 0.01·21.668·x = 0.78332·x.
    let x = [-4.080414, -1.3719953]
    let data = RegressionDataset(features: [x], targets: [-3.136211])
    let training = MiniBatchTraining(dataset: data, batchSize: 64, epochs: 1, startingParameters: x + [0])
    let result = training.run(try OptimizerSpec.parse("paddle.sgd(lr=0.01)"))
    let w = result.parameters[1]
    // To every digit printed (half a unit of the last one): float64 gives −3.19625518…, −1.07470641….
    #expect(abs(w[0] - -3.196255) <= 5e-7 && abs(w[1] - -1.0747064) <= 5e-8, "\(w)")
    // MSE before the step: (z − y)² with z = W·x.
    let r = x[0] * x[0] + x[1] * x[1] + 3.136211
    #expect(abs(result.iterationLosses[0] - r * r) < 1e-12 * r * r)
}

@Test func batchesEpochsAndTheBooksEpochLoss() throws {
    let training = MiniBatchTraining(dataset: .seed004Fitting())
    let result = training.run(try OptimizerSpec.parse("paddle.sgd(lr=0.01)"))
    // 1000 = 15·64 + 40: 16 iterations per epoch, 30 epochs.
    #expect(result.iterationLosses.count == 480)
    #expect(result.parameters.count == 481)
    #expect(result.epochLosses.count == 30)
    for epoch in 0..<30 {
        let sofar = result.iterationLosses[0..<(16 * (epoch + 1))]
        #expect(abs(result.epochLosses[epoch] - sofar.reduce(0, +) / Double(sofar.count)) < 1e-12)
        let own = result.iterationLosses[(16 * epoch)..<(16 * (epoch + 1))]
        #expect(abs(result.epochMeanLosses[epoch] - own.reduce(0, +) / 16) < 1e-12)
    }
    #expect(result.iterationLosses.last! < result.iterationLosses.first! / 10)
    #expect(result.divergedAt == nil)
}

@Test func gradientIsTheHalfMeanSquaredErrors() {
    let data = RegressionDataset.seed004Fitting(samples: 100)
    let training = MiniBatchTraining(dataset: data)
    let theta = [0.3, -0.7, 0.2]
    let rows = 64..<100                                      // the short last batch, K = 36
    let (mse, g) = training.batchLossAndGradient(theta, rows)
    for j in 0..<3 {
        var a = theta, b = theta
        a[j] += 1e-6
        b[j] -= 1e-6
        let fd = (0.5 * training.batchLossAndGradient(a, rows).0 - 0.5 * training.batchLossAndGradient(b, rows).0) / 2e-6
        #expect(abs(fd - g[j]) < 1e-7, "∂\(j): \(g[j]) vs \(fd)")
    }
    var direct = 0.0
    for k in rows {
        let r = data.features[k][0] * 0.3 + data.features[k][1] * -0.7 + 0.2 - data.targets[k]
        direct += r * r
    }
    #expect(abs(mse - direct / 36) < 1e-14)
}

@Test func everyOptimizerTrainsTheModel() throws {
    let training = MiniBatchTraining(dataset: .seed004Fitting())
    for spec in ["Adam(lr=0.1)", "paddle.adam(lr=0.1, beta1=0.9, beta2=0.99, epsilon=1e-7)",
                 "paddle.rmsprop(lr=0.1, beta=0.9, epsilon=1e-7)", "paddle.momentum(lr=0.01, rho=0.9)",
                 "paddle.adagrad(lr=0.1, epsilon=1e-7)", "LBFGS(line_search_fn='strong_wolfe')"] {
        let result = training.run(try OptimizerSpec.parse(spec))
        let w = result.parameters.last ?? []
        #expect(result.divergedAt == nil, "\(spec)")
        let fitted = w.count == 3 && abs(w[0] - 0.5) < 0.05 && abs(w[1] - 0.8) < 0.05
        #expect(fitted, "\(spec): \(w)")
    }
    // Divergence is recorded, not trapped.
    let wild = training.run(try OptimizerSpec.parse("SGD(lr=10)"))
    #expect(wild.divergedAt != nil)
    #expect(wild.iterationLosses.allSatisfy { $0.isFinite })
}
