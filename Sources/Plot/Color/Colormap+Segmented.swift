import Raster

extension Colormap {
    /// One anchor of a channel of a segmented map — a row `(x, y0, y1)` of
    /// matplotlib's `segmentdata`. Left of `x` the channel tends to `below`, right
    /// of it it starts at `above`; the two differ where the channel jumps.
    public struct Anchor: Sendable, Hashable {
        public var x: Double
        public var below: Double
        public var above: Double

        public init(_ x: Double, _ below: Double, _ above: Double) {
            (self.x, self.below, self.above) = (x, below, above)
        }

        /// A continuous anchor: `y` on both sides.
        public init(_ x: Double, _ y: Double) {
            self.init(x, y, y)
        }
    }

    /// A map built from per-channel anchors the way matplotlib's
    /// `LinearSegmentedColormap` builds its table (gamma 1).
    ///
    /// Entry i sits at v = i / (n − 1). Between the anchors k−1 and k that
    /// bracket v (the first k with xₖ ≥ v, as `numpy.searchsorted` finds it) the
    /// channel runs linearly from `above` of anchor k−1 to `below` of anchor k;
    /// the first entry is `above` of the first anchor and the last is `below` of
    /// the last one. Results are clipped to [0, 1].
    ///
    /// Nil when a channel has fewer than two anchors, does not start at x = 0 and
    /// end at x = 1, or its x values decrease — matplotlib raises for these.
    public static func segmented(name: String, n: Int = 256,
                                 red: [Anchor], green: [Anchor], blue: [Anchor]) -> Colormap? {
        guard n >= 2,
              let r = channelTable(red, n: n),
              let g = channelTable(green, n: n),
              let b = channelTable(blue, n: n) else { return nil }
        return Colormap(name: name, lut: (0..<n).map { Color(r: r[$0], g: g[$0], b: b[$0]) })
    }

    /// A map interpolated linearly between evenly spaced opaque `colors` —
    /// matplotlib's `LinearSegmentedColormap.from_list(name, colors, n)`, which is
    /// how the ColorBrewer maps (`Reds`, `Blues`, `RdBu`, …) are made. Nil for
    /// fewer than two colours.
    public static func fromList(name: String, n: Int = 256, _ colors: [Color]) -> Colormap? {
        guard colors.count >= 2 else { return nil }
        let last = Double(colors.count - 1)
        func anchors(_ channel: KeyPath<Color, Double>) -> [Anchor] {
            colors.enumerated().map { Anchor(Double($0.offset) / last, $0.element[keyPath: channel]) }
        }
        return segmented(name: name, n: n, red: anchors(\.r), green: anchors(\.g), blue: anchors(\.b))
    }

    /// The `n` values of one channel (see `segmented`); nil for invalid anchors.
    static func channelTable(_ anchors: [Anchor], n: Int) -> [Double]? {
        guard anchors.count >= 2, anchors.first!.x == 0, anchors.last!.x == 1,
              zip(anchors, anchors.dropFirst()).allSatisfy({ $0.x <= $1.x }) else { return nil }
        // matplotlib works in units of table entries (x · (n − 1)); doing the same
        // keeps the rounding of the interpolation identical to theirs.
        let scale = Double(n - 1)
        let xs = anchors.map { $0.x * scale }
        var table = [Double](repeating: 0, count: n)
        table[0] = anchors.first!.above
        table[n - 1] = anchors.last!.below
        let step = 1 / scale            // numpy.linspace(0, 1, n)[i] = i · step
        var k = 1
        for i in 1..<(n - 1) {
            let v = scale * (Double(i) * step)
            while k < xs.count - 1 && xs[k] < v { k += 1 }
            let (a, b) = (anchors[k - 1], anchors[k])
            let t = (v - xs[k - 1]) / (xs[k] - xs[k - 1])
            table[i] = t * (b.below - a.above) + a.above
        }
        return table.map { min(max($0, 0), 1) }
    }
}
