import Encode
import Foundation
import Raster
import Testing

/// Golden-image comparison for renders: `Tests/PlotTests/Golden/<name>.png`.
///
/// A missing golden is written and the test fails (look at it, then commit it);
/// `OPTRENDER_RECORD=1` re-records. On a mismatch `<name>.actual.png` and
/// `<name>.diff.png` are written next to the golden. Tolerances: a pixel differs
/// when a channel differs by more than `channelTolerance`; at most
/// `differingShare` of the pixels may differ.
enum GoldenImage {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ image: Image, named name: String, channelTolerance: Int = 8,
                      differingShare: Double = 0.002, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = folder.appendingPathComponent("\(name).png")
        let record = ProcessInfo.processInfo.environment["OPTRENDER_RECORD"] == "1"
        guard !record, let data = try? Data(contentsOf: url) else {
            try Data(PNGEncoder.encode(image)).write(to: url)
            Issue.record("golden \(name).png was \(record ? "re-recorded" : "missing and has been written"); look at it and commit it",
                         sourceLocation: sourceLocation)
            return
        }
        let golden = try PNGDecoder.decode([UInt8](data))
        guard golden.width == image.width, golden.height == image.height else {
            Issue.record("size \(image.width)×\(image.height) differs from golden \(golden.width)×\(golden.height)",
                         sourceLocation: sourceLocation)
            return
        }
        var diffPixels = Image(width: image.width, height: image.height, background: .white).pixels
        var differing = 0
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            let d = (0..<4).map { abs(Int(image.pixels[i + $0]) - Int(golden.pixels[i + $0])) }.max()!
            if d > channelTolerance {
                differing += 1
                diffPixels[i] = 255; diffPixels[i + 1] = 0; diffPixels[i + 2] = 0
            }
        }
        let share = Double(differing) / Double(image.width * image.height)
        if share > differingShare {
            try Data(PNGEncoder.encode(image)).write(to: folder.appendingPathComponent("\(name).actual.png"))
            try Data(PNGEncoder.encode(Image(width: image.width, height: image.height, pixels: diffPixels)!)).write(to: folder.appendingPathComponent("\(name).diff.png"))
            Issue.record("\(name): \(differing) pixels (\(share * 100) %) differ from the golden; see \(name).diff.png",
                         sourceLocation: sourceLocation)
        }
    }
}
