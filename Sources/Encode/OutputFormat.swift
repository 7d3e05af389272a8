/// A file format the tool can write: a still format (one image per file), a
/// drawing format (a still kept as vectors: the figure's drawing calls replayed
/// on the format's own surface) or an animation format (frames streamed into
/// one file), found by name or extension.
///
/// `OutputFormat.all` is the registry. Adding a format is one encoder file (a
/// type conforming to `StillEncoder`, `DrawingEncoder` or `AnimationEncoder`)
/// and one line there.
///
/// ```swift
/// let format = try OutputFormat.named("gif")              // --format gif
/// let same = try OutputFormat.forFile("figures/adam.gif")  // by extension
/// if case .animation(let encoder) = format { var gif = try encoder.init(width: 640, height: 480) }
/// ```
public enum OutputFormat: Sendable {
    case still(any StillEncoder.Type)
    case drawing(any DrawingEncoder.Type)
    case animation(any AnimationEncoder.Type)

    /// Every format, stills first. Register a new format here.
    public static let all: [OutputFormat] = [
        .still(PNGStillEncoder.self),
        .animation(GIFAnimationEncoder.self),
        .animation(WebPAnimationEncoder.self),
        .animation(MP4AnimationEncoder.self),
        .animation(InteractivePageEncoder.self),
        .drawing(PDFStillEncoder.self),
        .drawing(SVGStillEncoder.self),
    ]

    /// The name users type (`png`, `gif`).
    public var name: String {
        switch self {
        case .still(let encoder): encoder.formatName
        case .drawing(let encoder): encoder.formatName
        case .animation(let encoder): encoder.formatName
        }
    }

    /// The file name extension, without the dot.
    public var fileExtension: String {
        switch self {
        case .still(let encoder): encoder.fileExtension
        case .drawing(let encoder): encoder.fileExtension
        case .animation(let encoder): encoder.fileExtension
        }
    }

    /// The registered names, comma-separated (`png, gif`), for help and errors.
    public static var names: String { all.map(\.name).joined(separator: ", ") }

    /// The format called `name` (case-insensitive).
    ///
    /// - Throws: `EncodeError` naming the valid formats when none is called so.
    public static func named(_ name: String) throws -> OutputFormat {
        if let format = all.first(where: { $0.name == name.lowercased() }) { return format }
        throw EncodeError("unknown format '\(name)'; use one of: \(names)")
    }

    /// The format whose files end in `.fileExtension` (case-insensitive; a
    /// leading dot is allowed).
    ///
    /// - Throws: `EncodeError` naming the valid extensions when none matches.
    public static func forExtension(_ fileExtension: String) throws -> OutputFormat {
        let wanted = (fileExtension.hasPrefix(".") ? String(fileExtension.dropFirst()) : fileExtension).lowercased()
        if let format = all.first(where: { $0.fileExtension == wanted }) { return format }
        let valid = all.map { "." + $0.fileExtension }.joined(separator: ", ")
        throw EncodeError("unknown file extension '.\(wanted)'; use one of: \(valid)")
    }

    /// The format of a file path by its extension (`figures/adam.gif` → gif).
    ///
    /// - Throws: `EncodeError` when the path has no extension or an unknown one.
    public static func forFile(_ path: String) throws -> OutputFormat {
        let file = path.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
        guard let dot = file.lastIndex(of: "."), dot != file.startIndex else {
            throw EncodeError("'\(path)' has no file extension; use one of: "
                              + all.map { "." + $0.fileExtension }.joined(separator: ", "))
        }
        return try forExtension(String(file[file.index(after: dot)...]))
    }

    /// The formats with a `--quality` setting and what it means there, for help
    /// and errors: "webp: …; mp4: …".
    public static var qualityFormats: String {
        all.compactMap { format -> String? in
            guard case .animation(let encoder) = format, let scale = encoder.qualityScale else { return nil }
            return "\(encoder.formatName): \(scale.meaning)"
        }.joined(separator: "; ")
    }

    /// Writes animations (true) or stills (false).
    public var isAnimation: Bool {
        if case .animation = self { true } else { false }
    }
}

extension OutputFormat: Equatable, CustomStringConvertible {
    /// Formats are equal when their names are.
    public static func == (a: OutputFormat, b: OutputFormat) -> Bool { a.name == b.name }

    public var description: String { name }
}
