import CCairo
import Foundation

/// cairo font faces for the font files text is laid out with, one per file and
/// face index, opened once and kept for the life of the process (a handful of
/// files: DejaVu Sans and its oblique).
///
/// Each face is a FreeType face of its own, opened from the same file as the
/// `Font`'s: the `Font`'s faces are used under its lock, cairo's under cairo's,
/// so neither touches the other's. Outlines are unhinted (a vector page has no
/// pixel grid to snap to); positions come from `TextRun`, not from cairo.
final class CairoFontFaces: @unchecked Sendable {
    static let shared = CairoFontFaces()

    private let lock = NSLock()
    private var library: FT_Library?
    private var faces: [String: OpaquePointer] = [:]
    /// Files that could not be opened (nil is remembered so they are tried once).
    private var failed: Set<String> = []

    /// The cairo face for face `index` of `file`, or nil when FreeType cannot open
    /// it (the `Font` opened it, so only a file removed since fails: its text is
    /// then left out rather than drawn in another face).
    func face(file: String, index: Int) -> OpaquePointer? {
        let key = "\(index):\(file)"
        lock.lock()
        defer { lock.unlock() }
        if let f = faces[key] { return f }
        guard !failed.contains(key) else { return nil }
        if library == nil {
            var lib: FT_Library?
            guard FT_Init_FreeType(&lib) == 0 else { failed.insert(key); return nil }
            library = lib
        }
        var ft: FT_Face?
        guard FT_New_Face(library, file, FT_Long(index), &ft) == 0, let ft else { failed.insert(key); return nil }
        let noHinting: Int32 = 1 << 1 // FT_LOAD_NO_HINTING
        guard let face = cairo_ft_font_face_create_for_ft_face(ft, noHinting),
              cairo_font_face_status(face) == CAIRO_STATUS_SUCCESS else {
            FT_Done_Face(ft)
            failed.insert(key)
            return nil
        }
        faces[key] = face
        return face
    }
}
