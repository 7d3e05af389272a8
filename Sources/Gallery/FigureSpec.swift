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
    /// Panels in a grid of [rows, columns] (default: one row).
    public var layout: [Int]?
    /// A title over the whole figure.
    public var suptitle: String?
    /// Also render `<name>.gif`, the paths growing step by step.
    public var animation: AnimationSpec?
    public var panels: [PanelSpec]

    public init(name: String, panels: [PanelSpec]) {
        self.name = name
        self.panels = panels
    }

    enum CodingKeys: String, CodingKey {
        case name, caption, seed, size, dpi, theme, layout, suptitle, animation, panels
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
        size = try c.decodeIfPresent([Double].self, forKey: .size)
        dpi = try c.decodeIfPresent(Double.self, forKey: .dpi)
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        layout = try c.decodeIfPresent([Int].self, forKey: .layout)
        suptitle = try c.decodeIfPresent(String.self, forKey: .suptitle)
        animation = try c.decodeIfPresent(AnimationSpec.self, forKey: .animation)
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
        try c.encodeIfPresent(layout, forKey: .layout)
        try c.encodeIfPresent(suptitle, forKey: .suptitle)
        try c.encodeIfPresent(animation, forKey: .animation)
        try c.encode(panels, forKey: .panels)
    }
}

/// One axes of a figure. What it draws depends on `kind`:
///
/// - `contour` (default): filled contours of a 2-D objective with each run's path
///   and seed 000's minimum, start and end markers;
/// - `curve`: a 1-D objective as a line, each run as points (x, f(x)) on it (seed 001);
/// - `loss`: each run's loss against the iteration (seeds 001, 004);
/// - `plot`: only the `series` (explicit formulas or data);
/// - `quiver`: the negative gradient field of the objective as arrows (seed 002);
/// - `training`: seed 004's mini-batch fitting experiment, `iteration` or `epoch` loss;
/// - `batchSize`: seed 004's batch-size experiment, epoch loss per batch size.
///
/// `series` (formula curves) and `texts` may be added to any kind.
public struct PanelSpec: Codable, Sendable, Equatable {
    public var kind: PanelKind?
    /// Built-in objective name or expression in x, y (see `optrender --list-objectives`).
    public var objective: String?
    /// View limits in data units: [min, max].
    public var x: [Double]?
    public var y: [Double]?
    public var title: String?
    public var xlabel: String?
    public var ylabel: String?
    /// `linear` (default) or `log`.
    public var xscale: String?
    public var yscale: String?
    public var grid: Bool?
    /// `equal` for one data unit as long on x as on y.
    public var aspect: String?
    /// `true`, or a matplotlib location (`upper right`, `best`, …): a legend of the labelled lines.
    public var legend: LegendSpec?
    public var legendFontSize: Double?
    /// A colorbar beside the plot (contour and quiver panels).
    public var colorbar: Bool?
    /// Explicit curves: formulas in one variable, sampled over a range.
    public var series: [SeriesSpec]?
    /// Quiver settings for `kind: quiver`.
    public var quiver: QuiverSpec?
    /// Training settings for `kind: training`.
    public var training: TrainingSpec?
    /// 3-D settings for `kind: surface`.
    public var surface: SurfaceSpec?
    public var zlabel: String?
    /// Batch-size experiment settings for `kind: batchSize` (optional; defaults are seed 004's).
    public var batchSize: BatchSizeSpec?
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
    /// `log`: colour the bands by the log of their level (for explicit
    /// geometric levels on functions such as Rosenbrock's).
    public var norm: String?
    /// One colour per band instead of a colormap (`colors=[...]`).
    public var colors: [String]?
    /// Fill the bands (default true); false draws only `lines`, if any.
    public var fill: Bool?
    /// Contour lines over the bands in this colour (seed 004: `black`), or nil for none.
    public var lines: String?
    /// Line width of the contour lines in points (default 1.5, matplotlib's).
    public var lineWidth: Double?
    /// Inline level labels on the contour lines (`clabel`).
    public var labels: Bool?
    /// Sampling step in pixels (default 2).
    public var sampling: Double?

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
    /// Marker colour, overriding the format's colour letter.
    public var color: String?
    public var size: Double?
    public var label: String?
    /// false hides the label (YAML reads an empty `label: ""` as absent).
    public var showLabel: Bool?
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

/// What a panel draws; see `PanelSpec`.
public enum PanelKind: String, Codable, Sendable, Equatable, CaseIterable {
    case contour, curve, loss, plot, quiver, training, surface, batchSize
}

/// `legend: true`, `legend: false`, or `legend: upper left`.
public enum LegendSpec: Codable, Sendable, Equatable {
    case show(Bool)
    case location(String)

    public init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if let b = try? c.decode(Bool.self) { self = .show(b) } else { self = .location(try c.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .show(let b): try c.encode(b)
        case .location(let l): try c.encode(l)
        }
    }
}

/// A curve y = f(x) from a formula in one variable x, sampled at
/// `samples` evenly spaced points of `range` (integers when `integer: true`).
public struct SeriesSpec: Codable, Sendable, Equatable {
    public var formula: String
    public var range: [Double]
    public var samples: Int?
    public var integer: Bool?
    public var style: String?
    public var color: String?
    public var label: String?
    public var lineWidth: Double?
    public var markerSize: Double?
}

/// Arrows of −∇f on a grid (seed 002's `quiver`): grid `step`, arrow `scale`
/// (arrow = −∇f · scale, in data units), colormap and constant colour value.
public struct QuiverSpec: Codable, Sendable, Equatable {
    public var step: Double?
    public var scale: Double?
    public var colormap: String?
    /// Colour value of every arrow and the colour limits [min, max] (seed 002: 16 in [0, 16]).
    public var value: Double?
    public var limits: [Double]?
    /// Shaft width as a share of the plot width (default: matplotlib's 0.06/max(10, √n)).
    public var width: Double?
}

/// seed 004's fitting experiment: y = 0.5·x1 + 0.8·x2 + 0.01·noise, mini-batches.
public struct TrainingSpec: Codable, Sendable, Equatable {
    public var optimizer: String
    public var samples: Int?
    public var batchSize: Int?
    public var epochs: Int?
    public var seed: Int?
    /// `iteration` (default) or `epoch` loss.
    public var show: String?
    public var color: String?
}

/// Animation settings: frames per second, optimizer steps per frame, and how
/// long the last frame is held (seconds).
public struct AnimationSpec: Codable, Sendable, Equatable {
    public var fps: Double?
    public var stepsPerFrame: Int?
    public var hold: Double?
    /// Seconds the first frame is held before the paths start (default 0).
    public var startHold: Double?
    /// Write a step counter in the corner.
    public var counter: Bool?
}

/// A 3-D surface panel: z = objective(x, y) over the panel's `x` × `y`.
public struct SurfaceSpec: Codable, Sendable, Equatable {
    /// One flat colour (seed 004: `#f19ec2`), or a colormap (seed 002: `summer`).
    public var color: String?
    public var colormap: String?
    /// Grid samples per side (default 60).
    public var samples: Int?
    public var alpha: Double?
    /// Contours of the surface projected on the plane z = `contourOffset` (seed 002: −1).
    public var contourOffset: Double?
    /// Colour of the projected contours (default black).
    public var contourColor: String?
    /// Camera: [elevation, azimuth] in degrees (default matplotlib's [30, −60]).
    public var view: [Double]?
    /// z limits [min, max] (default: the surface's range).
    public var z: [Double]?
    /// For the animation: turn the camera a full circle instead of growing the paths.
    public var orbit: Bool?
    /// Frames of the orbit (default 72).
    public var orbitFrames: Int?
    /// Axis label size in points (seed 002: 16).
    public var labelSize: Double?
}
