import Dispatch
import Encode
import Foundation
import Gallery
import Plot
import Raster
import Testing

/// Every 2-D catalog figure drawn as PDF and as SVG, rasterized by poppler and
/// librsvg at the PNG's size, looks like the PNG still: SSIM ≥ 0.95 over each
/// plot area (the text outside it is hinted differently by each rasterizer, so
/// it is compared by extraction instead: `VectorTextTests`).
struct VectorSimilarityTests {
    static let font = try! Font.defaultFont()

    /// A figure's still three ways, in memory.
    struct Drawn {
        let name: String
        let png: Image
        let pdf: [UInt8]
        let svg: [UInt8]
        let areas: [Rect]
    }

    static func draw(_ figure: Figure, name: String) throws -> Drawn {
        let png = figure.render(font: font)
        let paint: (inout any Canvas) -> Void = { figure.draw(on: &$0, font: font) }
        let pdf = try PDFStillEncoder().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight,
                                               dpi: figure.dpi, draw: paint)
        let svg = try SVGStillEncoder().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight,
                                               dpi: figure.dpi, draw: paint)
        return Drawn(name: name, png: png, pdf: pdf, svg: svg, areas: figure.plotAreas(font: font).map(\.area))
    }

    /// At the catalog's own size (at lower dpi poppler widens hairlines to a
    /// whole pixel, which is not what a reader sees), every figure on its own
    /// worker: drawing, the converters and the comparison.
    @Test func everyTwoDimensionalFigureMatchesItsPNG() throws {
        var figures: [(String, Figure)] = []
        for spec in try Catalog.specs() {
            // A page's sweep is never drawn as small multiples: its stills are
            // its cells, one figure per slider position (the opening one is
            // NAME.png). The first and last cells span the sliders' ranges.
            var stills = [(spec.name, spec)]
            if spec.page != nil {
                let cells = try SweepExpansion.frames(spec)
                stills = [("\(spec.name)-first-cell", cells[0]), ("\(spec.name)-last-cell", cells[cells.count - 1])]
            }
            for (name, still) in stills {
                let figure = try FigureBuilder(spec: still).build()
                guard figure.panels.allSatisfy({ $0 is Axes }) else { continue }
                figures.append((name, figure))
            }
        }
        #expect(figures.count >= 40)
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let results = Results(count: figures.count)
        let all = figures
        DispatchQueue.concurrentPerform(iterations: all.count) { i in
            do {
                let d = try Self.draw(all[i].1, name: all[i].0)
                let pdfURL = folder.appendingPathComponent("\(d.name).pdf")
                let svgURL = folder.appendingPathComponent("\(d.name).svg")
                try Data(d.pdf).write(to: pdfURL)
                try Data(d.svg).write(to: svgURL)
                let fromPDF = try ExternalTools.rasterizePDF(pdfURL, width: d.png.width, height: d.png.height)
                let fromSVG = try ExternalTools.rasterizeSVG(svgURL, width: d.png.width, height: d.png.height)
                var scores: [(Double, Double)] = []
                for a in d.areas {
                    let (x0, y0) = (Int(a.minX.rounded()), Int(a.minY.rounded()))
                    let (x1, y1) = (Int(a.maxX.rounded()), Int(a.maxY.rounded()))
                    scores.append((SSIM.mean(d.png, fromPDF, x0: x0, y0: y0, x1: x1, y1: y1),
                                   SSIM.mean(d.png, fromSVG, x0: x0, y0: y0, x1: x1, y1: y1)))
                }
                results.set(i, .success(scores))
            } catch {
                results.set(i, .failure(error))
            }
        }
        var lowest = (pdf: (1.0, ""), svg: (1.0, ""))
        for ((name, _), result) in zip(figures, results.values) {
            switch result {
            case .success(let scores)?:
                for (k, (pdf, svg)) in scores.enumerated() {
                    #expect(pdf >= 0.95, "\(name) panel \(k): PDF SSIM \(pdf)")
                    #expect(svg >= 0.95, "\(name) panel \(k): SVG SSIM \(svg)")
                    if pdf < lowest.pdf.0 { lowest.pdf = (pdf, name) }
                    if svg < lowest.svg.0 { lowest.svg = (svg, name) }
                }
            case .failure(let error)?:
                Issue.record("\(name): \(error)")
            case nil:
                Issue.record("\(name): not compared")
            }
        }
        print("vector SSIM over \(figures.count) figures: PDF lowest \(lowest.pdf.0) (\(lowest.pdf.1)), "
              + "SVG lowest \(lowest.svg.0) (\(lowest.svg.1))")
    }

    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var slots: [Result<[(Double, Double)], any Error>?]
        init(count: Int) { slots = Array(repeating: nil, count: count) }
        func set(_ i: Int, _ r: Result<[(Double, Double)], any Error>) { lock.lock(); slots[i] = r; lock.unlock() }
        var values: [Result<[(Double, Double)], any Error>?] { lock.lock(); defer { lock.unlock() }; return slots }
    }
}
