import Foundation
import Optimization

/// `view: auto`: limits that hold every run's path, with a margin of 10 % on
/// each side, at least ±1 around a single point. A path that blows up counts
/// until it leaves |f| ≤ 100 (|f(start)| + 1) (the rest is drawn to the frame
/// and its end marked "outside the view").
enum AutoView {
    /// [xmin, xmax] for a 1-D objective, [xmin, xmax, ymin, ymax] for a 2-D one.
    /// Runs that cannot run (a bad optimizer, a start of the wrong size) are
    /// skipped here: building the panel reports them.
    static func limits(_ f: Objective, _ runs: [RunSpec]) -> [Double] {
        var points: [[Double]] = []
        for r in runs {
            guard let optimizer = try? OptimizerSpec.parse(r.optimizer), r.start.count == f.dimension,
                  (0...1_000_000).contains(r.steps) else { continue }
            // A run that blows up would stretch the view until nothing else shows:
            // its points count while |f| stays within 100 × (|f(start)| + 1).
            let bound = 100 * (abs(f.value(r.start)) + 1)
            for p in Run(objective: f, optimizer: optimizer, start: r.start, steps: r.steps).points {
                guard p.allSatisfy(\.isFinite), abs(f.value(p)) <= bound else { break }
                points.append(p)
            }
        }
        var out: [Double] = []
        for axis in 0..<f.dimension {
            let values = points.map { $0[axis] }
            guard var lo = values.min(), var hi = values.max() else { out += [-1, 1]; continue }
            let margin = max((hi - lo) * 0.1, 1e-9)
            lo -= margin
            hi += margin
            if hi - lo < 2 { let c = (lo + hi) / 2; lo = c - 1; hi = c + 1 }
            // Outward to a hundredth of the span's decade: short numbers in a printed spec.
            let e = Int((log10(hi - lo)).rounded(.down)) - 2
            let scale = pow(10, Double(abs(e)))
            if e < 0 {
                out += [(lo * scale).rounded(.down) / scale, (hi * scale).rounded(.up) / scale]
            } else {
                out += [(lo / scale).rounded(.down) * scale, (hi / scale).rounded(.up) * scale]
            }
        }
        return out
    }
}
