import Optimization
import Plot
import Raster

/// Seed 004's batch-size experiment (7.2) for `kind: batchSize`: a softmax-regression
/// classifier trained by mini-batches on a synthetic task (``ClassificationDataset/syntheticDigits(samples:features:classes:separation:noise:seed:)``,
/// standing in for MNIST, which cannot be downloaded here), one run per batch size, each
/// drawn as its epoch-loss curve (RunnerV3's `train_epoch_losses`).
///
/// ```yaml
/// kind: batchSize
/// batchSize:
///   epochs: 30
///   runs:
///     - {batchSize: 16, optimizer: "SGD(lr=0.01)", color: "#9c9d9f"}
///     - {batchSize: 256, optimizer: "SGD(lr=0.16)", color: "#000000", style: "--"}
/// ```
///
/// Every field is optional. Defaults: the seed's five runs (batch 16, 32, 64, 128, 256 with
/// SGD lr 0.01, 0.02, 0.04, 0.08, 0.16, its colours and line styles), 30 epochs, and the
/// dataset's defaults (2000 samples, 64 features, 10 classes, separation 6, noise 3, seed 0).
/// All runs start from the same seeded model.
public struct BatchSizeSpec: Codable, Sendable, Equatable {
    public var runs: [BatchSizeRunSpec]?
    public var epochs: Int?
    public var samples: Int?
    public var features: Int?
    public var classes: Int?
    /// Distance between class centres in noise standard deviations.
    public var separation: Double?
    /// Standard deviation of the noise around each centre (scales every feature).
    public var noise: Double?
    /// Seed of the dataset and of the initial weights.
    public var seed: Int?

    public init() {}

    /// The seed's five runs, as its `plt.plot` calls draw them.
    public static let seedRuns: [BatchSizeRunSpec] = [
        BatchSizeRunSpec(batchSize: 16, optimizer: "SGD(lr=0.01)", color: "#9c9d9f"),
        BatchSizeRunSpec(batchSize: 32, optimizer: "SGD(lr=0.02)", color: "#f7d2e2"),
        BatchSizeRunSpec(batchSize: 64, optimizer: "SGD(lr=0.04)", color: "#f19ec2"),
        BatchSizeRunSpec(batchSize: 128, optimizer: "SGD(lr=0.08)", style: "-.", color: "#e86096"),
        BatchSizeRunSpec(batchSize: 256, optimizer: "SGD(lr=0.16)", style: "--", color: "#000000"),
    ]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case runs, epochs, samples, features, classes, separation, noise, seed
    }
}

/// One training run of a `batchSize` panel: its batch size, optimizer and line.
public struct BatchSizeRunSpec: Codable, Sendable, Equatable {
    public var batchSize: Int
    /// PyTorch-style constructor, e.g. `SGD(lr=0.01)` (the seed's `paddle.optimizer.SGD`).
    public var optimizer: String
    /// matplotlib format string (default `-`).
    public var style: String?
    public var color: String?
    /// Legend label; default `batch size: 16, lr: 0.01`, as the seed labels its lines.
    public var label: String?
    public var lineWidth: Double?

    public init(batchSize: Int, optimizer: String, style: String? = nil, color: String? = nil,
                label: String? = nil, lineWidth: Double? = nil) {
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.style = style
        self.color = color
        self.label = label
        self.lineWidth = lineWidth
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case batchSize = "batch_size", optimizer, style, color, label, lineWidth = "linewidth"
    }
}

extension PanelBuilder {
    /// Trains one classifier per run and plots its epoch losses against the epoch 0, 1, …
    /// (matplotlib's `plt.plot(list)`), labelled for the legend. Axis labels default to
    /// `epoch` and `loss`. A run that diverges is drawn up to its last whole epoch, its label
    /// noting the iteration.
    func buildBatchSize(into axes: inout Axes) throws {
        let b = spec.batchSize ?? BatchSizeSpec()
        let epochs = b.epochs ?? 30
        guard (1...10_000).contains(epochs) else { throw error("batch_size.epochs", "expected 1…10000, got \(epochs)") }
        let runs = b.runs ?? BatchSizeSpec.seedRuns
        guard !runs.isEmpty, runs.count <= 20 else { throw error("batch_size.runs", "expected 1 to 20 runs") }
        let data = try batchSizeDataset(b, trainings: epochs * runs.count)
        axes.xlabel = axes.xlabel ?? "epoch"
        axes.ylabel = axes.ylabel ?? "loss"
        for (i, r) in runs.enumerated() {
            let f = "batch_size.runs[\(i)]"
            let optimizer: OptimizerSpec
            do { optimizer = try OptimizerSpec.parse(r.optimizer) } catch { throw self.error("\(f).optimizer", "\(error)") }
            guard (1...data.count).contains(r.batchSize) else {
                throw error("\(f).batch_size", "expected 1…\(data.count) (the number of samples), got \(r.batchSize)")
            }
            let training = SoftmaxClassification(dataset: data, batchSize: r.batchSize, epochs: epochs,
                                                 seed: UInt64(max(0, b.seed ?? 0)))
            let result = training.run(optimizer)
            let style = try lineStyle(format: r.style, default: "-", color: r.color, lineWidth: r.lineWidth,
                                      markerSize: nil, field: f)
            var label = r.label ?? Self.batchSizeLabel(r.batchSize, optimizer)
            if let k = result.divergedAt { label += " (diverged at iteration \(k))" }
            let points = result.epochLosses.enumerated().map { Point(Double($0.offset), $0.element) }
            axes.plot(points, style: style, label: label)
        }
    }

    /// The synthetic dataset of a `batchSize` panel, its settings checked — including the cost
    /// of `trainings` epochs over it, so that a typo cannot make a render run for hours.
    private func batchSizeDataset(_ b: BatchSizeSpec, trainings: Int) throws -> ClassificationDataset {
        let samples = b.samples ?? 2000, features = b.features ?? 64, classes = b.classes ?? 10
        guard (1...100_000).contains(samples) else { throw error("batch_size.samples", "expected 1…100000, got \(samples)") }
        guard (1...4096).contains(features) else { throw error("batch_size.features", "expected 1…4096, got \(features)") }
        guard (2...1000).contains(classes) else { throw error("batch_size.classes", "expected 2…1000, got \(classes)") }
        // One epoch costs about N·D·C multiply-adds, whatever the batch size.
        let work = Double(trainings) * Double(samples) * Double(features) * Double(classes)
        guard samples * features <= 10_000_000, work <= 2e10 else {
            throw error("batch_size", "too much training (samples × features ≤ 10⁷ and epochs × runs × samples × features × classes ≤ 2·10¹⁰); lower epochs, samples or features")
        }
        let separation = b.separation ?? 6, noise = b.noise ?? 3
        guard separation.isFinite, separation >= 0 else { throw error("batch_size.separation", "expected a finite value ≥ 0") }
        guard noise.isFinite, noise > 0, noise <= 1e6 else { throw error("batch_size.noise", "expected a value in (0, 1e6]") }
        return .syntheticDigits(samples: samples, features: features, classes: classes, separation: separation,
                                noise: noise, seed: UInt64(max(0, b.seed ?? 0)))
    }

    /// The seed's label, `batch size: 16, lr: 0.01`; without an `lr`, the optimizer's spec.
    static func batchSizeLabel(_ batchSize: Int, _ optimizer: OptimizerSpec) -> String {
        if let lr = optimizer.hyperparameters.first(where: { $0.name == "lr" })?.value {
            return "batch size: \(batchSize), lr: \(lr)"
        }
        return "batch size: \(batchSize), \(optimizer)"
    }
}
