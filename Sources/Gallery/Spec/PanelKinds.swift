/// Each panel kind decoded into its own type: the keys every kind shares
/// (`CommonPanel`) plus the kind's own (`ContourPanel`, `SurfacePanel`, …), so
/// the keys a kind accepts are its type's coding keys — a `quiver:` block on a
/// contour panel is an unknown key, with the kind it belongs to in the message.
/// The decoded parts are then merged into the `PanelSpec` the builders read.
protocol PanelKindSpec: Decodable {
    associatedtype CodingKeys: CodingKey & CaseIterable & RawRepresentable where CodingKeys.RawValue == String
    static var kind: PanelKind { get }
    /// The kind's own keys (its coding keys).
    static var keys: [String] { get }
    func apply(to panel: inout PanelSpec)
}

extension PanelKindSpec {
    static var keys: [String] { CodingKeys.allCases.map(\.rawValue) }
}

/// Keys every kind takes.
struct CommonPanel: Decodable {
    var kind: PanelKind?, x: [Double]?, y: [Double]?, view: String?, title: String?, xlabel: String?, ylabel: String?
    var xscale: String?, yscale: String?, grid: Bool?, aspect: String?, legend: LegendSpec?, legendFontSize: Double?
    var series: [SeriesSpec]?, texts: [TextSpec]?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case kind, x, y, view, title, xlabel, ylabel, xscale, yscale, grid, aspect, legend
        case legendFontSize = "legend_fontsize"
        case series, texts
    }

    func apply(to p: inout PanelSpec) {
        (p.kind, p.x, p.y, p.view, p.title, p.xlabel, p.ylabel) = (kind, x, y, view, title, xlabel, ylabel)
        (p.xscale, p.yscale, p.grid, p.aspect, p.legend, p.legendFontSize) = (xscale, yscale, grid, aspect, legend, legendFontSize)
        (p.series, p.texts) = (series, texts)
    }
}

/// `kind: contour` (the default): filled contours, runs, markers.
struct ContourPanel: PanelKindSpec {
    static let kind = PanelKind.contour
    var objective: String?, colorbar: Bool?, contour: ContourSpec?, runs: [RunSpec]?
    var minimum: MarkerSpec?, start: MarkerSpec?, end: MarkerSpec?, criticalPoints: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case objective, colorbar, contour, runs, minimum, start, end
        case criticalPoints = "critical_points"
    }

    func apply(to p: inout PanelSpec) {
        (p.objective, p.colorbar, p.contour, p.runs) = (objective, colorbar, contour, runs)
        (p.minimum, p.start, p.end, p.criticalPoints) = (minimum, start, end, criticalPoints)
    }
}

/// `kind: curve`: a 1-D function with the runs on it.
struct CurvePanel: PanelKindSpec {
    static let kind = PanelKind.curve
    var objective: String?, contour: ContourSpec?, runs: [RunSpec]?

    enum CodingKeys: String, CodingKey, CaseIterable { case objective, contour, runs }

    func apply(to p: inout PanelSpec) { (p.objective, p.contour, p.runs) = (objective, contour, runs) }
}

/// `kind: loss`: loss against iteration.
struct LossPanel: PanelKindSpec {
    static let kind = PanelKind.loss
    var objective: String?, runs: [RunSpec]?

    enum CodingKeys: String, CodingKey, CaseIterable { case objective, runs }

    func apply(to p: inout PanelSpec) { (p.objective, p.runs) = (objective, runs) }
}

/// `kind: plot`: only series and texts.
struct PlotPanel: PanelKindSpec {
    static let kind = PanelKind.plot

    /// No keys of its own (the coding-key type needs a case; it is never listed).
    enum CodingKeys: String, CodingKey, CaseIterable { case none = "" }

    static var keys: [String] { [] }
    init() {}
    init(from decoder: any Decoder) throws {}
    func apply(to p: inout PanelSpec) {}
}

/// `kind: quiver`: the field −∇f as arrows.
struct QuiverPanel: PanelKindSpec {
    static let kind = PanelKind.quiver
    var objective: String?, quiver: QuiverSpec?, colorbar: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable { case objective, quiver, colorbar }

    func apply(to p: inout PanelSpec) { (p.objective, p.quiver, p.colorbar) = (objective, quiver, colorbar) }
}

/// `kind: training`: seed 004's fitting experiment.
struct TrainingPanel: PanelKindSpec {
    static let kind = PanelKind.training
    var training: TrainingSpec?

    enum CodingKeys: String, CodingKey, CaseIterable { case training }

    func apply(to p: inout PanelSpec) { p.training = training }
}

/// `kind: surface`: a 3-D surface with depth-tested paths.
struct SurfacePanel: PanelKindSpec {
    static let kind = PanelKind.surface
    var objective: String?, surface: SurfaceSpec?, zlabel: String?, runs: [RunSpec]?, criticalPoints: Bool?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case objective, surface, zlabel, runs
        case criticalPoints = "critical_points"
    }

    func apply(to p: inout PanelSpec) {
        (p.objective, p.surface, p.zlabel, p.runs, p.criticalPoints) = (objective, surface, zlabel, runs, criticalPoints)
    }
}

/// `kind: batch_size`: seed 004's batch-size experiment.
struct BatchSizePanel: PanelKindSpec {
    static let kind = PanelKind.batchSize
    var batchSize: BatchSizeSpec?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case batchSize = "batch_size"
    }

    func apply(to p: inout PanelSpec) { p.batchSize = batchSize }
}

extension PanelKind {
    /// The type that decodes this kind's own keys.
    var specType: any PanelKindSpec.Type {
        switch self {
        case .contour: ContourPanel.self
        case .curve: CurvePanel.self
        case .loss: LossPanel.self
        case .plot: PlotPanel.self
        case .quiver: QuiverPanel.self
        case .training: TrainingPanel.self
        case .surface: SurfacePanel.self
        case .batchSize: BatchSizePanel.self
        }
    }
}
