/// Colormaps by the names matplotlib gives them.
extension Colormap {
    /// Every built-in map, keyed by matplotlib's name (without the `_r` forms):
    /// gnuplot, viridis, plasma, inferno, magma, cividis, summer, jet, coolwarm,
    /// Reds, Blues, RdBu.
    public static let registry: [String: Colormap] = {
        let maps: [Colormap] = [
            .gnuplot, .viridis, .plasma, .inferno, .magma, .cividis,
            .summer, .jet, .coolwarm, .reds, .blues, .rdBu,
        ]
        return Dictionary(uniqueKeysWithValues: maps.map { ($0.name, $0) })
    }()

    /// The map called `name` (case-sensitive, as in matplotlib), or its reverse
    /// for `name_r`; nil when there is no such map.
    public static func named(_ name: String) -> Colormap? {
        if let m = registry[name] { return m }
        if name.hasSuffix("_r"), let m = registry[String(name.dropLast(2))] { return m.reversed }
        return nil
    }
}
