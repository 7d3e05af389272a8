import Foundation
import Testing
@testable import Encode
@testable import Raster

/// The interactive page's data, checked without a browser: the frames rebuilt
/// from the base and the patch sheets the way the page's script does it are
/// the frames given, every pixel; the file is deterministic and escapes what
/// it embeds. (`InteractivePageBrowserTests` runs the script itself.)
struct InteractivePageTests {
    /// A 64 × 48 white image with a `k`-pixel diagonal of colour `c`, and a
    /// corner mark per cell so cells differ in a "title".
    static func frame(cell: Int, step k: Int) -> Image {
        var px = [UInt8](repeating: 255, count: 64 * 48 * 4)
        func set(_ x: Int, _ y: Int, _ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) {
            let i = (y * 64 + x) * 4
            px[i] = r; px[i + 1] = g; px[i + 2] = b; px[i + 3] = a
        }
        for d in 0..<k { set(2 + d * 3 % 60, 40 - d, 255, UInt8(127 + cell * 40), 14) }
        set(cell, 0, 0, 0, 0)
        set(63, 47, 10, 20, 30, 128)   // translucent: composited over white in the page
        return Image(width: 64, height: 48, pixels: px)!
    }

    struct Decoded {
        let base: Image
        let cells: [(sheet: Image, patches: [[Int]], steps: [Int])]
    }

    static func decode(_ html: [UInt8]) throws -> Decoded {
        let text = String(decoding: html, as: UTF8.self)
        let start = text.range(of: "const D = ")!.upperBound
        let end = text.range(of: ";\n(function")!.lowerBound
        let json = try JSONSerialization.jsonObject(with: Data(text[start..<end].utf8)) as! [String: Any]
        func png(_ base64: String) throws -> Image { try PNGDecoder.decode([UInt8](Data(base64Encoded: base64)!)) }
        let base = try png(String((json["base"] as! String).dropFirst("data:image/png;base64,".count)))
        let cells = try (json["cells"] as! [[String: Any]]).map { c in
            (try png(c["s"] as! String), c["p"] as! [[Int]], c["steps"] as! [Int])
        }
        return Decoded(base: base, cells: cells)
    }

    /// `frame`'s pixels composited over white, as the page shows them.
    static func shown(_ image: Image) -> Image {
        InteractivePage.CellBuilder.opaque(image)
    }

    /// What the script does: the base, then patches 0…frame of the cell.
    static func replay(_ d: Decoded, cell: Int, frame: Int) -> Image {
        var px = d.base.pixels
        let w = d.base.width
        let c = d.cells[cell]
        for k in 0...frame {
            let p = c.patches[k]
            for i in stride(from: 0, to: p.count, by: 6) {
                let (x, y, pw, ph, sx, sy) = (p[i], p[i + 1], p[i + 2], p[i + 3], p[i + 4], p[i + 5])
                for row in 0..<ph {
                    for col in 0..<pw {
                        let from = ((sy + row) * c.sheet.width + sx + col) * 4
                        let to = ((y + row) * w + x + col) * 4
                        for ch in 0..<4 { px[to + ch] = c.sheet.pixels[from + ch] }
                    }
                }
            }
        }
        return Image(width: w, height: d.base.height, pixels: px)!
    }

    func page() throws -> [UInt8] {
        var page = InteractivePage(width: 64, height: 48, title: "a </script> & \"title\"")
        page.caption = "caption <b>"
        page.sliders = [.init(name: "lr", labels: ["0.1", "0.2", "0.3"], initial: 1)]
        for cell in 0..<3 {
            var builder = page.cellBuilder()
            for k in 0...20 { try builder.add(Self.frame(cell: cell, step: k)) }
            try page.add(try builder.finish(), info: .init(runs: [.init(label: "SGD", losses: Array(repeating: "1", count: 21), final: "1")],
                                                           steps: Array(0...20)))
        }
        return try page.html()
    }

    @Test func replayingThePatchesGivesEveryFrame() throws {
        let d = try Self.decode(try page())
        #expect(d.cells.count == 3)
        for cell in 0..<3 {
            for k in [0, 1, 7, 20] {
                #expect(Self.replay(d, cell: cell, frame: k) == Self.shown(Self.frame(cell: cell, step: k)), "cell \(cell) frame \(k)")
            }
        }
    }

    @Test func theFileIsDeterministicSelfContainedAndEscaped() throws {
        let a = try page(), b = try page()
        #expect(a == b)
        let text = String(decoding: a, as: UTF8.self)
        #expect(text.components(separatedBy: "</script>").count == 2)   // only the script's own end tag
        #expect(text.contains("<title>a &lt;/script&gt; &amp; &quot;title&quot;</title>"))
        #expect(text.contains("caption &lt;b&gt;"))
        #expect(!text.contains("http://") && !text.contains("https://"))
    }

    @Test func base64MatchesFoundations() {
        for n in 0..<10 {
            let bytes = (0..<n).map { UInt8(($0 * 89 + 7) % 256) }
            #expect(InteractivePage.base64(bytes) == Data(bytes).base64EncodedString())
        }
    }

    @Test func patchesCoverOnlyWhatChanged() {
        var a = [UInt8](repeating: 255, count: 100 * 100 * 4)
        let before = Image(width: 100, height: 100, pixels: a)!
        for d in 0..<100 { a[(d * 100 + d) * 4] = 0 }   // the diagonal
        let after = Image(width: 100, height: 100, pixels: a)!
        let rect = FrameDiff.changedRect(before, after)!
        let parts = PagePatches.split(before, after, within: rect)
        #expect(parts.reduce(0) { $0 + $1.area } < rect.area / 4)
        // Every changed pixel is in exactly one part.
        for d in 0..<100 {
            #expect(parts.filter { d >= $0.x && d < $0.x + $0.width && d >= $0.y && d < $0.y + $0.height }.count == 1)
        }
    }

    @Test func aPageAsAnAnimationEncoder() throws {
        var encoder = try InteractivePageEncoder(width: 64, height: 48)
        for k in 0...5 { try encoder.addFrame(Self.frame(cell: 0, step: k), delay: 0.1) }
        let d = try Self.decode(try encoder.finish(lastFrameHold: 2))
        #expect(d.cells.count == 1 && d.cells[0].steps == Array(0...5))
        #expect(Self.replay(d, cell: 0, frame: 5) == Self.shown(Self.frame(cell: 0, step: 5)))
        #expect(throws: EncodeError.self) { try InteractivePageEncoder(width: 0, height: 10) }
        var empty = try InteractivePageEncoder(width: 4, height: 4)
        #expect(throws: EncodeError.self) { try empty.finish(lastFrameHold: nil) }
    }
}
