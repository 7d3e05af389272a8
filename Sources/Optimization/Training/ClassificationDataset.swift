/// Labelled feature vectors for mini-batch training of a classifier: N rows of D features,
/// stored row-major in one flat array, and N class labels in 0..<C.
///
/// ``init(images:labels:imagesName:labelsName:pixelMax:limit:)`` reads a pair of IDX files
/// (MNIST's format), as seed 004's batch-size experiment does.
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

    /// Images and labels from a pair of IDX files (MNIST's format; see ``IDXFile``): the images
    /// an array of N × (any dimensions), each flattened row-major into D features and divided by
    /// `pixelMax` (the book's `image / 255`: 255 for MNIST, 16 for the 8 × 8 UCI digits, whose
    /// pixels count the 16 cells of a 4 × 4 block); the labels a 1-D array of N whole numbers
    /// ≥ 0. C is the largest label + 1. With `limit`, only the first `limit` images are kept
    /// (the files' own order, which an unshuffled loader walks through).
    ///
    /// Throws ``IDXError`` (one line naming the file and the fix) when the images have fewer
    /// than 2 dimensions or a non-finite element, the labels are not 1-D, the counts differ,
    /// or a label is negative, fractional or above 65535.
    public init(images: IDXFile, labels: IDXFile, imagesName: String, labelsName: String,
                pixelMax: Double = 255, limit: Int? = nil) throws {
        guard images.dimensions.count >= 2 else {
            throw IDXError("\(imagesName): a \(images.dimensions.count)-dimensional IDX array; images need at least 2 dimensions (count × pixels), as MNIST's 60000×28×28 — is this the labels file?")
        }
        guard labels.dimensions.count == 1 else {
            let shape = labels.dimensions.map(String.init).joined(separator: "×")
            throw IDXError("\(labelsName): a \(shape) IDX array; labels need 1 dimension (one label per image) — is this the images file?")
        }
        let n = images.dimensions[0]
        guard labels.dimensions[0] == n else {
            throw IDXError("\(labelsName): \(labels.dimensions[0]) labels for the \(n) images of \(imagesName); give the labels file that belongs to those images")
        }
        guard pixelMax.isFinite, pixelMax > 0 else { throw IDXError("pixel_max: expected a finite value > 0, got \(pixelMax)") }
        let kept = min(n, max(0, limit ?? n))
        let d = images.dimensions.dropFirst().reduce(1, *)
        guard kept >= 1, d >= 1 else { throw IDXError("\(imagesName): no images (\(n) of \(d) pixels); give a file with at least one") }
        var classes: [Int] = []
        classes.reserveCapacity(kept)
        for (k, v) in labels.values.prefix(kept).enumerated() {
            guard v >= 0, v <= 65535, v == v.rounded() else {
                throw IDXError("\(labelsName): label \(k) is \(v); labels must be whole numbers 0…65535")
            }
            classes.append(Int(v))
        }
        let pixels = images.values.prefix(kept * d)
        if let bad = pixels.firstIndex(where: { !$0.isFinite }) {
            throw IDXError("\(imagesName): element \(bad) is \(pixels[bad]); images must hold finite numbers")
        }
        self.init(features: pixels.map { $0 / pixelMax }, labels: classes, featureCount: d,
                  classCount: (classes.max() ?? 0) + 1)!
    }
}
