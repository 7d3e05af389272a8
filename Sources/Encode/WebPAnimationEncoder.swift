import CWebP
import Raster

/// Animated WebP files through libwebp's `WebPAnimEncoder`: lossless by default
/// (plots are flat colours, and WebP has no palette limit, so 3-D shading and
/// the orbit keep every colour), lossy only when `EncoderSettings.quality` is
/// given (0…100, libwebp's quality, higher is better and larger).
///
/// The file loops forever. Each frame lasts its delay rounded to whole
/// milliseconds; `finish(lastFrameHold:)` replaces the last one's. libwebp
/// compares each frame with the previous one and stores only the rectangle that
/// changed (a sub-frame, blended over the canvas); a frame with no change at all
/// is merged into the previous one, whose duration grows by its delay, so a
/// decoder may report fewer frames than were added but the same timeline.
/// Key-frame insertion is off (every frame after the first is such a
/// sub-frame), `minimize_size` is off (it tries more candidates per frame and
/// made d2l_adam and paddle_saddle_anim no smaller) and libwebp runs
/// single-threaded:
/// the same frames and settings give the same bytes.
///
/// Like every `AnimationEncoder`, a value owns one libwebp encoder: copies share
/// it, so use one copy.
public struct WebPAnimationEncoder: AnimationEncoder {
    public static let formatName = "webp"
    public static let fileExtension = "webp"

    /// Lossy quality 0…100 (libwebp's `quality`); without it the file is lossless.
    public static let qualityScale: QualityScale? = QualityScale(
        range: 0...100, integral: false,
        meaning: "lossy quality 0…100, higher is better and larger, default lossless")

    /// libwebp's lossless preset level (0 fastest … 9 smallest) used by default.
    /// Measured: level 9 makes d2l_adam 8 % and paddle_saddle_anim 6 % smaller
    /// than 5, and 7 gains under 7 %; 5 keeps the encoder's time near the
    /// MP4's (README, bench/formats).
    public static let losslessLevel: Int32 = 5

    /// WebP canvases hold up to 16383 pixels a side.
    public static let maximumSide = 16383

    public let width: Int
    public let height: Int
    /// Nil for lossless, else the lossy quality.
    public let quality: Double?
    /// Frames added so far.
    public private(set) var frameCount = 0

    private let encoder: Handle
    /// The start of the next frame (and, at `finish`, the end of the last), ms.
    private var timestamp = 0
    /// The last frame's delay in ms, replaced by the hold at `finish`.
    private var lastDelay = 0
    private var failure: EncodeError?

    public init(width: Int, height: Int) throws {
        try self.init(width: width, height: height, settings: EncoderSettings())
    }

    public init(width: Int, height: Int, settings: EncoderSettings) throws {
        if let problem = Self.problem(with: settings) { throw EncodeError(problem) }
        guard (1...Self.maximumSide).contains(width), (1...Self.maximumSide).contains(height) else {
            throw EncodeError("a WebP animation must be 1…\(Self.maximumSide) pixels a side, got \(width)×\(height)")
        }
        var options = WebPAnimEncoderOptions()
        guard WebPAnimEncoderOptionsInit(&options) != 0 else { throw EncodeError("libwebp's animation encoder has another ABI version than its headers") }
        options.anim_params.loop_count = 0          // loop forever
        options.anim_params.bgcolor = 0xFFFF_FFFF   // white, opaque (a hint to viewers; frames cover the canvas)
        options.minimize_size = 0
        options.kmin = 0
        options.kmax = 0                            // no key frames after the first
        options.allow_mixed = 0
        options.verbose = 0
        guard let made = WebPAnimEncoderNew(Int32(width), Int32(height), &options) else {
            throw EncodeError("libwebp could not make a \(width)×\(height) animation encoder (out of memory?)")
        }
        encoder = Handle(made)
        self.width = width
        self.height = height
        self.quality = settings.quality
    }

    /// The per-frame settings: lossless preset, or lossy at `quality` tuned for
    /// drawings; one thread.
    private func config() throws -> WebPConfig {
        var config = WebPConfig()
        guard WebPConfigInit(&config) != 0 else { throw EncodeError("libwebp's encoder has another ABI version than its headers") }
        if let quality {
            guard WebPConfigPreset(&config, WEBP_PRESET_DRAWING, Float(quality)) != 0 else {
                throw EncodeError("libwebp refused lossy quality \(quality)")
            }
            config.method = 4
        } else {
            guard WebPConfigLosslessPreset(&config, Self.losslessLevel) != 0 else {
                throw EncodeError("libwebp refused lossless level \(Self.losslessLevel)")
            }
            config.exact = 1
        }
        config.thread_level = 0
        guard WebPValidateConfig(&config) != 0 else { throw EncodeError("libwebp refused the encoder settings") }
        return config
    }

    /// Adds `image` for `delay` seconds (rounded to whole ms, at least 1 ms; a
    /// negative or non-finite delay is refused).
    public mutating func addFrame(_ image: Image, delay: Double) throws {
        if let failure { throw failure }
        do {
            try EncodeError.validate(image, what: "frame \(frameCount + 1)")
            guard image.width == width, image.height == height else {
                throw EncodeError("frame \(frameCount + 1) is \(image.width)×\(image.height), the animation \(width)×\(height)")
            }
            let ms = try Self.milliseconds(delay, what: "frame \(frameCount + 1)'s delay")
            var config = try config()
            var picture = WebPPicture()
            guard WebPPictureInit(&picture) != 0 else { throw EncodeError("libwebp's picture has another ABI version than its headers") }
            picture.use_argb = 1
            picture.width = Int32(width)
            picture.height = Int32(height)
            defer { WebPPictureFree(&picture) }
            let imported = image.pixels.withUnsafeBufferPointer {
                WebPPictureImportRGBA(&picture, $0.baseAddress, Int32(width * 4))
            }
            guard imported != 0 else { throw EncodeError("libwebp could not take frame \(frameCount + 1) (out of memory?)") }
            guard WebPAnimEncoderAdd(encoder.pointer, &picture, Int32(timestamp), &config) != 0 else {
                throw EncodeError("libwebp failed on frame \(frameCount + 1): \(encoder.lastError)")
            }
            timestamp += ms
            lastDelay = ms
            frameCount += 1
            guard timestamp <= Int(Int32.max) else { throw EncodeError("a WebP animation lasts at most \(Int32.max) ms") }
        } catch let error as EncodeError {
            failure = error
            throw error
        }
    }

    public mutating func finish(lastFrameHold: Double?) throws -> [UInt8] {
        if let failure { throw failure }
        guard frameCount > 0 else { throw EncodeError("a WebP animation needs at least one frame") }
        let end = timestamp - lastDelay + (try lastFrameHold.map { try Self.milliseconds($0, what: "the last frame's hold") } ?? lastDelay)
        guard WebPAnimEncoderAdd(encoder.pointer, nil, Int32(end), nil) != 0 else {
            throw EncodeError("libwebp failed to end the animation: \(encoder.lastError)")
        }
        var data = WebPData()
        defer { WebPDataClear(&data) }
        guard WebPAnimEncoderAssemble(encoder.pointer, &data) != 0, let bytes = data.bytes else {
            throw EncodeError("libwebp failed to assemble the animation: \(encoder.lastError)")
        }
        return Array(UnsafeBufferPointer(start: bytes, count: data.size))
    }

    /// `seconds` as whole milliseconds, at least 1.
    static func milliseconds(_ seconds: Double, what: String) throws -> Int {
        guard seconds.isFinite, seconds >= 0, seconds <= 86_400 else {
            throw EncodeError("\(what) must be 0…86400 seconds, got \(seconds)")
        }
        return max(1, Int((seconds * 1000).rounded()))
    }

    /// Owns the libwebp encoder; deleted with the last copy.
    private final class Handle: @unchecked Sendable {
        let pointer: OpaquePointer
        init(_ pointer: OpaquePointer) { self.pointer = pointer }
        deinit { WebPAnimEncoderDelete(pointer) }
        var lastError: String {
            WebPAnimEncoderGetError(pointer).map { String(cString: $0) } ?? "unknown error"
        }
    }
}
