import Raster

/// Fewer vertices for the straight runs of a path written to a vector file.
///
/// Figures hand the canvas polylines sampled for pixels — a contour line with a
/// vertex every 2 pixels, a loss curve with one per step — which a vector file
/// would store point by point. Douglas–Peucker drops every vertex that lies
/// within `tolerance` of the segment between the vertices kept around it, so
/// the drawn line moves by at most that much: a fiftieth of a pixel at the
/// figure's dpi, invisible at any zoom. Curves, moves and closes are kept as
/// they are; so are the ends of every run.
enum PolylineSimplifier {
    /// Largest distance (pixels) a dropped vertex may lie from the kept line.
    static let tolerance = 0.02

    /// The vertices of `points` to keep, in order (the first and last always).
    static func simplified(_ points: [Point]) -> [Point] {
        let n = points.count
        guard n > 2 else { return points }
        var keep = [Bool](repeating: false, count: n)
        keep[0] = true
        keep[n - 1] = true
        var stack = [(0, n - 1)]
        while let (a, b) = stack.popLast() {
            guard b - a > 1 else { continue }
            let p = points[a], q = points[b]
            let dx = q.x - p.x, dy = q.y - p.y, len = (dx * dx + dy * dy).squareRoot()
            var worst = -1.0, at = a
            for k in (a + 1)..<b {
                let r = points[k]
                // Distance to the segment: to the line, or to the nearer end past either end.
                let t = len > 0 ? ((r.x - p.x) * dx + (r.y - p.y) * dy) / (len * len) : 0
                let d: Double
                if t <= 0 || len == 0 {
                    d = ((r.x - p.x) * (r.x - p.x) + (r.y - p.y) * (r.y - p.y)).squareRoot()
                } else if t >= 1 {
                    d = ((r.x - q.x) * (r.x - q.x) + (r.y - q.y) * (r.y - q.y)).squareRoot()
                } else {
                    d = abs(dx * (r.y - p.y) - dy * (r.x - p.x)) / len
                }
                if d > worst { worst = d; at = k }
            }
            if worst > tolerance {
                keep[at] = true
                stack.append((a, at))
                stack.append((at, b))
            }
        }
        return (0..<n).filter { keep[$0] }.map { points[$0] }
    }
}
