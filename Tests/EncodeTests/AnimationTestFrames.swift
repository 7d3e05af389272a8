import Foundation
import Raster
@testable import Encode

/// Frames like a figure's: a white background, a grey box that stays, a
/// one-pixel dark-blue path that grows each frame, and a red 3 × 3 marker at its
/// end (the size of the catalog's markers); `width`/`height` odd by default to
/// exercise MP4's padding.
func figureLikeFrames(_ count: Int, width: Int = 201, height: Int = 121) -> [Image] {
    var image = Image(width: width, height: height, background: .white)
    image.fill(120, 80, 40, 24, (200, 200, 200, 255))
    var out: [Image] = []
    for k in 0..<count {
        var frame = image
        image.fill(5 + 12 * k, 20 + 2 * k, 12, 1, (31, 119, 180, 255))   // the path: one pixel thick, kept
        frame = image
        frame.fill(16 + 12 * k, 19 + 2 * k, 3, 3, (255, 0, 0, 255))      // the current point
        out.append(frame)
    }
    return out
}

/// Peak signal-to-noise ratio over R, G and B of `a` against `b` (dB), read
/// on `b`'s size from the top-left of `a` (which may be padded).
func psnr(_ a: Image, _ b: Image) -> Double {
    var sum = 0.0
    for y in 0..<b.height {
        for x in 0..<b.width {
            for c in 0..<3 {
                let d = Double(a.pixels[(y * a.width + x) * 4 + c]) - Double(b.pixels[(y * b.width + x) * 4 + c])
                sum += d * d
            }
        }
    }
    let mse = sum / Double(b.width * b.height * 3)
    return mse == 0 ? .infinity : 10 * log10(255 * 255 / mse)
}

/// The RGBA of pixel (x, y).
func pixel(_ image: Image, _ x: Int, _ y: Int) -> [Int] {
    let i = (y * image.width + x) * 4
    return image.pixels[i..<i + 4].map { Int($0) }
}

/// Encodes `frames` through the settings-taking protocol path, as the tool does.
func encodeAnimation(_ type: any AnimationEncoder.Type, _ frames: [Image], settings: EncoderSettings = EncoderSettings(),
                     delay: Double = 0.06, hold: Double? = 1.5) throws -> [UInt8] {
    try type.encode(width: frames[0].width, height: frames[0].height, settings: settings, lastFrameHold: hold) { body in
        for f in frames { try body(f, delay) }
    }
}
