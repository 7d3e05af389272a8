import Foundation
import Optimization
import Plot
import Raster
import Testing
@testable import Gallery

/// Seed 004's batch-size experiment: the `batch_size` panel, its IDX data and its catalog entry.
struct BatchSizeTests {
    func build(_ yaml: String) throws -> Figure {
        try FigureBuilder(spec: SpecLoader.load(yaml: yaml, source: "test")).build()
    }

    func lines(_ figure: Figure) -> [Line2D] {
        figure[axes: 0].artists.compactMap { $0 as? Line2D }
    }

    @Test func catalogFigureHasTheSeedsFiveLinesOnRealDigits() throws {
        let spec = try #require(try Catalog.specs().first { $0.name == "paddle_batch_size" })
        let caption = try #require(spec.caption)
        #expect(caption.contains("UCI") && caption.contains("digits") && !caption.contains("synthetic"))
        #expect(caption.contains("smaller batches do not descend faster per epoch"))
        #expect(spec.seed == "004")
        #expect(spec.size == [6.4, 4.8], "matplotlib's default figure, as the book's plt.plot")

        let figure = try FigureBuilder(spec: spec).build()
        let axes = figure[axes: 0]
        #expect(axes.title == "epoch loss with different bs and lr")
        #expect(axes.xlabel == "epoch" && axes.ylabel == "loss")
        #expect(axes.legend?.fontSize == 14.4, "matplotlib's 'x-large'")
        let l = lines(figure)
        #expect(l.map(\.label) == ["batch size: 16, lr: 0.01", "batch size: 32, lr: 0.02", "batch size: 64, lr: 0.04",
                                   "batch size: 128, lr: 0.08", "batch size: 256, lr: 0.16"])
        // The book's colours, but its invisible #f7d2e2 darkened to #ac396b (same hue).
        #expect(l.map(\.style.color) == [0x9c9d9f, 0xac396b, 0xf19ec2, 0xe86096, 0x000000].map { Color(hex: $0) as Color? })
        #expect(l.map(\.style.dash) == [.solid, .solid, .solid, .dashDot, .dashed])
        #expect(l.allSatisfy { $0.style.marker == nil })
        // plt.plot(train_epoch_losses): 30 epochs at x = 0 … 29.
        for line in l { #expect(line.points.map(\.x) == (0..<30).map(Double.init)) }
    }

    /// What the catalog figure shows, as its caption says (numbers measured with the catalog's
    /// settings are in the caption and the spec's comment).
    @Test func withTheLearningRateScaledTheBatchSizesDescendAlike() throws {
        let spec = try #require(try Catalog.specs().first { $0.name == "paddle_batch_size" })
        let curves = lines(try FigureBuilder(spec: spec).build()).map { $0.points.map(\.y) }
        let first = curves.map { $0[0] }, last = curves.map { $0[29] }
        // Every curve decreases epoch after epoch, from about log 10 = 2.30 (an untrained net).
        for c in curves { for e in 1..<30 { #expect(c[e] < c[e - 1]) } }
        for f in first { #expect(f > 1.9 && f < 2.31, "epoch 0: \(first)") }
        // The five curves stay together: after 30 epochs within 20 % of each other, each down by > 5×.
        #expect(last.max()! < 1.2 * last.min()!, "epoch 29: \(last)")
        for c in curves { #expect(c[29] < c[0] / 5) }
        // As the caption says: the larger the batch, the lower its last epoch (0.30 at 16, 0.26 at 256).
        for k in 1..<5 { #expect(last[k] < last[k - 1], "epoch 29: \(last)") }
        #expect(abs(last[0] - 0.3017) < 5e-4 && abs(last[4] - 0.2601) < 5e-4, "epoch 29: \(last)")
        for f in first { #expect(abs(f - 2.17) < 0.005, "epoch 0: \(first)") }
    }

    @Test func defaultsAreTheSeedsRunsWithTheirLabels() throws {
        let figure = try build("""
        name: t
        kind: batch_size
        legend: true
        batch_size: {samples: 256, hidden: 4, epochs: 2}
        """)
        let l = lines(figure)
        #expect(l.count == 5)
        #expect(l.map(\.label) == ["batch size: 16, lr: 0.01", "batch size: 32, lr: 0.02", "batch size: 64, lr: 0.04",
                                   "batch size: 128, lr: 0.08", "batch size: 256, lr: 0.16"])
        #expect(l[4].style.color == Color(hex: 0x000000) && l[4].style.dash == .dashed)
        #expect(l[1].style.color == Color(hex: 0xac396b), "the book's #f7d2e2, darkened to show on white")
        #expect(l.allSatisfy { $0.points.count == 2 })
        #expect(figure[axes: 0].xlabel == "epoch" && figure[axes: 0].ylabel == "loss")
    }

    @Test func sameSpecSameCurves() throws {
        let yaml = """
        name: t
        kind: batch_size
        batch_size:
          samples: 200
          hidden: 3
          epochs: 3
          runs: [{batch_size: 20, optimizer: "SGD(lr=0.05)"}, {batch_size: 40, optimizer: "Adam(lr=0.01)"}]
        """
        let a = lines(try build(yaml)).map(\.points), b = lines(try build(yaml)).map(\.points)
        #expect(a == b && a.count == 2)
        #expect(lines(try build(yaml)).map(\.label) == ["batch size: 20, lr: 0.05", "batch size: 40, lr: 0.01"])
    }

    /// The runs train side by side on the threads given, and plot in order:
    /// the same lines, labels and order for any thread count.
    @Test func runsTrainedOnThreadsGiveTheSameCurves() throws {
        let yaml = """
        name: t
        kind: batch_size
        batch_size:
          samples: 150
          hidden: 3
          epochs: 2
          runs: [{batch_size: 10, optimizer: "SGD(lr=0.05)"}, {batch_size: 30, optimizer: "Adam(lr=0.01)"},
                 {batch_size: 50, optimizer: "SGD(lr=0.2)"}, {batch_size: 15, optimizer: "SGD(lr=0.02, momentum=0.9)"}]
        """
        let spec = try SpecLoader.load(yaml: yaml, source: "test")
        let one = lines(try FigureBuilder(spec: spec).build())
        for threads in [2, 3, 8] {
            let many = lines(try FigureBuilder(spec: spec, threads: threads).build())
            #expect(many.map(\.points) == one.map(\.points), "\(threads) threads")
            #expect(many.map(\.label) == one.map(\.label))
        }
        #expect(one.count == 4 && Set(one.map { $0.points.map(\.y) }).count == 4)
    }

    @Test func mistakesNameTheField() {
        let base = """
        name: t
        kind: batch_size
        batch_size:
          samples: 100
          hidden: 2
          epochs: 1
          runs: [{batch_size: 10, optimizer: "SGD(lr=0.01)"}]
        """
        let cases: [(String, String)] = [
            (base.replacingOccurrences(of: "batch_size: 10", with: "batch_size: 101"), "batch_size.runs[0].batch_size: expected 1…100"),
            (base.replacingOccurrences(of: "SGD(lr=0.01)", with: "Nope(lr=1)"), "batch_size.runs[0].optimizer"),
            (base.replacingOccurrences(of: "epochs: 1", with: "epochs: 0"), "batch_size.epochs"),
            (base.replacingOccurrences(of: "hidden: 2", with: "hidden: -1"), "batch_size.hidden"),
            (base.replacingOccurrences(of: "hidden: 2", with: "hidden: 2\n  pixel_max: 0"), "batch_size.pixel_max"),
            (base.replacingOccurrences(of: "hidden: 2", with: "hidden: 2\n  data: mnist"), "batch_size.data: unknown data set 'mnist'"),
            (base.replacingOccurrences(of: "hidden: 2", with: "hidden: 2\n  data: [a, b]"),
             "test:6:9: batch_size.data: expected digits or {images: FILE, labels: FILE}, got a list"),
            (base.replacingOccurrences(of: "hidden: 2", with: "hidden: 2\n  data: {images: a, labls: b}"),
             "batch_size.data.labls: unknown key; did you mean \"labels\"?"),
            (base.replacingOccurrences(of: "hidden: 2", with: "hidden: 2\n  data: {images: /nonexistent/a, labels: /nonexistent/b}"),
             "batch_size.data.images: no such file '/nonexistent/a'"),
            (base.replacingOccurrences(of: "samples: 100", with: "samples: 1000").replacingOccurrences(of: "hidden: 2", with: "hidden: 4096")
                .replacingOccurrences(of: "epochs: 1", with: "epochs: 10000"), "too much training"),
            (base.replacingOccurrences(of: "optimizer: \"SGD(lr=0.01)\"", with: "optimizer: \"SGD(lr=0.01)\", color: nocolour"),
             "batch_size.runs[0].color"),
        ]
        for (yaml, fragment) in cases {
            var message: String?
            do { _ = try build(yaml) } catch { message = "\(error)" }
            #expect(message?.contains(fragment) == true, "\(message ?? "no error") lacks \(fragment)")
            #expect(message?.contains("\n") == false)
        }
    }
}

/// `data: {images, labels}`: a user's IDX files (MNIST's format), through the same loader as the
/// bundled digits.
struct BatchSizeIDXDataTests {
    /// A spec folder with 40 tiny 2 × 3 "images" of two classes and their labels as IDX files.
    func folder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("optrender-idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("mnist"), withIntermediateDirectories: true)
        var pixels: [Double] = [], labels: [Double] = []
        for k in 0..<40 {
            let label = k % 2
            labels.append(Double(label))
            // Class 0 lights the left column, class 1 the right one, with a little variation.
            for r in 0..<2 { for c in 0..<3 { pixels.append(Double((c == 0) == (label == 0) ? 200 + (k + r) % 50 : (k * 7 + c) % 30)) } }
        }
        try Data(IDXFile.encode(pixels, dimensions: [40, 2, 3], as: .uint8)).write(to: dir.appendingPathComponent("mnist/images-idx3-ubyte"))
        try Data(IDXFile.encode(labels, dimensions: [40], as: .uint8)).write(to: dir.appendingPathComponent("mnist/labels-idx1-ubyte"))
        return dir
    }

    func spec(_ extra: String = "") -> String {
        """
        name: t
        kind: batch_size
        batch_size:
          data: {images: mnist/images-idx3-ubyte, labels: mnist/labels-idx1-ubyte}
          hidden: 3
          epochs: 4
          runs: [{batch_size: 8, optimizer: "SGD(lr=0.5)"}, {batch_size: 40, optimizer: "SGD(lr=0.5)"}]
        \(extra)
        """
    }

    @Test func relativePathsStartAtTheSpecFilesFolder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("fig.yaml")
        try spec().write(to: file, atomically: true, encoding: .utf8)
        let figure = try FigureBuilder(spec: SpecLoader.load(file: file.path)).build()
        let curves = figure[axes: 0].artists.compactMap { $0 as? Line2D }.map { $0.points.map(\.y) }
        #expect(curves.count == 2 && curves.allSatisfy { $0.count == 4 })
        // Two classes from a seeded start: the loss starts near log 2 and falls.
        for c in curves { #expect(c[0] > 0.3 && c[0] < 1.5 && c[3] < c[0], "\(c)") }
        // The same files by absolute path give the same curves; pixel_max changes them.
        let absolute = spec().replacingOccurrences(of: "mnist/", with: dir.path + "/mnist/")
        let again = try FigureBuilder(spec: SpecLoader.load(yaml: absolute, source: "elsewhere.yaml")).build()
        #expect(again[axes: 0].artists.compactMap { $0 as? Line2D }.map { $0.points.map(\.y) } == curves)
        let scaled = try FigureBuilder(spec: SpecLoader.load(yaml: absolute + "  pixel_max: 16\n", source: "x.yaml")).build()
        #expect(scaled[axes: 0].artists.compactMap { $0 as? Line2D }.map { $0.points.map(\.y) } != curves)
    }

    @Test func badFilesAreOneLineWithThePositionAndTheFix() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let images = dir.appendingPathComponent("mnist/images-idx3-ubyte")
        let good = try Data(contentsOf: images)
        let file = dir.appendingPathComponent("fig.yaml")
        try spec().write(to: file, atomically: true, encoding: .utf8)
        let cases: [(Data?, String, String)] = [
            (good.prefix(good.count - 5), spec(), "fig.yaml:4:18: batch_size.data.images: \(images.path): truncated: the header declares 40×2×3 uint8 elements (256 bytes with the header) but the file has 251 bytes"),
            (good + Data([0]), spec(), "1 bytes after the 40×2×3 uint8 elements"),
            (Data([0x1F, 0x8B, 8, 0]) + good, spec(), "a gzip file; unpack it first"),
            (nil, spec().replacingOccurrences(of: "images: mnist/images-idx3-ubyte", with: "images: mnist/labels-idx1-ubyte"),
             "images need at least 2 dimensions (count × pixels)"),
            (nil, spec().replacingOccurrences(of: "labels: mnist/labels-idx1-ubyte", with: "labels: mnist/images-idx3-ubyte"),
             "labels need 1 dimension"),
            (nil, spec().replacingOccurrences(of: "mnist/labels", with: "mnist/nothing"), "batch_size.data.labels: no such file"),
        ]
        for (bytes, text, fragment) in cases {
            try (bytes ?? good).write(to: images)
            try text.write(to: file, atomically: true, encoding: .utf8)
            var message: String?
            do { _ = try FigureBuilder(spec: SpecLoader.load(file: file.path)).build() } catch { message = "\(error)" }
            #expect(message?.contains(fragment) == true, "\(message ?? "no error") lacks \(fragment)")
            #expect(message?.contains("\n") == false)
        }
    }

    @Test func theBundledDigitsAreTheUCISet() throws {
        let dir = try Catalog.directory().appendingPathComponent("data")
        let images = try IDXFile(bytes: [UInt8](Data(contentsOf: dir.appendingPathComponent("digits-images-idx3-ubyte"))), name: "images")
        let labels = try IDXFile(bytes: [UInt8](Data(contentsOf: dir.appendingPathComponent("digits-labels-idx1-ubyte"))), name: "labels")
        #expect(images.elementType == .uint8 && images.dimensions == [1797, 8, 8])
        #expect(labels.elementType == .uint8 && labels.dimensions == [1797])
        #expect(images.values.allSatisfy { (0...16).contains($0) } && images.values.max() == 16)
        // 174 to 183 images of each digit, the file starting 0, 1, …, 9.
        let counts = (0..<10).map { d in labels.values.filter { $0 == Double(d) }.count }
        #expect(counts.reduce(0, +) == 1797 && counts.min()! >= 174 && counts.max()! <= 183)
        #expect(Array(labels.values.prefix(10)) == (0..<10).map(Double.init))
        // The first image is a 0: a ring, blank in its middle column pair at the centre rows.
        #expect(Array(images.values[0..<8]) == [0, 0, 5, 13, 9, 1, 0, 0])
        let data = try ClassificationDataset(images: images, labels: labels, imagesName: "i", labelsName: "l", pixelMax: 16)
        #expect(data.count == 1797 && data.featureCount == 64 && data.classCount == 10)
        #expect(data.features[3] == 13.0 / 16)
    }
}
