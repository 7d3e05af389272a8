import Encode
import Foundation
import Raster

/// `--check`: how a file in the output folder differs from what this build
/// renders, in words, for one line of the report.
enum GalleryCheck {
    /// Decoded GIFs hold every frame (151 frames of 1000 × 600 are 360 MB a
    /// file): one comparison at a time, and none beyond this many pixel bytes
    /// for the two files together.
    static let gifLock = NSLock()
    static let maximumDecodedBytes = 1 << 30

    /// Nil when `existing` holds exactly `expected`; "" when the file is missing;
    /// else ": " and what differs — for images, how many pixels and where.
    static func difference(expected: [UInt8], existing: [UInt8]?, format: String, pixelBytes: Int = 0) -> String? {
        guard let existing else { return "" }
        if existing == expected { return nil }
        switch format {
        case "png":
            guard let a = try? PNGDecoder.decode(expected), let b = try? PNGDecoder.decode(existing) else {
                return ": bytes differ (the file is not a readable PNG)"
            }
            return ": " + describe([a], [b])
        case "gif":
            if 2 * pixelBytes > maximumDecodedBytes {
                return ": bytes differ (\(existing.count) bytes, expected \(expected.count); too many frames to compare pixels)"
            }
            gifLock.lock(); defer { gifLock.unlock() }
            guard let a = try? GIFDecoder.decode(expected), let b = try? GIFDecoder.decode(existing) else {
                return ": bytes differ (the file is not a readable GIF)"
            }
            if a.frames.count != b.frames.count { return ": \(b.frames.count) frames, expected \(a.frames.count)" }
            if a.delays != b.delays, a.frames == b.frames { return ": frame delays differ" }
            return ": " + describe(a.frames, b.frames)
        default:
            return ": \(existing.count) bytes differ from the \(expected.count) expected"
        }
    }

    /// "1,234 pixels differ (in 3 of 31 frames), x 100…300, y 20…80".
    static func describe(_ expected: [Image], _ existing: [Image]) -> String {
        var count = 0, framesDiffering = 0
        var minX = Int.max, minY = Int.max, maxX = -1, maxY = -1
        for (a, b) in zip(expected, existing) {
            if a.width != b.width || a.height != b.height {
                return "\(b.width)×\(b.height), expected \(a.width)×\(a.height)"
            }
            var differs = false
            a.pixels.withUnsafeBufferPointer { p in
                b.pixels.withUnsafeBufferPointer { q in
                    for i in stride(from: 0, to: p.count, by: 4)
                    where p[i] != q[i] || p[i + 1] != q[i + 1] || p[i + 2] != q[i + 2] || p[i + 3] != q[i + 3] {
                        let x = (i / 4) % a.width, y = (i / 4) / a.width
                        count += 1; differs = true
                        minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                    }
                }
            }
            if differs { framesDiffering += 1 }
        }
        if count == 0 { return "bytes differ, pixels identical (encoder settings changed)" }
        let frames = expected.count > 1 ? " (in \(framesDiffering) of \(expected.count) frames)" : ""
        return "\(count) pixel\(count == 1 ? "" : "s") differ\(count == 1 ? "s" : "")\(frames), x \(minX)…\(maxX), y \(minY)…\(maxY)"
    }
}
