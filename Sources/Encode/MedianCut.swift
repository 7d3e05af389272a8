/// A palette of at most `count` colours for many weighted colours: median cut in
/// Oklab, outlier seeding for small distinctive colours, then k-means refinement.
///
/// 1. **Median cut.** Start from one box holding every sample; repeatedly split
///    the box with the largest weighted squared error, across its axis of
///    largest variance, at the weighted median. Error-driven splitting spends
///    entries on smooth gradients (contour bands, shaded surfaces) where banding
///    would show, not on colours that are merely frequent.
/// 2. **Outliers.** Median cut weighs by pixel count, so a red start marker of a
///    few hundred pixels on a 600 000-pixel figure shares a box with its
///    surroundings and comes out brown. After cutting to `count − 16` boxes, up
///    to 16 entries go to colours with at least `outlierMinWeight` pixels whose
///    nearest entry is farther than `outlierDistance` (clearly visible), most
///    distinctive first; slots left over go back to median cut.
/// 3. **k-means.** A few Lloyd iterations move each entry to the weighted mean of
///    the samples nearest to it, which removes most of median cut's box-edge error.
///
/// Everything runs on fixed-order arrays with explicit tie-breaks, so the same
/// samples always give the same palette.
enum MedianCut {
    static let reservedForOutliers = 16
    /// Oklab distance above which a colour counts as lost (≈ 4 just-noticeable steps).
    static let outlierDistance: Float = 0.04
    static let outlierMinWeight: Float = 8
    /// Caps an outlier's weight when ranking, so one big area of moderate error
    /// does not outrank a small, very different marker.
    static let outlierWeightCap: Float = 1000
    static let kMeansIterations = 4

    /// Up to `count` (≥ 1) colours, packed `r | g << 8 | b << 16`, distinct.
    static func palette(_ samples: [ColorSample], count: Int) -> [UInt32] {
        guard samples.count > count else { return dedupe(samples.map { pack($0.srgb) }) }
        var cutter = BoxCutter(samples)
        cutter.split(until: max(1, count - reservedForOutliers))
        let extra = outliers(samples, centres: cutter.boxes.map(\.lab), limit: count - cutter.boxes.count)
        cutter.split(until: count - extra.count)
        var lab = cutter.boxes.map(\.lab) + extra.map { samples[$0].lab }
        var srgb = cutter.boxes.map(\.srgb) + extra.map { samples[$0].srgb }
        refine(samples, lab: &lab, srgb: &srgb)
        return dedupe(srgb.map(pack))
    }

    /// Indices of samples to give their own entries, most distinctive first.
    static func outliers(_ samples: [ColorSample], centres: [SIMD3<Float>], limit: Int) -> [Int] {
        guard limit > 0, !centres.isEmpty else { return [] }
        let nearest = NearestColor(centres)
        var d2 = samples.map { nearest.nearest($0.lab).distanceSquared }
        let threshold = outlierDistance * outlierDistance
        var picked: [Int] = []
        while picked.count < limit {
            var best: Float = 0, bestIndex = -1
            for (i, s) in samples.enumerated() where s.weight >= outlierMinWeight && d2[i] > threshold {
                let score = min(s.weight, outlierWeightCap) * d2[i]
                if score > best { best = score; bestIndex = i }
            }
            guard bestIndex >= 0 else { break }
            picked.append(bestIndex)
            let p = samples[bestIndex].lab
            for i in samples.indices { d2[i] = min(d2[i], Oklab.distanceSquared(samples[i].lab, p)) }
        }
        return picked
    }

    /// Lloyd iterations: each entry moves to the weighted mean of its samples
    /// (in Oklab for the next assignment, in sRGB for the colour written out).
    /// An entry that attracts no sample keeps its colour.
    static func refine(_ samples: [ColorSample], lab: inout [SIMD3<Float>], srgb: inout [SIMD3<Float>]) {
        for _ in 0..<kMeansIterations {
            let nearest = NearestColor(lab)
            var sumLab = [SIMD3<Double>](repeating: .zero, count: lab.count)
            var sumRGB = [SIMD3<Double>](repeating: .zero, count: lab.count)
            var weight = [Double](repeating: 0, count: lab.count)
            for s in samples {
                let j = nearest.nearest(s.lab).index
                let w = Double(s.weight)
                sumLab[j] += SIMD3<Double>(s.lab) * w
                sumRGB[j] += SIMD3<Double>(s.srgb) * w
                weight[j] += w
            }
            for j in lab.indices where weight[j] > 0 {
                lab[j] = SIMD3<Float>(sumLab[j] / weight[j])
                srgb[j] = SIMD3<Float>(sumRGB[j] / weight[j])
            }
        }
    }

    static func pack(_ c: SIMD3<Float>) -> UInt32 {
        func channel(_ v: Float) -> UInt32 { UInt32(min(max(v.rounded(), 0), 255)) }
        return channel(c.x) | channel(c.y) << 8 | channel(c.z) << 16
    }

    /// Removes repeated colours, keeping the first of each (rounding can merge two entries).
    static func dedupe(_ colors: [UInt32]) -> [UInt32] {
        var seen = Set<UInt32>()
        return colors.filter { seen.insert($0).inserted }
    }
}

/// The boxes of median cut over a permutation of the samples.
struct BoxCutter {
    struct Box {
        var range: Range<Int>          // into `order`
        var lab: SIMD3<Float>          // weighted mean, Oklab
        var srgb: SIMD3<Float>         // weighted mean, sRGB
        var error: Double              // weighted squared error around `lab`
        var axis: Int                  // Oklab axis of largest variance
    }

    private let samples: [ColorSample]
    private var order: [Int]
    private(set) var boxes: [Box] = []

    init(_ samples: [ColorSample]) {
        self.samples = samples
        order = Array(samples.indices)
        boxes = [makeBox(0..<samples.count)]
    }

    /// Splits until there are `target` boxes or no box has two distinct colours.
    mutating func split(until target: Int) {
        while boxes.count < target {
            var pick = -1
            for (i, b) in boxes.enumerated() where b.range.count > 1 && b.error > 0 {
                if pick < 0 || b.error > boxes[pick].error { pick = i }
            }
            guard pick >= 0, let (a, b) = halve(boxes[pick]) else { return }
            boxes[pick] = a
            boxes.append(b)
        }
    }

    /// The box cut at the weighted median along its axis; nil if it cannot be cut.
    private mutating func halve(_ box: Box) -> (Box, Box)? {
        let axis = box.axis
        let samples = self.samples
        order[box.range].sort { i, j in
            let (a, b) = (samples[i].lab[axis], samples[j].lab[axis])
            return a < b || (a == b && i < j)
        }
        let total = box.range.reduce(Float(0)) { $0 + samples[order[$1]].weight }
        var running: Float = 0
        var cut = box.range.lowerBound + 1
        for k in box.range.dropLast() {
            running += samples[order[k]].weight
            cut = k + 1
            if running >= total / 2 { break }
        }
        return (makeBox(box.range.lowerBound..<cut), makeBox(cut..<box.range.upperBound))
    }

    private func makeBox(_ range: Range<Int>) -> Box {
        var w = 0.0
        var sum = SIMD3<Double>.zero, sumSq = SIMD3<Double>.zero, sumRGB = SIMD3<Double>.zero
        for k in range {
            let s = samples[order[k]]
            let ws = Double(s.weight), p = SIMD3<Double>(s.lab)
            w += ws
            sum += p * ws
            sumSq += p * p * ws
            sumRGB += SIMD3<Double>(s.srgb) * ws
        }
        let mean = sum / w
        let variance = sumSq / w - mean * mean
        let axis = variance.x >= variance.y ? (variance.x >= variance.z ? 0 : 2) : (variance.y >= variance.z ? 1 : 2)
        return Box(range: range, lab: SIMD3<Float>(mean), srgb: SIMD3<Float>(sumRGB / w),
                   error: max(0, variance.sum()) * w, axis: axis)
    }
}
