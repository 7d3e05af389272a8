import Foundation
import Testing
import Raster
@testable import Encode

/// `--frames`: numbered PNGs, the animate package's timeline and the
/// `\animategraphics` line.
@Suite struct FrameSequenceTests {
    @Test func filesTimelineAndLineMatchTheFramesAndHolds() throws {
        let frames = figureLikeFrames(4)
        var sequence = FrameSequence(name: "adam")
        for (k, f) in frames.enumerated() { try sequence.addFrame(f, delay: k == 0 ? 0.5 : 0.06) }
        let files = try sequence.files(lastFrameHold: 1.5)
        #expect(files.map(\.name) == ["adam/adam-000.png", "adam/adam-001.png", "adam/adam-002.png", "adam/adam-003.png",
                                      "adam/adam.timeline", "adam/adam.tex"])
        for (file, frame) in zip(files, frames) { #expect(try PNGDecoder.decode(file.bytes) == frame) }
        let timeline = String(decoding: files[4].bytes, as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("%") }
        #expect(timeline == [":2:0", ":16.6667:1", "::2", ":0.6667:3"])
        let tex = String(decoding: files[5].bytes, as: UTF8.self)
        #expect(tex.contains("\\animategraphics[autoplay,loop,controls,width=\\linewidth,timeline=adam/adam.timeline]{2}{adam/adam-}{000}{003}\n"))
        #expect(tex.contains("4 frames, 2.12 s"))
        #expect(throws: EncodeError.self) { try FrameSequence(name: "x").files() }
        var bad = FrameSequence(name: "x")
        #expect(throws: EncodeError.self) { try bad.addFrame(frames[0], delay: 0) }
    }

    @Test func moreThanAThousandFramesGetMoreDigits() throws {
        var sequence = FrameSequence(name: "n")
        let image = Image(width: 2, height: 2, background: .white)
        for _ in 0..<1001 { try sequence.addFrame(image, delay: 0.05) }
        let names = try sequence.files().map(\.name)
        #expect(names.first == "n/n-0000.png" && names[1000] == "n/n-1000.png")
        #expect(String(decoding: try sequence.files().last!.bytes, as: UTF8.self).contains("{20}{n/n-}{0000}{1000}"))
    }
}
