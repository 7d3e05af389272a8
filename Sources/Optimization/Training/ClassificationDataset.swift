/// Labelled feature vectors for mini-batch training of a classifier: N rows of D features,
/// stored row-major in one flat array, and N class labels in 0..<C.
///
/// ``syntheticDigits(samples:features:classes:separation:seed:)`` makes the stand-in for MNIST
/// used by seed 004's batch-size experiment (MNIST cannot be downloaded here).
public struct ClassificationDataset: Sendable, Equatable {
    /// N × D features, row-major: row k is `features[k·D ..< (k+1)·D]`.
    public let features: [Double]
    /// N labels, each in `0..<classCount`.
    public let labels: [Int]
    /// D, the length of a row.
    public let featureCount: Int
    /// C, the number of classes.
    public let classCount: Int

    /// Fails (nil) when `features.count != labels.count · featureCount`, when `featureCount` or
    /// `classCount` is below 1, or when a label is outside `0..<classCount`.
    public init?(features: [Double], labels: [Int], featureCount: Int, classCount: Int) {
        guard featureCount >= 1, classCount >= 1, features.count == labels.count * featureCount,
              labels.allSatisfy({ (0..<classCount).contains($0) }) else { return nil }
        self.features = features
        self.labels = labels
        self.featureCount = featureCount
        self.classCount = classCount
    }

    /// N, the number of rows.
    public var count: Int { labels.count }

    /// Row k as an array (for tests and inspection; training reads `features` directly).
    public func row(_ k: Int) -> [Double] {
        Array(features[(k * featureCount)..<((k + 1) * featureCount)])
    }

    /// A deterministic stand-in for MNIST: Gaussian class clusters.
    ///
    /// Drawn from one ``SeededGenerator`` with `seed`, in this order:
    /// 1. C class centres μ_c ∈ ℝᴰ with independent N(0, (sσ)²/(2D)) coordinates, so that two
    ///    centres lie about ‖μ_a − μ_b‖ ≈ s·σ apart (E‖μ_a − μ_b‖² = 2D · (sσ)²/(2D));
    /// 2. for each of the N rows in turn: a label c uniform in 0..<C, then the row
    ///    x = μ_c + σ·ε with ε ~ N(0, I).
    ///
    /// So `separation` s is the distance between centres in noise standard deviations (it sets
    /// how hard the task is: at s = 6 a linear classifier reaches 100 % training accuracy, at
    /// s = 3 about 77 %), and `noise` σ scales every feature (it sets the curvature of the loss,
    /// ∝ σ², and so how large a learning rate the task tolerates).
    ///
    /// Rows come in the random order they were drawn, the same every run, like MNIST's fixed
    /// file order that seed 004's unshuffled `DataLoader` walks through.
    ///
    /// Defaults (those of the batch-size figure): 2000 samples of 64 features (an 8 × 8
    /// "image"), 10 classes, separation 6, noise 3, seed 0. Counts below 1 are raised to 1;
    /// separation and noise are used as given.
    public static func syntheticDigits(samples: Int = 2000, features: Int = 64, classes: Int = 10,
                                       separation: Double = 6, noise: Double = 3,
                                       seed: UInt64 = 0) -> ClassificationDataset {
        let n = max(1, samples), d = max(1, features), c = max(1, classes)
        var generator = SeededGenerator(seed: seed)
        let spread = noise * separation / (2 * Double(d)).squareRoot()
        var centres = [Double](repeating: 0, count: c * d)
        for i in centres.indices { centres[i] = spread * generator.normal() }

        var rows = [Double](repeating: 0, count: n * d)
        var labels = [Int](repeating: 0, count: n)
        for k in 0..<n {
            let label = Int(generator.next() % UInt64(c))   // bias ≤ c/2⁶⁴: negligible
            labels[k] = label
            for j in 0..<d { rows[k * d + j] = centres[label * d + j] + noise * generator.normal() }
        }
        return ClassificationDataset(features: rows, labels: labels, featureCount: d, classCount: c)!
    }
}
