import Raster

/// PNG files as the tool writes them: `PNGEncoder` at zlib level 9.
///
/// Level 9 rather than `PNGEncoder`'s default 6: on figures it is some 25 %
/// smaller for ~30 ms more a file, and a file is written once and read many times.
/// The level changes the size, never the pixels.
public struct PNGStillEncoder: StillEncoder {
    public static let formatName = "png"
    public static let fileExtension = "png"

    /// The zlib level, 0 (store) … 9 (smallest, the default).
    public var compressionLevel: Int

    public init() { compressionLevel = 9 }

    /// An encoder at `compressionLevel` (0…9; `encode` throws outside).
    public init(compressionLevel: Int) { self.compressionLevel = compressionLevel }

    /// `PNGEncoder.encode(image, compressionLevel:)`: see it for the colour type
    /// chosen and the failure cases.
    public func encode(_ image: Image) throws -> [UInt8] {
        try PNGEncoder.encode(image, compressionLevel: compressionLevel)
    }
}
