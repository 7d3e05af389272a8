/// A colour with straight (not premultiplied) alpha, each component in [0, 1].
///
/// `Color(parsing:)` accepts what matplotlib accepts for a single colour:
/// `#rgb`, `#rrggbb`, `#rrggbbaa`, the base letters `b g r c m y k w`, the
/// tab10 names (`tab:orange`), the cycle names `C0`…`C9`, CSS names (`orange`,
/// `darkgreen`, …) and grey levels as a number string (`"0.5"`). It returns nil
/// for anything else.
public struct Color: Hashable, Sendable {
    public var r: Double
    public var g: Double
    public var b: Double
    public var a: Double

    public init(r: Double, g: Double, b: Double, a: Double = 1) {
        self.r = min(max(r, 0), 1)
        self.g = min(max(g, 0), 1)
        self.b = min(max(b, 0), 1)
        self.a = min(max(a, 0), 1)
    }

    /// From 8-bit components.
    public init(r8: UInt8, g8: UInt8, b8: UInt8, a8: UInt8 = 255) {
        self.init(r: Double(r8) / 255, g: Double(g8) / 255, b: Double(b8) / 255, a: Double(a8) / 255)
    }

    /// From a 0xRRGGBB integer.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(r8: UInt8((hex >> 16) & 0xff), g8: UInt8((hex >> 8) & 0xff), b8: UInt8(hex & 0xff))
        a = min(max(alpha, 0), 1)
    }

    public func withAlpha(_ alpha: Double) -> Color { Color(r: r, g: g, b: b, a: alpha) }

    /// Components rounded to 8 bits as matplotlib does (round half to even is not
    /// needed: x·255 + 0.5 truncated).
    public var rgba8: (UInt8, UInt8, UInt8, UInt8) {
        func q(_ v: Double) -> UInt8 { UInt8(min(max(v * 255 + 0.5, 0), 255)) }
        return (q(r), q(g), q(b), q(a))
    }

    /// `#rrggbb` or `#rrggbbaa` when not opaque.
    public var hexString: String {
        let (r8, g8, b8, a8) = rgba8
        let parts = a8 == 255 ? [r8, g8, b8] : [r8, g8, b8, a8]
        return "#" + parts.map { let s = String($0, radix: 16); return s.count == 1 ? "0" + s : s }.joined()
    }

    public static let black = Color(r: 0, g: 0, b: 0)
    public static let white = Color(r: 1, g: 1, b: 1)
    public static let clear = Color(r: 0, g: 0, b: 0, a: 0)
    public static let red = Color(r: 1, g: 0, b: 0)

    /// matplotlib's default property cycle (tab10), in order.
    public static let tab10: [Color] = [
        0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd,
        0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf,
    ].map { Color(hex: $0) }
}
