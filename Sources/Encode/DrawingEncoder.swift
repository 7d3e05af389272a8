import Raster

/// An encoder that writes one drawing — the calls a figure makes on a `Canvas` —
/// to one file's bytes: the still formats that keep vectors (PDF, SVG).
///
/// Where a `StillEncoder` takes the finished pixels, a `DrawingEncoder` takes
/// the drawing itself and replays it on a surface of its own, so Encode needs
/// no figure type: the tool passes `{ canvas in figure.draw(on: &canvas, font: font) }`.
///
/// ```swift
/// let pdf = try PDFStillEncoder().encode(widthPx: 1000, heightPx: 600, dpi: 100) { canvas in
///     figure.draw(on: &canvas, font: font)
/// }
/// ```
///
/// The same drawing must always give the same bytes (no dates, no random ids).
public protocol DrawingEncoder: Sendable {
    /// The format's name as users type it (`--format pdf`): lowercase ASCII.
    static var formatName: String { get }
    /// The file name extension, lowercase, without the dot (`pdf`).
    static var fileExtension: String { get }

    init()

    /// The file's bytes for a page of `widthPx × heightPx` pixels at `dpi`
    /// (the page is widthPx / dpi inches wide), drawn by `draw` on a transparent page.
    ///
    /// - Throws: `EncodeError` when the surface cannot be made or written.
    func encode(widthPx: Int, heightPx: Int, dpi: Double, draw: (inout any Canvas) -> Void) throws -> [UInt8]
}
