import Gallery
import Testing
@testable import optrender

/// `render` builds every figure once: the figures built to check the specs are
/// kept for the renderer, each for the very spec it was built from.
struct BuiltFiguresTests {
    @Test func checkedFiguresAreKeptForTheirOwnSpecOnly() throws {
        let a = try SpecLoader.load(yaml: CIWorkflowTests.spec("a"), source: "a.yaml")
        let b = try SpecLoader.load(yaml: CIWorkflowTests.spec("b", optimizer: "Adam(lr=0.1)"), source: "b.yaml")
        let bad = try SpecLoader.load(yaml: CIWorkflowTests.spec("c", optimizer: "Nope(lr=1)"), source: "c.yaml")
        var built = BuiltFigures()
        let (ok, problems) = FigureCheck.validated([.success(a), .success(bad), .success(b)], threads: 2,
                                                   keeping: &built)
        #expect(ok.map(\.name) == ["a", "b"])
        #expect(problems.count == 1)
        let kept = try #require(built.figure(for: a)).figure
        #expect(kept.pixelWidth == 1000 && kept.panels.count == 1)
        #expect(built.figure(for: b) != nil && built.figure(for: bad) == nil)
        // The same name with other content is another figure: built anew.
        var retitled = a
        retitled.suptitle = "another figure"
        #expect(built.figure(for: retitled) == nil)
    }
}
