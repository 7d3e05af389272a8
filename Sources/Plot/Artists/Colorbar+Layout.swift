import Raster

extension Colorbar {
    /// Where a colorbar and its parent axes go: matplotlib's `make_axes` for a
    /// colorbar on the right (`fig.colorbar(cs)`). Rectangles are figure
    /// fractions, y up (as `Axes.position`).
    public struct Layout: Sendable, Hashable {
        /// The parent axes' new position: its old one squeezed into the left part.
        public var parent: Rect
        /// The whole strip reserved for the colorbar (matplotlib's `cax` position
        /// before its aspect is applied, `get_position(original=True)`).
        public var slot: Rect
        /// The bar itself: the slot narrowed (or shortened) to the bar's aspect and
        /// anchored at its left middle — where the outline is drawn.
        public var bar: Rect
    }

    /// matplotlib's `make_axes(parent, fraction, pad, shrink, aspect)` for
    /// `location='right'`, with the colorbar's box aspect applied as at draw time.
    ///
    /// - The parent's box is split along x: the left 1 − fraction − pad of its
    ///   width stays for the parent (which is mapped into it), a gap of `pad`
    ///   follows, and the last `fraction` is the colorbar's slot.
    /// - The slot is shrunk to `shrink` of its height, centred vertically.
    /// - The bar is `aspect` times taller than wide in physical units (the figure
    ///   is `figureWidth × figureHeight`, any unit): if the slot is wider than
    ///   that, the bar keeps the slot's left edge and height; if narrower, it
    ///   keeps the width and is centred vertically (anchor (0, 0.5)).
    ///
    /// Defaults are matplotlib's: fraction 0.15, pad 0.05, shrink 1, aspect 20.
    /// For the default subplot of a 10 × 6 figure this gives the parent
    /// (0.125, 0.11, 0.62, 0.77) and the bar (0.78375, 0.11, 0.0231, 0.77).
    /// Nonsensical arguments (fractions outside (0, 1), aspect ≤ 0, a figure size
    /// that is not positive) return the parent unchanged and empty rectangles at
    /// its right edge.
    public static func layout(parent: Rect, figureWidth: Double, figureHeight: Double,
                              fraction: Double = 0.15, pad: Double = 0.05,
                              shrink: Double = 1, aspect: Double = 20) -> Layout {
        guard fraction > 0, pad >= 0, fraction + pad < 1, shrink > 0, shrink <= 1, aspect > 0,
              figureWidth > 0, figureHeight > 0 else {
            let edge = Rect(x: parent.maxX, y: parent.minY, width: 0, height: 0)
            return Layout(parent: parent, slot: edge, bar: edge)
        }
        let w = parent.width
        let newParent = Rect(x: parent.minX, y: parent.minY, width: w * (1 - fraction - pad), height: parent.height)
        let full = Rect(x: parent.minX + w * (1 - fraction), y: parent.minY, width: w * fraction, height: parent.height)
        // shrunk(1, shrink).anchored((0, 0.5), full): same width, centred vertically.
        let h = full.height * shrink
        let slot = Rect(x: full.minX, y: full.minY + (full.height - h) / 2, width: full.width, height: h)

        // Box aspect: height / width = aspect in inches (fractions × figure size).
        let slotW = slot.width * figureWidth, slotH = slot.height * figureHeight
        var bar = slot
        if slotH / slotW < aspect {
            bar.width = slotH / aspect / figureWidth            // too wide: narrower, left-anchored
        } else {
            let barH = slotW * aspect / figureHeight           // too tall: shorter, centred
            bar.y = slot.minY + (slot.height - barH) / 2
            bar.height = barH
        }
        return Layout(parent: newParent, slot: slot, bar: bar)
    }
}
