import Foundation
import Yams

/// A strict `Decoder` over a composed YAML tree (`Yams.Node`), so every error keeps
/// the position of the node it is about.
///
/// - A mapping decoded with a `CodingKey` type that is `CaseIterable` accepts only
///   those keys: any other key is an error at the key's position, with the closest
///   valid key (`runs[1].colour: unknown key; did you mean "color"?`). Types that
///   check their keys themselves (a panel's keys depend on its kind) use
///   `uncheckedContainer`.
/// - A key given twice is an error.
/// - Numbers must be finite (`.nan`, `.inf` are errors); an integer field refuses `1.5`.
/// - Every decoded value's position is recorded under its field path
///   (`runs[0].start`), so checks made later, while building the figure, can
///   point at the line too (`SpecPositions`).
struct NodeDecoder: Decoder {
    let node: Node
    let context: DecodeContext
    let codingPath: [any CodingKey]
    /// False for the one container whose keys the caller checked itself.
    var checksKeys = true

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, context: DecodeContext, codingPath: [any CodingKey] = []) {
        self.node = node
        self.context = context
        self.codingPath = codingPath
        if let mark = node.mark { context.positions.record(FieldPath.text(codingPath), mark: mark, file: context.file) }
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let mapping = node.mapping else { throw mismatch("a mapping (key: value lines)") }
        try checkDuplicates(mapping)
        if checksKeys, let names = caseNames(Key.self) { try checkKeys(allowed: names) }
        return KeyedDecodingContainer(KeyedNodeContainer<Key>(decoder: self, mapping: mapping))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard let sequence = node.sequence else { throw mismatch("a list") }
        return UnkeyedNodeContainer(decoder: self, items: Array(sequence))
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    // MARK: checks

    /// Refuses any key of this mapping not in `allowed`; `elsewhere` names, for a
    /// key valid in another context, where it belongs.
    func checkKeys(allowed: [String], elsewhere: (String) -> String? = { _ in nil }) throws {
        guard let mapping = node.mapping else { throw mismatch("a mapping (key: value lines)") }
        for (key, _) in mapping {
            guard let name = key.scalar?.string else { throw error("keys must be plain names", at: key.mark) }
            if allowed.contains(name) { continue }
            let path = FieldPath.text(codingPath + [AnyKey(name)])
            var problem = "unknown key"
            if let place = elsewhere(name) {
                problem += "; \(place)"
            } else if let close = KeySuggestion.closest(to: name, in: allowed) {
                problem += "; did you mean \"\(close)\"?"
            } else {
                problem += "; valid keys: " + allowed.joined(separator: ", ")
            }
            throw SpecError(position: context.position(key.mark), field: path, problem)
        }
    }

    private func checkDuplicates(_ mapping: Node.Mapping) throws {
        var seen = Set<String>()
        for (key, _) in mapping {
            guard let name = key.scalar?.string else { continue }
            if !seen.insert(name).inserted {
                throw SpecError(position: context.position(key.mark), field: FieldPath.text(codingPath + [AnyKey(name)]),
                                "key given twice; keep one")
            }
        }
    }

    /// This decoder, with its own container's keys left to the caller to check.
    func withoutKeyCheck() -> NodeDecoder {
        var d = self
        d.checksKeys = false
        return d
    }

    func child(_ node: Node, key: any CodingKey) -> NodeDecoder {
        NodeDecoder(node: node, context: context, codingPath: codingPath + [key])
    }

    // MARK: errors

    func error(_ problem: String, at mark: Mark? = nil) -> SpecError {
        SpecError(position: context.position(mark ?? node.mark), field: FieldPath.text(codingPath), problem)
    }

    /// A scalar as it can stand in a one-line error: line breaks and other
    /// control characters as spaces, at most 60 characters.
    static func oneLine(_ text: String) -> String {
        let flat = String(text.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : Character($0) })
            .trimmingCharacters(in: .whitespaces)
        return flat.count > 60 ? String(flat.prefix(59)) + "…" : flat
    }

    func mismatch(_ expected: String) -> SpecError {
        let got: String
        switch node {
        case .scalar(let s): got = s.string.isEmpty ? "nothing" : "'\(NodeDecoder.oneLine(s.string))'"
        case .mapping: got = "a mapping"
        case .sequence: got = "a list"
        }
        return error("expected \(expected), got \(got)")
    }

    private func caseNames<Key: CodingKey>(_ type: Key.Type) -> [String]? {
        guard let iterable = type as? any CaseIterable.Type else { return nil }
        func names<T: CaseIterable>(_ t: T.Type) -> [String] { T.allCases.compactMap { ($0 as? any CodingKey)?.stringValue } }
        return names(iterable)
    }
}

// MARK: scalars

extension NodeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        guard case .scalar(let s) = node else { return false }
        return s.style == .plain && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard let s = node.scalar, let v = Bool.construct(from: s) else { throw mismatch("true or false") }
        return v
    }

    func decode(_ type: String.Type) throws -> String {
        guard let s = node.scalar else { throw mismatch("a text") }
        return s.string
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let s = node.scalar, s.style == .plain, let v = Double.construct(from: s) else { throw mismatch("a number") }
        guard v.isFinite else { throw error("expected a finite number, got '\(NodeDecoder.oneLine(s.string))'") }
        return v
    }

    func decode(_ type: Int.Type) throws -> Int {
        guard let s = node.scalar, s.style == .plain, let v = Int.construct(from: s) else { throw mismatch("a whole number") }
        return v
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is Double.Type: return try decode(Double.self) as! T
        case is Int.Type: return try decode(Int.self) as! T
        case is String.Type: return try decode(String.self) as! T
        case is Bool.Type: return try decode(Bool.self) as! T
        default: return try T(from: self)
        }
    }

    private func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let v = T(exactly: try decode(Int.self)) else { throw error("number out of range") }
        return v
    }
}

// MARK: containers

struct KeyedNodeContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let decoder: NodeDecoder
    let mapping: Node.Mapping

    var codingPath: [any CodingKey] { decoder.codingPath }
    var allKeys: [Key] { mapping.keys.compactMap { $0.scalar.flatMap { Key(stringValue: $0.string) } } }

    func contains(_ key: Key) -> Bool { value(key) != nil }

    private func value(_ key: Key) -> Node? {
        mapping.first { $0.key.scalar?.string == key.stringValue }?.value
    }

    private func child(_ key: Key) throws -> NodeDecoder {
        guard let node = value(key) else {
            throw decoder.error("missing key '\(key.stringValue)'; add it")
        }
        return decoder.child(node, key: key)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).decodeNil() }
    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool { try child(key).decode(type) }
    func decode(_ type: String.Type, forKey key: Key) throws -> String { try child(key).decode(type) }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double { try child(key).decode(type) }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float { try child(key).decode(type) }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try child(key).decode(type) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try child(key).decode(type) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try child(key).decode(type) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try child(key).decode(type) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try child(key).decode(type) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try child(key).decode(type) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try child(key).decode(type) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try child(key).decode(type) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try child(key).decode(type) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try child(key).decode(type) }
    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try child(key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey> { try child(key).container(keyedBy: type) }
    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer { try child(key).unkeyedContainer() }
    func superDecoder() throws -> any Decoder { decoder }
    func superDecoder(forKey key: Key) throws -> any Decoder { try child(key) }
}

struct UnkeyedNodeContainer: UnkeyedDecodingContainer {
    let decoder: NodeDecoder
    let items: [Node]
    var currentIndex = 0

    init(decoder: NodeDecoder, items: [Node]) {
        self.decoder = decoder
        self.items = items
    }

    var codingPath: [any CodingKey] { decoder.codingPath }
    var count: Int? { items.count }
    var isAtEnd: Bool { currentIndex >= items.count }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else { throw decoder.error("the list is too short") }
        defer { currentIndex += 1 }
        return decoder.child(items[currentIndex], key: AnyKey(index: currentIndex))
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, decoder.child(items[currentIndex], key: AnyKey(index: currentIndex)).decodeNil() else { return false }
        currentIndex += 1
        return true
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }
    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey> { try next().container(keyedBy: type) }
    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }
    mutating func superDecoder() throws -> any Decoder { try next() }
}

/// A coding key made at run time: a mapping key or a list index.
struct AnyKey: CodingKey {
    let stringValue: String
    let intValue: Int?

    init(_ name: String) { stringValue = name; intValue = nil }
    init(index: Int) { stringValue = "\(index)"; intValue = index }
    init?(stringValue: String) { self.init(stringValue) }
    init?(intValue: Int) { self.init(index: intValue) }
}

/// What one decoding run shares: the file name and the positions seen so far.
final class DecodeContext {
    let file: String
    var positions = SpecPositions()

    init(file: String) { self.file = file }

    func position(_ mark: Mark?) -> SourcePosition? {
        mark.map { SourcePosition(file: file, line: $0.line, column: $0.column) }
    }
}

/// Field paths as errors print them: `runs[1].color`, `panels[0].contour.levels`.
enum FieldPath {
    static func text(_ path: [any CodingKey]) -> String {
        var out = ""
        for key in path {
            if let i = key.intValue { out += "[\(i)]" } else { out += (out.isEmpty ? "" : ".") + key.stringValue }
        }
        return out
    }
}
