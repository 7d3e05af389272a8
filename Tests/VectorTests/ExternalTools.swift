import Encode
import Foundation
import Raster

/// The converters the vector tests check output with — poppler's `pdftoppm` and
/// `pdftotext`, librsvg's `rsvg-convert` (Debian poppler-utils, librsvg2-bin;
/// `make setup` installs them) — run on files in a fresh temporary folder.
enum ExternalTools {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A new empty folder under the system's temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("optrender-vector-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs `tool` (looked up on PATH) with `arguments`; its standard output.
    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else {
            throw Failure(description: "\(tool) \(arguments.joined(separator: " ")) failed: "
                          + (String(data: errors, encoding: .utf8) ?? "exit \(p.terminationStatus)"))
        }
        return data
    }

    /// The first page of `pdf` rasterized by poppler to exactly `width × height` pixels.
    static func rasterizePDF(_ pdf: URL, width: Int, height: Int) throws -> Image {
        let stem = pdf.deletingPathExtension().path + "-poppler"
        try run("pdftoppm", ["-png", "-singlefile", "-scale-to-x", "\(width)", "-scale-to-y", "\(height)", pdf.path, stem])
        return try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: stem + ".png"))))
    }

    /// The first page of `pdf` rasterized by poppler at `dpi`.
    static func rasterizePDF(_ pdf: URL, dpi: Int) throws -> Image {
        let stem = pdf.deletingPathExtension().path + "-poppler\(dpi)"
        try run("pdftoppm", ["-png", "-singlefile", "-r", "\(dpi)", pdf.path, stem])
        return try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: stem + ".png"))))
    }

    /// `svg` rasterized by librsvg to `width × height` pixels.
    static func rasterizeSVG(_ svg: URL, width: Int, height: Int) throws -> Image {
        let png = svg.deletingPathExtension().path + "-rsvg.png"
        try run("rsvg-convert", ["-w", "\(width)", "-h", "\(height)", "-o", png, svg.path])
        return try PNGDecoder.decode(Array(try Data(contentsOf: URL(fileURLWithPath: png))))
    }

    /// The text poppler extracts from `pdf`.
    static func text(of pdf: URL) throws -> String {
        String(decoding: try run("pdftotext", [pdf.path, "-"]), as: UTF8.self)
    }
}
