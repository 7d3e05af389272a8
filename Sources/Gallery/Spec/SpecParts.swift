import Foundation

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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case colormap, levels, norm, colors, fill, lines, lineWidth = "linewidth", labels, sampling
    }
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case optimizer, start, steps, style, color, label, lineWidth = "linewidth", markerSize = "markersize"
    }
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case show, marker, color, size = "markersize", label, showLabel = "show_label", labelColor = "label_color", labelOffset = "label_offset"
    }
}

/// A free text at a data position.
public struct TextSpec: Codable, Sendable, Equatable {
    public var text: String
    public var at: [Double]
    public var color: String?
    public var size: Double?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case text, at, color, size = "fontsize"
    }
}

/// What a panel draws; see `PanelSpec`.
public enum PanelKind: String, Codable, Sendable, Equatable, CaseIterable {
    case contour, curve, loss, plot, quiver, training, surface
    case batchSize = "batch_size"

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let kind = PanelKind(rawValue: text) else {
            let names = Self.allCases.map(\.rawValue)
            var problem = "unknown kind '\(text)'"
            if let close = KeySuggestion.closest(to: text, in: names) { problem += "; did you mean \"\(close)\"?" }
            problem += " (kinds: " + names.joined(separator: ", ") + ")"
            throw (decoder as? NodeDecoder)?.error(problem) ?? SpecError(problem)
        }
        self = kind
    }
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case formula, range, samples, integer, style, color, label, lineWidth = "linewidth", markerSize = "markersize"
    }
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case step, scale, colormap, value, limits, width
    }
}

/// seed 004's fitting experiment: y = 0.5·x1 + 0.8·x2 + 0.01·noise, mini-batches.
public struct TrainingSpec: Codable, Sendable, Equatable {
    public var optimizer: String
    public var samples: Int?
    public var batchSize: Int?
    public var epochs: Int?
    /// Seed of the data (and of the initial weights when `start_weights` is not given).
    public var seed: Int?
    /// The model's starting weights [w1, w2] (seed 004's `Linear(2)` after `paddle.seed(0)`:
    /// [−4.080414, −1.3719953]); default: N(0, 1) draws from `seed`.
    public var startWeights: [Double]?
    /// The starting bias (default 0, the book's `bias_init=paddle.zeros`).
    public var startBias: Double?
    /// `iteration` (default) or `epoch` loss.
    public var show: String?
    public var color: String?

    enum CodingKeys: String, CodingKey, CaseIterable {
        case optimizer, samples, batchSize = "batch_size", epochs, seed
        case startWeights = "start_weights", startBias = "start_bias", show, color
    }
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case fps, stepsPerFrame = "steps_per_frame", hold, startHold = "start_hold", counter
    }
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

    enum CodingKeys: String, CodingKey, CaseIterable {
        case color, colormap, samples, alpha, contourOffset = "contour_offset", contourColor = "contour_color", view, z, orbit, orbitFrames = "orbit_frames", labelSize = "label_size"
    }
}
