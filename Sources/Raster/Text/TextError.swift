/// Why a font could not be made ready. Every message is one line a person can act on.
///
/// Only loading a font throws; measuring and drawing text never fail (a character
/// the font lacks is drawn as the font's "missing glyph" box).
public enum TextError: Error, CustomStringConvertible, Equatable {
    /// fontconfig found no face of `family` (it offered `substitute` instead, if anything).
    case fontNotFound(family: String, substitute: String?)
    /// The file at `path` does not exist or cannot be read.
    case fileNotReadable(path: String)
    /// FreeType read the file at `path` but it is not a font it understands.
    case notAFont(path: String, code: Int32)
    /// The font has no scalable outlines (a bitmap-only font cannot be sized freely).
    case notScalable(path: String)
    /// FreeType itself could not start (out of memory or a broken installation).
    case freeTypeUnavailable(code: Int32)

    public var description: String {
        switch self {
        case let .fontNotFound(family, substitute):
            let offered = substitute.map { " (fontconfig offered \($0) instead)" } ?? ""
            return "font \(family) not found\(offered): install the Debian package "
                + "fonts-dejavu-core or pass --font FILE"
        case let .fileNotReadable(path):
            return "cannot read font file \(path): no such file or no permission to read it"
        case let .notAFont(path, code):
            return "cannot use font file \(path): not a font FreeType can read (FreeType error \(code))"
        case let .notScalable(path):
            return "cannot use font file \(path): it has no scalable outlines (bitmap fonts are not supported)"
        case let .freeTypeUnavailable(code):
            return "cannot start FreeType (error \(code)): reinstall the Debian package libfreetype6"
        }
    }
}
