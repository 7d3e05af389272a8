import Foundation
import Raster

/// Filled contours of z = f(x, y) over a rectangle — `contourf` — as exact
/// anti-aliased bands.
///
/// Bands are painted bottom-up: band 0 over the region z ≥ level 0, then each
/// band k over the whole region z ≥ level k. Each band boundary is therefore one
/// anti-aliased edge over an already painted band, so no background shows
/// through between bands (no seams). Band k is coloured at its midpoint,
/// normalised between the first and last level, as matplotlib does. Values below
/// the first or above the last level are left unpainted (`extend='neither'`).
public struct ContourFill: Artist {
    public var domain: Rect
    /// The function and its remembered grids (see `SampledFunction`), shared by
    /// copies of this artist, by its colorbar and by contour lines given the
    /// same one, so each grid is sampled once.
    public var samples: SampledFunction
    /// The function drawn; assigning one starts a new `samples`.
    public var function: @Sendable (Double, Double) -> Double {
        get { samples.function }
        set { samples = SampledFunction(newValue) }
    }
    /// Explicit levels (ascending); nil = matplotlib's automatic levels.
    public var levels: [Double]?
    public var colormap: Colormap
    /// One colour per band instead of the colormap (`colors=[...]`), cycled if short.
    public var bandColors: [Color]?
    public var alpha: Double = 1
    /// Colour bands on a log scale (matplotlib's `norm=LogNorm()`): band k at the
    /// log of its geometric midpoint, between the logs of the first and last level.
    /// Needs positive levels; otherwise linear.
    public var logNorm = false
    public var zorder: Double = 1
    /// Grid spacing in pixels for sampling f; 2 px keeps edges smooth at any size.
    public var samplingStep: Double = 2

    public init(domain: Rect, levels: [Double]? = nil, colormap: Colormap = .gnuplot,
                function: @escaping @Sendable (Double, Double) -> Double) {
        self.init(domain: domain, levels: levels, colormap: colormap, samples: SampledFunction(function))
    }

    /// Filled contours of `samples`' function, sharing its grids.
    public init(domain: Rect, levels: [Double]? = nil, colormap: Colormap = .gnuplot, samples: SampledFunction) {
        self.domain = domain
        self.levels = levels
        self.colormap = colormap
        self.samples = samples
    }

    public var dataBounds: Rect? { domain }

    /// Autoscaling margins stop at the domain (matplotlib's sticky edges).
    public var stickyEdges: Rect? { domain }

    /// The samples this artist draws from, for a plot of `pixelSize`.
    public func grid(pixelSize: (width: Double, height: Double)) -> ContourGrid {
        let nx = Int((pixelSize.width / samplingStep).rounded(.up)) + 1
        let ny = Int((pixelSize.height / samplingStep).rounded(.up)) + 1
        return samples.grid(x0: domain.minX, x1: domain.maxX, y0: domain.minY, y1: domain.maxY,
                            nx: min(max(nx, 8), 2000), ny: min(max(ny, 8), 2000))
    }

    /// The samples drawn through `map`: one every `samplingStep` pixels of the
    /// domain as it lands on the page (what `draw` and a colorbar both use).
    public func grid(drawnThrough map: DataTransform) -> ContourGrid {
        let corners = [Point(domain.minX, domain.minY), Point(domain.maxX, domain.maxY)].map(map.apply)
        return grid(pixelSize: (abs(corners[1].x - corners[0].x), abs(corners[1].y - corners[0].y)))
    }

    /// The levels used for `grid`: explicit ones, or automatic over its range.
    public func resolvedLevels(for grid: ContourGrid) -> [Double] {
        if let l = levels, l.count >= 2 { return l }
        guard let r = grid.range else { return [] }
        return ContourLevels.automatic(zmin: r.min, zmax: r.max)
    }

    /// Colour of band k of `levels`.
    public func bandColor(_ k: Int, levels: [Double]) -> Color {
        if let colors = bandColors, !colors.isEmpty { return colors[k % colors.count] }
        // A first level of 0 (or below) is allowed: that band takes the map's low end.
        if logNorm, let first = levels.first(where: { $0 > 0 }), let last = levels.last, last > first {
            guard levels[k] > 0 else { return colormap.color(at: 0) }
            let mid = 0.5 * (log(levels[k]) + log(levels[k + 1]))
            return colormap.color(at: (mid - log(first)) / (log(last) - log(first)))
        }
        let mid = (levels[k] + levels[k + 1]) / 2
        let span = levels.last! - levels.first!
        return colormap.color(at: span > 0 ? (mid - levels.first!) / span : 0.5)
    }

    public func draw(in context: inout DrawContext) {
        // Filled contours are drawn on linear axes only (as course figures use them).
        guard context.dataToPixel.isAffine else { return }
        let map = context.dataToPixel.affine
        let grid = self.grid(drawnThrough: context.dataToPixel)
        let lv = resolvedLevels(for: grid)
        guard lv.count >= 2 else { return }
        let saved = context.canvas.clip
        context.canvas.clip = context.plotArea
        defer { context.canvas.clip = saved }
        // The same region either way: cell pieces for pixels, outlines for vectors.
        let outlines = context.canvas is any VectorCanvas
        var fills: [(level: Double, color: Color)] = (0..<(lv.count - 1)).map { k in
            let c = bandColor(k, levels: lv)
            return (lv[k], c.withAlpha(c.a * alpha))
        }
        // Above the last level matplotlib paints nothing: restore the face colour there.
        if let top = lv.last, let r = grid.range, r.max > top {
            fills.append((top.nextUp, context.theme.axesFaceColor))
        }
        // Each band's region is built and rasterized independently (on the
        // canvas's threads), then painted in order.
        context.canvas.fillInOrder(count: fills.count) { [fills] k in
            (outlines ? grid.regionOutline(atLeast: fills[k].level, map: map)
                      : grid.region(atLeast: fills[k].level, map: map), fills[k].color)
        }
    }
}
