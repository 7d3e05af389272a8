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
/// An encoder keeps only what its format needs between frames (GIF keeps the
/// previous frame, to write what changed), never all frames whole, so memory does
/// not grow with the frame count beyond the encoded data. The same frames, delays
/// and settings must always give the same bytes.
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
}
