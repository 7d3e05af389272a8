import Encode
import Raster
import Foundation
import Testing

/// `--format webp|mp4`, `--quality` and `--frames` as a user runs them, on a
/// catalog figure: what is written is decoded with libwebp's and FFmpeg's own
/// decoders and compared with the still and the GIF.
@Suite struct AnimationFormatsCLITests {
    static func bytes(_ dir: URL, _ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: dir.appendingPathComponent(name)))
    }

    /// d2l_adam as PNG, GIF, WebP and MP4 (in one folder) and again in another.
    static let rendered: (URL, URL) = {
        let a = try! CLITests.tempDir(), b = try! CLITests.tempDir()
        for dir in [a, b] {
            for format in ["png", "gif", "webp", "mp4"] {
                let r = try! CLITests.run(["d2l_adam", "--format", format, "--quiet", "--out", dir.path])
                precondition(r.code == 0, r.err)
            }
        }
        return (a, b)
    }()

    @Test func webpHasTheGIFsFramesAndDelaysAndEndsExactlyOnTheStill() throws {
        let (dir, again) = Self.rendered
        let webp = try WebPAnimationDecoder.decode(try Self.bytes(dir, "d2l_adam.webp"))
        let gif = try GIFDecoder.decode(try Self.bytes(dir, "d2l_adam.gif"))
        let still = try PNGDecoder.decode(try Self.bytes(dir, "d2l_adam.png"))
        #expect(webp.frames.count == gif.frames.count && webp.frames.count > 10)
        #expect(webp.delays == gif.delays.map { $0 * 10 })
        #expect(webp.loopCount == 0)
        #expect(webp.frames.last == still)
        #expect(try Self.bytes(dir, "d2l_adam.webp") == Self.bytes(again, "d2l_adam.webp"))
    }

    @Test func mp4HasTheGIFsTimelineAndEndsCloseToTheStill() throws {
        let (dir, again) = Self.rendered
        let video = try MP4Decoder.decode(try Self.bytes(dir, "d2l_adam.mp4"))
        let gif = try GIFDecoder.decode(try Self.bytes(dir, "d2l_adam.gif"))
        let still = try PNGDecoder.decode(try Self.bytes(dir, "d2l_adam.png"))
        #expect(video.frames.count == gif.frames.count)
        #expect(video.durations == gif.delays.map { $0 * 10 })
        #expect(video.width == 1000 && video.height == 600 && video.isBT709LimitedRange)
        #expect(video.moovOffset < video.mdatOffset)
        let quality = Self.psnr(video.frames.last!, still)
        #expect(quality >= 35, "PSNR \(quality) dB")
        #expect(try Self.bytes(dir, "d2l_adam.mp4") == Self.bytes(again, "d2l_adam.mp4"))
    }

    @Test func framesWriteNumberedPNGsATimelineAndTheBeamerLine() throws {
        let (dir, _) = Self.rendered
        let out = try CLITests.tempDir()
        let r = try CLITests.run(["d2l_adam", "--frames", "--quiet", "--out", out.path])
        #expect(r.code == 0, "\(r.err)")
        let gif = try GIFDecoder.decode(try Self.bytes(dir, "d2l_adam.gif"))
        let n = gif.frames.count
        let folder = out.appendingPathComponent("d2l_adam")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == n + 2 && names.first == "d2l_adam-000.png" && names.contains("d2l_adam.tex"))
        let last = try PNGDecoder.decode(try Self.bytes(folder, String(format: "d2l_adam-%03d.png", n - 1)))
        #expect(last == (try PNGDecoder.decode(try Self.bytes(dir, "d2l_adam.png"))))
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("d2l_adam.gif").path))
        let tex = String(decoding: try Self.bytes(folder, "d2l_adam.tex"), as: UTF8.self)
        #expect(tex.contains("{d2l_adam/d2l_adam-}{000}{\(String(format: "%03d", n - 1))}"))
        let timeline = String(decoding: try Self.bytes(folder, "d2l_adam.timeline"), as: UTF8.self)
        #expect(timeline.split(separator: "\n").filter { !$0.hasPrefix("%") }.count == n)
        // the still as usual, next to the folder; a second run changes nothing
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("d2l_adam.png").path))
        let again = try CLITests.run(["d2l_adam", "--frames", "--out", out.path])
        #expect(again.code == 0 && again.out.contains("\(n + 3) files: \(n + 3) unchanged"), "\(again.out)")
    }

    @Test func qualityIsCheckedAgainstTheFormatOnOneLine() throws {
        let dir = try CLITests.tempDir()
        for (args, needle) in [
            (["d2l_adam", "--quality", "50"], "gif has no quality setting"),
            (["d2l_adam", "--format", "webp", "--quality", "101"], "webp quality must be 0…100"),
            (["d2l_adam", "--format", "mp4", "--quality", "0"], "mp4 quality must be an integer 1…51"),
            (["d2l_adam", "--format", "png", "--quality", "5"], "no animation is written"),
            (["d2l_adam", "--format", "mp4", "--frames", "--quality", "20"], "does not apply to --frames"),
            (["d2l_adam", "--format", "png", "--frames"], "writes no animation"),
        ] {
            let r = try CLITests.run(args + ["--out", dir.path])
            #expect(r.code == 2 && r.err.split(separator: "\n").count == 1 && r.err.contains(needle), "\(args): \(r.err)")
        }
        let plot = try CLITests.run(["plot", "--objective", "x^2 + 2*y^2", "--optimizer", "SGD(lr=0.1)", "--start", "2,2",
                                     "--steps", "5", "--quality", "5", "--out", dir.appendingPathComponent("p.png").path])
        #expect(plot.code == 2 && plot.err.contains("is a still"), "\(plot.err)")
        let lossy = try CLITests.run(["plot", "--objective", "x^2 + 2*y^2", "--optimizer", "SGD(lr=0.1)", "--start", "2,2",
                                      "--steps", "5", "--quality", "80", "--out", dir.appendingPathComponent("p.webp").path])
        #expect(lossy.code == 0, "\(lossy.err)")
        #expect(try WebPAnimationDecoder.decode(try Self.bytes(dir, "p.webp")).frames.count > 1)
    }

    static func psnr(_ a: Image, _ b: Image) -> Double {
        var sum = 0.0
        for y in 0..<b.height {
            for x in 0..<b.width {
                for c in 0..<3 {
                    let d = Double(a.pixels[(y * a.width + x) * 4 + c]) - Double(b.pixels[(y * b.width + x) * 4 + c])
                    sum += d * d
                }
            }
        }
        return 10 * log10(255 * 255 / (sum / Double(b.width * b.height * 3)))
    }

    /// A figure whose spec asks for no animation, animated by `--format gif`:
    /// at most 200 steps' worth of frames (jp_adagrad_10000 would otherwise be
    /// 10,001), the last one at its last step, the still.
    @Test func aLongRunAnimatedOnlyByTheCommandLineGetsAtMost201Frames() throws {
        let dir = try CLITests.tempDir()
        for format in ["png", "gif"] {
            let r = try CLITests.run(["jp_momentum_1000", "--format", format, "--quiet", "--out", dir.path])
            #expect(r.code == 0, "\(r.err)")
        }
        let gif = try GIFDecoder.decode(try Self.bytes(dir, "jp_momentum_1000.gif"))
        #expect(gif.frames.count == 201)
        // The still has 618 colours, so the GIF's palette is a median cut: the
        // last frame is the still within the quantization's few levels.
        let still = try PNGDecoder.decode(try Self.bytes(dir, "jp_momentum_1000.png"))
        let last = try #require(gif.frames.last)
        #expect(last.width == still.width && last.height == still.height && last.pixels.count == still.pixels.count)
        let worst = zip(last.pixels, still.pixels).map { abs(Int($0) - Int($1)) }.max() ?? .max
        #expect(worst <= 24)
    }
}
