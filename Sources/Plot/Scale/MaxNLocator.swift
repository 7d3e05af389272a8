import Foundation

/// Nice tick positions, chosen the way matplotlib's `MaxNLocator` chooses them.
///
/// The range is divided into at most `bins` intervals whose width is one of
/// `steps` × a power of ten; among the steps not smaller than the raw step
/// (range / bins), the smallest is tried first, and smaller ones are tried
/// (largest first) only if it yields fewer than `minTicks` ticks inside the
/// range. The returned ticks may extend one step beyond the range on each side,
/// as matplotlib's do; callers showing axis ticks drop the ones outside the view.
public struct MaxNLocator: Sendable, Hashable {
    public var bins: Int
    public var steps: [Double]
    public var minTicks: Int

    /// Axis ticks: matplotlib's `AutoLocator` (steps 1, 2, 2.5, 5, 10; 9 bins at most).
    public static func axis(bins: Int = 9) -> MaxNLocator {
        MaxNLocator(bins: bins, steps: [1, 2, 2.5, 5, 10])
    }

    /// Contour levels: what `contourf` uses when no levels are given (7 + 1 bins).
    public static let contourLevels = MaxNLocator(bins: 8, steps: [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])

    /// `steps` must rise from 1 to 10 (values outside are dropped); `bins` ≥ 1.
    public init(bins: Int, steps: [Double] = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10], minTicks: Int = 2) {
        self.bins = max(1, bins)
        var s = steps.filter { $0 >= 1 && $0 <= 10 }.sorted()
        if s.first != 1 { s.insert(1, at: 0) }
        if s.last != 10 { s.append(10) }
        self.steps = s
        self.minTicks = max(1, minTicks)
    }

    /// Tick values covering [vmin, vmax]; a degenerate or non-finite range is widened first.
    public func ticks(_ vmin: Double, _ vmax: Double) -> [Double] {
        let (lo, hi) = MaxNLocator.nonsingular(vmin, vmax)
        let (scale, offset) = MaxNLocator.scaleRange(lo, hi, bins: bins)
        let a = lo - offset, b = hi - offset
        let rawStep = (b - a) / Double(bins)
        // The staircase: 0.1·steps, steps, 10·steps[1], so a step just below 1 or
        // just above 10 of the current decade is available too.
        let extended = steps.dropLast().map { $0 * 0.1 } + steps + [10 * steps[1]]
        let scaled = extended.map { $0 * scale }
        let firstLarge = scaled.firstIndex { $0 >= rawStep } ?? (scaled.count - 1)
        var ticks: [Double] = []
        for step in scaled[...firstLarge].reversed() {
            let edge = TickEdge(step: step, offset: offset)
            let best = (a / step).rounded(.down) * step
            let low = edge.largestMultiple(atMost: a - best)
            let high = edge.smallestMultiple(atLeast: b - best)
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
            let inside = ticks.filter { $0 >= a && $0 <= b }.count
            if inside >= minTicks { break }
        }
        return ticks.map { $0 + offset }
    }

    /// The power of ten of the raw step, and an offset when the values sit far
    /// from zero relative to their range (so steps are taken relative to it).
    static func scaleRange(_ vmin: Double, _ vmax: Double, bins: Int) -> (scale: Double, offset: Double) {
        let dv = abs(vmax - vmin)
        let mean = (vmax + vmin) / 2
        var offset = 0.0
        if abs(mean) / dv >= 100 {
            offset = copysign(pow(10, floor(log10(abs(mean)))), mean)
        }
        return (pow(10, floor(log10(dv / Double(bins)))), offset)
    }

    /// matplotlib's `nonsingular`: widen an empty range so ticks can be placed.
    static func nonsingular(_ vmin: Double, _ vmax: Double) -> (Double, Double) {
        guard vmin.isFinite, vmax.isFinite else { return (-0.001, 0.001) }
        var (lo, hi) = vmin <= vmax ? (vmin, vmax) : (vmax, vmin)
        let largest = max(abs(lo), abs(hi))
        if hi - lo <= max(largest, 1e-300) * 1e-12 {   // tiny relative to the values
            if largest < 1e-300 { (lo, hi) = (-0.001, 0.001) }
            else { lo -= 0.001 * abs(lo); hi += 0.001 * abs(hi) }
        }
        return (lo, hi)
    }
}

/// Integer multiples of a step with a tolerance for rounding error, as in
/// matplotlib's `_Edge_integer`: a remainder within 1e-10 steps of 0 or 1 counts as 0.
struct TickEdge {
    let step: Double
    let offset: Double

    private func closeTo(_ ms: Double, _ edge: Double) -> Bool {
        var tol = 1e-10
        if offset > 0 {
            // More slack when the offset is large compared with the step.
            let digits = log10(offset / step)
            tol = min(0.4999, max(1e-10, pow(10, digits - 12)))
        }
        return abs(ms - edge) < tol
    }

    /// Largest n with n·step ≤ x.
    func largestMultiple(atMost x: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return closeTo(m / step, 1) ? d + 1 : d
    }

    /// Smallest n with n·step ≥ x.
    func smallestMultiple(atLeast x: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return closeTo(m / step, 0) ? d : d + 1
    }
}
