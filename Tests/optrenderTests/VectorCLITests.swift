import Foundation
import Testing

/// PDF and SVG from the command line: `--format`, `plot --out FILE.pdf`,
/// `--pdf-book`, `--check` on a vector gallery, and the usage errors.
struct VectorCLITests {
    func run(_ args: [String], in dir: URL? = nil) throws -> CLITests.Result { try CLITests.run(args, in: dir) }

    @Test func formatPDFAndSVGWriteStillsThatCheckClean() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["pdf", "svg"] {
            // d2l_adam asks for an animation: with a vector format it writes its still only.
            let r = try run(["d2l_adam", "lr_curve", "--format", format, "--out", dir.path, "--quiet"])
            #expect(r.code == 0, "\(r.err)")
            for name in ["d2l_adam", "lr_curve"] {
                let bytes = try Data(contentsOf: dir.appendingPathComponent("\(name).\(format)"))
                #expect(bytes.starts(with: Array((format == "pdf" ? "%PDF-" : "<?xml").utf8)))
            }
            #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("d2l_adam.gif").path))
            let check = try run(["d2l_adam", "lr_curve", "--format", format, "--out", dir.path, "--check", "--quiet"])
            #expect(check.code == 0, "\(check.err)")
        }
    }

    @Test func plotWritesTheFormatOfItsExtension() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("rosen.svg").path
        let r = try run(["plot", "--objective", "rosenbrock", "--optimizer", "Adam(lr=0.1)", "--start", "-1,1",
                         "--steps", "20", "--out", out])
        #expect(r.code == 0, "\(r.err)")
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("<svg"))
    }

    @Test func pdfBookHasAPagePerStillInCatalogOrder() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let book = dir.appendingPathComponent("handout.pdf").path
        let r = try run(["lr_curve", "d2l_adam", "jp_surface3d", "--out", dir.path, "--format", "png",
                         "--pdf-book", book, "--jobs", "2", "--quiet"])
        #expect(r.code == 0, "\(r.err)")
        let info = try ExternalProgram.output("pdfinfo", [book])
        #expect(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last == "3")
        // Catalog order (the order given), whatever job finished first: page 1 is lr_curve's size.
        let sizes = try ExternalProgram.output("pdfinfo", ["-f", "1", "-l", "3", book])
            .split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size") }
        #expect(sizes.count == 3)
        #expect(sizes.last?.contains("576 x 576") == true, "\(sizes)")
    }

    @Test func badPDFBookIsAUsageError() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try run(["lr_curve", "--out", dir.path, "--pdf-book", dir.appendingPathComponent("x.png").path])
        #expect(r.code == 2 && r.err.contains("--pdf-book"))
        let gifOnly = try run(["lr_curve", "--out", dir.path, "--format", "gif", "--pdf-book", dir.appendingPathComponent("x.pdf").path])
        #expect(gifOnly.code == 2 && gifOnly.err.contains("--pdf-book"))
    }
}

/// Runs a helper program (poppler's pdfinfo) and returns its standard output.
enum ExternalProgram {
    static func output(_ tool: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = Pipe()
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
