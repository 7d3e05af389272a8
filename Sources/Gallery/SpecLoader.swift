import Foundation
import Yams

/// Reads figure specs from YAML text or files, strictly: unknown keys, wrong
/// types, non-finite numbers, YAML syntax errors, empty and non-UTF-8 files are
/// each one `SpecError` line with `file:line:column` where a position exists.
///
/// A file may hold several figures: a YAML list of figure mappings, or several
/// `---` documents (or both). Each figure is decoded on its own, so one bad
/// figure does not hide the others (`loadAll`).
public enum SpecLoader {
    /// Every figure of the text, each decoded or with its error, in file order.
    /// A problem with the file as a whole (syntax error, empty file) is one failure.
    public static func loadAll(yaml: String, source: String) -> [Result<FigureSpec, SpecError>] {
        // libyaml recurses per nesting level: reject absurd nesting before it overflows the stack.
        if let (line, column) = YAMLNesting.tooDeep(yaml) {
            return [.failure(SpecError("\(source):\(line):\(column): nested more than \(YAMLNesting.maximumDepth) levels deep; a figure spec needs only a few"))]
        }
        var results: [Result<FigureSpec, SpecError>] = []
        let documents: YamlSequence<Node>
        do { documents = try Yams.compose_all(yaml: yaml) } catch {
            return [.failure(syntaxError(error, source: source))]
        }
        var iterator = documents.makeIterator()
        while let document = iterator.next() {
            if case .sequence(let items) = document {
                if items.isEmpty { results.append(.failure(SpecError(position: position(document.mark, source), field: "", "an empty list; give one or more figures"))) }
                results += items.map { decode($0, source: source) }
            } else {
                results.append(decode(document, source: source))
            }
        }
        if let error = iterator.error { results.append(.failure(syntaxError(error, source: source))) }
        if results.isEmpty {
            results.append(.failure(SpecError(position: SourcePosition(file: source, line: 1, column: 1), field: "",
                                              "the file is empty; a figure needs at least name: and a panel (see the README's \"Figure specs\")")))
        }
        return results
    }

    /// Exactly one figure; throws the first error, or if the text holds several figures.
    public static func load(yaml: String, source: String) throws -> FigureSpec {
        let all = loadAll(yaml: yaml, source: source)
        guard all.count == 1 else {
            if case .failure(let e) = all.first(where: { if case .failure = $0 { true } else { false } }) { throw e }
            throw SpecError("\(source): holds \(all.count) figures where one was expected")
        }
        return try all[0].get()
    }

    /// Every figure of the file at `path` (see `loadAll(yaml:source:)`).
    public static func loadAll(file path: String) -> [Result<FigureSpec, SpecError>] {
        switch read(path) {
        case .success(let text): return loadAll(yaml: text, source: path)
        case .failure(let e): return [.failure(e)]
        }
    }

    /// Exactly one figure from the file at `path`.
    public static func load(file path: String) throws -> FigureSpec {
        try load(yaml: read(path).get(), source: path)
    }

    /// The file's text; a missing or unreadable file, a folder and a file that is
    /// not UTF-8 (with the position of the first bad byte) are errors.
    static func read(_ path: String) -> Result<String, SpecError> {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            return .failure(SpecError("\(path): no such file; check the path"))
        }
        if isDirectory.boolValue { return .failure(SpecError("\(path): is a folder; give a .yaml file")) }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .failure(SpecError("\(path): cannot read the file; check its permissions"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            let (line, column, byte) = firstInvalidUTF8(data)
            return .failure(SpecError(position: SourcePosition(file: path, line: line, column: column), field: "",
                                      String(format: "not UTF-8 (byte 0x%02X); save the file as UTF-8", byte)))
        }
        return .success(text)
    }

    // MARK: pieces

    private static func decode(_ node: Node, source: String) -> Result<FigureSpec, SpecError> {
        let context = DecodeContext(file: source)
        do {
            guard node.mapping != nil else {
                throw NodeDecoder(node: node, context: context).mismatch("a figure (a mapping with name:, objective:, …)")
            }
            return .success(try FigureSpec(from: NodeDecoder(node: node, context: context)))
        } catch let e as SpecError {
            return .failure(e)
        } catch {
            let oneLine = "\(error)".split(whereSeparator: \.isNewline).joined(separator: " ")
            return .failure(SpecError(position: position(node.mark, source), field: "", oneLine))
        }
    }

    private static func position(_ mark: Mark?, _ source: String) -> SourcePosition? {
        mark.map { SourcePosition(file: source, line: $0.line, column: $0.column) }
    }

    /// A Yams error as `file:line:column: YAML syntax: problem`.
    static func syntaxError(_ error: any Error, source: String) -> SpecError {
        let (problem, mark): (String, Mark?) = switch error as? YamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            ((context.map { "\($0.text) " } ?? "") + problem, mark)
        case .reader(let problem, _, _, _): (problem, nil)
        default: ("\(error)".split(whereSeparator: \.isNewline).joined(separator: " "), nil)
        }
        return SpecError(position: position(mark, source) ?? SourcePosition(file: source, line: 1, column: 1),
                         field: "", "YAML syntax: \(problem); check the indentation, brackets and quotes there")
    }

    /// Line, column (in characters) and value of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ data: Data) -> (Int, Int, UInt8) {
        let bytes = [UInt8](data)
        var line = 1, column = 1, i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            guard length > 0, i + length <= bytes.count,
                  String(bytes: bytes[i..<i + length], encoding: .utf8) != nil else { return (line, column, b) }
            if b == 0x0A { line += 1; column = 1 } else { column += 1 }
            i += length
        }
        return (line, column, 0)
    }
}
