/// The global colour table of an animated GIF and the map from colour to index.
///
/// - **Exact** when all frames together use at most 256 colours: every colour
///   gets its own entry (sorted by r, g, b), nothing is lost. A transparent
///   index for frame differencing is added after them when there is room
///   (≤ 255 colours); with exactly 256 the writer stores unchanged pixels with
///   their real index instead, which is still lossless, only a little larger.
/// - **Quantized** otherwise: `MedianCut` picks 255 entries (256 for a single
///   frame), the last index is transparent.
///
/// Mapping is a pure function of the colour — the nearest entry in Oklab, no
/// dithering — so a pixel that does not change between frames maps to the same
/// index in every frame and static areas never shimmer. Results are cached per
/// colour, and runs of one colour skip even the cache.
struct GIFPalette {
    /// Entries as packed opaque RGB, `r | g << 8 | b << 16`.
    let colors: [UInt32]
    /// The index that means "keep the pixel below", or nil when there is no room.
    let transparentIndex: Int?
    let isExact: Bool
    private let nearest: NearestColor
    private var cache: ColorTable
    /// The cache is dropped when it grows past this many colours (camera orbits
    /// over shaded surfaces can produce millions), bounding its memory at ~4 MB
    /// (8 bytes a slot, twice as many slots as colours). A cache miss costs one
    /// nearest-entry search, and the mapping is a pure function of the colour,
    /// so the limit changes time and memory, never the indices.
    private static let cacheLimit = 1 << 18

    init(histogram: ColorHistogram, needsTransparency: Bool) {
        if let distinct = histogram.distinctColors, distinct.count <= 256 {
            colors = distinct.sorted { $0.byteSwapped < $1.byteSwapped }
            transparentIndex = needsTransparency && colors.count < 256 ? colors.count : nil
            isExact = true
        } else {
            colors = MedianCut.palette(histogram.samples(), count: needsTransparency ? 255 : 256)
            transparentIndex = needsTransparency ? colors.count : nil
            isExact = false
        }
        nearest = NearestColor(colors.map(Oklab.from(packed:)))
        cache = ColorTable(capacity: max(1024, colors.count))
        for (i, c) in colors.enumerated() { cache.set(i, for: c) }
    }

    /// Entries in the table, a power of two from 2 to 256, as GIF requires.
    var tableSize: Int {
        let used = colors.count + (transparentIndex == nil ? 0 : 1)
        var size = 2
        while size < used { size *= 2 }
        return size
    }

    /// The index for a packed opaque colour.
    mutating func index(of c: UInt32) -> UInt8 {
        if let i = cache.value(for: c) { return UInt8(i) }
        let i = nearest.nearest(Oklab.from(packed: c)).index
        if cache.count >= Self.cacheLimit { cache = ColorTable(capacity: 1024) }
        cache.set(i, for: c)
        return UInt8(i)
    }

    /// Maps `pixels` to indices in `out` (same count).
    mutating func map(_ pixels: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt8>) {
        var last: UInt32 = .max                  // never a packed opaque colour
        var lastIndex: UInt8 = 0
        for i in pixels.indices {
            let c = pixels[i]
            if c != last {
                lastIndex = index(of: c)
                last = c
            }
            out[i] = lastIndex
        }
    }
}
