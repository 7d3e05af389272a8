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
}

extension AnimationEncoder {
    public static func encode(width: Int, height: Int, lastFrameHold: Double?,
                              frames: (_ body: (Image, Double) throws -> Void) throws -> Void) throws -> [UInt8] {
        var encoder = try Self(width: width, height: height)
        try frames { try encoder.addFrame($0, delay: $1) }
        return try encoder.finish(lastFrameHold: lastFrameHold)
    }
}
