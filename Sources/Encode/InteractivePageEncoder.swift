import Raster

/// The interactive page (`InteractivePage`) as an animation format: `.html`
/// files, chosen by extension or `--format html`. Through this protocol a page
/// has no sliders, one cell of the frames given, a play control and a step
/// slider; optrender's sweep pipeline builds pages with sliders (one cell per
/// swept value) through `InteractivePage` itself.
///
/// Frames are differenced as they arrive; the encoder holds the previous frame
/// and the changed rectangles. Playback runs at the second frame's delay (the
/// first and last may be holds), rounded to milliseconds.
public struct InteractivePageEncoder: AnimationEncoder {
    public static let formatName = "html"
    public static let fileExtension = "html"

    private var page: InteractivePage
    private var builder: InteractivePage.CellBuilder
    private var delays: [Double] = []

    /// The page's title; default "Animation".
    public var title: String {
        get { page.title }
        set { page.title = newValue }
    }

    /// - Throws: `EncodeError` when a side is outside 1…16384 (a canvas
    ///   browsers draw).
    public init(width: Int, height: Int) throws {
        guard (1...16384).contains(width), (1...16384).contains(height) else {
            throw EncodeError("a page's figure must be 1…16384 pixels a side, got \(width)×\(height)")
        }
        page = InteractivePage(width: width, height: height, title: "Animation")
        builder = page.cellBuilder()
    }

    public mutating func addFrame(_ image: Image, delay: Double) throws {
        try builder.add(image)
        delays.append(delay)
    }

    /// `lastFrameHold` is ignored: playing stops on the last frame, which stays.
    public mutating func finish(lastFrameHold: Double?) throws -> [UInt8] {
        guard !delays.isEmpty else { throw EncodeError("an animation needs at least one frame") }
        let delay = delays.count > 1 ? delays[1] : delays[0]
        page.frameMilliseconds = delay.isFinite && delay > 0 ? Int((delay * 1000).rounded()) : 60
        let steps = Array(0..<delays.count)
        try page.add(try builder.finish(), info: .init(runs: [], steps: steps))
        return try page.html()
    }
}
