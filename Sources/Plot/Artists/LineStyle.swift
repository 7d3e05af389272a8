import Raster

/// The look of a line and its markers, as matplotlib's `plot` keywords describe it.
/// Sizes are in points. A nil `color` takes the next colour of the axes' cycle.
public struct LineStyle: Sendable, Hashable {
    public enum Dash: String, Sendable, Hashable {
        case solid = "-", dashed = "--", dashDot = "-.", dotted = ":", none = ""

        /// On/off lengths in multiples of the line width (matplotlib's
        /// `lines.*_pattern`, scaled by the width as `lines.scale_dashes` does).
        var pattern: [Double] {
            switch self {
            case .solid, .none: return []
            case .dashed: return [3.7, 1.6]
            case .dashDot: return [6.4, 1.6, 1, 1.6]
            case .dotted: return [1, 1.65]
            }
        }
    }

    public var color: Color?
    public var lineWidth: Double?
    public var dash: Dash = .solid
    public var marker: MarkerShape?
    public var markerSize: Double?
    /// Marker face; nil = the line colour.
    public var markerFaceColor: Color?
    /// Marker edge; nil = the line colour.
    public var markerEdgeColor: Color?
    public var markerEdgeWidth: Double?
    public var alpha: Double = 1

    public init(color: Color? = nil, lineWidth: Double? = nil, dash: Dash = .solid,
                marker: MarkerShape? = nil, markerSize: Double? = nil) {
        self.color = color
        self.lineWidth = lineWidth
        self.dash = dash
        self.marker = marker
        self.markerSize = markerSize
    }

    /// Parses a matplotlib format string such as `-o`, `r*`, `--`, `-ro`, `k:`:
    /// at most one colour letter (`bgrcmykw`), one line style (`-`, `--`, `-.`,
    /// `:`) and one marker, in any order. A marker without a line style means no
    /// line, as in matplotlib. Nil when the string is not a format string.
    public init?(format: String) {
        var rest = Substring(format)
        var sawDash = false, sawColor = false
        while !rest.isEmpty {
            if let d = [Dash.dashed, .dashDot, .solid, .dotted].first(where: { rest.hasPrefix($0.rawValue) }) {
                guard !sawDash else { return nil }
                dash = d; sawDash = true
                rest = rest.dropFirst(d.rawValue.count)
            } else if let c = rest.first, "bgrcmykw".contains(c), let col = Color(parsing: String(c)) {
                guard !sawColor else { return nil }
                color = col; sawColor = true
                rest = rest.dropFirst()
            } else if let m = MarkerShape(rawValue: String(rest.first!)) {
                guard marker == nil else { return nil }
                marker = m
                rest = rest.dropFirst()
            } else {
                return nil
            }
        }
        if !sawDash && marker != nil { dash = .none }
    }

    public var hasLine: Bool { dash != .none }
}
