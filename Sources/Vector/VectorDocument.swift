import CCairo
import Foundation
import Raster

/// A PDF or SVG file being written through cairo: pages drawn on a `CairoCanvas`,
/// bytes collected in memory, deterministic (see `finish`).
///
/// A page of `widthPx × heightPx` pixels at `dpi` is widthPx · 72 / dpi points
/// wide — the figure's size in inches, as matplotlib's `savefig` gives it. A PDF
/// takes any number of pages, each of its own size; an SVG exactly one.
///
/// ```swift
/// let pdf = VectorDocument(.pdf)
/// try pdf.addPage(widthPx: 1000, heightPx: 600, dpi: 100) { canvas in canvas.fill(path, color: .black) }
/// let bytes = try pdf.finish()
/// ```
public final class VectorDocument {
    public enum Kind: Sendable {
        case pdf, svg
    }

    public let kind: Kind
    private let sink = ByteSinkBox()
    private var surface: OpaquePointer?
    private var pages = 0

    public init(_ kind: Kind) {
        self.kind = kind
    }

    deinit {
        if let surface { cairo_surface_destroy(surface) }
    }

    /// Draws one page with `draw` (pixel coordinates, y down; the page starts
    /// transparent, so draw the background).
    ///
    /// - Throws: `VectorError` for a second SVG page, a document already
    ///   finished, or a cairo failure (out of memory, a size cairo refuses).
    public func addPage(widthPx: Int, heightPx: Int, dpi: Double, draw: (inout any Canvas) -> Void) throws {
        let w = Double(max(1, widthPx)) * 72 / dpi, h = Double(max(1, heightPx)) * 72 / dpi
        guard dpi.isFinite, dpi > 0 else { throw VectorError("page resolution \(dpi) dpi is not positive") }
        guard sink.open else { throw VectorError("the \(kind) document is already finished") }
        if surface == nil {
            surface = try makeSurface(widthPt: w, heightPt: h)
        } else if kind == .svg {
            throw VectorError("an SVG file holds one page")
        } else {
            cairo_pdf_surface_set_size(surface, w, h)
        }
        guard let cr = cairo_create(surface) else { throw VectorError("cairo could not make a drawing context") }
        defer { cairo_destroy(cr) }
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
        cairo_scale(cr, 72 / dpi, 72 / dpi)
        var canvas: any Canvas = CairoCanvas(cr: cr, width: widthPx, height: heightPx)
        draw(&canvas)
        cairo_show_page(cr)
        try check(cairo_status(cr))
        pages += 1
    }

    /// Finishes the document and returns its bytes.
    ///
    /// The same pages give the same bytes on every run: the PDF has no creation
    /// or modification date (cairo would write the current time) and cairo's
    /// object numbers and font subset tags depend only on the content; the SVG's
    /// element ids are renumbered in order of appearance (`SVGIdentifiers`),
    /// since cairo numbers some from process-wide counters.
    /// - Throws: `VectorError` when there is no page or cairo failed.
    public func finish() throws -> [UInt8] {
        guard let surface, pages > 0 else { throw VectorError("the \(kind) document has no page") }
        cairo_surface_finish(surface)
        try check(cairo_surface_status(surface))
        sink.open = false
        switch kind {
        case .pdf: return sink.bytes
        case .svg: return SVGIdentifiers.renumbered(sink.bytes)
        }
    }

    private func makeSurface(widthPt w: Double, heightPt h: Double) throws -> OpaquePointer {
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            let sink = Unmanaged<ByteSinkBox>.fromOpaque(closure).takeUnretainedValue()
            sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        let made: OpaquePointer?
        switch kind {
        case .pdf:
            made = cairo_pdf_surface_create_for_stream(write, closure, w, h)
            if let made {
                // No dates: an empty date is not valid, so cairo writes none
                // (its default is the time of the run).
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_CREATE_DATE, "")
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_MOD_DATE, "")
                cairo_pdf_surface_set_metadata(made, CAIRO_PDF_METADATA_CREATOR, "optrender")
            }
        case .svg:
            made = cairo_svg_surface_create_for_stream(write, closure, w, h)
            if let made { cairo_svg_surface_set_document_unit(made, CAIRO_SVG_UNIT_PT) }
        }
        guard let made else { throw VectorError("cairo could not make a \(kind) surface") }
        try check(cairo_surface_status(made))
        return made
    }

    private func check(_ status: cairo_status_t) throws {
        guard status != CAIRO_STATUS_SUCCESS else { return }
        throw VectorError("cairo failed writing \(kind): \(String(cString: cairo_status_to_string(status)))")
    }
}

/// Where cairo's write callback puts the bytes.
private final class ByteSinkBox {
    var bytes: [UInt8] = []
    var open = true
}

/// Why a vector document could not be written: one line for the user.
public struct VectorError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
