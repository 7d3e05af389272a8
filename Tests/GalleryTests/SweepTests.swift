import Foundation
import Plot
import Testing
@testable import Gallery

/// Sweeps: the notebooks' sliders as small multiples.
struct SweepTests {
    static let base = """
    name: s
    objective: d2l
    x: [-5.5, 3]
    y: [-3, 3]
    sweep: {lr: "0.1:0.5:5"}
    runs:
      - {optimizer: "d2l.momentum(lr=0.1, gamma=0.1)", start: [-5, -2], steps: 10}
    """

    func expanded(_ yaml: String) throws -> FigureSpec {
        try SweepExpansion.expand(SpecLoader.load(yaml: yaml, source: "s.yaml"))
    }

    @Test func oneAxisGivesAGridOfPanelsWithTheValueInEachTitle() throws {
        let spec = try expanded(Self.base)
        #expect(spec.panels.count == 5 && spec.layout == [2, 3])
        #expect(spec.panels.map(\.title) == ["lr = 0.1", "lr = 0.2", "lr = 0.3", "lr = 0.4", "lr = 0.5"])
        #expect(spec.panels.map { $0.runs![0].optimizer } == (1...5).map { "d2l.momentum(lr=0.\($0), gamma=0.1)" })
        #expect(Set(spec.panels.map { $0.x! + $0.y! }).count == 1, "one view, so one colour scale")
        let figure = try FigureBuilder(spec: SpecLoader.load(yaml: Self.base, source: "s.yaml")).build()
        #expect(figure.panels.count == 5)
    }

    @Test func twoAxesGiveARowsByColumnsGridAndStartsAndStepsSweepToo() throws {
        let two = try expanded(Self.base.replacingOccurrences(of: #"{lr: "0.1:0.5:5"}"#, with: "{lr: [0.1, 0.4], gamma: [0.1, 0.5, 0.9]}"))
        #expect(two.panels.count == 6 && two.layout == [2, 3])
        #expect(two.panels[5].title == "lr = 0.4, gamma = 0.9")
        #expect(two.panels[5].runs![0].optimizer == "d2l.momentum(lr=0.4, gamma=0.9)")
        let starts = try expanded(Self.base.replacingOccurrences(of: #"{lr: "0.1:0.5:5"}"#, with: "{start: [[-5, -2], [2, 2]], steps: [5, 50]}"))
        #expect(starts.panels.map(\.title) == ["start = (-5, -2), steps = 5", "start = (-5, -2), steps = 50",
                                               "start = (2, 2), steps = 5", "start = (2, 2), steps = 50"])
        #expect(starts.panels[3].runs![0].start == [2, 2] && starts.panels[3].runs![0].steps == 50)
        let log = try SweepSpec.axis("lr", range: "log:0.001:1:4")
        #expect(log.values.map { $0[0] } == [0.001, 0.01, 0.1, 1])
    }

    @Test func mistakesPointAtTheSweep() {
        func message(_ sweep: String) -> String? {
            do { _ = try expanded(Self.base.replacingOccurrences(of: #"{lr: "0.1:0.5:5"}"#, with: sweep)); return nil } catch { return "\(error)" }
        }
        #expect(message("{lr: \"0.1:0.5\"}")?.hasPrefix("s.yaml:5:13: sweep.lr: expected start:stop:count") == true)
        #expect(message("{gama: [0.1, 0.2]}")?.contains("sweep.gama: ") == true)
        #expect(message("{gama: [0.1, 0.2]}")?.contains("did you mean 'gamma'") == true)
        #expect(message("{lr: [0.1], gamma: [0.1], momentum: [0.5]}")?.contains("one or two") == true)
    }
}

struct SweepAnimationSpecTests {
    @Test func aSweepWithAnAnimationHasOneFramePerValue() throws {
        let yaml = SweepTests.base + "\nanimation: {fps: 1}"
        let spec = try SpecLoader.load(yaml: yaml, source: "s.yaml")
        #expect(SweepExpansion.animatesValues(spec))
        let frames = try SweepExpansion.frames(spec)
        #expect(frames.count == 5)
        #expect(frames.map { $0.panels[0].title } == ["lr = 0.1", "lr = 0.2", "lr = 0.3", "lr = 0.4", "lr = 0.5"])
        #expect(frames.allSatisfy { $0.panels.count == 1 && $0.animation == nil && $0.sweep == nil })
        #expect(SweepExpansion.still(spec).animation == nil)
    }
}
