import Foundation
import Plot
import Raster
import Testing
@testable import Gallery

/// The strict spec reader: every mistake one line with file:line:column, the
/// field path and the fix.
struct StrictSpecTests {
    static let base = """
    name: t
    objective: d2l
    x: [-5.5, 3]
    y: [-3, 3]
    runs:
      - optimizer: SGD(lr=0.05)
        start: [-5, -2]
        steps: 3
    """

    func message(_ yaml: String, source: String = "course.yaml") -> String? {
        do {
            let spec = try SpecLoader.load(yaml: yaml, source: source)
            _ = try FigureBuilder(spec: spec).build()
            return nil
        } catch { return "\(error)" }
    }

    @Test func unknownKeysAreErrorsWithTheClosestKey() {
        let yaml = Self.base + "\n  - optimizer: Adam(lr=0.1)\n    start: [-5, -2]\n    steps: 3\n    colour: red"
        #expect(message(yaml) == #"course.yaml:12:5: runs[1].colour: unknown key; did you mean "color"?"#)
        #expect(message(Self.base + "\ncontour: {colourmap: viridis}")
            == #"course.yaml:9:11: contour.colourmap: unknown key; did you mean "colormap"?"#)
        #expect(message(Self.base + "\nanimation: {stepsPerFrame: 2}")
            == #"course.yaml:9:13: animation.stepsPerFrame: unknown key; did you mean "steps_per_frame"?"#)
    }

    @Test func aKeyOfAnotherKindSaysWhereItBelongs() {
        #expect(message(Self.base + "\nquiver: {step: 1}")
            == "course.yaml:9:1: quiver: unknown key; a contour panel does not take it (it belongs to kind: quiver)")
    }

    @Test func wrongTypesRangesAndNonFiniteNumbers() {
        #expect(message(Self.base.replacingOccurrences(of: "steps: 3", with: "steps: 2.5"))
            == "course.yaml:8:12: runs[0].steps: expected a whole number, got '2.5'")
        #expect(message(Self.base.replacingOccurrences(of: "x: [-5.5, 3]", with: "x: [-5.5, .inf]"))
            == "course.yaml:3:11: x[1]: expected a finite number, got '.inf'")
        #expect(message(Self.base.replacingOccurrences(of: "x: [-5.5, 3]", with: "x: [3, -5.5]"))
            == "course.yaml:3:4: x: expected [min, max] with min < max")
        #expect(message(Self.base + "\ngrid: maybe") == "course.yaml:9:7: grid: expected true or false, got 'maybe'")
        #expect(message(Self.base + "\nkind: countour")
            == #"course.yaml:9:7: kind: unknown kind 'countour'; did you mean "contour"? (kinds: contour, curve, loss, plot, quiver, training, surface, batch_size)"#)
        #expect(message(Self.base + "\ntitle: a\ntitle: b") == "course.yaml:10:1: title: key given twice; keep one")
    }

    @Test func syntaxErrorsEmptyFilesAndNonUTF8() throws {
        let syntax = message("name: t\nx: [1, 2\ny: [1, 2]\n")
        #expect(syntax?.hasPrefix("course.yaml:3:2: YAML syntax:") == true, "\(syntax ?? "")")
        #expect(message("") == #"course.yaml:1:1: the file is empty; a figure needs at least name: and a panel (see the README's "Figure specs")"#)
        #expect(message("# only a comment\n")?.contains("the file is empty") == true)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("strict-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("latin1.yaml")
        try Data("name: t\ntitle: caf\u{e9}".data(using: .isoLatin1)!).write(to: file)
        #expect(throws: SpecError.self) { try SpecLoader.load(file: file.path) }
        do { _ = try SpecLoader.load(file: file.path) } catch {
            #expect("\(error)" == "\(file.path):2:11: not UTF-8 (byte 0xE9); save the file as UTF-8")
        }
        do { _ = try SpecLoader.load(file: dir.appendingPathComponent("nope.yaml").path) } catch {
            #expect("\(error)".hasSuffix("nope.yaml: no such file; check the path"))
        }
    }

    @Test func aFileMayHoldSeveralFiguresAndOneBadFigureKeepsTheOthers() {
        let yaml = """
        - name: a
          objective: d2l
          x: [-1, 1]
          y: [-1, 1]
        - name: b
          objective: d2l
          colour: red
        ---
        name: c
        objective: d2l
        x: [-1, 1]
        y: [-1, 1]
        """
        let results = SpecLoader.loadAll(yaml: yaml, source: "many.yaml")
        #expect(results.count == 3)
        #expect((try? results[0].get().name) == "a")
        #expect((try? results[2].get().name) == "c")
        if case .failure(let e) = results[1] {
            #expect(e.message == #"many.yaml:7:3: colour: unknown key; did you mean "contour"?"#)
        } else { Issue.record("figure b should fail") }
    }

    @Test func positionsReachChecksMadeWhileBuilding() {
        let yaml = """
        name: t
        panels:
          - objective: d2l
            x: [-1, 1]
            y: [-1, 1]
            runs:
              - {optimizer: "SGD(lr=0.1)", start: [1, 2, 3], steps: 2}
        """
        #expect(message(yaml) == "course.yaml:7:43: runs[0].start: expected 2 coordinates, got 3")
    }

    @Test func everyCatalogSpecUsesOneNamingConvention() throws {
        let dir = try Catalog.directory()
        for file in try FileManager.default.contentsOfDirectory(atPath: dir.path) where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for old in ["stepsPerFrame", "showLabel", "lineWidth", "markerSize", "legendFontSize", "startHold", "batchSize"] {
                #expect(!text.contains(old), "\(file) still uses \(old)")
            }
        }
    }
}

/// Figures that explain themselves: automatic legends and minima of any expression.
struct ExplainingFigureTests {
    func figure(_ yaml: String) throws -> Plot.Figure {
        try FigureBuilder(spec: SpecLoader.load(yaml: yaml, source: "t.yaml")).build()
    }

    @Test func twoRunsGetALegendLabelledWithTheirNonDefaultHyperparameters() throws {
        let base = """
        name: t
        objective: x^2 + y^2 + y^3 + x*y
        x: [-3, 3]
        y: [-3, 3]
        runs:
          - {optimizer: "SGD(lr=0.01)", start: [2, 3], steps: 5}
          - {optimizer: "Adam(lr=0.1, betas=(0.9, 0.999))", start: [2, 3], steps: 5}
        """
        let fig = try figure(base)
        #expect(fig[axes: 0].legend != nil)
        let labels = fig[axes: 0].artists.compactMap { ($0 as? Line2D)?.label }
        #expect(labels == ["SGD(lr=0.01)", "Adam(lr=0.1)"])
        #expect(try figure(base + "\nlegend: false")[axes: 0].legend == nil)
        let labelled = base.replacingOccurrences(of: "steps: 5}", with: "steps: 5, label: mine}")
        #expect(try figure(labelled)[axes: 0].legend == nil)
        let same = base.replacingOccurrences(of: "Adam(lr=0.1, betas=(0.9, 0.999))", with: "SGD(lr=0.01)")
            .replacingOccurrences(of: "start: [2, 3], steps: 5}\n", with: "start: [1, 1], steps: 5}\n")
        let sameLabels = try figure(same)[axes: 0].artists.compactMap { ($0 as? Line2D)?.label }
        #expect(sameLabels == ["SGD(lr=0.01) from (1, 1)", "SGD(lr=0.01) from (2, 3)"])
        // The learning rate is named even at its default (torch's SGD: 0.001, RMSprop: 0.01).
        let defaults = base.replacingOccurrences(of: "SGD(lr=0.01)", with: "SGD(momentum=0.9)")
            .replacingOccurrences(of: "Adam(lr=0.1, betas=(0.9, 0.999))", with: "RMSprop()")
        let defaultLabels = try figure(defaults)[axes: 0].artists.compactMap { ($0 as? Line2D)?.label }
        #expect(defaultLabels == ["SGD(lr=0.001, momentum=0.9)", "RMSprop(lr=0.01)"])
    }

    /// An end marker without a colour takes its run's, edged in white, above every path.
    @Test func uncolouredEndMarkersTakeTheirRunsColour() throws {
        let fig = try figure("""
        name: t
        objective: x^2 + y^2
        x: [-3, 3]
        y: [-3, 3]
        end: {marker: "o", show_label: false}
        runs:
          - {optimizer: "SGD(lr=0.1)", start: [2, 2], steps: 5, color: "#ff7f0e"}
          - {optimizer: "SGD(lr=0.2)", start: [2, 2], steps: 5, color: "#2ca02c"}
        """)
        let ends = fig[axes: 0].artists.compactMap { $0 as? Line2D }.filter {
            if case .final = $0.animationRole { return true } else { return false }
        }
        #expect(ends.map(\.style.color) == [0xff7f0e, 0x2ca02c].map { Color(hex: $0) as Color? })
        #expect(ends.allSatisfy { $0.style.markerEdgeColor == .white && $0.zorder > 2 })
    }

    @Test func expressionsGetTheirMinimaFound() throws {
        let himmelblau = try figure("name: t\nobjective: (x^2 + y - 11)^2 + (x + y^2 - 7)^2\nx: [-5, 5]\ny: [-5, 5]")
        let stars = himmelblau[axes: 0].artists.compactMap { $0 as? Line2D }.filter { $0.style.marker == .star }
        #expect(stars.count == 4)
        let saddle = try figure("name: t\nobjective: x^2 - y^2\nx: [-2, 2]\ny: [-2, 2]")
        #expect(!saddle[axes: 0].artists.contains { ($0 as? Line2D)?.style.marker == .star })
        let cubic = try figure("name: t\nobjective: x^2 + y^2 + y^3 + x*y\nx: [-1, 1]\ny: [-1, 1]\ncritical_points: true")
        let markers = cubic[axes: 0].artists.compactMap { $0 as? Line2D }.filter { $0.points.count == 1 }
        #expect(markers.filter { $0.style.marker == .star }.count == 1)
        #expect(markers.filter { $0.style.marker == .diamond }.count == 1)
    }
}

struct AutoViewTests {
    @Test func viewAutoWidensTheViewToHoldEveryPath() throws {
        let yaml = """
        name: t
        objective: x^2 + y^2
        x: [-1, 1]
        y: [-1, 1]
        view: auto
        runs:
          - {optimizer: "SGD(lr=0.1)", start: [4, -3], steps: 10}
        """
        let fig = try FigureBuilder(spec: SpecLoader.load(yaml: yaml, source: "t.yaml")).build()
        let axes = fig[axes: 0]
        #expect(axes.xlim!.lowerBound == -1 && axes.xlim!.upperBound > 4.3)
        #expect(axes.ylim!.lowerBound < -3.2 && axes.ylim!.upperBound == 1)
        let bad = yaml.replacingOccurrences(of: "view: auto", with: "view: wide")
        #expect(throws: SpecError.self) { try FigureBuilder(spec: SpecLoader.load(yaml: bad, source: "t.yaml")).build() }
    }
}
