import Foundation

extension Color {
    /// Parses a matplotlib colour string; nil when it is not one (see `Color`).
    public init?(parsing text: String) {
        let s = text.trimmingCharacters(in: .whitespaces).lowercased()
        if s.hasPrefix("#") {
            guard let c = Color.parseHex(String(s.dropFirst())) else { return nil }
            self = c
        } else if let hex = Color.namedColors[s] {
            self.init(hex: hex)
        } else if s.count == 2, s.first == "c", let i = Int(s.dropFirst()), (0..<10).contains(i) {
            self = Color.tab10[i]
        } else if let grey = Double(s), (0...1).contains(grey) {
            self.init(r: grey, g: grey, b: grey)
        } else {
            return nil
        }
    }

    private static func parseHex(_ h: String) -> Color? {
        guard h.allSatisfy(\.isHexDigit) else { return nil }
        let digits: [UInt8] = h.map { UInt8($0.hexDigitValue!) }
        switch digits.count {
        case 3, 4:  // #rgb(a): each digit doubled
            let v = digits.map { $0 * 17 }
            return Color(r8: v[0], g8: v[1], b8: v[2], a8: v.count == 4 ? v[3] : 255)
        case 6, 8:
            let v = stride(from: 0, to: digits.count, by: 2).map { digits[$0] * 16 + digits[$0 + 1] }
            return Color(r8: v[0], g8: v[1], b8: v[2], a8: v.count == 4 ? v[3] : 255)
        default:
            return nil
        }
    }

    /// matplotlib's base colours, tab10 names and the CSS names course authors use.
    static let namedColors: [String: UInt32] = [
        "b": 0x0000ff, "g": 0x008000, "r": 0xff0000, "c": 0x00bfbf,
        "m": 0xbf00bf, "y": 0xbfbf00, "k": 0x000000, "w": 0xffffff,
        "tab:blue": 0x1f77b4, "tab:orange": 0xff7f0e, "tab:green": 0x2ca02c,
        "tab:red": 0xd62728, "tab:purple": 0x9467bd, "tab:brown": 0x8c564b,
        "tab:pink": 0xe377c2, "tab:gray": 0x7f7f7f, "tab:grey": 0x7f7f7f,
        "tab:olive": 0xbcbd22, "tab:cyan": 0x17becf,
        "black": 0x000000, "white": 0xffffff, "red": 0xff0000, "green": 0x008000,
        "blue": 0x0000ff, "yellow": 0xffff00, "cyan": 0x00ffff, "aqua": 0x00ffff,
        "magenta": 0xff00ff, "fuchsia": 0xff00ff, "orange": 0xffa500,
        "purple": 0x800080, "brown": 0xa52a2a, "pink": 0xffc0cb, "gray": 0x808080,
        "grey": 0x808080, "olive": 0x808000, "navy": 0x000080, "teal": 0x008080,
        "maroon": 0x800000, "lime": 0x00ff00, "gold": 0xffd700, "silver": 0xc0c0c0,
        "darkorange": 0xff8c00, "darkgreen": 0x006400, "darkblue": 0x00008b,
        "darkred": 0x8b0000, "darkgray": 0xa9a9a9, "darkgrey": 0xa9a9a9,
        "lightgray": 0xd3d3d3, "lightgrey": 0xd3d3d3, "lightblue": 0xadd8e6,
        "lightgreen": 0x90ee90, "orangered": 0xff4500, "crimson": 0xdc143c,
        "indigo": 0x4b0082, "violet": 0xee82ee, "coral": 0xff7f50, "salmon": 0xfa8072,
        "tomato": 0xff6347, "steelblue": 0x4682b4, "royalblue": 0x4169e1,
        "skyblue": 0x87ceeb, "deepskyblue": 0x00bfff, "dodgerblue": 0x1e90ff,
        "forestgreen": 0x228b22, "seagreen": 0x2e8b57, "limegreen": 0x32cd32,
        "chocolate": 0xd2691e, "sienna": 0xa0522d, "tan": 0xd2b48c, "khaki": 0xf0e68c,
        "turquoise": 0x40e0d0, "orchid": 0xda70d6, "plum": 0xdda0dd, "slategray": 0x708090,
        "dimgray": 0x696969, "whitesmoke": 0xf5f5f5, "beige": 0xf5f5dc, "ivory": 0xfffff0,
    ]
}
