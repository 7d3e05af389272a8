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
