import Foundation
import Testing
@testable import Gallery

/// The spec reader fuzzed (issue 10): the catalog's own YAML files, mutated
/// thousands of times from a fixed seed, and random YAML-ish text, each read
/// into a spec or rejected with a one-line error — no crash, no hang. Bounded
/// by counts, never by time. Inputs that once failed are kept in `regressions`.
struct SpecFuzzTests {
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9e3779b97f4a7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
            z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    /// The first two crashed the process (libyaml's recursion overflowed the
    /// stack near 10,000 levels) before `YAMLNesting` rejected them.
    static let regressions = [
        "name: a\npanels: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
        "name: a\npanels:\n" + String(repeating: "- ", count: 100_000) + "x\n",
        "name: a\npanels: " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000),
        "name: a\nx: " + String(repeating: "{a: ", count: 2_000) + "1" + String(repeating: "}", count: 2_000),
        "name: a\nobjective: \"x +\\n (\"\nx: [0, 1]\ny: [0, 1]\n",
        "name: a\nobjective: " + String(repeating: "(", count: 10_000) + "x\n",
        "&a [*a]", "!!binary x", "name: *unknown", "---\n---\n", "\u{0}", "name: [1, 2",
        "a: &x 1\nb: *x\nc: *x\n", "name: a\nruns: [{optimizer: 'SGD(lr=' , start: [1e999], steps: -1}]\n",
    ]

    static let fragments = ["name: f", "objective: d2l", "x: [-5, 1]", "y: [0, 1e309]", "runs:", "  - optimizer: SGD(lr=0.1)",
                            "    start: [0, 0]", "    steps: 3", "panels:", "  - kind: loss", "kind: surface", "layout: [2, 1]",
                            "animation: {fps: 0}", "size: [-1]", "- ", ": ", "[", "]", "{", "}", "&a", "*a", "!!str", "'", "\"",
                            "#", "\t", "|", ">", "---", "...", "? ", "é", "\u{0}"]

    static var catalogTexts: [String] {
        let dir = try? Catalog.directory()
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir?.path ?? "")) ?? []
        return files.filter { $0.hasSuffix(".yaml") }.sorted().compactMap {
            try? String(contentsOf: dir!.appendingPathComponent($0), encoding: .utf8)
        }
    }

    static func exercise(_ text: String) {
        do {
            _ = try SpecLoader.load(yaml: text, source: "fuzz.yaml")
        } catch {
            let message = "\(error)"
            #expect(!message.contains("\n") && message.hasPrefix("fuzz.yaml"), "\(text.prefix(80)): \(message)")
        }
    }

    @Test func regressionsReadOrFailWithOneLine() {
        for text in Self.regressions { Self.exercise(text) }
        #expect(throws: SpecError("fuzz.yaml:2:209: nested more than 200 levels deep; a figure spec needs only a few")) {
            try SpecLoader.load(yaml: Self.regressions[0], source: "fuzz.yaml")
        }
    }

    @Test func nestingGuardIgnoresQuotesAndCommentsAndPassesTheCatalog() {
        for text in Self.catalogTexts { #expect(YAMLNesting.tooDeep(text) == nil) }
        let brackets = String(repeating: "[", count: 300)
        #expect(YAMLNesting.tooDeep("a: '\(brackets)'\nb: \"\(brackets)\" # \(brackets)\n") == nil)
        #expect(YAMLNesting.tooDeep("a: 1\nb: \(brackets)")! == (2, 204))
        #expect(YAMLNesting.tooDeep(String(repeating: "- ", count: 201) + "x")! == (1, 401))
    }

    @Test func mutatedCatalogSpecs() {
        let corpus = Self.catalogTexts
        #expect(corpus.count > 10)
        var random = Random(state: 7)
        for _ in 0..<2000 {
            var lines = random.pick(corpus).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            for _ in 0..<(1 + random.below(3)) {
                let at = random.below(lines.count)
                switch random.below(5) {
                case 0: lines.remove(at: at); if lines.isEmpty { lines = [""] }
                case 1: lines.insert(random.pick(Self.fragments), at: at)
                case 2: lines[at] = String(lines[at].shuffled(using: &random))
                case 3: lines[at] += random.pick(Self.fragments)
                default: lines.swapAt(at, random.below(lines.count))
                }
            }
            Self.exercise(lines.joined(separator: "\n"))
        }
    }

    @Test func randomFragments() {
        var random = Random(state: 99)
        for _ in 0..<2000 {
            let count = 1 + random.below(12)
            Self.exercise((0..<count).map { _ in random.pick(Self.fragments) }.joined(separator: random.pick(["\n", " ", ""])))
        }
    }
}

extension SpecFuzzTests.Random: RandomNumberGenerator {}
