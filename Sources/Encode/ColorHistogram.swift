/// The colours of all frames of an animation, counted for choosing a palette.
///
/// Two tallies are kept in one pass:
/// - an **exact** count per distinct colour, up to `exactLimit` colours — it
///   decides whether a lossless palette is possible (≤ 256 colours) and gives
///   the quantizer exact samples for typical plots (a few thousand colours from
///   anti-aliasing);
/// - a **binned** count with 5 bits a channel (32 768 bins, each with the sum
///   of its colours so its mean is exact) for frames with too many colours to
///   count one by one (shaded 3-D surfaces), where the exact tally is dropped.
///
/// Colours are packed opaque RGB, `r | g << 8 | b << 16`. Runs of one colour —
/// most of a plot — are counted with one update.
struct ColorHistogram {
    /// Above this many distinct colours only the bins are kept.
    static let exactLimit = 16_384

    private var exact: ColorTable? = ColorTable(capacity: 1024)
    private var exactColors: [UInt32] = []
    private var exactCounts: [Int] = []
    /// count, Σr, Σg, Σb for each 15-bit bin, interleaved.
    private var bins = [Int](repeating: 0, count: 4 * 32_768)
    private(set) var totalWeight = 0

    /// The distinct colours in first-seen order, or nil when there were more
    /// than `exactLimit`.
    var distinctColors: [UInt32]? { exact == nil ? nil : exactColors }

    mutating func add(_ pixels: UnsafeBufferPointer<UInt32>) {
        guard var run = pixels.first else { return }
        var length = 0
        for c in pixels {
            if c == run { length += 1; continue }
            count(run, length)
            run = c
            length = 1
        }
        count(run, length)
    }

    private mutating func count(_ c: UInt32, _ n: Int) {
        totalWeight += n
        let r = Int(c & 0xFF), g = Int(c >> 8 & 0xFF), b = Int(c >> 16 & 0xFF)
        let bin: Int = 4 * ((r >> 3) | (g >> 3) << 5 | (b >> 3) << 10)
        bins[bin] += n
        bins[bin + 1] += n * r
        bins[bin + 2] += n * g
        bins[bin + 3] += n * b
        guard exact != nil else { return }
        if let i = exact!.value(for: c) {
            exactCounts[i] += n
        } else if exactColors.count < Self.exactLimit {
            exact!.set(exactColors.count, for: c)
            exactColors.append(c)
            exactCounts.append(n)
        } else {
            exact = nil                          // too many: bins only from here on
            exactColors = []
            exactCounts = []
        }
    }

    /// Weighted samples for the quantizer: the exact colours when they were
    /// kept, else the non-empty bins at their mean colour. Order is fixed
    /// (first-seen or bin order), so the palette is deterministic.
    func samples() -> [ColorSample] {
        if exact != nil {
            return exactColors.indices.map { i in
                let c = exactColors[i]
                let srgb = SIMD3<Float>(Float(c & 0xFF), Float(c >> 8 & 0xFF), Float(c >> 16 & 0xFF))
                return ColorSample(srgb: srgb, lab: Oklab.from(packed: c), weight: Float(exactCounts[i]))
            }
        }
        var out: [ColorSample] = []
        for bin in stride(from: 0, to: bins.count, by: 4) where bins[bin] > 0 {
            let n = Float(bins[bin])
            let srgb = SIMD3(Float(bins[bin + 1]), Float(bins[bin + 2]), Float(bins[bin + 3])) / n
            out.append(ColorSample(srgb: srgb, lab: Oklab.from(srgb: srgb), weight: n))
        }
        return out
    }
}

/// A colour with a weight (its pixel count), in sRGB 0…255 and in Oklab.
struct ColorSample {
    var srgb: SIMD3<Float>
    var lab: SIMD3<Float>
    var weight: Float
}
