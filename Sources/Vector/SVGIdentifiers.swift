import Foundation

/// Stable element ids for cairo's SVG.
///
/// cairo 1.16 names some SVG elements after process-wide counters (an image
/// surface's unique id becomes `image…`/`surface…`), so the same figure drawn
/// after other work in the same process — another figure, another `--jobs`
/// order — would get other ids. Renaming every id by order of first definition
/// (`<prefix><n>`, counted per prefix) and every reference to it (`#id`) makes
/// the file depend on its content only.
enum SVGIdentifiers {
    static func renumbered(_ bytes: [UInt8]) -> [UInt8] {
        guard let text = String(bytes: bytes, encoding: .utf8) else { return bytes }
        let ns = text as NSString
        guard let definitions = try? NSRegularExpression(pattern: #"\bid="([A-Za-z_][A-Za-z_\-]*?)([0-9][0-9\-]*)""#) else { return bytes }
        var renamed: [String: String] = [:]
        var counts: [String: Int] = [:]
        for m in definitions.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let prefix = ns.substring(with: m.range(at: 1))
            let old = prefix + ns.substring(with: m.range(at: 2))
            guard renamed[old] == nil else { continue }
            let n = counts[prefix, default: 0] + 1
            counts[prefix] = n
            renamed[old] = "\(prefix)\(n)"
        }
        guard !renamed.isEmpty else { return bytes }
        // Definitions and references in one pass over the text, so a new name can
        // never be renamed again.
        guard let both = try? NSRegularExpression(pattern: #"(\bid="|#)([A-Za-z_][A-Za-z0-9_\-]*)"#) else { return bytes }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var last = 0
        for m in both.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            let name = ns.substring(with: m.range(at: 2))
            guard let new = renamed[name] else { continue }
            let r = m.range(at: 2)
            out += ns.substring(with: NSRange(location: last, length: r.location - last))
            out += new
            last = r.location + r.length
        }
        out += ns.substring(from: last)
        return Array(out.utf8)
    }
}
