/// Colormaps by the names matplotlib gives them.
extension Colormap {
    /// Every built-in map, keyed by name (without the `_r` forms).
    public static var registry: [String: Colormap] {
        ["gnuplot": .gnuplot]
    }

    /// The map called `name` (case-sensitive, as in matplotlib), or its reverse
    /// for `name_r`; nil when there is no such map.
    public static func named(_ name: String) -> Colormap? {
        if let m = registry[name] { return m }
        if name.hasSuffix("_r"), let m = registry[String(name.dropLast(2))] { return m.reversed }
        return nil
    }
}
