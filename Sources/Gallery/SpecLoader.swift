import Foundation
import Yams

/// Reads figure specs from YAML text or files.
public enum SpecLoader {
    /// Decodes one spec; `source` names it in errors (a file name or "catalog").
    /// Throws `SpecError` with the YAML problem on one line.
    public static func load(yaml: String, source: String) throws -> FigureSpec {
        if let (line, column) = YAMLNesting.tooDeep(yaml) {
            throw SpecError("\(source):\(line):\(column): nested more than \(YAMLNesting.maximumDepth) levels deep; a figure spec needs only a few")
        }
        do {
            return try YAMLDecoder().decode(FigureSpec.self, from: yaml)
        } catch let e as DecodingError {
            throw SpecError("\(source): \(describe(e))")
        } catch {
            let oneLine = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            throw SpecError("\(source): not valid YAML: \(oneLine)")
        }
    }

    /// Reads and decodes the spec file at `path`.
    public static func load(file path: String) throws -> FigureSpec {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw SpecError("\(path): cannot read the file; check the path and permissions")
        }
        return try load(yaml: text, source: path)
    }

    /// A decoding error as `field.path: problem`.
    static func describe(_ e: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let p = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return p.hasPrefix(".") ? String(p.dropFirst()) : p
        }
        switch e {
        case .keyNotFound(let key, let ctx):
            let at = path(ctx.codingPath)
            return "missing key '\(key.stringValue)'" + (at.isEmpty ? "" : " in \(at)")
        case .typeMismatch(let type, let ctx), .valueNotFound(let type, let ctx):
            // Yams reports a scalar where a list belongs as a mismatch with "Sequence".
            let expected = "\(type)".contains("Sequence") || "\(type)".hasPrefix("Array") ? "a list" : typeName(type)
            return "\(path(ctx.codingPath)): expected \(expected)"
        case .dataCorrupted(let ctx):
            let at = path(ctx.codingPath)
            return (at.isEmpty ? "" : "\(at): ") + ctx.debugDescription
        @unknown default:
            return "\(e)"
        }
    }

    private static func typeName(_ t: Any.Type) -> String {
        switch t {
        case is Double.Type, is Int.Type: return "a number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is [Double].Type: return "a list of numbers"
        default: return "\(t)"
        }
    }
}
