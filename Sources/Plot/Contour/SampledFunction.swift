import Foundation

/// A function of (x, y) whose sampled grids are remembered: a figure samples
/// each grid once, however many artists draw from it — the filled contour, the
/// colorbar that reads its levels off the same samples, and contour lines of
/// the same function over it.
///
/// Share one between artists only when they draw the same function (a
/// `PanelBuilder` gives a panel's fill and lines the objective's one);
/// assigning another function to an artist gives it a new `SampledFunction`.
/// Thread-safe. It keeps the four grids asked for last (a figure asks for one
/// or two sizes), so memory does not grow with the number of frames.
public final class SampledFunction: @unchecked Sendable {
    public let function: @Sendable (Double, Double) -> Double
    private let lock = NSLock()
    private var recent: [(key: Key, grid: ContourGrid)] = []

    private struct Key: Equatable {
        let x0, x1, y0, y1: Double
        let nx, ny: Int
    }

    public init(_ function: @escaping @Sendable (Double, Double) -> Double) {
        self.function = function
    }

    /// `ContourGrid(x0:x1:y0:y1:nx:ny:function)`, sampled on the first request
    /// and remembered. Two threads asking at once for a new grid may both
    /// sample it; they get equal grids.
    public func grid(x0: Double, x1: Double, y0: Double, y1: Double, nx: Int, ny: Int) -> ContourGrid {
        let key = Key(x0: x0, x1: x1, y0: y0, y1: y1, nx: nx, ny: ny)
        lock.lock()
        if let hit = recent.first(where: { $0.key == key }) {
            lock.unlock()
            return hit.grid
        }
        lock.unlock()
        let grid = ContourGrid(x0: x0, x1: x1, y0: y0, y1: y1, nx: nx, ny: ny, function)
        lock.lock()
        recent.append((key, grid))
        if recent.count > 4 { recent.removeFirst() }
        lock.unlock()
        return grid
    }
}
