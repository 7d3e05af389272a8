import Foundation
import Plot
import Raster
import Testing
@testable import Gallery

/// Seed 004's batch-size experiment: the `batchSize` panel and its catalog entry.
struct BatchSizeTests {
    func build(_ yaml: String) throws -> Figure {
        try FigureBuilder(spec: SpecLoader.load(yaml: yaml, source: "test")).build()
    }

    func lines(_ figure: Figure) -> [Line2D] {
        figure[axes: 0].artists.compactMap { $0 as? Line2D }
    }

    @Test func catalogFigureHasTheSeedsFiveLinesAndSaysWhyItIsSynthetic() throws {
        let spec = try #require(try Catalog.specs().first { $0.name == "paddle_batch_size" })
        let caption = try #require(spec.caption)
        #expect(caption.contains("MNIST cannot be downloaded here"))
        #expect(caption.contains("synthetic") && caption.contains("fixed seed"))
        #expect(spec.seed == "004")

        let figure = try FigureBuilder(spec: spec).build()
        let axes = figure[axes: 0]
        #expect(axes.title == "epoch loss with different bs and lr")
        #expect(axes.xlabel == "epoch" && axes.ylabel == "loss")
        #expect(axes.legend?.fontSize == 14.4, "matplotlib's 'x-large'")
        let l = lines(figure)
        #expect(l.map(\.label) == ["batch size: 16, lr: 0.01", "batch size: 32, lr: 0.02", "batch size: 64, lr: 0.04",
                                   "batch size: 128, lr: 0.08", "batch size: 256, lr: 0.16"])
        #expect(l.map(\.style.color) == [0x9c9d9f, 0xf7d2e2, 0xf19ec2, 0xe86096, 0x000000].map { Color(hex: $0) as Color? })
        #expect(l.map(\.style.dash) == [.solid, .solid, .solid, .dashDot, .dashed])
        #expect(l.allSatisfy { $0.style.marker == nil })
        // plt.plot(train_epoch_losses): 30 epochs at x = 0 … 29.
        for line in l { #expect(line.points.map(\.x) == (0..<30).map(Double.init)) }
    }

    /// The seed's message, on the stand-in task (numbers measured with the catalog's settings:
    /// epoch-0 losses 0.733, 0.737, 0.744, 0.772, 0.847; last-epoch losses 0.0134, 0.0133,
    /// 0.0131, 0.0131, 0.0130).
    @Test func withTheLearningRateScaledTheBatchSizesEndAlike() throws {
        let spec = try #require(try Catalog.specs().first { $0.name == "paddle_batch_size" })
        let curves = lines(try FigureBuilder(spec: spec).build()).map { $0.points.map(\.y) }
        let first = curves.map { $0[0] }, last = curves.map { $0[29] }
        // In the first epoch, the smaller the batch the lower its mean loss (more updates).
        for k in 1..<5 { #expect(first[k] > first[k - 1], "epoch 0: \(first)") }
        #expect(first[4] - first[0] > 0.05, "the gap is visible: \(first)")
        // After 30 epochs the five runs agree within 5 % (measured: 3 %), each down by > 40×.
        #expect(last.max()! < 1.05 * last.min()!, "epoch 29: \(last)")
        for c in curves { #expect(c[29] < c[0] / 40) }
        // Every curve decreases epoch after epoch.
        for c in curves { for e in 1..<30 { #expect(c[e] < c[e - 1]) } }
    }

    @Test func defaultsAreTheSeedsRunsWithTheirLabels() throws {
        let figure = try build("""
        name: t
        kind: batch_size
        legend: true
        batch_size: {samples: 256, features: 8, epochs: 2}
        """)
        let l = lines(figure)
        #expect(l.count == 5)
        #expect(l.map(\.label) == ["batch size: 16, lr: 0.01", "batch size: 32, lr: 0.02", "batch size: 64, lr: 0.04",
                                   "batch size: 128, lr: 0.08", "batch size: 256, lr: 0.16"])
        #expect(l[4].style.color == Color(hex: 0x000000) && l[4].style.dash == .dashed)
        #expect(l.allSatisfy { $0.points.count == 2 })
        #expect(figure[axes: 0].xlabel == "epoch" && figure[axes: 0].ylabel == "loss")
    }

    @Test func sameSpecSameCurves() throws {
        let yaml = """
        name: t
        kind: batch_size
        batch_size:
          samples: 200
          features: 6
          epochs: 3
          runs: [{batch_size: 20, optimizer: "SGD(lr=0.05)"}, {batch_size: 40, optimizer: "Adam(lr=0.01)"}]
        """
        let a = lines(try build(yaml)).map(\.points), b = lines(try build(yaml)).map(\.points)
        #expect(a == b && a.count == 2)
        #expect(lines(try build(yaml)).map(\.label) == ["batch size: 20, lr: 0.05", "batch size: 40, lr: 0.01"])
    }

    @Test func mistakesNameTheField() {
        let base = """
        name: t
        kind: batch_size
        batch_size:
          samples: 100
          features: 4
          epochs: 1
          runs: [{batch_size: 10, optimizer: "SGD(lr=0.01)"}]
        """
        let cases: [(String, String)] = [
            (base.replacingOccurrences(of: "batch_size: 10", with: "batch_size: 101"), "batch_size.runs[0].batch_size: expected 1…100"),
            (base.replacingOccurrences(of: "SGD(lr=0.01)", with: "Nope(lr=1)"), "batch_size.runs[0].optimizer"),
            (base.replacingOccurrences(of: "epochs: 1", with: "epochs: 0"), "batch_size.epochs"),
            (base.replacingOccurrences(of: "features: 4", with: "features: 4\n  noise: -1"), "batch_size.noise"),
            (base.replacingOccurrences(of: "features: 4", with: "features: 4\n  classes: 1"), "batch_size.classes"),
            (base.replacingOccurrences(of: "samples: 100", with: "samples: 100000").replacingOccurrences(of: "features: 4", with: "features: 4096"),
             "too much training"),
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
