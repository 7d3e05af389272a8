import Foundation
import Raster

/// The ticks of one axis for given limits and length: positions, labels and the
/// offset text — shared by layout (to measure) and drawing.
struct AxisTicks {
    /// Visible ticks: data value and label.
    var ticks: [(value: Double, label: String)]
    /// matplotlib's offset text (`1e6`), or nil.
    var multiplier: String?

    /// matplotlib's choice: AutoLocator + ScalarFormatter on linear axes, whose
    /// bin count follows the room for labels (3 label heights per tick on x, 2 on
    /// y); LogLocator + `10^k` labels on log axes.
    init(range r: ClosedRange<Double>, scale: AxisScale, lengthPx: Double, horizontal: Bool, theme: Theme, pointScale: Double) {
        if scale == .log {
            ticks = LogLocator.ticks(r.lowerBound, r.upperBound).map { ($0.value, $0.label) }
            multiplier = nil
            return
        }
        let lengthPt = lengthPx / pointScale
        let space = Int(floor(lengthPt / (theme.tickLabelSize * (horizontal ? 3 : 2))))
        let all = MaxNLocator.axis(bins: min(max(space, 1), 9)).ticks(r.lowerBound, r.upperBound)
        // matplotlib formats every located tick (the labels share decimals), then
        // shows those inside the view.
        let formatter = TickFormatter(ticks: all)
        let tol = 1e-10 * (r.upperBound - r.lowerBound)
        ticks = zip(all, formatter.labels).filter { $0.0 >= r.lowerBound - tol && $0.0 <= r.upperBound + tol }
            .map { ($0.0, $0.1) }
        multiplier = formatter.multiplierLabel
    }

    /// The largest label box (width, height) at `sizePx`.
    func largestLabel(font: Font, sizePx: Double) -> (width: Double, height: Double) {
        ticks.reduce((0.0, 0.0)) { acc, t in
            let e = font.measure(t.label, sizePx: sizePx)
            return (max(acc.0, e.width), max(acc.1, e.ascent + e.descent))
        }
    }
}
