/// Nearest-entry search in Oklab over a palette of up to 256 entries.
///
/// Entries are sorted by lightness L; a search starts at the entry whose L is
/// closest and walks outwards in both directions, stopping each direction once
/// the L difference alone exceeds the best distance found. On plot palettes this
/// visits a small fraction of the entries. The result is the exact nearest entry
/// (ties go to the lower original index, so results never depend on the order of
/// queries).
struct NearestColor: Sendable {
    private let points: [SIMD3<Float>]      // sorted by L
    private let original: [Int]             // sorted position → caller's index

    init(_ entries: [SIMD3<Float>]) {
        let order = entries.indices.sorted { (entries[$0].x, $0) < (entries[$1].x, $1) }
        points = order.map { entries[$0] }
        original = order
    }

    /// The caller's index of the entry nearest to `p`, and its squared distance.
    func nearest(_ p: SIMD3<Float>) -> (index: Int, distanceSquared: Float) {
        let n = points.count
        // First entry with L ≥ p.L.
        var lo = 0, hi = n
        while lo < hi {
            let mid = (lo + hi) / 2
            if points[mid].x < p.x { lo = mid + 1 } else { hi = mid }
        }
        var best = Float.infinity, bestIndex = Int.max
        func consider(_ i: Int) {
            let d = Oklab.distanceSquared(points[i], p)
            if d < best || (d == best && original[i] < bestIndex) { best = d; bestIndex = original[i] }
        }
        var up = lo, down = lo - 1
        while up < n || down >= 0 {
            if up < n {
                let dl = points[up].x - p.x
                if dl * dl > best { up = n } else { consider(up); up += 1 }
            }
            if down >= 0 {
                let dl = p.x - points[down].x
                if dl * dl > best { down = -1 } else { consider(down); down -= 1 }
            }
        }
        return (bestIndex, best)
    }
}
