import Raster

/// The settings a user may choose for an animation file, handed to the encoder
/// when it is made (`AnimationEncoder.init(width:height:settings:)`), never kept
/// in globals. `EncoderSettings()` is what the tool writes by default.
///
/// ```swift
/// var settings = EncoderSettings()
/// settings.quality = 80                       // --quality 80
/// try WebPAnimationEncoder.qualityScale?.check(settings.quality)
/// var webp = try WebPAnimationEncoder(width: 640, height: 480, settings: settings)
/// ```
public struct EncoderSettings: Sendable, Equatable {
    /// The format's quality number (`--quality N`), read on the format's own
    /// `QualityScale`: lossy WebP quality 0…100, MP4's CRF 0…51. Nil (the
    /// default) keeps the format's default (lossless WebP, CRF 18 for MP4). A
    /// format without a scale (GIF) refuses any value.
    public var quality: Double?

    /// The colour of the pixels a format adds around the figure (MP4 pads to
    /// even dimensions): the figure's background. Default white.
    public var background: Color = .white

    public init(quality: Double? = nil, background: Color = .white) {
        self.quality = quality
        self.background = background
    }
}

/// What a format's `--quality N` means: its range, its default and the
/// direction, documented where a user reads it (`--help`, errors).
public struct QualityScale: Sendable {
    /// The allowed values, inclusive.
    public let range: ClosedRange<Double>
    /// Integers only (CRF is an integer in x264's default mode).
    public let integral: Bool
    /// One phrase: what the number is and what is used without it.
    public let meaning: String

    public init(range: ClosedRange<Double>, integral: Bool, meaning: String) {
        self.range = range
        self.integral = integral
        self.meaning = meaning
    }

    /// Nil when `quality` is allowed (nil always is); else the one-line problem
    /// with the valid range.
    public func problem(with quality: Double?, format: String) -> String? {
        guard let q = quality else { return nil }
        if !q.isFinite || !range.contains(q) || (integral && q.rounded() != q) {
            let lo = Int(range.lowerBound), hi = Int(range.upperBound)
            let given = q.isFinite && q.rounded() == q && abs(q) < 1e15 ? String(Int(q)) : "\(q)"
            return "\(format) quality must be \(integral ? "an integer " : "")\(lo)…\(hi) (\(meaning)), got \(given)"
        }
        return nil
    }
}
