import Encode

/// Which files a render writes for each figure: a still, an animation, or both,
/// each in a registered `OutputFormat`. Chosen from `--format`, `--gif`,
/// `--gif-only` and `--no-gif` by `RenderOptions.outputSelection()`.
struct OutputSelection {
    /// The still written for every figure; nil writes none.
    var still: StillFormat?
    /// The animation format; nil writes no animations.
    var animation: (any AnimationEncoder.Type)?
    /// Animate every figure with optimizer paths, not only the specs that ask
    /// for an animation.
    var animatesEveryPath: Bool

    /// The default: PNG always, GIF when the spec asks for an animation.
    static let standard = OutputSelection(
        still: .image(PNGStillEncoder.self), animation: GIFAnimationEncoder.self, animatesEveryPath: false)

    /// Only `format`: its stills for every figure, or its animations for every
    /// figure with optimizer paths.
    init(only format: OutputFormat) {
        switch format {
        case .still(let encoder): self.init(still: .image(encoder), animation: nil, animatesEveryPath: false)
        // A figure with an animation gets its still (the last frame) as vectors.
        case .drawing(let encoder): self.init(still: .drawing(encoder), animation: nil, animatesEveryPath: false)
        case .animation(let encoder): self.init(still: nil, animation: encoder, animatesEveryPath: true)
        }
    }

    init(still: StillFormat?, animation: (any AnimationEncoder.Type)?, animatesEveryPath: Bool) {
        self.still = still
        self.animation = animation
        self.animatesEveryPath = animatesEveryPath
    }
}

/// How a still is written: from the rendered image (PNG) or from the figure's
/// drawing calls replayed on the format's own surface (PDF, SVG).
enum StillFormat {
    case image(any StillEncoder.Type)
    case drawing(any DrawingEncoder.Type)

    var formatName: String {
        switch self {
        case .image(let e): e.formatName
        case .drawing(let e): e.formatName
        }
    }

    var fileExtension: String {
        switch self {
        case .image(let e): e.fileExtension
        case .drawing(let e): e.fileExtension
        }
    }
}
