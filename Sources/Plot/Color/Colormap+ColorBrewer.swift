import Raster

/// ColorBrewer maps (Cynthia Brewer's sequential and diverging schemes) as
/// matplotlib defines them: the scheme's 9 or 11 8-bit colours, evenly spaced and
/// interpolated linearly into 256 entries (`LinearSegmentedColormap.from_list`).
extension Colormap {
    /// Sequential: near-white → dark red (9 colours).
    public static let reds = brewer("Reds", [
        0xfff5f0, 0xfee0d2, 0xfcbba1, 0xfc9272, 0xfb6a4a, 0xef3b2c, 0xcb181d, 0xa50f15, 0x67000d,
    ])

    /// Sequential: near-white → dark blue (9 colours).
    public static let blues = brewer("Blues", [
        0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b,
    ])

    /// Diverging: dark red → near-white → dark blue (11 colours).
    public static let rdBu = brewer("RdBu", [
        0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3,
        0x2166ac, 0x053061,
    ])

    /// The 8-bit colours are exactly matplotlib's floats (k / 255).
    private static func brewer(_ name: String, _ hex: [UInt32]) -> Colormap {
        fromList(name: name, hex.map { Color(hex: $0) })!
    }
}
