import Raster

/// An animation as numbered PNG files for LaTeX beamer's `animate` package:
/// `NAME/NAME-000.png …`, a timeline `NAME/NAME.timeline` that gives each frame
/// its own duration, and `NAME/NAME.tex` holding the `\animategraphics` line
/// that plays them. `\input{NAME/NAME.tex}` from the folder holding `NAME/`
/// (paths in LaTeX are relative to the main document), with
/// `\usepackage{animate}` in the preamble.
///
/// Why a timeline: `\animategraphics{rate}{base}{first}{last}` shows every file
/// for 1/rate s, but the first frame holds the start and the last the result
/// for longer. In the animate package's timeline file each line is one frame,
/// `[*]:[<frame rate>]:<transparencies>`; a rate in the second field applies
/// from that frame on, and transparency k is the k-th file embedded (0 for
/// `NAME-000`). So frame k's line is `:1/delay_k:k` whenever its delay differs
/// from the previous frame's, else `::k`; the rate argument of
/// `\animategraphics` is the first frame's.
///
/// Frames are encoded as they arrive (lossless PNG, the still's encoder); the
/// same frames give the same files.
public struct FrameSequence: Sendable {
    /// The file name stem and folder (`NAME`).
    public let name: String
    private var frames: [[UInt8]] = []
    private var delays: [Double] = []

    public init(name: String) { self.name = name }

    /// Frames added so far.
    public var frameCount: Int { frames.count }

    /// Adds `image`, shown for `delay` seconds (> 0 and finite, else throws).
    public mutating func addFrame(_ image: Image, delay: Double) throws {
        guard delay.isFinite, delay > 0, delay <= 86_400 else {
            throw EncodeError("frame \(frames.count + 1)'s delay must be in (0, 86400] seconds, got \(delay)")
        }
        frames.append(try PNGStillEncoder().encode(image))
        delays.append(delay)
    }

    /// Digits in the frame numbers: 3, more past 1000 frames.
    var digits: Int { max(3, String(max(0, frames.count - 1)).count) }

    /// `NAME-007` for frame 7.
    func stem(_ k: Int) -> String {
        let number = String(k)
        return name + "-" + String(repeating: "0", count: max(0, digits - number.count)) + number
    }

    /// Every file as (path relative to the output folder, bytes): the PNGs, the
    /// timeline and the `.tex`. `lastFrameHold` replaces the last delay.
    ///
    /// - Throws: `EncodeError` when no frame was added or the hold is not > 0.
    public func files(lastFrameHold: Double? = nil) throws -> [(name: String, bytes: [UInt8])] {
        guard !frames.isEmpty else { throw EncodeError("a frame sequence needs at least one frame") }
        var delays = self.delays
        if let hold = lastFrameHold {
            guard hold.isFinite, hold > 0 else { throw EncodeError("the last frame's hold must be > 0 seconds, got \(hold)") }
            delays[delays.count - 1] = hold
        }
        var files = frames.enumerated().map { ("\(name)/\(stem($0.offset)).png", $0.element) }
        var timeline = "% \(name): one line per frame, [*]:[<frame rate>]:<file index> (the animate package's timeline)\n"
        var rate = ""
        for (k, delay) in delays.enumerated() {
            let r = Self.rate(delay)
            timeline += ":\(r == rate ? "" : r):\(k)\n"
            rate = r
        }
        let total = delays.reduce(0, +)
        let tex = """
            % \(name): \(frames.count) frames, \(Self.decimal(total)) s (first frame \(Self.decimal(delays[0])) s, \
            last \(Self.decimal(delays[delays.count - 1])) s).
            % Needs \\usepackage{animate}; \\input this file from the folder that holds \(name)/.
            \\animategraphics[autoplay,loop,controls,width=\\linewidth,timeline=\(name)/\(name).timeline]\
            {\(Self.rate(delays[0]))}{\(name)/\(name)-}{\(stem(0).dropFirst(name.count + 1))}{\(stem(frames.count - 1).dropFirst(name.count + 1))}

            """
        files.append(("\(name)/\(name).timeline", Array(timeline.utf8)))
        files.append(("\(name)/\(name).tex", Array(tex.utf8)))
        return files
    }

    /// Frames per second for a delay, at most 4 decimals, no trailing zeros
    /// (0.06 s → 16.6667).
    static func rate(_ delay: Double) -> String { decimal(1 / delay) }

    /// `x` with at most 4 decimals, trailing zeros dropped (1.5, 16.6667, 2).
    static func decimal(_ x: Double) -> String {
        let scaled = Int((x * 10_000).rounded())
        let whole = scaled / 10_000, fraction = scaled % 10_000
        guard fraction != 0 else { return String(whole) }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 4 - digits.count) + digits
        while digits.hasSuffix("0") { digits.removeLast() }
        return "\(whole).\(digits)"
    }
}
