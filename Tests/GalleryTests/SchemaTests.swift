import Foundation
import Testing
@testable import Gallery

/// `schema/optrender.schema.json` is kept in step with the Swift model: its keys
/// are the model's keys, every catalog spec validates, and a spec with an unknown
/// key does not.
struct SchemaTests {
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("schema/optrender.schema.json")

    func schema() throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as! [String: Any]
    }

    func properties(_ def: String) throws -> Set<String> {
        let defs = try schema()["$defs"] as! [String: Any]
        let d = defs[def] as! [String: Any]
        return Set((d["properties"] as! [String: Any]).keys)
    }

    @Test func schemaKeysAreTheModelsKeys() throws {
        #expect(try properties("figure") == Set(FigureSpec.keys + PanelSpec.allKeys))
        #expect(try properties("panel") == Set(PanelSpec.allKeys))
        // Each kind's own type: together with the common keys they are every panel key, and no kind lists one twice.
        let perKind = PanelKind.allCases.flatMap { PanelSpec.keys(for: $0) }
        #expect(Set(perKind) == Set(PanelSpec.allKeys))
        for kind in PanelKind.allCases {
            let keys = PanelSpec.keys(for: kind)
            #expect(Set(keys).count == keys.count, "\(kind)")
        }
        #expect(PanelSpec.keys(for: .quiver).contains("quiver") && !PanelSpec.keys(for: .contour).contains("quiver"))
        let model: [(String, [String])] = [
            ("contour", ContourSpec.CodingKeys.allCases.map(\.rawValue)),
            ("run", RunSpec.CodingKeys.allCases.map(\.rawValue)),
            ("marker", MarkerSpec.CodingKeys.allCases.map(\.rawValue)),
            ("text", TextSpec.CodingKeys.allCases.map(\.rawValue)),
            ("series", SeriesSpec.CodingKeys.allCases.map(\.rawValue)),
            ("quiver", QuiverSpec.CodingKeys.allCases.map(\.rawValue)),
            ("training", TrainingSpec.CodingKeys.allCases.map(\.rawValue)),
            ("animation", AnimationSpec.CodingKeys.allCases.map(\.rawValue)),
            ("page", PageSpec.CodingKeys.allCases.map(\.rawValue)),
            ("surface", SurfaceSpec.CodingKeys.allCases.map(\.rawValue)),
            ("batch_size", BatchSizeSpec.CodingKeys.allCases.map(\.rawValue)),
            ("batch_size_run", BatchSizeRunSpec.CodingKeys.allCases.map(\.rawValue)),
        ]
        for (def, keys) in model { #expect(try properties(def) == Set(keys), "\(def)") }
        let kinds = ((try schema()["$defs"] as! [String: Any])["panel"] as! [String: Any])
        let kindEnum = ((kinds["properties"] as! [String: Any])["kind"] as! [String: Any])["enum"] as! [String]
        #expect(kindEnum == PanelKind.allCases.map(\.rawValue))
    }

    @Test func everyCatalogSpecValidates() throws {
        let validator = SchemaValidator(root: try schema())
        let dir = try Catalog.directory()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".yaml") }
        #expect(files.count >= 40)
        for file in files {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for doc in try PlainValue.documents(yaml: text) {
                let problems = validator.problems(doc)
                #expect(problems.isEmpty, "\(file): \(problems)")
            }
        }
    }

    @Test func theReadmesAnnotatedExampleValidatesAndBuilds() throws {
        let readme = try String(contentsOf: Self.schemaURL.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("README.md"), encoding: .utf8)
        let section = readme.components(separatedBy: "## Figure specs")[1]
        let yaml = section.components(separatedBy: "```yaml\n")[1].components(separatedBy: "```")[0]
        #expect(yaml.hasPrefix("# yaml-language-server: $schema="))
        let validator = SchemaValidator(root: try schema())
        #expect(validator.problems(try PlainValue.documents(yaml: yaml)[0]).isEmpty)
        let spec = try SpecLoader.load(yaml: yaml, source: "README.md")
        _ = try FigureBuilder(spec: spec).build()
        // Every figure and panel key appears in the README's reference.
        for key in FigureSpec.keys + PanelSpec.allKeys { #expect(section.contains("`\(key)`"), "README lacks \(key)") }
    }

    @Test func unknownKeysWrongTypesAndMissingNamesDoNotValidate() throws {
        let validator = SchemaValidator(root: try schema())
        let good = "name: t\nobjective: d2l\nx: [-1, 1]\ny: [-1, 1]\nruns:\n  - {optimizer: SGD(lr=0.1), start: [1, 1], steps: 3}\n"
        #expect(validator.problems(try PlainValue.documents(yaml: good)[0]).isEmpty)
        let bad = [
            good + "colour: red\n",
            good.replacingOccurrences(of: "steps: 3", with: "steps: 3, colour: red"),
            good.replacingOccurrences(of: "name: t\n", with: ""),
            good.replacingOccurrences(of: "x: [-1, 1]", with: "x: [-1, 1, 2]"),
            good.replacingOccurrences(of: "steps: 3", with: "steps: many"),
            good + "kind: countour\n",
        ]
        for yaml in bad { #expect(!validator.problems(try PlainValue.documents(yaml: yaml)[0]).isEmpty, "\(yaml)") }
        let list = "- " + good.replacingOccurrences(of: "\n", with: "\n  ")
        #expect(validator.problems(try PlainValue.documents(yaml: list)[0]).isEmpty)
    }
}

/// The subset of JSON Schema the spec schema uses: type, properties,
/// additionalProperties: false, required, items, minItems/maxItems, enum,
/// anyOf and local $ref.
struct SchemaValidator {
    let root: [String: Any]

    func problems(_ value: Any, _ schema: [String: Any]? = nil, at path: String = "") -> [String] {
        let s = schema ?? root
        if let ref = s["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            return problems(value, (root["$defs"] as! [String: Any])[name] as? [String: Any], at: path)
        }
        if let any = s["anyOf"] as? [[String: Any]] {
            if !any.contains(where: { problems(value, $0, at: path).isEmpty }) { return ["\(path): matches no alternative"] }
        }
        if let options = s["enum"] as? [Any] {
            if !(value is String) || !options.contains(where: { ($0 as? String) == (value as? String) }) {
                return ["\(path): \(value) not in enum"]
            }
        }
        var out: [String] = []
        switch s["type"] as? String {
        case "object":
            guard let o = value as? [String: Any] else { return ["\(path): expected an object"] }
            let props = s["properties"] as? [String: Any] ?? [:]
            for key in (s["required"] as? [String] ?? []) where o[key] == nil { out.append("\(path): missing \(key)") }
            for (k, v) in o {
                if let p = props[k] as? [String: Any] { out += problems(v, p, at: path + "." + k) }
                else if (s["additionalProperties"] as? Bool) == false { out.append("\(path).\(k): unknown key") }
            }
        case "array":
            guard let a = value as? [Any] else { return ["\(path): expected an array"] }
            if let n = s["minItems"] as? Int, a.count < n { out.append("\(path): fewer than \(n) items") }
            if let n = s["maxItems"] as? Int, a.count > n { out.append("\(path): more than \(n) items") }
            if let items = s["items"] as? [String: Any] {
                for (i, v) in a.enumerated() { out += problems(v, items, at: "\(path)[\(i)]") }
            }
        case "number": if !(value is Int || value is Double) { out.append("\(path): expected a number") }
        case "integer": if !(value is Int) { out.append("\(path): expected an integer") }
        case "string": if !(value is String) { out.append("\(path): expected a string") }
        case "boolean": if !(value is Bool) { out.append("\(path): expected a boolean") }
        default: break
        }
        return out
    }
}
