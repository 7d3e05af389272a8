import Raster

/// MP4 (H.264) files for slides and web pages, through FFmpeg's libraries:
/// libx264 at a constant quality (CRF), yuv420p with the BT.709 matrix at
/// limited range (and tagged so), the index at the front of the file (fast
/// start) so browsers and slide tools play it while it loads.
///
/// 4:2:0 needs even sides: an odd width or height gets one more column or row
/// in `EncoderSettings.background` (the figure's background), never a crop.
/// Each frame lasts its delay rounded to whole milliseconds, written as
/// timestamps (variable frame rate), so the start and end holds last as long as
/// in the GIF; `finish(lastFrameHold:)` replaces the last delay. The file plays
/// once: MP4 has no loop count (players loop it when asked, e.g. `<video loop>`).
/// Two runs with the same frames and settings give the same bytes (see
/// `MP4H264Writer`).
///
/// FFmpeg's libraries are loaded by the first encoder of the process
/// (`FFmpegLibrary`), not at start: when they do not load, `init` throws one
/// line naming the library and how to install it.
///
/// Like every `AnimationEncoder`, a value owns one encoder: copies share it.
public struct MP4AnimationEncoder: AnimationEncoder {
    public static let formatName = "mp4"
    public static let fileExtension = "mp4"

    /// CRF without `--quality`. Measured on the catalog (last frame decoded with
    /// the BT.709 matrix against the still): d2l_adam 37.5 dB, paddle_saddle_anim
    /// 48.5 dB, paddle_saddle_orbit 44.2 dB, the red start ring, the star and the
    /// one-pixel paths as in the still; CRF 12 gains at most 0.2 dB on the 2-D
    /// figures for files 1.3–1.6 times larger. What limits the 2-D figures is
    /// 4:2:0 itself (colour at half resolution), not the CRF: a lone one-pixel
    /// dot keeps its brightness but shares its colour with its 2 × 2 block.
    public static let defaultCRF = 18

    /// x264's CRF 1…51: lower is better and larger. 0 is left out: it switches
    /// x264 to lossless coding, a profile (High 4:4:4 Predictive) that browsers
    /// and slide tools do not play.
    public static let qualityScale: QualityScale? = QualityScale(
        range: 1...51, integral: true,
        meaning: "x264 CRF 1…51, lower is better and larger, default \(defaultCRF)")

    public let width: Int
    public let height: Int
    /// The encoded size: `width` and `height` rounded up to even.
    public var encodedWidth: Int { writer.paddedWidth }
    public var encodedHeight: Int { writer.paddedHeight }
    /// Frames added so far.
    public var frameCount: Int { writer.frameCount }

    private let writer: MP4H264Writer
    private var failure: EncodeError?

    public init(width: Int, height: Int) throws {
        try self.init(width: width, height: height, settings: EncoderSettings())
    }

    public init(width: Int, height: Int, settings: EncoderSettings) throws {
        if let problem = Self.problem(with: settings) { throw EncodeError(problem) }
        guard (2...8192).contains(width), (2...8192).contains(height) else {
            throw EncodeError("an MP4 animation must be 2…8192 pixels a side, got \(width)×\(height)")
        }
        self.width = width
        self.height = height
        writer = try MP4H264Writer(width: width, height: height, crf: Int(settings.quality ?? Double(Self.defaultCRF)),
                                   background: settings.background)
    }

    /// Adds `image` for `delay` seconds (whole milliseconds, at least 1).
    public mutating func addFrame(_ image: Image, delay: Double) throws {
        if let failure { throw failure }
        do {
            try EncodeError.validate(image, what: "frame \(frameCount + 1)")
            guard image.width == width, image.height == height else {
                throw EncodeError("frame \(frameCount + 1) is \(image.width)×\(image.height), the animation \(width)×\(height)")
            }
            let ms = try WebPAnimationEncoder.milliseconds(delay, what: "frame \(frameCount + 1)'s delay")
            try writer.add(image, milliseconds: Int64(ms))
        } catch let error as EncodeError {
            failure = error
            throw error
        }
    }

    public mutating func finish(lastFrameHold: Double?) throws -> [UInt8] {
        if let failure { throw failure }
        guard frameCount > 0 else { throw EncodeError("an MP4 animation needs at least one frame") }
        let hold = try lastFrameHold.map { Int64(try WebPAnimationEncoder.milliseconds($0, what: "the last frame's hold")) }
        return try writer.finish(hold: hold)
    }
}
