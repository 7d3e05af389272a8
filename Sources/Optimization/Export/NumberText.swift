/// Number text for machine-readable output and for points typed on a command line.
public enum NumberText {
    /// The shortest decimal that parses back to the same `Double` (Swift's `description`):
    /// `0.1`, `-14.0`, `1e-07`, `1e+150`. Non-finite values are `inf`, `-inf`, `nan`.
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return "\(value)"
    }

    /// A number for JSON: ``format(_:)`` for finite values, a quoted string ("inf", "-inf",
    /// "nan") otherwise — JSON has no literal for them.
    public static func json(_ value: Double) -> String {
        value.isFinite ? format(value) : "\"\(format(value))\""
    }

    /// Parses a point written as comma-separated numbers, `-5,-2` or `-5, -2` or `2`.
    /// Returns nil when a part is not a finite number or the text is empty.
    public static func parsePoint(_ text: String) -> [Double]? {
        let parts = text.split(separator: ",", omittingEmptySubsequences: false)
        var point: [Double] = []
        for part in parts {
            let trimmed = String(part).trimmingWhitespace
            guard let value = Double(trimmed), value.isFinite else { return nil }
            point.append(value)
        }
        return point.isEmpty ? nil : point
    }
}
