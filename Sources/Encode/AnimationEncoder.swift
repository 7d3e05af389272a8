import Raster

/// An encoder that streams frames into one animation file (GIF, …).
///
/// Made for a canvas size, it is given every frame once, in order, then
/// finished:
///
/// ```swift
/// var encoder = try GIFAnimationEncoder(width: 1000, height: 600)
/// for k in 0...steps { try encoder.addFrame(render(step: k), delay: 0.06) }
/// let bytes = try encoder.finish(lastFrameHold: 1.5)
/// ```
///
/// An encoder keeps only what its format needs between frames, never all frames
/// whole. GIF through `addFrame` holds what changed in each frame, run-length
/// encoded (its palette needs them all); through
/// `encode(width:height:lastFrameHold:frames:)` it does so up to a limit and
/// past it calls for the frames a second time, holding only the previous frame
/// and the file so far, so memory does not grow with the frame count. The same
/// frames, delays and settings must always give the same bytes.
public protocol AnimationEncoder: Sendable {
    /// The format's name as users type it (`--format gif`): lowercase ASCII.
    static var formatName: String { get }
    /// The file name extension, lowercase, without the dot (`gif`).
    static var fileExtension: String { get }

    /// An empty animation on a `width × height` canvas, with the settings used
    /// for files written by the tool.
    ///
    /// - Throws: `EncodeError` when the format cannot hold that size.
    init(width: Int, height: Int) throws

    /// Appends `image`, shown for `delay` seconds (the format may round or clamp
    /// the delay, as its type documents).
    ///
    /// - Throws: `EncodeError` when `image` is not the canvas size or its
    ///   `pixels` do not match its size. The animation is then unusable: an
    ///   encoder may refuse every later call with the same error (GIF does).
    mutating func addFrame(_ image: Image, delay: Double) throws

    /// The file's bytes. `lastFrameHold`, when given, replaces the last frame's
    /// delay (seconds), so the finished figure stays on screen. The encoder is
    /// not used after this.
    ///
    /// - Throws: `EncodeError` when no frame was added or the format's library fails.
    mutating func finish(lastFrameHold: Double?) throws -> [UInt8]

    /// The file of the frames `frames` hands to its argument (each image with
    /// its delay in seconds), in order, on a `width × height` canvas with the
    /// tool's settings.
    ///
    /// `frames` may be called more than once and must hand out the same frames
    /// each time (`FigureAnimation.forEachFrame` does): an encoder that needs
    /// every frame before writing the first (GIF's palette) then makes a second
    /// pass instead of holding them. The default makes one pass through `init`,
    /// `addFrame` and `finish`.
    ///
    /// - Throws: as `init`, `addFrame` and `finish`, and whatever `frames` throws.
    static func encode(width: Int, height: Int, lastFrameHold: Double?,
                       frames: (_ body: (Image, Double) throws -> Void) throws -> Void) throws -> [UInt8]

    /// What `EncoderSettings.quality` means for this format; nil (the default)
    /// when the format has no quality setting and refuses one (GIF).
    static var qualityScale: QualityScale? { get }

    /// An empty animation with the user's `settings` (quality, padding colour).
    /// The default checks that the format takes no quality and calls
    /// `init(width:height:)`.
    ///
    /// - Throws: `EncodeError` for a size the format cannot hold, or a quality
    ///   outside `qualityScale` (or any quality when the format has none).
    init(width: Int, height: Int, settings: EncoderSettings) throws

    /// As `encode(width:height:lastFrameHold:frames:)`, with `settings`. The
    /// default uses that one for the default settings and otherwise makes one
    /// pass through `init(width:height:settings:)`.
    static func encode(width: Int, height: Int, settings: EncoderSettings, lastFrameHold: Double?,
                       frames: (_ body: (Image, Double) throws -> Void) throws -> Void) throws -> [UInt8]
}

extension AnimationEncoder {
    public static var qualityScale: QualityScale? { nil }

    /// Nil when `settings` suit this format; else the one-line problem.
    public static func problem(with settings: EncoderSettings) -> String? {
        guard let scale = qualityScale else {
            return settings.quality == nil ? nil : "\(formatName) has no quality setting; leave out --quality (it is for \(OutputFormat.qualityFormats))"
        }
        return scale.problem(with: settings.quality, format: formatName)
    }

    public init(width: Int, height: Int, settings: EncoderSettings) throws {
        if let problem = Self.problem(with: settings) { throw EncodeError(problem) }
        try self.init(width: width, height: height)
    }

    public static func encode(width: Int, height: Int, settings: EncoderSettings, lastFrameHold: Double?,
                              frames: (_ body: (Image, Double) throws -> Void) throws -> Void) throws -> [UInt8] {
        if settings == EncoderSettings() {
            return try encode(width: width, height: height, lastFrameHold: lastFrameHold, frames: frames)
        }
        var encoder = try Self(width: width, height: height, settings: settings)
        try frames { try encoder.addFrame($0, delay: $1) }
        return try encoder.finish(lastFrameHold: lastFrameHold)
    }
}

extension AnimationEncoder {
    public static func encode(width: Int, height: Int, lastFrameHold: Double?,
                              frames: (_ body: (Image, Double) throws -> Void) throws -> Void) throws -> [UInt8] {
        var encoder = try Self(width: width, height: height)
        try frames { try encoder.addFrame($0, delay: $1) }
        return try encoder.finish(lastFrameHold: lastFrameHold)
    }
}
