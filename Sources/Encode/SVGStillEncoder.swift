import Raster
import Vector

/// SVG through cairo: vector paths, text as glyph outlines (the file looks the
/// same without the font installed, as matplotlib's default), 3-D surfaces and
/// depth-tested lines as embedded images at the figure's resolution; element ids
/// numbered by content, so the same drawing gives the same bytes.
public struct SVGStillEncoder: DrawingEncoder {
    public static let formatName = "svg"
    public static let fileExtension = "svg"

    public init() {}

    public func encode(widthPx: Int, heightPx: Int, dpi: Double, draw: (inout any Canvas) -> Void) throws -> [UInt8] {
        let document = VectorDocument(.svg)
        do {
            try document.addPage(widthPx: widthPx, heightPx: heightPx, dpi: dpi, draw: draw)
            return try document.finish()
        } catch let e as VectorError {
            throw EncodeError(e.description)
        }
    }
}
