import Foundation
import Testing
@testable import Raster

@Suite struct TextFontTests {
    @Test func defaultFontIsDejaVuSans() throws {
        let font = try Font.defaultFont()
        #expect(font.familyName == "DejaVu Sans")
        #expect(font.path.hasSuffix("DejaVuSans.ttf"))
        #expect(try Font.defaultFont() === font, "the default font is loaded once")
    }

    @Test func obliqueFaceIsUsedWhenInstalled() throws {
        let font = try Font.defaultFont()
        let installed = FontLocator.locate(family: "DejaVu Sans", oblique: true).match != nil
        #expect((font.obliquePath != nil) == installed)
        if let p = font.obliquePath { #expect(p.hasSuffix("DejaVuSans-Oblique.ttf")) }
    }

    @Test func explicitPathLoadsThatFile() throws {
        let path = try Font.defaultFont().path
        let font = try Font.load(path: path)
        #expect(font.path == path)
        #expect(font.obliquePath == nil, "a given file uses a synthetic oblique")
        #expect(font.measure("abc", sizePx: 20).width > 10)
    }

    @Test func missingFileGivesOneLineError() {
        let path = "/nonexistent/optrender/NoSuchFont.ttf"
        #expect(throws: TextError.fileNotReadable(path: path)) { try Font.load(path: path) }
        let message = TextError.fileNotReadable(path: path).description
        #expect(message.contains(path))
        #expect(!message.contains("\n"))
    }

    @Test func nonFontFileGivesOneLineError() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("optrender-not-a-font-\(getpid()).ttf")
        try Data("this is not a font".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do {
            _ = try Font.load(path: url.path)
            Issue.record("loading a text file as a font should fail")
        } catch {
            guard case .notAFont(let p, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(p == url.path)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test func fontNotFoundNamesThePackage() {
        let message = TextError.fontNotFound(family: "DejaVu Sans", substitute: "Liberation Sans").description
        #expect(message.hasPrefix("font DejaVu Sans not found"))
        #expect(message.contains("fonts-dejavu-core"))
        #expect(message.contains("--font FILE"))
        #expect(!message.contains("\n"))
    }

    @Test func locatorRejectsSubstitutedFamilies() {
        #expect(FontLocator.locate(family: "No Such Family Optrender").match == nil)
        #expect(FontLocator.locate(family: "DejaVu Sans").match?.path.hasSuffix("DejaVuSans.ttf") == true)
    }
}

@Suite struct TextObliqueTests {
    @Test func mathLettersAreSlanted() throws {
        // In math "l" is drawn slanted (real or synthetic oblique): its ink leans,
        // so it is wider than the upright stem.
        let shared = try Font.defaultFont()
        let synthetic = try Font.load(path: shared.path)
        for font in [shared, synthetic] {
            #expect(font.measure("$l$", sizePx: 50).width > font.measure("l", sizePx: 50).width + 4)
            #expect(font.measure("$1$", sizePx: 50).width == font.measure("1", sizePx: 50).width)
        }
    }
}
