import Encode

/// Which files a render writes for each figure: a still, an animation, or both,
/// each in a registered `OutputFormat`. Chosen from `--format`, `--gif`,
/// `--gif-only` and `--no-gif` by `RenderOptions.outputSelection()`.
struct OutputSelection {
    /// The still written for every figure; nil writes none.
    var still: (any StillEncoder.Type)?
    /// The animation format; nil writes no animations.
    var animation: (any AnimationEncoder.Type)?
    /// Animate every figure with optimizer paths, not only the specs that ask
    /// for an animation.
    var animatesEveryPath: Bool

    /// The default: PNG always, GIF when the spec asks for an animation.
    static let standard = OutputSelection(
        still: PNGStillEncoder.self, animation: GIFAnimationEncoder.self, animatesEveryPath: false)

    /// Only `format`: its stills for every figure, or its animations for every
    /// figure with optimizer paths.
    init(only format: OutputFormat) {
        switch format {
        case .still(let encoder): self.init(still: encoder, animation: nil, animatesEveryPath: false)
        case .animation(let encoder): self.init(still: nil, animation: encoder, animatesEveryPath: true)
        }
    }

    init(still: (any StillEncoder.Type)?, animation: (any AnimationEncoder.Type)?, animatesEveryPath: Bool) {
        self.still = still
        self.animation = animation
        self.animatesEveryPath = animatesEveryPath
    }
}
