import Foundation
import Optimization
import Plot
import Raster
import Testing
@testable import Gallery

struct FigureSpecTests {
    static let minimal = """
    name: t
    objective: d2l
    x: [-5.5, 3]
    y: [-3, 3]
    runs:
      - optimizer: SGD(lr=0.05)
        start: [-5, -2]
        steps: 3
    """

    func build(_ yaml: String) throws -> Figure {
        try FigureBuilder(spec: SpecLoader.load(yaml: yaml, source: "test")).build()
    }

    func error(_ yaml: String) -> String? {
        do { _ = try build(yaml); return nil } catch { return "\(error)" }
    }

    @Test func catalogLoadsAndEveryEntryBuilds() throws {
        let specs = try Catalog.specs()
        #expect(specs.contains { $0.name == "d2l_sgd" })
        #expect(Set(specs.map(\.name)).count == specs.count, "names are unique")
        for s in specs { _ = try FigureBuilder(spec: s).build() }
    }

    @Test func d2lSGDFigureHoldsTheNotebooksTrajectory() throws {
        let spec = try Catalog.specs().first { $0.name == "d2l_sgd" }!
        let fig = try FigureBuilder(spec: spec).build()
        let lines = fig[axes: 0].artists.compactMap { $0 as? Line2D }
        // minimum, start, path, end — in seed 000's plotting order.
        #expect(lines.count == 4)
        let path = lines[2].points
        #expect(path.count == 51)
        // x ← x − 0.05·(0.2·x1, 4·x2): (−5, −2) → (−4.95, −1.6) → (−4.9005, −1.28).
        #expect(path[0] == Point(-5, -2))
        #expect(abs(path[1].x - -4.95) < 1e-15 && abs(path[1].y - -1.6) < 1e-15)
        #expect(abs(path[2].x - -4.9005) < 1e-14 && abs(path[2].y - -1.28) < 1e-14)
        let end = path[50]
        #expect(abs(end.x - -5 * pow(0.99, 50)) < 1e-12 && abs(end.y - -2 * pow(0.8, 50)) < 1e-12)
        #expect(lines[2].style.color == Color(hex: 0xff7f0e))
        #expect(lines[0].points == [Point(0, 0)] && lines[0].style.marker == .star)
        let texts = fig[axes: 0].artists.compactMap { $0 as? LabelPlacement }.flatMap(\.labels).map(\.text)
        #expect(texts == ["minimum", "start", "end"])
        #expect(fig[axes: 0].title == "SGD")
        #expect(fig.pixelWidth == 1000 && fig.pixelHeight == 600)
    }

    @Test func singlePanelMayBeWrittenInline() throws {
        let spec = try SpecLoader.load(yaml: Self.minimal, source: "test")
        #expect(spec.panels.count == 1 && spec.panels[0].objective == "d2l")
        #expect(spec.panels[0].runs?.first?.steps == 3)
    }

    @Test func mistakesGiveOneLineErrorsNamingTheField() {
        let cases: [(String, String)] = [
            (Self.minimal.replacingOccurrences(of: "start: [-5, -2]", with: "start: [-5, -2, 1]"),
             "test:7:12: runs[0].start: expected 2 coordinates, got 3"),
            (Self.minimal.replacingOccurrences(of: "x: [-5.5, 3]", with: "x: [3, -5.5]"), "x: expected [min, max]"),
            (Self.minimal.replacingOccurrences(of: "SGD(lr=0.05)", with: "Foo(lr=1)"), "runs[0].optimizer"),
            (Self.minimal.replacingOccurrences(of: "objective: d2l", with: "objective: 0.1*x^2 + (y"), "objective"),
            (Self.minimal + "\n    color: notacolour", "runs[0].color: 'notacolour' is not a colour"),
            (Self.minimal + "\n    style: '-q'", "runs[0].style"),
            (Self.minimal.replacingOccurrences(of: "name: t", with: "name: ../evil"), "name"),
            (Self.minimal + "\ntheme: fancy", "unknown theme 'fancy'"),
            (Self.minimal + "\ncontour: {colormap: nope}", "unknown colormap 'nope'"),
        ]
        for (yaml, fragment) in cases {
            let message = error(yaml)
            #expect(message?.contains(fragment) == true, "\(message ?? "no error") lacks \(fragment)")
            #expect(message?.contains("\n") == false)
        }
    }

    @Test func yamlProblemsNameTheKey() {
        #expect(error("objective: d2l")?.contains("missing key 'name'") == true)
        #expect(error("name: t\nx: oops") == "test:2:4: x: expected a list, got 'oops'")
        #expect(error("name: [")?.hasPrefix("test:2:1: YAML syntax:") == true)
    }
}
