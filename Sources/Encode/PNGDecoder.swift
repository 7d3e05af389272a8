import CPNG
import Raster

/// Decodes PNG bytes to an RGBA `Image` through libpng's simplified read API.
///
/// Any colour type and bit depth is accepted and converted to 8-bit straight
/// RGBA: palettes are expanded (tRNS included), grey is replicated, missing
/// alpha becomes 255, 16-bit samples are scaled to 8 bits (assumed sRGB when the
/// file has no gAMA/sRGB chunk). Used by tests and golden-image comparisons.
///
/// The simplified API catches libpng errors inside libpng itself (its own
/// setjmp), so a corrupt file becomes a thrown `EncodeError`, never a crash.
public enum PNGDecoder {
    /// The largest decoded image accepted, in bytes of RGBA (1 GiB), so that a
    /// corrupt header cannot ask for an absurd allocation.
    public static let maxDecodedBytes = 1 << 30

    /// - Throws: `EncodeError` when the bytes are not a PNG, are truncated or
    ///   corrupt (with libpng's message), or decode to more than `maxDecodedBytes`.
    public static func decode(_ bytes: [UInt8]) throws -> Image {
        guard bytes.count >= 8, bytes.prefix(8).elementsEqual([137, 80, 78, 71, 13, 10, 26, 10]) else {
            throw EncodeError("not a PNG file (bad signature)")
        }
        var image = png_image()
        image.version = png_uint_32(PNG_IMAGE_VERSION)
        defer { png_image_free(&image) }
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&image, $0.baseAddress, $0.count) }
        guard began != 0 else { throw EncodeError("PNG header unreadable: \(message(of: image))") }

        let width = Int(image.width), height = Int(image.height)
        guard width > 0, height > 0, width * height <= maxDecodedBytes / 4 else {
            throw EncodeError("PNG of \(width)×\(height) pixels is too large to decode")
        }
        image.format = png_uint_32(PNG_FORMAT_FLAG_COLOR | PNG_FORMAT_FLAG_ALPHA)   // PNG_FORMAT_RGBA
        image.flags |= png_uint_32(PNG_IMAGE_FLAG_16BIT_sRGB)
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let finished = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&image, nil, $0.baseAddress, 0, nil)
        }
        guard finished != 0 else { throw EncodeError("PNG data corrupt: \(message(of: image))") }
        guard let result = Image(width: width, height: height, pixels: pixels) else {
            throw EncodeError("PNG decoded to an inconsistent buffer")
        }
        return result
    }

    /// libpng's error text, kept in the fixed 64-byte `message` field.
    private static func message(of image: png_image) -> String {
        withUnsafeBytes(of: image.message) { raw in
            let text = String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            return text.isEmpty ? "unknown libpng error" : text
        }
    }
}
