/// A figure as a course author writes it in YAML — the format of every catalog
/// entry. A spec with one panel may put the panel's keys at the top level.
///
/// ```yaml
/// name: d2l_sgd
/// theme: seaborn-paper-2
/// objective: d2l
/// x: [-5.5, 3]
/// y: [-3, 3]
/// title: SGD
/// runs:
///   - optimizer: SGD(lr=0.05)
///     start: [-5, -2]
///     steps: 50
///     style: "-o"
///     color: "#ff7f0e"
/// ```
public struct FigureSpec: Codable, Sendable, Equatable {
    /// File name stem of the output (`<name>.png`); letters, digits, `_`, `-`, `.`.
    public var name: String
    /// One line for `--list` and the README: what the figure shows.
    public var caption: String?
    /// The seed document it reproduces, if any (e.g. "000").
    public var seed: String?
    /// Figure size in inches (default 10 × 6) and dots per inch (default 100).
    public var size: [Double]?
    public var dpi: Double?
    /// `matplotlib` (default), `seaborn-paper`, `seaborn-paper-2`.
    public var theme: String?
    public var panels: [PanelSpec]

    public init(name: String, panels: [PanelSpec]) {
        self.name = name
        self.panels = panels
    }

    enum CodingKeys: String, CodingKey {
        case name, caption, seed, size, dpi, theme, panels
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
        size = try c.decodeIfPresent([Double].self, forKey: .size)
        dpi = try c.decodeIfPresent(Double.self, forKey: .dpi)
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        // One panel may be written inline, at the top level.
        panels = try c.decodeIfPresent([PanelSpec].self, forKey: .panels) ?? [PanelSpec(from: decoder)]
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encodeIfPresent(caption, forKey: .caption)
        try c.encodeIfPresent(seed, forKey: .seed)
        try c.encodeIfPresent(size, forKey: .size)
        try c.encodeIfPresent(dpi, forKey: .dpi)
        try c.encodeIfPresent(theme, forKey: .theme)
        try c.encode(panels, forKey: .panels)
    }
}

/// One axes of a figure: an objective drawn as filled contours with optimizer
/// runs on it, and the minimum, start and end markers of seed 000's `plot_2d`.
public struct PanelSpec: Codable, Sendable, Equatable {
    /// Built-in objective name or expression in x, y (see `optrender --list-objectives`).
    public var objective: String?
    /// View limits in data units: [min, max].
    public var x: [Double]?
    public var y: [Double]?
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    /// Filled contours of the objective (drawn when an objective is given).
    public var contour: ContourSpec?
    public var runs: [RunSpec]?
    /// Marker at the objective's known minimum; default: seed 000's red star.
    public var minimum: MarkerSpec?
    /// Marker at each run's start; default: seed 000's red circle labelled "start".
    public var start: MarkerSpec?
    /// Marker at each run's last point; default: seed 000's white circle labelled "end".
    public var end: MarkerSpec?
    public var texts: [TextSpec]?

    public init() {}
}

/// `contourf` settings.
public struct ContourSpec: Codable, Sendable, Equatable {
    /// matplotlib colormap name (default `gnuplot`).
    public var colormap: String?
    /// Explicit levels; default: matplotlib's automatic levels.
    public var levels: [Double]?
    /// One colour per band instead of a colormap (`colors=[...]`).
    public var colors: [String]?

    public init() {}
}

/// One optimizer run drawn as a path.
public struct RunSpec: Codable, Sendable, Equatable {
    /// PyTorch-style constructor: `SGD(lr=0.05, momentum=0.9)`, or a seed variant.
    public var optimizer: String
    public var start: [Double]
    public var steps: Int
    /// matplotlib format string (default `-o`).
    public var style: String?
    public var color: String?
    public var label: String?
    public var lineWidth: Double?
    public var markerSize: Double?
}

/// A marker with an optional text beside it. `show: false` hides it.
public struct MarkerSpec: Codable, Sendable, Equatable {
    public var show: Bool?
    /// matplotlib format string of the marker, e.g. `r*`, `ro`, `wo`.
    public var marker: String?
    public var size: Double?
    public var label: String?
    public var labelColor: String?
    /// Label position relative to the marker, in data units (as seed 000 places them).
    public var labelOffset: [Double]?
}

/// A free text at a data position.
public struct TextSpec: Codable, Sendable, Equatable {
    public var text: String
    public var at: [Double]
    public var color: String?
    public var size: Double?
}
