import ArgumentParser
import Encode
import Foundation
import Gallery
import Raster
import Testing
@testable import optrender

/// The gallery as a course's CI uses it (issue 10): job counts and shards give
/// the same bytes, unchanged files are not rewritten, --check finds stale,
/// missing and extra files, one failing figure does not stop the others, writes
/// are atomic, and an interrupted run leaves no temporary file.
struct CIWorkflowTests {
    typealias CLI = CLITests

    /// name → sha256 of every file in `dir`.
    static func hashes(_ dir: URL) throws -> [String: String] {
        var out: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) {
            out[name] = SHA256.hex([UInt8](try Data(contentsOf: dir.appendingPathComponent(name))))
        }
        return out
    }

    static func spec(_ name: String, optimizer: String = "SGD(lr=0.4)") -> String {
        "name: \(name)\nobjective: d2l\nx: [-5, 1]\ny: [-3, 1]\nruns:\n  - {optimizer: '\(optimizer)', start: [-5, -2], steps: 3}\n"
    }

    // MARK: --jobs and --shard

    @Test func everyJobCountAndShardingGivesTheSameBytes() throws {
        let one = try CLI.tempDir(), three = try CLI.tempDir(), s1 = try CLI.tempDir(), s2 = try CLI.tempDir()
        let a = try CLI.run(["--all", "--only", "lr_", "--jobs", "1", "--out", one.path])
        #expect(a.code == 0, "\(a.err)")
        let b = try CLI.run(["--all", "--only", "lr_", "--jobs", "3", "--out", three.path])
        #expect(b.code == 0, "\(b.err)")
        let expected = try Self.hashes(one)
        #expect(expected.count >= 5)
        #expect(try Self.hashes(three) == expected)
        // Two shards: disjoint, and together the same files, byte for byte.
        _ = try CLI.run(["--all", "--only", "lr_", "--shard", "1/2", "--out", s1.path])
        _ = try CLI.run(["--all", "--only", "lr_", "--shard", "2/2", "--out", s2.path])
        let h1 = try Self.hashes(s1), h2 = try Self.hashes(s2)
        #expect(Set(h1.keys).isDisjoint(with: h2.keys) && !h1.isEmpty && !h2.isEmpty)
        #expect(h1.merging(h2) { x, _ in x } == expected)
    }

    /// One figure alone gets every job for its frames and contour bands
    /// (`SpecRenderer.figureThreads`): its still and GIF are the same bytes.
    @Test func oneFigureOnManyThreadsGivesTheSameBytes() throws {
        let one = try CLI.tempDir(), four = try CLI.tempDir()
        let a = try CLI.run(["d2l_adam", "--jobs", "1", "--out", one.path])
        #expect(a.code == 0, "\(a.err)")
        let b = try CLI.run(["d2l_adam", "--jobs", "4", "--out", four.path])
        #expect(b.code == 0, "\(b.err)")
        let expected = try Self.hashes(one)
        #expect(Set(expected.keys) == ["d2l_adam.png", "d2l_adam.gif"])
        #expect(try Self.hashes(four) == expected)
    }

    @Test func shardsAreDisjointStableAndCoverEverything() throws {
        let specs = try Catalog.specs()
        for n in [1, 2, 3, 7] {
            let parts = (1...n).map { Shard.select(specs, part: ($0, n)).map(\.name) }
            #expect(parts.flatMap { $0 }.sorted() == specs.map(\.name).sorted())
            #expect(Set(parts.flatMap { $0 }).count == specs.count)
            #expect(parts.map(\.count).max()! - parts.map(\.count).min()! <= 1)
            #expect(parts == (1...n).map { Shard.select(specs.reversed(), part: ($0, n)).map(\.name) })
        }
    }

    @Test func badJobsAndShardAreUsageErrors() throws {
        for args in [["--jobs", "0"], ["--shard", "3/2"], ["--shard", "0/2"], ["--shard", "x"], ["--shard", "1/0"]] {
            let r = try CLI.run(["--all", "--out", "."] + args)
            #expect(r.code == 2, "\(args)")
            #expect(r.err.split(separator: "\n").count == 1)
        }
    }

    // MARK: writes

    @Test func unchangedFilesAreNotRewritten() throws {
        let dir = try CLI.tempDir()
        let first = try CLI.run(["--all", "--only", "lr_curve", "--out", dir.path])
        #expect(first.code == 0 && first.out.contains("1 written"), "\(first.out)\(first.err)")
        let file = dir.appendingPathComponent("lr_curve.png")
        let old = Date(timeIntervalSince1970: 1_000_000_000)
        try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: file.path)
        let second = try CLI.run(["--all", "--only", "lr_curve", "--out", dir.path])
        #expect(second.code == 0 && second.out.contains("1 unchanged"), "\(second.out)")
        let mtime = try FileManager.default.attributesOfItem(atPath: file.path)[.modificationDate] as? Date
        #expect(mtime == old)
    }

    @Test func quietPrintsNothingAndLinesNameEachFigure() throws {
        let dir = try CLI.tempDir()
        let quiet = try CLI.run(["--all", "--only", "lr_curve", "--quiet", "--out", dir.path])
        #expect(quiet.code == 0 && quiet.out.isEmpty && quiet.err.isEmpty)
        let loud = try CLI.run(["--all", "--only", "lr_curve", "--out", dir.path])
        let lines = loud.out.split(separator: "\n")
        #expect(lines.count == 2 && lines[0].hasPrefix("[1/1] lr_curve:") && lines[1].contains("1 figure, 1 files"))
    }

    /// On a terminal (a pseudo-terminal from util-linux's `script`): one line,
    /// rewritten in place, then the summary.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func terminalShowsOneUpdatingLine() throws {
        let dir = try CLI.tempDir()
        let command = "'\(CLI.binary.path)' --all --only lr_demo --out '\(dir.path)'"
        let r = try CLI.runProgram("/usr/bin/script", ["-qec", command, "/dev/null"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("\r\u{1B}[K[3/3] ") && r.out.contains("3 figures, 3 files: 3 written"), "\(r.out)")
        #expect(!r.out.contains("[1/3] lr_demo_lr0.125: "))
    }

    /// A full disk, injected: one line, no partial file, the old file intact.
    @Test func aFailingWriterLeavesNoPartialFile() throws {
        let dir = try CLI.tempDir()
        try Data("old".utf8).write(to: dir.appendingPathComponent("f.png"))
        let full: OutputFolder.Writer = { fd, bytes in
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress!, $0.count / 2) }
            throw WriteErrno(ENOSPC)
        }
        let folder = try OutputFolder(path: dir.path, writer: full)
        #expect(throws: CLIFailure.self) { try folder.write([UInt8](repeating: 7, count: 1000), to: "f.png") }
        do { try folder.write([1, 2, 3], to: "g.png") } catch {
            let message = "\(error)"
            #expect(!message.contains("\n") && message.contains("No space left on device") && message.contains("g.png"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["f.png"])
        #expect(try Data(contentsOf: dir.appendingPathComponent("f.png")) == Data("old".utf8))
    }

    @Test func namesCannotLeaveTheOutputFolder() throws {
        for bad in ["../evil", "a/b", "/abs", ".hidden", "", "..", "x\ny"] {
            #expect(OutputFolder.problem(withName: bad) != nil, "\(bad)")
        }
        for good in ["d2l_sgd", "lr_demo_lr0.2", "race-1"] { #expect(OutputFolder.problem(withName: good) == nil) }
        let dir = try CLI.tempDir(), outside = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        let spec = dir.appendingPathComponent("evil.yaml")
        try Self.spec("../evil").write(to: spec, atomically: true, encoding: .utf8)
        let r = try CLI.run(["render", spec.path, "--out", outside.path])
        // Refused when the spec is checked, before anything is rendered.
        #expect(r.code == 1 && r.err.contains("name") && r.err.contains("../evil"), "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["evil.yaml", "out"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside.path).isEmpty)
    }

    // MARK: failure isolation

    @Test func oneFailingFigureDoesNotStopTheOthers() throws {
        let dir = try CLI.tempDir(), out = try CLI.tempDir()
        let names = ["a_good", "b_bad", "c_good"]
        for n in names {
            try Self.spec(n, optimizer: n == "b_bad" ? "SGD(lr=-1)" : "SGD(lr=0.4)")
                .write(to: dir.appendingPathComponent("\(n).yaml"), atomically: true, encoding: .utf8)
        }
        let r = try CLI.run(["render"] + names.map { dir.appendingPathComponent("\($0).yaml").path } + ["--out", out.path])
        #expect(r.code == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == ["a_good.png", "c_good.png"])
        let errors = r.err.split(separator: "\n")
        #expect(errors.count == 2, "\(r.err)")
        #expect(errors.first?.contains("b_bad") == true || errors.first?.contains("runs[0].optimizer") == true)
        #expect(errors.last?.contains("1 of 3 figures failed") == true)
    }

    // MARK: --check

    @Test func checkReportsStaleAndMissingFilesAndWritesNothing() throws {
        let dir = try CLI.tempDir()
        _ = try CLI.run(["--all", "--only", "d2l_sgd", "--no-gif", "--out", dir.path])
        let ok = try CLI.run(["--all", "--only", "d2l_sgd", "--no-gif", "--check", "--out", dir.path])
        #expect(ok.code == 0 && ok.out.contains("1 up to date"), "\(ok.err)")
        // A stale image: the count and box of the pixels that differ.
        let png = dir.appendingPathComponent("d2l_sgd.png")
        var image = try Encode.PNGDecoder.decode([UInt8](Data(contentsOf: png)))
        var pixels = image.pixels
        for x in 10..<20 { pixels[(5 * image.width + x) * 4] &+= 50 }
        image = Raster.Image(width: image.width, height: image.height, pixels: pixels)!
        try Data(Encode.PNGStillEncoder().encode(image)).write(to: png)
        let before = try Self.hashes(dir)
        let stale = try CLI.run(["--all", "--only", "d2l_sgd", "--no-gif", "--check", "--out", dir.path])
        #expect(stale.code == 1)
        #expect(stale.err.contains("stale: \(dir.path)/d2l_sgd.png: 10 pixels differ, x 10…19, y 5…5"), "\(stale.err)")
        #expect(try Self.hashes(dir) == before)
        try FileManager.default.removeItem(at: png)
        let missing = try CLI.run(["--all", "--only", "d2l_sgd", "--no-gif", "--check", "--out", dir.path])
        #expect(missing.code == 1 && missing.err.contains("missing: \(dir.path)/d2l_sgd.png"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// The index pages of the whole catalog, and the extra files --check reports.
    @Test func indexPagesAreCheckedAndExtraFilesReported() throws {
        let dir = try CLI.tempDir()
        let specs = try Catalog.specs().filter { $0.name == "lr_curve" || $0.name == "race_beale" }
        let write = try RenderOptions.parse(["--out", dir.path, "--quiet", "--no-gif"])
        let folder = try OutputFolder(path: dir.path)
        try SpecRenderer(options: write).renderAll(specs, to: folder, index: true)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
        #expect(files == ["README.md", "lr_curve.png", "manifest.json", "race_beale.png"])
        let check = try RenderOptions.parse(["--out", dir.path, "--quiet", "--no-gif", "--check"])
        try SpecRenderer(options: check).renderAll(specs, to: folder, index: true)
        try Data().write(to: dir.appendingPathComponent("old_figure.gif"))
        try Data("changed".utf8).write(to: dir.appendingPathComponent("README.md"))
        let renderer = try SpecRenderer(options: check)
        let figureReports = specs.map { renderer.process($0, in: folder) }
        let (_, problems) = renderer.writeIndex(for: specs, reports: figureReports, to: folder)
        #expect(problems == ["stale: \(dir.path)/README.md", "extra: \(dir.path)/old_figure.gif (no figure writes it; delete it)"])
    }

    @Test func manifestAndReadmeAreDeterministicAndComplete() throws {
        let dir = try CLI.tempDir()
        let specs = try Catalog.specs().filter { ["d2l_sgd", "lr_curve", "race_beale"].contains($0.name) }
        let options = try RenderOptions.parse(["--out", "gallery/", "--quiet"])
        let renderer = try SpecRenderer(options: options)
        let folder = try OutputFolder(path: dir.path)
        let reports = specs.map { renderer.process($0, in: folder) }
        let figures = zip(specs, reports).map { (facts: GalleryFacts($0), files: $1.records) }
        let manifest = GalleryIndex.manifest(figures.flatMap { f in f.files.map { (f.facts, $0) } })
        #expect(manifest == GalleryIndex.manifest(figures.reversed().flatMap { f in f.files.map { (f.facts, $0) } }))
        let entries = try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as! [[String: Any]]
        #expect(entries.map { $0["path"] as! String } == ["d2l_sgd.gif", "d2l_sgd.png", "lr_curve.png", "race_beale.gif", "race_beale.png"])
        let gif = entries[0]
        #expect(gif["format"] as? String == "gif" && (gif["frames"] as? Int ?? 0) > 1 && gif["width"] as? Int == 1000)
        #expect(gif["spec"] as? String == "Sources/Gallery/Catalog/d2l_sgd.yaml")
        let png = try Data(contentsOf: dir.appendingPathComponent("d2l_sgd.png"))
        #expect(entries[1]["sha256"] as? String == SHA256.hex([UInt8](png)) && entries[1]["bytes"] as? Int == png.count)
        let readme = GalleryIndex.readme(figures, out: "gallery/")
        #expect(readme.contains("## Seed 000 — the d2l notebook") && readme.contains("## Seed 001 — the PyTorch post")
                && readme.contains("## Classic test functions"))
        #expect(!readme.contains("## Seed 004"))
        #expect(readme.contains("![d2l_sgd (animation, ") && readme.contains("![d2l_sgd (still)](d2l_sgd.png)"))
        #expect(readme.contains("| `SGD(lr=0.05)` | (-5, -2) | 50 |"))
        #expect(readme.contains("Reproduce: `optrender render Sources/Gallery/Catalog/d2l_sgd.yaml --out gallery/`"))
        // Every table has a header row.
        let lines = readme.split(separator: "\n", omittingEmptySubsequences: false)
        for (i, line) in lines.enumerated() where line.hasPrefix("|") && (i == 0 || !lines[i - 1].hasPrefix("|")) {
            #expect(lines[i + 1].hasPrefix("| ---"), "table without header at line \(i + 1)")
        }
    }

    /// Markdown shows images: a PDF gallery's index links its documents
    /// instead of embedding them as broken images; an SVG is an image.
    @Test func aPDFGallerysReadmeLinksItsDocuments() throws {
        let dir = try CLI.tempDir()
        let specs = try Catalog.specs().filter { $0.name == "lr_curve" }
        let folder = try OutputFolder(path: dir.path)
        for format in ["pdf", "svg"] {
            let renderer = try SpecRenderer(options: try RenderOptions.parse(["--out", "gallery/", "--quiet", "--format", format]))
            let reports = specs.map { renderer.process($0, in: folder) }
            let readme = GalleryIndex.readme(zip(specs, reports).map { (facts: GalleryFacts($0), files: $1.records) }, out: "gallery/")
            if format == "pdf" {
                #expect(readme.contains("[lr_curve (PDF, vector)](lr_curve.pdf)"))
                #expect(!readme.contains("![lr_curve"))
            } else {
                #expect(readme.contains("![lr_curve (still)](lr_curve.svg)"))
            }
        }
    }

    @Test func sha256MatchesKnownVectors() {
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    // MARK: signals

    /// SIGINT or SIGTERM while figures are being written: the process stops,
    /// and no temporary file is left, whenever the signal lands.
    @Test func interruptLeavesNoTemporaryFiles() throws {
        let dir = try CLI.tempDir()
        for (delay, terminate) in [(0.3, false), (1.0, false), (0.6, true)] {
            let p = Process()
            p.executableURL = CLI.binary
            p.arguments = ["--all", "--only", "paddle_s", "--quiet", "--out", dir.path]
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            Thread.sleep(forTimeInterval: delay)
            if terminate { p.terminate() } else { p.interrupt() }
            p.waitUntilExit()
            // 130/143 from our handler; on a slow machine the signal can land before
            // the handler is installed, and then the default action ends the process
            // (nothing has been written yet, so no temporary file either way).
            let bySignal = p.terminationReason == .uncaughtSignal
            #expect(bySignal || [0, terminate ? 143 : 130].contains(p.terminationStatus), "\(p.terminationStatus)")
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            #expect(left.allSatisfy { !$0.hasPrefix(".") && !$0.hasSuffix(".tmp") }, "\(left)")
        }
    }
}

extension CLITests {
    /// Runs any program, as `run` runs optrender.
    static func runProgram(_ path: String, _ args: [String]) throws -> Result {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return Result(code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
    }
}
