import CFreeType
import Foundation

/// Finds font files through fontconfig.
///
/// fontconfig's answer to a match is always *some* font, so the locator checks
/// that the face it returns really belongs to the family that was asked for
/// (and, for an oblique request, that it is slanted); otherwise it reports nil.
enum FontLocator {
    /// One face fontconfig matched: its file, the face index inside that file and
    /// the family names it declares.
    struct Match: Equatable {
        var path: String
        var index: Int
        var families: [String]
        var slant: Int
    }

    /// fontconfig's slant values (`FC_SLANT_ROMAN`, `FC_SLANT_ITALIC`, `FC_SLANT_OBLIQUE`).
    static let slantRoman = 0
    static let slantItalic = 100
    static let slantOblique = 110

    /// fontconfig keeps global state; queries are serialised to stay on the safe side
    /// of older versions that were not thread-safe.
    private static let lock = NSLock()

    /// The file of `family` in the regular weight, upright or slanted.
    ///
    /// Returns nil when fontconfig is unusable or its best match is another family
    /// (or, for `oblique`, an upright face). `substitute` receives the family
    /// fontconfig offered instead, for the error message.
    static func locate(family: String, oblique: Bool = false) -> (match: Match?, substitute: String?) {
        guard let m = bestMatch(family: family, oblique: oblique) else { return (nil, nil) }
        let wanted = family.lowercased()
        guard m.families.contains(where: { $0.lowercased() == wanted }) else {
            return (nil, m.families.first)
        }
        if oblique && m.slant == slantRoman { return (nil, nil) }
        return (m, nil)
    }

    /// fontconfig's best match for family + regular weight + slant, unfiltered.
    static func bestMatch(family: String, oblique: Bool) -> Match? {
        lock.lock()
        defer { lock.unlock() }
        guard FcInit() != 0, let pattern = FcPatternCreate() else { return nil }
        defer { FcPatternDestroy(pattern) }
        _ = family.withCString { name in
            name.withMemoryRebound(to: FcChar8.self, capacity: family.utf8.count + 1) {
                FcPatternAddString(pattern, "family", $0)
            }
        }
        FcPatternAddInteger(pattern, "weight", 80)  // FC_WEIGHT_REGULAR
        FcPatternAddInteger(pattern, "width", 100)  // FC_WIDTH_NORMAL: not the condensed faces
        FcPatternAddInteger(pattern, "slant", Int32(oblique ? slantOblique : slantRoman))
        FcPatternAddBool(pattern, "scalable", 1)
        FcConfigSubstitute(nil, pattern, FcMatchPattern)
        FcDefaultSubstitute(pattern)
        var result = FcResultNoMatch
        guard let found = FcFontMatch(nil, pattern, &result), result == FcResultMatch else { return nil }
        defer { FcPatternDestroy(found) }
        guard let path = string(found, "file") else { return nil }
        var index: Int32 = 0
        _ = FcPatternGetInteger(found, "index", 0, &index)
        var slant: Int32 = 0
        _ = FcPatternGetInteger(found, "slant", 0, &slant)
        var families: [String] = []
        var n: Int32 = 0
        while let name = string(found, "family", n) {
            families.append(name)
            n += 1
        }
        return Match(path: path, index: Int(index), families: families, slant: Int(slant))
    }

    private static func string(_ pattern: OpaquePointer, _ object: String, _ n: Int32 = 0) -> String? {
        var value: UnsafeMutablePointer<FcChar8>? = nil
        guard FcPatternGetString(pattern, object, n, &value) == FcResultMatch, let value else { return nil }
        return String(cString: value)
    }
}
