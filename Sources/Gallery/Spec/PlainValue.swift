import Foundation
import Yams

/// A YAML document as JSON-like values (`[String: Any]`, `[Any]`, `Int`, `Double`,
/// `Bool`, `String`, `NSNull`), for checking specs against the JSON Schema.
enum PlainValue {
    /// Every document of the text; a list document stays one list.
    static func documents(yaml: String) throws -> [Any] {
        try Array(Yams.compose_all(yaml: yaml)).map(value)
    }

    static func value(_ node: Node) -> Any {
        switch node {
        case .mapping(let m):
            var out: [String: Any] = [:]
            for (k, v) in m { out[k.scalar?.string ?? "\(k)"] = value(v) }
            return out
        case .sequence(let s):
            return s.map(value)
        case .scalar(let s):
            guard s.style == .plain else { return s.string }
            if node.null != nil { return NSNull() }
            if let b = node.bool { return b }
            if let i = node.int { return i }
            if let d = node.float { return d }
            return s.string
        }
    }
}
