import Raster

/// Animated GIF files as the tool writes them: a `GIFAnimation` (frames
/// differenced as they arrive, one global palette, loop forever) behind the
/// `AnimationEncoder` protocol. See `GIFAnimation` for the file it makes.
///
/// Unlike `GIFAnimation`, which records a bad size or frame and throws at
/// `encode()`, this type throws where the problem is: at `init` for a size
/// outside 1…65535 a side, at `addFrame` for a frame of another size or with
/// inconsistent pixels.
public struct GIFAnimationEncoder: AnimationEncoder {
    public static let formatName = "gif"
    public static let fileExtension = "gif"

    private var animation: GIFAnimation

    /// 0 = loop forever (the default); N ≥ 1 = play N times in all
    /// (`GIFAnimation.loopCount`; `finish` throws outside 0…65536).
    public var loopCount: Int {
        get { animation.loopCount }
        set { animation.loopCount = newValue }
    }

    /// Frames added so far.
    public var frameCount: Int { animation.frameCount }

    public init(width: Int, height: Int) throws {
        animation = GIFAnimation(width: width, height: height)
        if let problem = animation.problem { throw problem }
    }

    /// Delays are stored in hundredths of a second, at least 0.02 s
    /// (`GIFAnimation.addFrame`).
    public mutating func addFrame(_ image: Image, delay: Double) throws {
        animation.addFrame(image, delay: delay)
        if let problem = animation.problem { throw problem }
    }

    /// One pass while the changed rectangles, run-length encoded, are small,
    /// two (the second one streamed) once they pass
    /// `GIFAnimation.defaultHeldByteLimit`: see
    /// `GIFAnimation.encode(width:height:loopCount:lastFrameHold:frames:)`.
    /// The same bytes as `addFrame` and `finish` with the same frames.
    public static func encode(width: Int, height: Int, lastFrameHold: Double?,
                              frames: (_ body: (Image, Double) throws -> Void) throws -> Void) throws -> [UInt8] {
        try GIFAnimation.encode(width: width, height: height, lastFrameHold: lastFrameHold, frames: frames)
    }

    public mutating func finish(lastFrameHold: Double?) throws -> [UInt8] {
        animation.lastFrameHold = lastFrameHold
        return try animation.encode()
    }
}
