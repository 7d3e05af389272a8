import Encode
import Foundation
import Gallery
import Plot
import Raster
import Testing

/// The same figure gives the same PDF and SVG bytes every time — whatever was
/// drawn before it in the process (cairo numbers some SVG ids from process-wide
/// counters), and with no date in the PDF.
struct VectorDeterminismTests {
    static let font = try! Font.defaultFont()

    static func encode(_ name: String) throws -> (pdf: [UInt8], svg: [UInt8]) {
        let spec = try #require(try Catalog.specs().first { $0.name == name })
        let figure = try FigureBuilder(spec: spec).build()
        let paint: (inout any Canvas) -> Void = { figure.draw(on: &$0, font: font) }
        return (try PDFStillEncoder().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight, dpi: figure.dpi, draw: paint),
                try SVGStillEncoder().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight, dpi: figure.dpi, draw: paint))
    }

    @Test(arguments: ["jp_surface3d", "d2l_adam"])
    func twoRunsGiveIdenticalBytes(name: String) throws {
        let first = try Self.encode(name)
        _ = try Self.encode("paddle_saddle")  // images, masks and fonts in between
        let second = try Self.encode(name)
        #expect(first.pdf == second.pdf, "\(name).pdf differs between runs")
        #expect(first.svg == second.svg, "\(name).svg differs between runs")
        let text = String(decoding: first.pdf, as: UTF8.self)
        #expect(!text.contains("CreationDate") && !text.contains("ModDate"))
    }

    @Test func pdfBookHasOnePagePerFigure() throws {
        var book = PDFBook()
        for name in ["d2l_adam", "jp_surface3d", "lr_curve"] {
            let spec = try #require(try Catalog.specs().first { $0.name == name })
            let figure = try FigureBuilder(spec: spec).build()
            try book.addPage(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight, dpi: figure.dpi) {
                figure.draw(on: &$0, font: Self.font)
            }
        }
        let bytes = try book.finish()
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("book.pdf")
        try Data(bytes).write(to: url)
        let info = String(decoding: try ExternalTools.run("pdfinfo", [url.path]), as: UTF8.self)
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last
        #expect(pages == "3", "\(info)")
    }
}
