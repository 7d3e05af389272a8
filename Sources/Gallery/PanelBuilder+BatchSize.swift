import Foundation
import Optimization
import Plot
import Raster

/// Seed 004's batch-size experiment (7.2) for `kind: batch_size`: a classifier of handwritten
/// digits trained by unshuffled mini-batch SGD, one run per batch size, each drawn as its
/// epoch-loss curve (RunnerV3's `train_epoch_losses`).
///
/// ```yaml
/// kind: batch_size
/// batch_size:
///   data: {images: train-images-idx3-ubyte, labels: train-labels-idx1-ubyte}   # MNIST, if you have it
///   samples: 10000
///   hidden: 32
///   epochs: 30
///   runs:
///     - {batch_size: 16, optimizer: "SGD(lr=0.01)", color: "#9c9d9f"}
///     - {batch_size: 256, optimizer: "SGD(lr=0.16)", color: "#000000", style: "--"}
/// ```
///
/// Every field is optional. Defaults: the seed's five runs (batch 16, 32, 64, 128, 256 with
/// SGD lr 0.01, 0.02, 0.04, 0.08, 0.16, its line styles, and its colours with the pale
/// `#f7d2e2` darkened to `#ac396b`, the same hue, so that it shows on white), 30 epochs, the
/// bundled 8 × 8 UCI digits (`data: digits`, every image), 16 hidden ReLU units, seed 0 for
/// the initial weights. All runs start from the same seeded network.
public struct BatchSizeSpec: Codable, Sendable, Equatable {
    public var runs: [BatchSizeRunSpec]?
    public var epochs: Int?
    /// The images and labels: `digits` (the bundled UCI digits) or two IDX files.
    public var data: DataSpec?
    /// Train on the first `samples` images only (default: all).
    public var samples: Int?
    /// Pixels are divided by this (default 255, the book's `image / 255`; 16 for `digits`).
    public var pixelMax: Double?
    /// Hidden ReLU units; 0 for softmax regression (default 16).
    public var hidden: Int?
    /// Seed of the initial weights.
    public var seed: Int?

    public init() {}

    /// The seed's five runs, as its `plt.plot` calls draw them, but for the colour of batch 32:
    /// the book's `#f7d2e2` (HSL 334°, 70 %, 90 %) cannot be seen on white, so it is drawn in
    /// `#ac396b`, the same hue at lightness 45 % (saturation 50 %): darker than the book's other
    /// pinks `#f19ec2` (78 %) and `#e86096` (64 %), so that no two solid pink curves look alike.
    public static let seedRuns: [BatchSizeRunSpec] = [
        BatchSizeRunSpec(batchSize: 16, optimizer: "SGD(lr=0.01)", color: "#9c9d9f"),
        BatchSizeRunSpec(batchSize: 32, optimizer: "SGD(lr=0.02)", color: "#ac396b"),
        BatchSizeRunSpec(batchSize: 64, optimizer: "SGD(lr=0.04)", color: "#f19ec2"),
        BatchSizeRunSpec(batchSize: 128, optimizer: "SGD(lr=0.08)", style: "-.", color: "#e86096"),
        BatchSizeRunSpec(batchSize: 256, optimizer: "SGD(lr=0.16)", style: "--", color: "#000000"),
    ]

    enum CodingKeys: String, CodingKey, CaseIterable {
        case runs, epochs, data, samples, pixelMax = "pixel_max", hidden, seed
    }
}

/// Where a `batch_size` panel's digits come from: `digits`, the 8 × 8 UCI optical digits
/// bundled with the catalog, or `{images: FILE, labels: FILE}`, a pair of IDX files such as
/// MNIST's `train-images-idx3-ubyte` and `train-labels-idx1-ubyte` (unpacked). Relative paths
/// start at the spec file's folder (the current folder for a spec given as text).
public enum DataSpec: Codable, Sendable, Equatable {
    case builtin(String)
    case files(DataFilesSpec)

    public init(from decoder: any Decoder) throws {
        if let node = decoder as? NodeDecoder, node.node.sequence != nil {
            throw node.mismatch("digits or {images: FILE, labels: FILE}")
        }
        if let name = try? decoder.singleValueContainer().decode(String.self) {
            self = .builtin(name)
        } else {
            self = .files(try DataFilesSpec(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .builtin(let name):
            var c = encoder.singleValueContainer()
            try c.encode(name)
        case .files(let files): try files.encode(to: encoder)
        }
    }
}

/// A pair of IDX files: images (N × rows × columns) and labels (N).
public struct DataFilesSpec: Codable, Sendable, Equatable {
    public var images: String
    public var labels: String

    public init(images: String, labels: String) {
        self.images = images
        self.labels = labels
    }

    enum CodingKeys: String, CodingKey, CaseIterable { case images, labels }
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
        let hidden = b.hidden ?? 16
        guard (0...4096).contains(hidden) else { throw error("batch_size.hidden", "expected 0…4096 hidden units, got \(hidden)") }
        let data = try batchSizeDataset(b)
        let network = SoftmaxClassification(dataset: data, hiddenUnits: hidden)
        // One epoch costs about N multiply-adds per parameter (forward and backward, whatever the
        // batch size): refuse what would run for minutes.
        let work = Double(epochs * runs.count) * Double(data.count) * Double(network.parameterCount)
        guard work <= 2e10 else {
            throw error("batch_size", "too much training (epochs × runs × samples × parameters = \(Int(work)) > 2·10¹⁰); lower epochs, samples or hidden")
        }
        axes.xlabel = axes.xlabel ?? "epoch"
        axes.ylabel = axes.ylabel ?? "loss"
        // Every run checked first, so a mistake is reported before any training.
        var planned: [(run: BatchSizeRunSpec, optimizer: OptimizerSpec, style: LineStyle)] = []
        for (i, r) in runs.enumerated() {
            let f = "batch_size.runs[\(i)]"
            let optimizer: OptimizerSpec
            do { optimizer = try OptimizerSpec.parse(r.optimizer) } catch { throw self.error("\(f).optimizer", "\(error)") }
            guard (1...data.count).contains(r.batchSize) else {
                throw error("\(f).batch_size", "expected 1…\(data.count) (the number of samples), got \(r.batchSize)")
            }
            let style = try lineStyle(format: r.style, default: "-", color: r.color, lineWidth: r.lineWidth,
                                      markerSize: nil, field: f)
            planned.append((r, optimizer, style))
        }
        // The runs are independent, each from the same seeded start: trained
        // side by side on `threads` threads (`OrderedPipeline`), plotted in
        // order — the same curves for any thread count.
        let seed = UInt64(max(0, b.seed ?? 0))
        let trainings = planned.map {
            SoftmaxClassification(dataset: data, hiddenUnits: hidden, batchSize: $0.run.batchSize, epochs: epochs, seed: seed)
        }
        let optimizers = planned.map(\.optimizer)
        OrderedPipeline.run(count: planned.count, threads: threads,
                            make: { k in (k, trainings[k].run(optimizers[k])) }) { k, result in
            let (r, optimizer, style) = planned[k]
            var label = r.label ?? Self.batchSizeLabel(r.batchSize, optimizer)
            if let k = result.divergedAt { label += " (diverged at iteration \(k))" }
            let points = result.epochLosses.enumerated().map { Point(Double($0.offset), $0.element) }
            axes.plot(points, style: style, label: label)
        }
    }

    /// The digits of a `batch_size` panel, read through the IDX loader and checked.
    private func batchSizeDataset(_ b: BatchSizeSpec) throws -> ClassificationDataset {
        let imagesPath: String, labelsPath: String, defaultPixelMax: Double
        switch b.data ?? .builtin("digits") {
        case .builtin("digits"):
            let dir = try Catalog.directory().appendingPathComponent("data")
            imagesPath = dir.appendingPathComponent("digits-images-idx3-ubyte").path
            labelsPath = dir.appendingPathComponent("digits-labels-idx1-ubyte").path
            defaultPixelMax = 16
        case .builtin(let name):
            throw error("batch_size.data", "unknown data set '\(name)'; give digits (the bundled 8 × 8 UCI digits) or {images: FILE, labels: FILE} (IDX files, as MNIST's)")
        case .files(let files):
            imagesPath = resolve(files.images)
            labelsPath = resolve(files.labels)
            defaultPixelMax = 255
        }
        let pixelMax = b.pixelMax ?? defaultPixelMax
        guard pixelMax.isFinite, pixelMax > 0 else { throw error("batch_size.pixel_max", "expected a value > 0, got \(pixelMax)") }
        if let n = b.samples, n < 1 { throw error("batch_size.samples", "expected at least 1, got \(n)") }
        let images = try readIDX(imagesPath, "batch_size.data.images")
        let labels = try readIDX(labelsPath, "batch_size.data.labels")
        do {
            return try ClassificationDataset(images: images, labels: labels, imagesName: imagesPath, labelsName: labelsPath,
                                             pixelMax: pixelMax, limit: b.samples)
        } catch {
            throw self.error("batch_size.data", "\(error)")
        }
    }

    /// A relative path from the spec file's folder (the current folder for a spec given as text).
    private func resolve(_ path: String) -> String {
        guard !path.hasPrefix("/"), let file = positions.position(of: field + "batch_size.data")?.file ?? positions.position(of: "panels[0].batch_size.data")?.file else {
            return path
        }
        let folder = URL(fileURLWithPath: file).deletingLastPathComponent()
        return folder.appendingPathComponent(path).standardizedFileURL.path
    }

    private func readIDX(_ path: String, _ name: String) throws -> IDXFile {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw error(name, "no such file '\(path)'; check the path (a relative path starts at the spec file's folder)")
        }
        guard !isDirectory.boolValue else { throw error(name, "'\(path)' is a folder; give the IDX file itself") }
        guard let bytes = FileManager.default.contents(atPath: path) else {
            throw error(name, "cannot read '\(path)'; check its permissions")
        }
        do { return try IDXFile(bytes: [UInt8](bytes), name: path) } catch { throw self.error(name, "\(error)") }
    }

    /// The seed's label, `batch size: 16, lr: 0.01`; without an `lr`, the optimizer's spec.
    static func batchSizeLabel(_ batchSize: Int, _ optimizer: OptimizerSpec) -> String {
        if let lr = optimizer.hyperparameters.first(where: { $0.name == "lr" })?.value {
            return "batch size: \(batchSize), lr: \(lr)"
        }
        return "batch size: \(batchSize), \(optimizer)"
    }
}
