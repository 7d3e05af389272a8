import Foundation
import Plot
import Raster
import Testing
@testable import Gallery

/// Every catalog entry renders: small (fast in debug builds), with a contour or
/// line drawn — not a blank canvas.
struct CatalogRenderTests {
    static let font = try! Font.defaultFont()

    @Test func everyEntryRendersSomething() throws {
        for spec in try Catalog.specs() {
            var fig = try FigureBuilder(spec: spec).build()
            fig.dpi = 40
            let image = fig.render(font: Self.font)
            var colours = Set<UInt32>()
            for i in stride(from: 0, to: image.pixels.count, by: 4 * 7) {
                colours.insert(UInt32(image.pixels[i]) << 16 | UInt32(image.pixels[i + 1]) << 8 | UInt32(image.pixels[i + 2]))
                if colours.count > 8 { break }
            }
            #expect(colours.count > 8, "\(spec.name) looks blank")
        }
    }
}
