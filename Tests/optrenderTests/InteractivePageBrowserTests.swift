import Encode
import Foundation
import Raster
import Testing

/// The interactive page in a real browser: headless Chromium (through
/// chromedriver) opens a page optrender wrote from disk, the keyboard moves its
/// sliders, and a screenshot of the figure's canvas is compared with the still
/// optrender renders for the same values. Tolerance: none — the page copies
/// PNG pixels 1:1 into a canvas (no scaling, no smoothing, sRGB untagged PNGs
/// drawn into an sRGB canvas), so every pixel must be equal.
///
/// Chromium and chromedriver are Debian packages (`chromium`,
/// `chromium-driver`) that `make setup` installs; without them the test fails
/// with a message saying so rather than passing silently.
struct InteractivePageBrowserTests {
    /// A small two-slider sweep (4 cells, 10 steps, 400 × 300 pixels) so the
    /// debug build renders it in well under a second.
    static func spec(name: String, lr: String, gamma: String) -> String {
        """
        name: \(name)
        size: [4, 3]
        objective: d2l
        x: [-5.5, 3]
        y: [-3, 3]
        title: momentum
        sweep: {lr: \(lr), gamma: \(gamma)}
        page: {fps: 50}
        runs:
          - {optimizer: "d2l.momentum(lr=0.1, gamma=0.1)", start: [-5, -2], steps: 10, style: "-o", color: "#ff7f0e"}

        """
    }

    func still(_ dir: URL, name: String, lr: String, gamma: String) throws -> Image {
        try Self.spec(name: name, lr: "[\(lr)]", gamma: "[\(gamma)]").write(to: dir.appendingPathComponent("\(name).yaml"), atomically: true, encoding: .utf8)
        let r = try CLITests.run(["render", dir.appendingPathComponent("\(name).yaml").path, "--out", dir.path, "--format", "png"])
        #expect(r.code == 0, "\(r.err)")
        return try PNGDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("\(name).png"))))
    }

    func differingPixels(_ a: Image, _ b: Image) -> Int {
        guard a.width == b.width, a.height == b.height else { return -1 }
        var n = 0
        for i in stride(from: 0, to: a.pixels.count, by: 4)
        where a.pixels[i] != b.pixels[i] || a.pixels[i + 1] != b.pixels[i + 1] || a.pixels[i + 2] != b.pixels[i + 2] { n += 1 }
        return n
    }

    @Test(.timeLimit(.minutes(2)))
    func slidersMovedWithTheKeyboardShowTheStills() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let specURL = dir.appendingPathComponent("page.yaml")
        try Self.spec(name: "page", lr: "[0.1, 0.3]", gamma: "[0.1, 0.5]").write(to: specURL, atomically: true, encoding: .utf8)
        let r = try CLITests.run(["render", specURL.path, "--out", dir.path])
        #expect(r.code == 0, "\(r.err)")
        let page = dir.appendingPathComponent("page.html")
        #expect(FileManager.default.fileExists(atPath: page.path))
        // The page fetches nothing: no URL but its own data: URIs.
        let html = try String(contentsOf: page, encoding: .utf8)
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("src=\"/"))

        let browser: WebDriver
        do { browser = try WebDriver(width: 900, height: 800) } catch {
            Issue.record("the browser test needs headless Chromium: \(error)")
            return
        }
        defer { browser.close() }
        try browser.open(page)
        let shown = "return document.getElementById('figure').dataset.shown || ''"
        // Opens at the optimizer's own values, lr 0.1 and gamma 0.1: cell 0, its last frame (10 steps → frame 10).
        try browser.wait(until: shown, equals: "0:10")
        let canvas = try browser.element("#figure")
        let opening = try PNGDecoder.decode(try browser.screenshot(of: canvas))
        let openingStill = try PNGDecoder.decode([UInt8](Data(contentsOf: dir.appendingPathComponent("page.png"))))
        #expect(opening.width == openingStill.width && opening.height == openingStill.height)
        #expect(differingPixels(opening, openingStill) == 0)

        // gamma → 0.5 (cell 1), then lr → 0.3 (cell 3), each by ArrowRight on its focused slider.
        try browser.sendKeys(WebDriver.arrowRight, to: try browser.element("#slider1"))
        try browser.wait(until: shown, equals: "1:10")
        try browser.sendKeys(WebDriver.arrowRight, to: try browser.element("#slider0"))
        try browser.wait(until: shown, equals: "3:10")
        let moved = try PNGDecoder.decode(try browser.screenshot(of: canvas))
        let movedStill = try still(dir, name: "lr03_gamma05", lr: "0.3", gamma: "0.5")
        #expect(differingPixels(moved, movedStill) == 0)
        #expect(differingPixels(moved, opening) > 0)
        let values = try browser.script("return document.getElementById('values').textContent") as? String
        #expect(values == "lr = 0.3, gamma = 0.5")

        // Back to the first step with Home on the step slider, then play to the end: the same still.
        try browser.sendKeys(WebDriver.home, to: try browser.element("#step"))
        try browser.wait(until: shown, equals: "3:0")
        #expect(differingPixels(try PNGDecoder.decode(try browser.screenshot(of: canvas)), movedStill) > 0)
        try browser.click(try browser.element("#play"))
        try browser.wait(until: shown, equals: "3:10")
        #expect(differingPixels(try PNGDecoder.decode(try browser.screenshot(of: canvas)), movedStill) == 0)
        let status = try browser.script("return document.getElementById('status').textContent") as? String
        #expect(status?.contains("final loss") == true)
    }

    /// Without a browser: `plot` writes a page for a `.html` output, and
    /// `page:` settings that cannot work are one line with the place and fix.
    @Test func plotWritesAPageAndBadPageSettingsAreOneLine() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("p.html")
        let r = try CLITests.run(["plot", "--objective", "x^2 + y^2", "--optimizer", "SGD(lr=0.1)", "--start", "2,3", "--steps", "5",
                                  "--sweep", "lr=0.1,0.2", "--out", out.path])
        #expect(r.code == 0, "\(r.err)")
        let html = try String(contentsOf: out, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("\"labels\":[\"0.1\",\"0.2\"]"))
        let bad = dir.appendingPathComponent("bad.yaml")
        try Self.spec(name: "bad", lr: "[0.1]", gamma: "[0.1]").replacingOccurrences(of: "page: {fps: 50}", with: "page: {fps: 0}")
            .write(to: bad, atomically: true, encoding: .utf8)
        let e = try CLITests.run(["render", bad.path, "--out", dir.path])
        #expect(e.code == 1 && e.err.contains("bad.yaml:8:") && e.err.contains("page.fps: expected a value in (0, 50]"))
        try (try String(contentsOf: bad, encoding: .utf8)).replacingOccurrences(of: "page: {fps: 0}", with: "page: {}\nanimation: {fps: 2}")
            .write(to: bad, atomically: true, encoding: .utf8)
        let both = try CLITests.run(["render", bad.path, "--out", dir.path])
        #expect(both.code == 1 && both.err.contains("remove animation:"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("bad.html").path))
    }

    /// The page and its still are the same bytes on every run and for any `--jobs`.
    @Test func pagesAreTheSameBytesForEveryRunAndJobCount() throws {
        let dir = try CLITests.tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let spec = dir.appendingPathComponent("page.yaml")
        try (Self.spec(name: "page", lr: "[0.1, 0.3]", gamma: "[0.5]") + "---\n" + Self.spec(name: "other", lr: "[0.2]", gamma: "[0.1, 0.9]"))
            .write(to: spec, atomically: true, encoding: .utf8)
        var outputs: [[String: Data]] = []
        for jobs in ["1", "3", "1"] {
            let out = dir.appendingPathComponent("out\(outputs.count)")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let r = try CLITests.run(["render", spec.path, "--out", out.path, "--jobs", jobs])
            #expect(r.code == 0, "\(r.err)")
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(Set(outputs[0].keys) == ["page.html", "page.png", "other.html", "other.png"])
        #expect(outputs[0] == outputs[1] && outputs[0] == outputs[2])
    }
}
