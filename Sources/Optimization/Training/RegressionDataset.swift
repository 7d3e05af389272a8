/// Rows of features with one target each, for mini-batch training of a linear model.
public struct RegressionDataset: Sendable {
    /// N rows of D features.
    public let features: [[Double]]
    /// N targets.
    public let targets: [Double]

    /// Rows and targets must have the same count and every row the same length (a programming
    /// error otherwise).
    public init(features: [[Double]], targets: [Double]) {
        precondition(features.count == targets.count, "features and targets differ in count")
        precondition(Set(features.map(\.count)).count <= 1, "rows differ in length")
        self.features = features
        self.targets = targets
    }

    public var count: Int { targets.count }
    public var featureCount: Int { features.first?.count ?? 0 }

    /// Seed 004's fitting data (7.3.1.2): X ~ N(0, 1) of shape samples × 2 and
    /// y = 0.5·x₁ + 0.8·x₂ + 0.01·u with u ~ U[0, 1) — the book's `paddle.rand` noise is uniform.
    /// The book draws with `paddle.seed(0)`; this draws from ``SeededGenerator`` instead, so the
    /// numbers differ from the book's while the distribution is the same.
    /// Defaults: 1000 samples, seed 0.
    public static func seed004Fitting(samples: Int = 1000, seed: UInt64 = 0) -> RegressionDataset {
        var generator = SeededGenerator(seed: seed)
        var features: [[Double]] = []
        features.reserveCapacity(samples)
        for _ in 0..<samples { features.append([generator.normal(), generator.normal()]) }
        var targets: [Double] = []
        targets.reserveCapacity(samples)
        for row in features {
            targets.append(row[0] * 0.5 + row[1] * 0.8 + 0.01 * generator.uniform())
        }
        return RegressionDataset(features: features, targets: targets)
    }
}
