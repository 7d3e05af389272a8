import Foundation
import Testing

/// The `optrender` executable loads FFmpeg's libraries only when it makes an
/// MP4: `--version` and a PNG still start without them (nor their ~130
/// dependencies), an MP4 loads all four on demand.
///
/// What a process loads is read from glibc's dynamic loader itself
/// (`LD_DEBUG=files`, written to files by `LD_DEBUG_OUTPUT`): it reports every
/// library it maps, `needed by` for the ELF's DT_NEEDED entries and theirs,
/// `dynamically loaded by` for dlopen. That is the start-up cost itself, not a
/// proxy, and needs no tool beyond libc (no binutils on a fresh machine).
@Suite struct FFmpegOnDemandTests {
    static let ffmpeg = ["libavutil", "libswscale", "libavcodec", "libavformat"]

    /// Each library the loader mapped while `optrender args` ran (by the name
    /// it was asked for) and how: "needed" or "dynamically loaded".
    static func loadedLibraries(_ args: [String]) throws -> (code: Int32, libraries: [String: String]) {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let p = Process()
        p.executableURL = CLITests.binary
        p.arguments = args
        p.currentDirectoryURL = dir
        p.environment = ProcessInfo.processInfo.environment.merging(
            ["LD_DEBUG": "files", "LD_DEBUG_OUTPUT": dir.appendingPathComponent("loader").path]) { $1 }
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        var libraries: [String: String] = [:]
        // one trace file per process: loader.PID
        for name in try FileManager.default.contentsOfDirectory(atPath: dir.path) where name.hasPrefix("loader.") {
            let trace = try String(contentsOf: dir.appendingPathComponent(name), encoding: .utf8)
            for line in trace.split(separator: "\n") {
                // "  1234:	file=libc.so.6 [0];  needed by /path/optrender [0]"
                guard let file = line.firstRange(of: "file=") else { continue }
                let rest = line[file.upperBound...]
                let library = String(rest.prefix { $0 != " " })
                if rest.contains("needed by") { libraries[library] = "needed" }
                if rest.contains("dynamically loaded by") { libraries[library] = "dynamically loaded" }
            }
        }
        return (p.terminationStatus, libraries)
    }

    static func isFFmpeg(_ library: String) -> Bool {
        ffmpeg.contains { library.hasPrefix($0 + ".so") }
    }

    @Test func versionAndAStillStartWithoutFFmpeg() throws {
        let out = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        for args in [["--version"], ["d2l_sgd", "--no-gif", "--jobs", "1", "--quiet", "--out", out.path]] {
            let (code, libraries) = try Self.loadedLibraries(args)
            #expect(code == 0, "\(args)")
            // the trace worked: libc and the Swift runtime are there
            #expect(libraries["libc.so.6"] == "needed" && libraries["libswiftCore.so"] == "needed", "\(args): \(libraries)")
            #expect(libraries.keys.filter(Self.isFFmpeg).isEmpty, "\(args): \(libraries.keys.sorted())")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("d2l_sgd.png").path))
    }

    @Test func anMP4LoadsFFmpegOnDemand() throws {
        let out = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: out) }
        let (code, libraries) = try Self.loadedLibraries(["d2l_adam", "--format", "mp4", "--quiet", "--out", out.path])
        #expect(code == 0)
        for library in Self.ffmpeg {
            let loaded = libraries.filter { $0.key.hasPrefix(library + ".so") }
            #expect(loaded.count == 1 && loaded.values.first == "dynamically loaded", "\(library): \(libraries)")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("d2l_adam.mp4").path))
    }
}
