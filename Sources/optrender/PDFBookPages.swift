import Encode
import Foundation
import Plot
import Raster

/// `--pdf-book FILE.pdf`: the stills of a render collected as the pages of one
/// PDF, one figure a page at its own size, in catalog order whatever order the
/// `--jobs` finish in.
///
/// Figures are kept (they are data, not pixels) and drawn once, in order, when
/// everything has rendered; a figure that failed has no page.
final class PDFBookPages: @unchecked Sendable {
    private let lock = NSLock()
    private var figures: [String: Figure] = [:]

    func add(_ figure: Figure, named name: String) {
        lock.lock(); defer { lock.unlock() }
        figures[name] = figure
    }

    /// Writes the pages of the figures named in `order` to `path` (atomically:
    /// the file is whole or absent).
    /// - Throws: `CLIFailure` when no figure rendered, cairo fails or the file
    ///   cannot be written.
    func write(order: [String], font: Font, to path: String) throws {
        lock.lock(); defer { lock.unlock() }
        var book = PDFBook()
        var pages = 0
        do {
            for name in order {
                guard let figure = figures[name] else { continue }
                try book.addPage(widthPx: figure.pixelWidth, heightPx: figure.pixelHeight, dpi: figure.dpi) { canvas in
                    figure.draw(on: &canvas, font: font)
                }
                pages += 1
            }
            guard pages > 0 else { throw CLIFailure("--pdf-book: no figure rendered, so '\(path)' was not written") }
            let bytes = try book.finish()
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let e as CLIFailure {
            throw e
        } catch {
            throw CLIFailure("--pdf-book: cannot write '\(path)': \(error.localizedDescription)")
        }
    }
}
