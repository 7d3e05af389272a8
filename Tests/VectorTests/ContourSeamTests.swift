import Encode
import Foundation
import Plot
import Raster
import Testing

/// Filled contours in a PDF show no seam at any zoom: rasterized by poppler at
/// several resolutions, no pixel along the band edges is lighter than the bands
/// around it (a seam is the white page showing through between two bands).
struct ContourSeamTests {
    static let font = try! Font.defaultFont()
    /// Dark band colours, all far from the white face.
    static let bandColors: [Color] = [Color(hex: 0x203060), Color(hex: 0x6a3d1a), Color(hex: 0x1e5a3a), Color(hex: 0x502060)]

    /// Rings of |(x, y)| between 0 and 1.5, bare (the plot area is the page).
    static func nestedBands() -> Figure {
        var figure = Figure(width: 4, height: 3, dpi: 100)
        figure.bare = true
        var axes = Axes(position: Axes.defaultPosition)
        var fill = ContourFill(domain: Rect(x: -1.3, y: -1, width: 2.6, height: 2),
                               levels: stride(from: 0.0, through: 1.8, by: 0.15).map { $0 }) { x, y in
            (x * x + y * y).squareRoot()
        }
        fill.bandColors = bandColors
        axes.add(fill)
        figure.add(axes)
        return figure
    }

    /// Pixels (x, y) lighter by more than `tolerance` (of 255) than every pixel
    /// of a band colour within 3 pixels — a blend of two bands is never lighter
    /// than the lighter of them; only the page showing through is.
    static func seams(in image: Image, tolerance: Double = 4) -> [(Int, Int)] {
        let luma = SSIM.luma(image)
        let bands = bandColors.map { 255 * (0.299 * $0.r + 0.587 * $0.g + 0.114 * $0.b) }
        let isBand = luma.map { l in bands.contains { abs($0 - l) < 2.5 } }
        var found: [(Int, Int)] = []
        let w = image.width, h = image.height, r = 3
        for y in r..<(h - r) {
            for x in r..<(w - r) where !isBand[y * w + x] {
                var lightest = -1.0
                for j in (y - r)...(y + r) {
                    for i in (x - r)...(x + r) where isBand[j * w + i] { lightest = max(lightest, luma[j * w + i]) }
                }
                if lightest >= 0, luma[y * w + x] > lightest + tolerance { found.append((x, y)) }
            }
        }
        return found
    }

    static func writePDF(_ bytes: [UInt8], _ name: String, in folder: URL) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    @Test func nestedBandsHaveNoSeamAtAnyZoom() throws {
        let figure = Self.nestedBands()
        let pdf = try PDFStillEncoder().encode(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight,
                                               dpi: figure.dpi) { figure.draw(on: &$0, font: Self.font) }
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.writePDF(pdf, "bands.pdf", in: folder)
        for dpi in [37, 72, 100, 163, 300] {
            let image = try ExternalTools.rasterizePDF(url, dpi: dpi)
            let seams = Self.seams(in: image)
            #expect(seams.isEmpty, "\(seams.count) seam pixels at \(dpi) dpi, first at \(seams.first.map { "\($0)" } ?? "")")
        }
    }

    /// The check finds seams where there are some: the same rings as abutting
    /// annuli (what matplotlib writes) show the page between them.
    @Test func abuttingRingsShowSeams() throws {
        let pdf = try PDFStillEncoder().encode(widthPx: 400, heightPx: 300, dpi: 100) { canvas in
            canvas.fillPixels(canvas.bounds, color: .white)
            for k in 0..<8 {
                var ring = Path.circle(center: Point(200.3, 150.7), radius: 17.3 * Double(k + 1))
                if k > 0 { ring.append(Path.circle(center: Point(200.3, 150.7), radius: 17.3 * Double(k))) }
                canvas.fill(ring, color: Self.bandColors[k % Self.bandColors.count], rule: .evenOdd)
            }
        }
        let folder = try ExternalTools.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.writePDF(pdf, "rings.pdf", in: folder)
        let image = try ExternalTools.rasterizePDF(url, dpi: 100)
        #expect(Self.seams(in: image).count > 50)
    }
}
