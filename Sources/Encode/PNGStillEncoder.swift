import Raster

/// PNG files as the tool writes them: `PNGEncoder` at its default zlib level 6.
///
/// Level 6 rather than 9: with unfiltered rows (see `PNGEncoder`) level 9 is
/// ~7 % smaller on the catalog but takes 4–5× the time, which on a still is
/// more than rendering it. The level changes the size, never the pixels.
public struct PNGStillEncoder: StillEncoder {
    public static let formatName = "png"
    public static let fileExtension = "png"

    /// The zlib level, 0 (store) … 9 (smallest); default 6.
    public var compressionLevel: Int

    public init() { compressionLevel = PNGEncoder.defaultCompressionLevel }

    /// An encoder at `compressionLevel` (0…9; `encode` throws outside).
    public init(compressionLevel: Int) { self.compressionLevel = compressionLevel }

    /// `PNGEncoder.encode(image, compressionLevel:)`: see it for the colour type
    /// chosen and the failure cases.
    public func encode(_ image: Image) throws -> [UInt8] {
        try PNGEncoder.encode(image, compressionLevel: compressionLevel)
    }
}
