import Foundation
import Raster

/// A colormap as matplotlib samples it: a lookup table of `N` colours (256 for
/// the built-in maps), indexed by `Int(x · N)` clipped to `0…N−1`.
///
/// matplotlib quantizes the same way, so a value maps to exactly the colour
/// matplotlib would give it, not to an interpolated one.
public struct Colormap: Sendable, Hashable {
    public let name: String
    public let lut: [Color]

    /// Nil for an empty table.
    public init?(name: String, lut: [Color]) {
        guard !lut.isEmpty else { return nil }
        self.name = name
        self.lut = lut
    }

    /// The colour of `x` in [0, 1]; values outside are clipped; NaN gives clear.
    public func color(at x: Double) -> Color {
        guard !x.isNaN else { return .clear }
        let n = lut.count
        let i = x >= 1 ? n - 1 : (x < 0 ? 0 : Int(x * Double(n)))
        return lut[min(max(i, 0), n - 1)]
    }

    /// The map read backwards (`name_r`).
    public var reversed: Colormap {
        let base = name.hasSuffix("_r") ? String(name.dropLast(2)) : name + "_r"
        return Colormap(name: base, lut: lut.reversed())!
    }

    /// A table of `n` entries from per-channel functions of x ∈ [0, 1], each
    /// clipped to [0, 1] — how matplotlib builds gnuplot-style maps.
    public static func sampled(name: String, n: Int = 256,
                               _ channels: (r: (Double) -> Double, g: (Double) -> Double, b: (Double) -> Double)) -> Colormap {
        let lut = (0..<n).map { i -> Color in
            let x = Double(i) / Double(n - 1)
            return Color(r: channels.r(x), g: channels.g(x), b: channels.b(x))
        }
        return Colormap(name: name, lut: lut)!
    }

    /// A table of `n` entries interpolated linearly between evenly spaced `stops`
    /// (how matplotlib's `LinearSegmentedColormap.from_list` builds a map).
    public static func interpolated(name: String, n: Int = 256, stops: [Color]) -> Colormap {
        guard stops.count > 1 else { return Colormap(name: name, lut: stops.isEmpty ? [.black] : stops)! }
        let lut = (0..<n).map { i -> Color in
            let t = Double(i) / Double(n - 1) * Double(stops.count - 1)
            let k = min(Int(t), stops.count - 2)
            let f = t - Double(k)
            let a = stops[k], b = stops[k + 1]
            return Color(r: a.r + (b.r - a.r) * f, g: a.g + (b.g - a.g) * f,
                         b: a.b + (b.b - a.b) * f, a: a.a + (b.a - a.a) * f)
        }
        return Colormap(name: name, lut: lut)!
    }

    /// gnuplot's default palette, rgbformulae 7, 5, 15: r = √x, g = x³, b = sin 2πx.
    public static let gnuplot = sampled(name: "gnuplot", (
        r: { $0.squareRoot() }, g: { $0 * $0 * $0 }, b: { sin(2 * Double.pi * $0) }))

    /// A discrete map: one colour per band, as `contourf(colors=[...])` uses them.
    public static func listed(_ colors: [Color], name: String = "listed") -> Colormap? {
        Colormap(name: name, lut: colors)
    }
}
