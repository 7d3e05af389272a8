import Dispatch
import Foundation
import Raster

/// An animated GIF being assembled frame by frame, its frames held until
/// `encode()`.
///
/// ```swift
/// var gif = GIFAnimation(width: 1000, height: 600)
/// for k in 0...steps { gif.addFrame(render(step: k), delay: 0.06) }
/// gif.lastFrameHold = 2
/// let bytes = try gif.encode()
/// ```
///
/// `addFrame` compares each frame with the one before on raw RGBA and keeps only
/// the bounding rectangle of the changed pixels, run-length encoded
/// (`RunLengthPixels`) with the spans inside it that did not change held as
/// `unchanged` runs, so a 150-frame animation whose paths grow by a segment
/// per frame holds one compact full frame plus 149 rectangles of a few runs
/// each, and a 72-frame 1000×600 camera orbit 4.4 MB (6.8 MB of runs, deflated;
/// 172 MB raw). The palette needs every
/// frame's colours before the first frame can be written, so this type holds
/// them; for frames that may not fit in memory, use
/// `GIFAnimation.encode(width:height:loopCount:lastFrameHold:frames:)`, which
/// streams from a second pass past a limit. See `encode()` for the file it makes.
///
/// **Alpha**: frames are opaque figures. Translucent pixels are composited over
/// white; fully transparent ones become white. (GIF has one-bit transparency and
/// its transparent index is reserved for frame differencing.)
public struct GIFAnimation: Sendable {
    public let width: Int
    public let height: Int
    /// 0 = loop forever (the default); N ≥ 1 = play N times in all. Written as
    /// the NETSCAPE2.0 repeat count N − 1 (browsers play the animation once and
    /// then repeat it that many times); N = 1 writes no loop block at all.
    /// `encode()` throws outside 0…65536.
    public var loopCount: Int = 0
    /// When set, the last frame's delay in seconds (replacing the delay it was
    /// added with), so the finished figure stays on screen; same clamping as
    /// `addFrame`'s delay.
    public var lastFrameHold: Double? = nil

    var frames: [StoredFrame] = []
    var differ: FrameDiffer
    /// Every frame's colours, counted as frames arrive (the palette's input).
    private(set) var histogram = ColorHistogram()
    /// Bytes held in the frames' pixels (`RunLengthPixels`).
    private(set) var heldBytes = 0
    /// The first problem `addFrame` (or the size) met; `encode()` throws it.
    private(set) var problem: EncodeError?
    /// The last frame's runs being deflated on another thread, taken into
    /// `frames` by the next `addFrame` or by `encode()`.
    private var deflating: DeflateJob?

    /// An empty animation with a `width × height` canvas (1…65535 each, or
    /// `encode()` throws). Every frame must have this size.
    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
        differ = FrameDiffer(width: width, height: height)
        if !(1...65535).contains(width) || !(1...65535).contains(height) {
            problem = EncodeError("GIF size \(width)×\(height) is outside 1…65535 pixels a side")
        }
    }

    /// Frames added so far.
    public var frameCount: Int { frames.count }

    /// Appends a frame shown for `delay` seconds.
    ///
    /// The delay is stored in hundredths, rounded, and never below 0.02 s:
    /// browsers slow delays under 0.02 s down to 0.1 s. NaN or negative delays
    /// become 0.02 s; delays over 655.35 s are capped.
    /// A frame of another size, or whose `pixels` do not match its size, makes
    /// `encode()` throw (naming the frame); later frames are then ignored.
    public mutating func addFrame(_ image: Image, delay: Double) {
        guard problem == nil else { return }
        problem = Self.problem(with: image, number: frames.count, width: width, height: height)
        guard problem == nil else { return }
        takeDeflated()
        let (rect, marked) = differ.nextMarkingUnchanged(image, counting: &histogram)
        let pixels = marked.withUnsafeBufferPointer { RunLengthPixels($0) }
        heldBytes += pixels.byteCount
        if pixels.byteCount >= Self.deflatedFrameBytes { deflating = DeflateJob(pixels, frame: frames.count) }
        frames.append(StoredFrame(rect: rect, pixels: pixels, delay: Self.hundredths(delay)))
    }

    /// Waits for the frame being deflated, if any, and holds it deflated.
    private mutating func takeDeflated() {
        guard let job = deflating else { return }
        deflating = nil
        let pixels = job.result()
        heldBytes += pixels.byteCount - frames[job.frame].pixels.byteCount
        frames[job.frame].pixels = pixels
    }

    /// Frames whose runs take at least this many bytes (16 KiB) are held
    /// deflated (`RunLengthPixels.deflate`): frames that changed whole, as a
    /// camera orbit's do, or the first. A growing path's frames take a few
    /// hundred bytes and stay as they are. The deflating runs on another
    /// thread while the next frame is made: an orbit makes its frames one at
    /// a time, so a core is free for it.
    static let deflatedFrameBytes = 16 << 10

    /// Why frame `number` cannot be added, or nil: another size, or pixels that
    /// do not match its size.
    static func problem(with image: Image, number n: Int, width: Int, height: Int) -> EncodeError? {
        guard image.width == width, image.height == height else {
            return EncodeError(
                "frame \(n) is \(image.width)×\(image.height) but the animation is \(width)×\(height)")
        }
        do { try EncodeError.validate(image, what: "frame \(n)") } catch {
            return error as? EncodeError ?? EncodeError("frame \(n) is not a valid image")
        }
        return nil
    }

    /// The GIF89a file: one global palette (exact when all frames use ≤ 256
    /// colours, else quantized without dithering), the NETSCAPE2.0 loop block,
    /// and per frame a Graphic Control Extension (delay, "do not dispose",
    /// transparent index) and the smallest rectangle that changed since the
    /// previous frame, unchanged pixels inside it transparent. A frame identical
    /// to the previous one is kept (so frame count and timing are preserved) as
    /// a single transparent pixel.
    ///
    /// The same frames always give the same bytes.
    ///
    /// - Throws: `EncodeError` when there are no frames, a frame was rejected by
    ///   `addFrame`, the size or `loopCount` is out of range, or giflib fails.
    public func encode() throws -> [UInt8] {
        if let problem { throw problem }
        var done = self
        done.takeDeflated()
        return try done.encodeHeld()
    }

    /// `encode()` once every frame is held as it will stay.
    private func encodeHeld() throws -> [UInt8] {
        guard !frames.isEmpty else { throw EncodeError("the animation has no frames") }
        try Self.checkLoopCount(loopCount)
        let palette = GIFPalette(histogram: histogram, needsTransparency: frames.count > 1)
        var writer = try GIFFrameWriter(width: width, height: height, palette: palette, loopCount: loopCount)
        // Each frame's runs are drawn onto the screen (runs held as
        // `unchanged` leave what it shows) and the writer reads the frame's
        // rectangle from there: no buffer of the largest rectangle besides it.
        var screen = [UInt32](repeating: 0, count: width * height)
        for frame in frames {
            try screen.withUnsafeMutableBufferPointer { screen in
                guard let rect = frame.rect else {
                    return try writer.add(rect: nil, rgb: UnsafeBufferPointer(rebasing: screen[..<0]), delay: frame.delay)
                }
                frame.pixels.decode(onto: screen, at: rect, width: width)
                let origin = rect.y * width + rect.x
                let end = origin + (rect.height - 1) * width + rect.width
                try writer.add(rect: rect, rgb: UnsafeBufferPointer(rebasing: screen[origin..<end]), stride: width,
                               delay: frame.delay)
            }
        }
        return try writer.finish(lastDelay: lastFrameHold.map(Self.hundredths))
    }

    static func checkLoopCount(_ loopCount: Int) throws {
        guard (0...65536).contains(loopCount) else {
            throw EncodeError("GIF loop count \(loopCount) is outside 0…65536 (0 = forever)")
        }
    }

    /// Seconds → GIF delay units (hundredths), clamped to 2…65535.
    static func hundredths(_ seconds: Double) -> Int {
        guard seconds.isFinite else { return seconds == .infinity ? 65535 : 2 }
        let h = (seconds * 100).rounded()
        return h >= 65535 ? 65535 : max(2, Int(h))
    }
}

/// A frame's runs deflated on a thread of its own (`RunLengthPixels.deflate`);
/// `result()` waits for them. Deflating gives the same bytes on any thread.
///
/// Not on Dispatch's global queue: the frame makers (`OrderedPipeline`) hold
/// its threads while they wait for the encoder, and the encoder waits for
/// this job, so queued there it waited until Dispatch added a thread — about
/// a second, measured on every growing GIF (d2l_sgd 129 → 1083 ms).
final class DeflateJob: @unchecked Sendable {
    let frame: Int
    private let group = DispatchGroup()
    /// Written on the thread before `group` is left, read after waiting on it.
    private var deflated: RunLengthPixels

    /// Starts deflating `pixels`, the runs of frame number `frame`.
    init(_ pixels: RunLengthPixels, frame: Int) {
        self.frame = frame
        deflated = pixels
        group.enter()
        Thread { [self] in
            deflated.deflate()
            group.leave()
        }.start()
    }

    /// The deflated runs, once they are.
    func result() -> RunLengthPixels {
        group.wait()
        return deflated
    }
}

/// One frame as `GIFAnimation` keeps it: the rectangle that changed since the
/// previous frame (the whole canvas for the first; nil when nothing changed) and
/// its pixels as packed opaque RGB or `RunLengthPixels.unchanged`, row by row,
/// held compactly.
struct StoredFrame: Sendable {
    var rect: PixelRect?
    var pixels: RunLengthPixels
    var delay: Int
}
