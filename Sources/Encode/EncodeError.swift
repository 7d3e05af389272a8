import Raster

/// An encoding or decoding failure, with a one-line message a person can act on.
///
/// Thrown for invalid input (an `Image` whose `pixels` do not match its size, a
/// compression level outside 0…9, a frame of the wrong size, an animation with no
/// frames), for malformed PNG/GIF bytes given to the decoders, and for errors that
/// libpng's simplified reader or giflib report.
public struct EncodeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The message, one line, no trailing period.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}

extension EncodeError {
    /// The check every encoder runs first: `Image.pixels` is a public `var`, so
    /// its length can disagree with `width · height · 4`.
    static func validate(_ image: Image, what: String = "image") throws {
        let expected = image.width * image.height * 4
        guard image.pixels.count == expected else {
            throw EncodeError(
                "\(what) is \(image.width)×\(image.height) but has \(image.pixels.count) pixel bytes, expected \(expected)")
        }
    }
}
