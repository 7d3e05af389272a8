import Foundation
import Raster
import Testing
@testable import Plot

/// A figure samples each grid of its function once, however many artists
/// draw from it: the fill, its colorbar and contour lines over it.
struct SampledFunctionTests {
    /// Counts how often the function is evaluated (from any thread).
    final class Calls: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var count: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    /// A contour figure with a colorbar and contour lines; `sharedLines` gives
    /// the lines the fill's samples, else their own. Returns the image and the
    /// number of evaluations.
    func render(sharedLines: Bool, threads: Int = 1) -> (Image, Int) {
        let calls = Calls()
        let f: @Sendable (Double, Double) -> Double = { x, y in calls.add(); return x * x + 3 * y * y }
        let samples = SampledFunction(f)
        let domain = Rect(x: -2, y: -2, width: 4, height: 4)
        var fig = Figure(width: 4, height: 3, dpi: 100)
        let a = fig.addAxes()
        let fill = ContourFill(domain: domain, samples: samples)
        fig[axes: a].add(fill)
        fig[axes: a].add(ContourLineArtist(domain: domain, coloring: .single(.black),
                                           samples: sharedLines ? samples : SampledFunction(f)))
        fig[axes: a].colorbar = ColorbarSlot(for: fill)
        let image = fig.render(font: FigureAnimationTests.font, threads: threads)
        #expect(fig.render(font: FigureAnimationTests.font).pixels == image.pixels)
        return (image, calls.count)
    }

    @Test func fillColorbarAndLinesSampleTheGridOnce() {
        let (shared, once) = render(sharedLines: true, threads: 2)
        let (separate, twice) = render(sharedLines: false)
        // The lines' own samples are a second grid of the same size; the fill,
        // its colorbar and a second render add nothing.
        #expect(once > 0 && twice == 2 * once)
        #expect(shared.pixels == separate.pixels)
    }

    @Test func assigningAFunctionStartsNewSamples() {
        var fill = ContourFill(domain: Rect(x: 0, y: 0, width: 1, height: 1)) { x, _ in x }
        let copy = fill
        fill.function = { _, y in y }
        #expect(copy.samples !== fill.samples)
        #expect(fill.grid(pixelSize: (20, 20)).z != copy.grid(pixelSize: (20, 20)).z)
    }
}
