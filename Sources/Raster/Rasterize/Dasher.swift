import Foundation

extension Path {
    /// The "on" pieces of a dash pattern laid along this path, as open polylines
    /// (curves are flattened first). Stroke the result to draw a dashed line;
    /// `stroked(_:)` does this itself when the style has dashes.
    ///
    /// - `pattern`: on/off lengths in pixels, starting with "on"; an odd count is
    ///   repeated once (SVG). An empty pattern, or one with a negative or non-finite
    ///   entry or a zero total, returns the path unchanged (solid), as does a pattern
    ///   so fine that it would cut more than a million pieces.
    /// - `phase`: the distance into the pattern at which every subpath starts
    ///   (negative values wrap around).
    /// - A zero-length "on" entry gives a one-point piece: a dot with round or square
    ///   caps, nothing with butt caps.
    /// - On a closed subpath a dash running over the closing point continues into the
    ///   first one, and a subpath that is never "off" stays closed.
    public func dashed(_ pattern: [Double], phase: Double) -> Path {
        guard !pattern.isEmpty, pattern.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return self }
        let lengths = pattern.count % 2 == 1 ? pattern + pattern : pattern
        let period = lengths.reduce(0, +)
        guard period > 0, phase.isFinite else { return self }

        let lines = flattened()
        let total = lines.reduce(0.0) { $0 + $1.length }
        guard total / period * Double(lengths.count) <= 1_000_000 else { return self }

        var out = Path()
        let walker = DashWalker(lengths: lengths, phase: phase, period: period)
        for line in lines { walker.walk(line, into: &out) }
        return out
    }
}

extension Polyline {
    /// Total length, the closing segment included when closed.
    var length: Double {
        var sum = 0.0
        for (a, b) in zip(points, points.dropFirst()) { sum += a.distance(to: b) }
        if isClosed, let f = points.first, let l = points.last { sum += l.distance(to: f) }
        return sum
    }
}

/// Walks polylines through a dash pattern, restarting it at every subpath.
struct DashWalker {
    let lengths: [Double]
    let startIndex: Int
    let startRemaining: Double

    init(lengths: [Double], phase: Double, period: Double) {
        self.lengths = lengths
        // Skip `phase` (mod the period) into the pattern.
        var offset = phase.truncatingRemainder(dividingBy: period)
        if offset < 0 { offset += period }
        var i = 0
        while offset >= lengths[i] && offset > 0 {
            offset -= lengths[i]
            i = (i + 1) % lengths.count
        }
        startIndex = i
        startRemaining = lengths[i] - offset
    }

    /// Appends the "on" pieces of `line` to `out`.
    func walk(_ line: Polyline, into out: inout Path) {
        var pts = line.points
        if line.isClosed, let first = pts.first { pts.append(first) }
        guard pts.count > 1 else { return }

        var pieces: [[Point]] = []
        var index = startIndex, remaining = startRemaining
        var current: [Point]? = index % 2 == 0 ? [pts[0]] : nil
        let startsOn = current != nil
        var everOff = !startsOn

        for (a, b) in zip(pts, pts.dropFirst()) {
            let len = a.distance(to: b)
            guard len > 0 else { continue }
            var t = 0.0
            while true {
                let step = min(remaining, len - t)
                t += step
                remaining -= step
                if remaining > 0 {
                    // The segment ends inside the current pattern entry.
                    if current != nil { current!.append(b) }
                    break
                }
                // The pattern entry ends at t: toggle.
                let p = a.lerp(b, t / len)
                if var dash = current {
                    dash.append(p)
                    pieces.append(dash)
                    current = nil
                    everOff = true
                } else {
                    current = [p]
                }
                index = (index + 1) % lengths.count
                remaining = lengths[index]
                if t >= len { break }
            }
        }
        if let dash = current { pieces.append(dash) }
        // A dash that stops exactly at the end still touches the closing point.
        let endsOn = current != nil || (pieces.last?.last).map { $0.distance(to: pts[pts.count - 1]) < 1e-9 } == true
        emit(pieces, closed: line.isClosed, startsOn: startsOn, endsOn: endsOn,
             everOff: everOff, into: &out)
    }

    private func emit(_ pieces: [[Point]], closed: Bool, startsOn: Bool, endsOn: Bool,
                      everOff: Bool, into out: inout Path) {
        var pieces = pieces
        if closed, !everOff, let only = pieces.first {
            out.append(Path(polyline: Array(only.dropLast()), closed: true))
            return
        }
        if closed, startsOn, endsOn, pieces.count > 1 {
            // The last dash runs over the closing point into the first.
            let first = pieces.removeFirst()
            pieces[pieces.count - 1].append(contentsOf: first.dropFirst())
        }
        for piece in pieces {
            out.move(to: piece[0])
            // A one-point piece (zero-length dash) still gets a segment: a dot.
            if piece.count == 1 { out.line(to: piece[0]) }
            for q in piece.dropFirst() { out.line(to: q) }
        }
    }
}
