import Foundation

/// The levels `contourf` uses when none are given: matplotlib's MaxNLocator with
/// 8 bins and steps 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 over the data range. The
/// outer levels may lie beyond the data, so the bands cover it completely.
public enum ContourLevels {
    /// Levels for data in [zmin, zmax].
    public static func automatic(zmin: Double, zmax: Double, bins: Int = 8) -> [Double] {
        MaxNLocator(bins: bins, steps: MaxNLocator.contourLevels.steps).ticks(zmin, zmax)
    }

    /// Midpoints of consecutive levels: the value each band is coloured at.
    public static func bandMidpoints(_ levels: [Double]) -> [Double] {
        zip(levels, levels.dropFirst()).map { ($0 + $1) / 2 }
    }
}

/// Automatic levels that stay informative when a few extreme values dominate
/// (a steep rim such as Rosenbrock's, spikes such as 1/(x·y)'s): with
/// MaxNLocator's linear levels nearly all of the plot would be one band.
extension ContourLevels {
    /// How levels were chosen, for the colorbar to say so.
    public enum Spacing: Sendable, Equatable {
        /// matplotlib's linear levels (the default; no levels are returned).
        case linear
        /// 1-2-5 levels per decade, coloured by the log of the level (values ≥ 0).
        case log
        /// Levels at equal-area quantiles, bands coloured by their index (values of both signs).
        case quantile
    }

    /// Whether `values` (samples of the function over the view) have a heavy
    /// tail, and if so the levels to use. Heavy: half the samples lie in the
    /// lowest (or highest) tenth of the value range — a steep rim, as on
    /// Rosenbrock — or the middle half of them spans less than 5 % of it — spikes
    /// of both signs, as 1/(x·y)'s. Then log-spaced levels for values never
    /// negative that crowd at the low end, quantile levels otherwise.
    public static func informative(_ values: [Double]) -> (spacing: Spacing, levels: [Double]?) {
        let v = values.filter(\.isFinite).sorted()
        guard let lo = v.first, let hi = v.last, hi > lo, v.count >= 16 else { return (.linear, nil) }
        func share(_ p: Double) -> Double { (v[Int(p * Double(v.count - 1))] - lo) / (hi - lo) }
        let median = share(0.5), middleHalf = share(0.75) - share(0.25)
        guard median < 0.1 || median > 0.9 || middleHalf < 0.05 else { return (.linear, nil) }
        if lo >= 0 && median < 0.1 { return (.log, logLevels(v)) }
        return (.quantile, quantileLevels(v, bands: 16))
    }

    /// 1-2-5 levels from the one at or below the 2nd percentile (or 1e-6 of the
    /// maximum) to the one at or above the maximum, with 0 first when values lie
    /// below that; whole decades when 1-2-5 would give more than 20 levels.
    public static func logLevels(_ sorted: [Double]) -> [Double] {
        let lo = sorted.first!, hi = sorted.last!
        let low = max(sorted[sorted.count / 50], hi * 1e-6, Double.leastNormalMagnitude)
        let e0 = Int(log10(low).rounded(.down)), e1 = Int(log10(hi).rounded(.up))
        var levels: [Double] = []
        for mantissas in [[1.0, 2, 5], [1.0]] {
            let candidates = (e0...e1).flatMap { e in mantissas.map { $0 * pow(10, Double(e)) } }
            let start = candidates.last { $0 <= low } ?? candidates[0]
            let end = candidates.first { $0 >= hi } ?? candidates.last!
            levels = candidates.filter { $0 >= start && $0 <= end }
            if lo < start { levels.insert(0, at: 0) }
            if levels.count <= 20 { break }
        }
        return levels
    }

    /// Levels at the quantiles k/bands of the samples, rounded to 3 significant
    /// digits outward at the ends and made strictly increasing.
    public static func quantileLevels(_ sorted: [Double], bands: Int) -> [Double] {
        var levels: [Double] = []
        for k in 0...bands {
            let q = sorted[min(sorted.count - 1, k * (sorted.count - 1) / bands)]
            let r = round3(q, k == 0 ? .down : k == bands ? .up : .toNearestOrEven)
            if r > (levels.last ?? -.infinity) { levels.append(r) }
        }
        return levels
    }

    private static func round3(_ x: Double, _ rule: FloatingPointRoundingRule) -> Double {
        guard x != 0 else { return 0 }
        let e = Int(log10(abs(x)).rounded(.down)) - 2
        let scale = pow(10, Double(abs(e)))
        return e < 0 ? (x * scale).rounded(rule) / scale : (x / scale).rounded(rule) * scale
    }
}
