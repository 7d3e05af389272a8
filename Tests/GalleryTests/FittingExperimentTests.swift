import Foundation
import Optimization
import Plot
import Testing
@testable import Gallery

/// Seed 004's fitting experiment (7.3.1.2) as the catalog draws it: from the book's own start.
struct FittingExperimentTests {
    static let bookW = [-4.080414, -1.3719953]

    func curves(_ name: String) throws -> (iteration: [Double], epoch: [Double]) {
        let spec = try #require(try Catalog.specs().first { $0.name == name })
        let figure = try FigureBuilder(spec: spec).build()
        let ys = (0..<2).map { figure[axes: $0].artists.compactMap { $0 as? Line2D }.first!.points.map(\.y) }
        return (ys[0], ys[1])
    }

    @Test func theFiveFiguresStartFromTheBooksWeights() throws {
        let data = RegressionDataset.seed004Fitting()
        // The first batch's loss at W = (−4.080414, −1.3719953), b = 0, computed here directly.
        var squares = 0.0
        for k in 0..<64 {
            let r = data.features[k][0] * Self.bookW[0] + data.features[k][1] * Self.bookW[1] - data.targets[k]
            squares += r * r
        }
        for name in ["sgd", "adagrad", "rmsprop", "momentum", "adam"].map({ "paddle_fit_" + $0 }) {
            let spec = try #require(try Catalog.specs().first { $0.name == name })
            for panel in spec.panels { #expect(panel.training?.startWeights == Self.bookW && panel.training?.startBias == nil, "\(name)") }
            #expect(spec.caption?.contains("−4.080414, −1.3719953") == true)
            let (iteration, epoch) = try curves(name)
            #expect(iteration.count == 480 && epoch.count == 30)
            #expect(abs(iteration[0] - squares / 64) < 1e-12 * squares, "\(name)")
            // The book's first losses are about 25–32.
            #expect(iteration[0] > 25 && iteration[0] < 32, "\(name): \(iteration[0])")
            #expect(iteration.prefix(16).max()! < 32, "\(name): \(iteration.prefix(16))")
        }
    }

    /// The book's point about AdaGrad: its learning rate decays, so it is the slowest of the five.
    @Test func adagradIsTheSlowest() throws {
        let last = try ["sgd", "adagrad", "rmsprop", "momentum", "adam"].map { try curves("paddle_fit_" + $0).iteration.last! }
        let adagrad = last[1]
        #expect(adagrad > 1, "still above 1 after 480 iterations: \(last)")
        for (k, other) in last.enumerated() where k != 1 { #expect(other < adagrad / 10, "\(last)") }
    }

    @Test func startWeightsAreChecked() throws {
        func build(_ training: String) throws -> Figure {
            try FigureBuilder(spec: SpecLoader.load(yaml: "name: t\nkind: training\ntraining: \(training)\n", source: "t.yaml")).build()
        }
        var message = ""
        do { _ = try build("{optimizer: \"SGD(lr=0.01)\", epochs: 1, start_weights: [1, 2, 3]}") } catch { message = "\(error)" }
        #expect(message == "t.yaml:3:65: training.start_weights: expected 2 weights [w1, w2], got 3", "\(message)")
        do { _ = try build("{optimizer: \"SGD(lr=0.01)\", start_wieghts: [1, 2]}") } catch { message = "\(error)" }
        #expect(message.hasPrefix("t.yaml:3:39: training.start_wieghts: unknown key; did you mean \"start_weights\"?"), "\(message)")
        do { _ = try build("{optimizer: \"SGD(lr=0.01)\", start_bias: .nan}") } catch { message = "\(error)" }
        #expect(message.contains("training.start_bias: expected a finite number"), "\(message)")
        // A bias alone keeps the drawn weights; the first loss then differs only through b.
        let drawn = try build("{optimizer: \"SGD(lr=0.01)\", epochs: 1}")
        let shifted = try build("{optimizer: \"SGD(lr=0.01)\", epochs: 1, start_bias: 0}")
        let first = { (f: Figure) in f[axes: 0].artists.compactMap { $0 as? Line2D }.first!.points.map(\.y) }
        #expect(first(drawn) == first(shifted))
        #expect(first(try build("{optimizer: \"SGD(lr=0.01)\", epochs: 1, start_bias: 1}")) != first(drawn))
    }
}
