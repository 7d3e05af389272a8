import Encode
import Foundation
import Testing

/// Rendering by name, `--print-spec`, `plot` one-liners and multi-figure spec files.
struct AuthoringCLITests {
    func run(_ args: [String], in dir: URL? = nil) throws -> CLITests.Result { try CLITests.run(args, in: dir) }

    @Test func namesRenderExactlyThoseFiguresAndUnknownNamesGetSuggestions() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["jp_sgd", "lr_curve", "--out", dir.path])
        #expect(r.code == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["jp_sgd.png", "lr_curve.png"])
        let bad = try run(["d2l_sdg", "--out", dir.path])
        #expect(bad.code == 2)
        #expect(bad.err == "optrender: error: no built-in figure named 'd2l_sdg'; did you mean d2l_sgd? see --list (or --only TEXT to match part of a name)\n")
    }

    @Test func printedBuiltinSpecRendersByteIdentically() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let printed = try run(["--print-spec", "d2l_adam"])
        #expect(printed.code == 0)
        let spec = dir.appendingPathComponent("spec.yaml")
        try printed.out.write(to: spec, atomically: true, encoding: .utf8)
        let a = dir.appendingPathComponent("a"), b = dir.appendingPathComponent("b")
        for d in [a, b] { try FileManager.default.createDirectory(at: d, withIntermediateDirectories: true) }
        #expect(try run(["d2l_adam", "--out", a.path]).code == 0)
        #expect(try run(["render", spec.path, "--out", b.path]).code == 0)
        for f in ["d2l_adam.png", "d2l_adam.gif"] {
            #expect(try Data(contentsOf: a.appendingPathComponent(f)) == Data(contentsOf: b.appendingPathComponent(f)), "\(f)")
        }
    }

    @Test func plotOneLinerWithNegativeNumbersAndItsPrintedSpec() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["plot", "--objective", "x^2 + y^2 + y^3 + x*y", "--optimizer", "SGD(lr=0.01)", "--optimizer", "Adam(lr=0.1)",
                    "--start", "-1.8,1.2", "--steps", "40", "--view", "-2:2,-1.5:1.5"]
        let png = try run(args + ["--out", dir.appendingPathComponent("saddle.png").path])
        #expect(png.code == 0, "\(png.err)")
        let gif = try run(args + ["--out", dir.appendingPathComponent("saddle.gif").path])
        #expect(gif.code == 0, "\(gif.err)")
        #expect(try Data(contentsOf: dir.appendingPathComponent("saddle.gif")).starts(with: Array("GIF89a".utf8)))
        let printed = try run(args + ["--out", "saddle.png", "--print-spec"])
        #expect(printed.out.contains("x: [-2, 2]") && printed.out.contains("start: [-1.8, 1.2]"))
        #expect(printed.out.hasPrefix("name: saddle\n"))
        let spec = dir.appendingPathComponent("saddle.yaml")
        try printed.out.write(to: spec, atomically: true, encoding: .utf8)
        let again = dir.appendingPathComponent("again")
        try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
        #expect(try run(["render", spec.path, "--out", again.path, "--format", "png"]).code == 0)
        #expect(try Data(contentsOf: dir.appendingPathComponent("saddle.png")) == Data(contentsOf: again.appendingPathComponent("saddle.png")))
        let surface = try run(args + ["--surface", "--out", dir.appendingPathComponent("s.png").path])
        #expect(surface.code == 0, "\(surface.err)")
    }

    @Test func plotMistakesAreUsageErrors() throws {
        let base = ["plot", "--objective", "x^2 + y^2", "--start", "1,1", "--out", "/tmp/x.png"]
        let cases: [([String], String)] = [
            (base, "give at least one --optimizer"),
            (base + ["--optimizer", "Adamm(lr=1)"], "did you mean 'Adam'"),
            (base + ["--optimizer", "SGD(lr=0.1)", "--view", "3:-3,0:1"], "--view"),
            (["plot", "--objective", "x^2 + y^2", "--start", "1", "--optimizer", "SGD(lr=0.1)"], "--start"),
            (["plot", "--objective", "x^2 + y^2", "--start", "1,1", "--optimizer", "SGD(lr=0.1)", "--out", "a.webm"], "--out"),
        ]
        for (args, fragment) in cases {
            let r = try run(args)
            #expect(r.code == 2, "\(args): \(r.err)")
            #expect(r.err.contains(fragment), "\(r.err) lacks \(fragment)")
            #expect(r.err.split(separator: "\n").count == 1)
        }
    }

    @Test func aFileWithSeveralFiguresWritesTheGoodOnesAndReportsTheBadOne() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("course.yaml")
        try """
        - name: one
          objective: d2l
          x: [-1, 1]
          y: [-1, 1]
        - name: two
          objective: d2l
          x: [-1, 1]
          y: [-1, 1]
          colour: red
        ---
        name: three
        objective: d2l
        x: [-1, 1]
        y: [-1, 1]
        """.write(to: spec, atomically: true, encoding: .utf8)
        let r = try run(["render", spec.path, "--out", dir.path])
        #expect(r.code == 1)
        #expect(r.err == "optrender: error: \(spec.path):9:3: colour: unknown key; did you mean \"contour\"?\n"
                + "optrender: error: 1 of 3 figures failed (each error above); the others were written\n")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("one.png").path))
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("three.png").path))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("two.png").path))
    }
}

struct PlotSweepCLITests {
    @Test func plotSweepsWriteSmallMultiples() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let args = ["plot", "--objective", "x^2 + 3*y^2", "--optimizer", "SGD(lr=0.1)", "--start", "-2,1.5", "--steps", "20",
                    "--sweep", "lr=0.05:0.3:6"]
        let r = try CLITests.run(args + ["--out", dir.appendingPathComponent("sweep.png").path])
        #expect(r.code == 0, "\(r.err)")
        let printed = try CLITests.run(args + ["--print-spec"])
        #expect(printed.out.contains("sweep:") && printed.out.contains("lr: [0.05, 0.1, 0.15, 0.2, 0.25, 0.3]"), "\(printed.out)")
        let bad = try CLITests.run(args + ["--sweep", "lr=1:2"])
        #expect(bad.code == 2 && bad.err.contains("--sweep lr"))
    }
}

struct SweepAnimationCLITests {
    @Test func aCatalogSweepAnimatesOneFramePerValue() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLITests.run(["d2l_sweep_sgd", "--out", dir.path])
        #expect(r.code == 0, "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["d2l_sweep_sgd.gif", "d2l_sweep_sgd.png"])
        let gif = try GIFDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("d2l_sweep_sgd.gif"))))
        #expect(gif.frames.count == 6)
        #expect(gif.delays == [100, 100, 100, 100, 100, 200])
    }
}
