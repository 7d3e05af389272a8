import Raster

/// An encoder that writes one image to one file's bytes (PNG, …).
///
/// A conforming type names its format and file extension and can be made with
/// its default settings, so `OutputFormat` can register it by type alone:
///
/// ```swift
/// let encoder = PNGStillEncoder()            // fixed settings: deterministic bytes
/// let bytes = try encoder.encode(image)
/// try write(bytes, to: "figure.\(PNGStillEncoder.fileExtension)")
/// ```
///
/// The same image and settings must always give the same bytes (no timestamps,
/// no random ids).
public protocol StillEncoder: Sendable {
    /// The format's name as users type it (`--format png`): lowercase ASCII.
    static var formatName: String { get }
    /// The file name extension, lowercase, without the dot (`png`).
    static var fileExtension: String { get }

    /// An encoder with the settings used for files written by the tool.
    init()

    /// The file's bytes for `image`.
    ///
    /// - Throws: `EncodeError` when `image` is inconsistent (its `pixels` do not
    ///   hold `width · height · 4` bytes) or too large for the format.
    func encode(_ image: Image) throws -> [UInt8]
}
