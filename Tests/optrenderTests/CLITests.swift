import Encode
import Raster
import Foundation
import Testing

/// The built `optrender` binary, run as a user runs it.
struct CLITests {
    static let binary: URL = {
        let dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [dir, dir.deletingLastPathComponent(), dir.deletingLastPathComponent().deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("optrender")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return dir.appendingPathComponent("optrender")
    }()

    struct Result { let code: Int32; let out: String; let err: String }

    /// Runs the binary with `args`, in `directory` when given (else the test's own).
    static func run(_ args: [String], in directory: URL? = nil) throws -> Result {
        let p = Process()
        p.executableURL = binary
        p.arguments = args
        if let directory { p.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }

    static func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("optrender-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func helpAndVersion() throws {
        let help = try Self.run(["--help"])
        #expect(help.code == 0 && help.out.contains("--all") && help.out.contains("--list"))
        let version = try Self.run(["--version"])
        #expect(version.code == 0 && version.out.trimmingCharacters(in: .whitespacesAndNewlines).first?.isNumber == true)
    }

    @Test func listShowsTheCatalog() throws {
        let r = try Self.run(["--list"])
        #expect(r.code == 0 && r.out.contains("d2l_sgd"))
    }

    @Test func unknownOptionIsAUsageError() throws {
        let r = try Self.run(["--frobnicate"])
        #expect(r.code == 2)
        #expect(r.err.hasPrefix("optrender: error:"))
        let nothing = try Self.run([])
        #expect(nothing.code == 2)
    }

    @Test func missingOrUnwritableOutputFolderFailsWithOneLine() throws {
        let r = try Self.run(["--all", "--out", "/nonexistent/optrender/out"])
        #expect(r.code == 1)
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains("does not exist"))
        let file = try Self.tempDir().appendingPathComponent("plain")
        try Data().write(to: file)
        let f = try Self.run(["--all", "--out", file.path])
        #expect(f.code == 1 && f.err.contains("not a folder"))
    }

    @Test func allRendersEveryEntryWithoutLeavingTemporaryFiles() throws {
        let dir = try Self.tempDir()
        let r = try Self.run(["--all", "--only", "d2l_sgd", "--out", dir.path])
        #expect(r.code == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
        #expect(files == ["d2l_sgd.gif", "d2l_sgd.png"])
        let bytes = try Data(contentsOf: dir.appendingPathComponent("d2l_sgd.png"))
        #expect(bytes.starts(with: [0x89, 0x50, 0x4e, 0x47]))
        // Same input, same bytes.
        let again = try Self.tempDir()
        _ = try Self.run(["--all", "--only", "d2l_sgd", "--out", again.path])
        #expect(try Data(contentsOf: again.appendingPathComponent("d2l_sgd.png")) == bytes)
    }

    @Test func renderReportsABadSpecOnOneLine() throws {
        let dir = try Self.tempDir()
        let spec = dir.appendingPathComponent("bad.yaml")
        try "name: bad\nobjective: d2l\nx: [0, 1]\ny: [0, 1]\nruns:\n  - {optimizer: 'SGD(lr=-1)', start: [0, 0], steps: 3}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let r = try Self.run(["render", spec.path, "--out", dir.path])
        #expect(r.code == 1)
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains("runs[0].optimizer"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.png").path))
    }

    /// The root command once declared `--out` too and, parsing first, took the value:
    /// `render … --out DIR` then wrote into the current folder.
    @Test func renderWritesIntoTheOutFolderNotTheCurrentOne() throws {
        let dir = try Self.tempDir(), cwd = try Self.tempDir()
        let spec = dir.appendingPathComponent("good.yaml")
        try "name: good\nobjective: d2l\nx: [-5, 1]\ny: [-3, 1]\nruns:\n  - {optimizer: 'SGD(lr=0.4)', start: [-5, -2], steps: 3}\n"
            .write(to: spec, atomically: true, encoding: .utf8)
        let r = try Self.run(["render", spec.path, "--out", dir.path], in: cwd)
        #expect(r.code == 0, "\(r.err)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("good.png").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: cwd.path).isEmpty)
    }

    @Test func formatChoosesStillsOrAnimations() throws {
        let png = try Self.tempDir(), gif = try Self.tempDir()
        let r = try Self.run(["--all", "--only", "d2l_adam", "--format", "png", "--out", png.path])
        #expect(r.code == 0, "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: png.path) == ["d2l_adam.png"])
        // gif = animations only, of every figure with paths (as --gif-only), also through `render`.
        let g = try Self.run(["--all", "--only", "lr_demo_lr0.2", "--format", "gif", "--out", gif.path])
        #expect(g.code == 0, "\(g.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: gif.path) == ["lr_demo_lr0.2.gif"])
        let old = try Self.tempDir()
        _ = try Self.run(["--all", "--only", "lr_demo_lr0.2", "--gif-only", "--out", old.path])
        #expect(try Data(contentsOf: old.appendingPathComponent("lr_demo_lr0.2.gif"))
                == Data(contentsOf: gif.appendingPathComponent("lr_demo_lr0.2.gif")))
    }

    @Test func unknownOrContradictoryFormatIsAUsageErrorOnOneLine() throws {
        let dir = try Self.tempDir()
        let r = try Self.run(["--all", "--format", "avi", "--out", dir.path])
        #expect(r.code == 2)
        #expect(r.err.split(separator: "\n").count == 1 && r.err.contains("png, gif, webp, mp4"))
        let both = try Self.run(["render", "x.yaml", "--format", "png", "--gif-only", "--out", dir.path])
        #expect(both.code == 2 && both.err.contains("contradicts"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func animatedSpecsWriteAGIFBesideThePNG() throws {
        let dir = try Self.tempDir()
        let r = try Self.run(["--all", "--only", "d2l_adam", "--out", dir.path])
        #expect(r.code == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["d2l_adam.gif", "d2l_adam.png"])
        let gif = try GIFDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("d2l_adam.gif"))))
        // 30 Adam steps: frames at steps 0…30, 60 ms each, the last held 1.5 s.
        #expect(gif.frames.count == 31)
        #expect(gif.delays.dropLast().allSatisfy { $0 == 6 } && gif.delays.last == 150)
        #expect(gif.loopCount == 0)
    }

    @Test func sizeAndBareChangeTheOutput() throws {
        let dir = try Self.tempDir()
        let r = try Self.run(["--all", "--only", "d2l_sgd", "--bare", "--size", "320x200", "--out", dir.path])
        #expect(r.code == 0, "\(r.err)")
        let png = try PNGDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("d2l_sgd.png"))))
        #expect(png.width == 320 && png.height == 200)
        // Bare: the plot area fills the image, so the corners are contour colours, not white.
        #expect(png[0, 0] != .white && png[319, 199] != .white)
        let bad = try Self.run(["--all", "--size", "12", "--out", dir.path])
        #expect(bad.code == 2 && bad.err.contains("--size"))
    }

    @Test func doubleDpiIsTheSameFigureSharper() throws {
        let one = try Self.tempDir(), two = try Self.tempDir()
        _ = try Self.run(["--all", "--only", "lr_demo_lr0.2", "--no-gif", "--out", one.path])
        let r = try Self.run(["--all", "--only", "lr_demo_lr0.2", "--no-gif", "--dpi", "200", "--out", two.path])
        #expect(r.code == 0, "\(r.err)")
        let a = try PNGDecoder.decode([UInt8](Data(contentsOf: one.appendingPathComponent("lr_demo_lr0.2.png"))))
        let b = try PNGDecoder.decode([UInt8](Data(contentsOf: two.appendingPathComponent("lr_demo_lr0.2.png"))))
        #expect(b.width == 2 * a.width && b.height == 2 * a.height)
        // Averaging 2 × 2 blocks of the sharp render gives back the plain one, up to anti-aliasing.
        var total = 0.0
        for y in 0..<a.height {
            for x in 0..<a.width {
                for c in 0..<3 {
                    var sum = 0
                    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        sum += Int(b.pixels[((2 * y + dy) * b.width + 2 * x + dx) * 4 + c])
                    }
                    total += abs(Double(sum) / 4 - Double(a.pixels[(y * a.width + x) * 4 + c]))
                }
            }
        }
        let mean = total / Double(a.width * a.height * 3)
        #expect(mean < 3, "mean channel difference \(mean)")
    }

    @Test func traceTakesNegativeNumbersAsValues() throws {
        let r = try Self.run(["trace", "--objective", "parabola", "--start", "2", "--steps", "2", "--optimizer", "SGD(lr=1)"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("\"trajectory\": [[2.0], [-14.0], [98.0]]"))
        let csv = try Self.run(["trace", "--objective", "d2l", "--start", "-5,-2", "--steps", "1",
                                "--optimizer", "SGD(lr=0.05)", "--format", "csv"])
        #expect(csv.out == "step,x,y,loss\n0,-5.0,-2.0,10.5\n1,-4.95,-1.6,7.5702500000000015\n")
        let oneD = try Self.run(["trace", "--objective", "4*x^2", "--start", "-5", "--steps", "1", "--optimizer", "SGD(lr=0.1)"])
        #expect(oneD.code == 0 && oneD.out.contains("[[-5.0], [-1.0]]"))
    }

    /// PyTorch's semantics: the trace goes on through values beyond 1e150 (where a figure's
    /// path stops) and reports the first non-finite step. SGD(lr=0.1) on Rosenbrock from
    /// (−1.2, 1): the loss is 1.9e226 at step 4 and overflows at step 5.
    @Test func traceGoesOnPastHugeValuesUntilANonFiniteOne() throws {
        let r = try Self.run(["trace", "--objective", "rosenbrock", "--start", "-1.2,1", "--steps", "20",
                              "--optimizer", "SGD(lr=0.1)", "--format", "csv"])
        #expect(r.code == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n")
        #expect(rows.count == 6)                             // header and steps 0…4
        #expect(rows.last?.hasPrefix("4,-1.1750840674268094e+56,") == true)
        #expect(r.err == "diverged at step 5\n")
    }

    @Test func traceErrorsAreUsageErrorsOnOneLine() throws {
        let bad = try Self.run(["trace", "--objective", "0.1*x^2 + 2*(y^2", "--start", "1,1", "--optimizer", "SGD(lr=1)"])
        #expect(bad.code == 2 && bad.err.split(separator: "\n").count == 1 && bad.err.contains("column"))
        let wrong = try Self.run(["trace", "--objective", "d2l", "--start", "1", "--optimizer", "Nope(lr=1)"])
        #expect(wrong.code == 2 && wrong.err.contains("Adam"))
    }
}
