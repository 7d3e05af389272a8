import Yams

/// Where something is in a spec file: `course.yaml:12:5` (line and column from 1,
/// columns counted in Unicode scalars).
public struct SourcePosition: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// The position of every field of a decoded spec, by field path (`runs[0].start`),
/// so that checks made while building the figure point at the line too.
///
/// It is bookkeeping, not content: two specs compare equal whatever their
/// positions, and it is never encoded.
public struct SpecPositions: Sendable, Equatable {
    private var byPath: [String: SourcePosition] = [:]

    public init() {}

    mutating func record(_ path: String, mark: Mark, file: String) {
        byPath[path] = SourcePosition(file: file, line: mark.line, column: mark.column)
    }

    mutating func record(_ path: String, _ position: SourcePosition) { byPath[path] = position }

    /// The position of `path`, else of its closest recorded parent
    /// (`runs[0].start[1]` → `runs[0].start` → `runs[0]` → `runs` → the figure).
    public func position(of path: String) -> SourcePosition? {
        var p = Substring(path)
        while true {
            if let found = byPath[String(p)] { return found }
            if p.isEmpty { return nil }
            if let cut = p.lastIndex(where: { $0 == "." || $0 == "[" }) { p = p[..<cut] } else { p = "" }
        }
    }

    public func contains(_ path: String) -> Bool { byPath[path] != nil }

    public var isEmpty: Bool { byPath.isEmpty }

    public static func == (lhs: SpecPositions, rhs: SpecPositions) -> Bool { true }
}
