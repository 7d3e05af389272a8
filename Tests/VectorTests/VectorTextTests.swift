import Encode
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Gallery
@testable import Plot
import Raster
import Testing

/// Text in a PDF is real text (poppler extracts it); an SVG is well-formed XML.
struct VectorTextTests {
    static let font = try! Font.defaultFont()

    /// Every word of the title, the axis labels and every tick label of each
    /// 2-D panel, as the layout made them.
    static func expectedTexts(_ figure: Figure) -> [String] {
        var texts: [String] = []
        for (panel, drawing) in zip(figure.panels, figure.laidOut(font: font)) {
            guard let axes = panel as? Axes, let d = drawing as? AxesDrawing else { continue }
            texts += [axes.title, axes.xlabel, axes.ylabel].compactMap { $0 }
            texts += d.geometry.xTicks.ticks.map(\.label) + d.geometry.yTicks.ticks.map(\.label)
        }
        return texts
    }

    @Test(arguments: ["d2l_adam", "sgd_momentum_loss", "lr_multi", "paddle_fit_adam", "race_rosenbrock"])
    func pdfTextHoldsTitleLabelsAndTicks(name: String) throws {
        let spec = try #require(try Catalog.specs().first { $0.name == name })
        let figure = try FigureBuilder(spec: spec).build()
        let pdf = try PDFStillEncoder().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight,
                                               dpi: figure.dpi) { figure.draw(on: &$0, font: Self.font) }
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("\(name).pdf")
        try Data(pdf).write(to: url)
        let words = Set(try ExternalTools.text(of: url).split(whereSeparator: \.isWhitespace).map(String.init))
        let expected = Self.expectedTexts(figure)
        #expect(expected.count >= 8)
        for text in expected where !text.contains("$") {
            for word in text.split(whereSeparator: \.isWhitespace) {
                #expect(words.contains(String(word)), "\(name): '\(word)' (of '\(text)') not extracted from the PDF")
            }
        }
    }

    @Test(arguments: ["d2l_adam", "jp_surface3d", "paddle_batch_size", "ew_weights"])
    func svgIsWellFormedXML(name: String) throws {
        let spec = try #require(try Catalog.specs().first { $0.name == name })
        let figure = try FigureBuilder(spec: spec).build()
        let svg = try SVGStillEncoder().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight,
                                               dpi: figure.dpi) { figure.draw(on: &$0, font: Self.font) }
        let parser = XMLParser(data: Data(svg))
        #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "not well-formed")")
        let text = String(decoding: svg, as: UTF8.self)
        #expect(text.contains("<svg") && text.contains("width=\"\(Self.points(figure.width))pt\""))
    }

    static func points(_ inches: Double) -> String {
        let pt = inches * 72
        return pt == pt.rounded() ? String(Int(pt)) : String(pt)
    }
}
