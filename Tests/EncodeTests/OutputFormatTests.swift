import Testing
import Encode

/// The registry: names, extensions, kinds, and the errors for unknown ones.
@Suite struct OutputFormatTests {
    @Test func pngIsAStillAndGIFAnAnimation() throws {
        #expect(OutputFormat.all.map(\.name) == ["png", "gif", "webp", "mp4", "html", "pdf", "svg"])
        let png = try OutputFormat.named("png")
        guard case .still(let still) = png else { Issue.record("png is not a still format"); return }
        #expect(still == PNGStillEncoder.self && png.fileExtension == "png" && !png.isAnimation)
        let gif = try OutputFormat.named("GIF")
        guard case .animation(let animation) = gif else { Issue.record("gif is not an animation format"); return }
        #expect(animation == GIFAnimationEncoder.self && gif.fileExtension == "gif" && gif.isAnimation)
        for (name, encoder) in [("pdf", PDFStillEncoder.self as any DrawingEncoder.Type), ("svg", SVGStillEncoder.self)] {
            let format = try OutputFormat.named(name)
            guard case .drawing(let drawing) = format else { Issue.record("\(name) is not a drawing format"); continue }
            #expect(drawing == encoder && format.fileExtension == name && !format.isAnimation)
        }
    }

    @Test func lookupByExtensionAndPath() throws {
        #expect(try OutputFormat.forExtension("png") == OutputFormat.named("png"))
        #expect(try OutputFormat.forExtension(".GIF") == OutputFormat.named("gif"))
        #expect(try OutputFormat.forFile("figures/d2l_adam.gif").name == "gif")
        #expect(try OutputFormat.forFile("/tmp/a.b/figure.PNG").name == "png")
        #expect(try OutputFormat.forFile("slides/figure.pdf").name == "pdf")
        #expect(try OutputFormat.forFile("web/figure.SVG").name == "svg")
    }

    @Test func unknownNamesAndExtensionsListTheValidOnes() {
        #expect(throws: EncodeError("unknown format 'avi'; use one of: png, gif, webp, mp4, html, pdf, svg")) {
            try OutputFormat.named("avi")
        }
        #expect(throws: EncodeError("unknown file extension '.jpg'; use one of: .png, .gif, .webp, .mp4, .html, .pdf, .svg")) {
            try OutputFormat.forExtension("jpg")
        }
        #expect(throws: EncodeError("unknown file extension '.eps'; use one of: .png, .gif, .webp, .mp4, .html, .pdf, .svg")) {
            try OutputFormat.forFile("out/figure.eps")
        }
        #expect(throws: EncodeError("'out.d/figure' has no file extension; use one of: .png, .gif, .webp, .mp4, .html, .pdf, .svg")) {
            try OutputFormat.forFile("out.d/figure")
        }
        #expect(throws: EncodeError.self) { try OutputFormat.forFile(".png") }
        #expect(throws: EncodeError.self) { try OutputFormat.named("") }
    }
}
