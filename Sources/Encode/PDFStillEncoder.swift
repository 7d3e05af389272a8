import Raster
import Vector

/// PDF through cairo: vector paths, text in embedded subset fonts (searchable
/// and copyable), 3-D surfaces and depth-tested lines as images at the figure's
/// resolution; no dates, so the same drawing gives the same bytes.
public struct PDFStillEncoder: DrawingEncoder {
    public static let formatName = "pdf"
    public static let fileExtension = "pdf"

    public init() {}

    public func encode(widthPx: Int, heightPx: Int, dpi: Double, draw: (inout any Canvas) -> Void) throws -> [UInt8] {
        var book = PDFBook()
        try book.addPage(widthPx: widthPx, heightPx: heightPx, dpi: dpi, draw: draw)
        return try book.finish()
    }
}

/// Several drawings as the pages of one PDF, each page its own size, in the
/// order they are added (`--pdf-book`).
public struct PDFBook {
    private let document = VectorDocument(.pdf)

    public init() {}

    /// Adds a page (see `DrawingEncoder.encode`).
    /// - Throws: `EncodeError` when cairo fails or the book is finished.
    public mutating func addPage(widthPx: Int, heightPx: Int, dpi: Double, draw: (inout any Canvas) -> Void) throws {
        do { try document.addPage(widthPx: widthPx, heightPx: heightPx, dpi: dpi, draw: draw) } catch let e as VectorError {
            throw EncodeError(e.description)
        }
    }

    /// The PDF's bytes. - Throws: `EncodeError` when there is no page or cairo fails.
    public func finish() throws -> [UInt8] {
        do { return try document.finish() } catch let e as VectorError { throw EncodeError(e.description) }
    }
}
