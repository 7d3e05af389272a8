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
    /// Small multiples over hyperparameters, steps or start (see `SweepSpec`).
    public var sweep: SweepSpec?
    /// With a sweep: also write `<name>.html`, its interactive page (see `PageSpec`).
    public var page: PageSpec?
    public var panels: [PanelSpec]
    /// Where each field was written (for errors found while building); empty
    /// for a spec made in code. Never encoded, never compared.
    public var positions = SpecPositions()

    public init(name: String, panels: [PanelSpec]) {
        self.name = name
        self.panels = panels
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, caption, seed, size, dpi, theme, layout, suptitle, animation, sweep, page, panels
    }

    /// The keys of the figure itself (a one-panel figure may add its panel's keys).
    public static let keys = CodingKeys.allCases.map(\.rawValue)

    public init(from decoder: any Decoder) throws {
        let node = decoder as? NodeDecoder
        let inline = !((try? decoder.container(keyedBy: AnyKey.self).contains(AnyKey("panels"))) ?? false)
        if let node {
            // One panel may be written inline, at the top level: its keys are allowed there too.
            let kind = inline ? try PanelSpec.kind(of: node) : nil
            try node.checkKeys(allowed: Self.keys + (inline ? PanelSpec.keys(for: kind ?? .contour) : []),
                               elsewhere: { PanelSpec.whereKeyBelongs($0, kind: inline ? (kind ?? .contour) : nil) })
        }
        let c = try (node?.withoutKeyCheck() ?? decoder).container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        caption = try c.decodeIfPresent(String.self, forKey: .caption)
        seed = try c.decodeIfPresent(String.self, forKey: .seed)
        size = try c.decodeIfPresent([Double].self, forKey: .size)
        dpi = try c.decodeIfPresent(Double.self, forKey: .dpi)
        theme = try c.decodeIfPresent(String.self, forKey: .theme)
        layout = try c.decodeIfPresent([Int].self, forKey: .layout)
        suptitle = try c.decodeIfPresent(String.self, forKey: .suptitle)
        animation = try c.decodeIfPresent(AnimationSpec.self, forKey: .animation)
        sweep = try c.decodeIfPresent(SweepSpec.self, forKey: .sweep)
        page = try c.decodeIfPresent(PageSpec.self, forKey: .page)
        if inline {
            panels = [try PanelSpec(from: node?.withoutKeyCheck() ?? decoder, keysChecked: true)]
        } else {
            panels = try c.decode([PanelSpec].self, forKey: .panels)
        }
        if let node { positions = node.context.positions }
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
        try c.encodeIfPresent(sweep, forKey: .sweep)
        try c.encodeIfPresent(page, forKey: .page)
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
/// - `batch_size`: seed 004's batch-size experiment, epoch loss per batch size.
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
    /// Batch-size experiment settings for `kind: batch_size` (optional; defaults are seed 004's).
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
    /// Also mark the saddle points found in the view (contour panels); on a
    /// surface, the minima and saddle points, with legend entries.
    public var criticalPoints: Bool?
    /// `auto`: widen `x`/`y` (or, without them, choose them) so that every run's
    /// path fits, with a 10 % margin.
    public var view: String?

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, objective, x, y, title, xlabel, ylabel, xscale, yscale, grid, aspect, legend
        case legendFontSize = "legend_fontsize"
        case colorbar, series, quiver, training, surface, zlabel
        case batchSize = "batch_size"
        case contour, runs, minimum, start, end, texts
        case criticalPoints = "critical_points"
        case view
    }

    /// Keys every kind takes.
    static let commonKeys = CommonPanel.CodingKeys.allCases.map(\.rawValue)

    /// The keys a panel of `kind` accepts (its type's keys, `PanelKinds.swift`); any other is an error.
    public static func keys(for kind: PanelKind) -> [String] {
        commonKeys + kind.specType.keys
    }

    /// Every panel key of any kind.
    public static let allKeys = CodingKeys.allCases.map(\.rawValue)

    /// For a key that is not a `kind` panel's but another kind's: where it belongs.
    static func whereKeyBelongs(_ key: String, kind: PanelKind?) -> String? {
        guard let kind, allKeys.contains(key) else { return nil }
        let owners = PanelKind.allCases.filter { keys(for: $0).contains(key) }.map(\.rawValue)
        return "a \(kind.rawValue) panel does not take it (it belongs to kind: \(owners.joined(separator: " | ")))"
    }

    /// The `kind:` written in a panel's mapping, if it is a valid one.
    static func kind(of decoder: NodeDecoder) throws -> PanelKind? {
        try decoder.withoutKeyCheck().container(keyedBy: CodingKeys.self).decodeIfPresent(PanelKind.self, forKey: .kind)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(from: decoder, keysChecked: false)
    }

    /// Decodes the keys every kind shares, then the kind's own type (`PanelKinds.swift`).
    init(from decoder: any Decoder, keysChecked: Bool) throws {
        let node = decoder as? NodeDecoder
        let plain: any Decoder = node?.withoutKeyCheck() ?? decoder
        let common = try CommonPanel(from: plain)
        let k = common.kind ?? .contour
        if let node, !keysChecked {
            try node.checkKeys(allowed: Self.keys(for: k), elsewhere: { Self.whereKeyBelongs($0, kind: k) })
        }
        self.init()
        common.apply(to: &self)
        try k.specType.init(from: plain).apply(to: &self)
    }
}

