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

/// The animation model's invariant on the whole catalog.
struct CatalogAnimationTests {
    static let font = try! Font.defaultFont()

    /// Every catalog animation (growing paths, counters, the camera orbit) ends
    /// on its still, pixel for pixel. Rendered small, as the layout and drawing
    /// code is the same at every size.
    @Test func everyAnimationEndsOnItsStill() throws {
        let animated = try Catalog.specs().filter { $0.animation != nil }
        #expect(animated.count >= 10)
        for spec in animated {
            var fig = try FigureBuilder(spec: spec).build()
            fig.dpi = 40
            let animation = FigureAnimation(figure: fig, font: Self.font)
            let last = animation.frames([animation.frameCount - 1])[0]
            let still = fig.render(font: Self.font)
            var differing = 0
            for i in stride(from: 0, to: still.pixels.count, by: 4) where still.pixels[i..<i + 4] != last.pixels[i..<i + 4] {
                differing += 1
            }
            #expect(differing == 0, "\(spec.name): \(differing) pixels of the last frame differ from the still")
        }
    }
}
