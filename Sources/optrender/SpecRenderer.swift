import Dispatch
import Encode
import Foundation
import Gallery
import Plot
import Raster

/// Renders specs to PNG files, in parallel; the bytes of each file depend only
/// on its spec, never on the thread count or order.
struct SpecRenderer {
    let font: Font

    init(fontPath: String?) throws {
        do { font = try fontPath.map { try Font.load(path: $0) } ?? Font.defaultFont() } catch {
            throw CLIFailure("\(error)")
        }
    }

    /// Renders every spec; reports the first failure (by spec order) after all finish.
    func renderAll(_ specs: [FigureSpec], to output: OutputFolder) throws {
        let results = ResultSlots(count: specs.count)
        DispatchQueue.concurrentPerform(iterations: specs.count) { i in
            results.set(i, Result { try render(specs[i], to: output) })
        }
        for (spec, result) in zip(specs, results.values) {
            switch result {
            case .success(let files): files.forEach { print("wrote \($0)") }
            case .failure(let e): throw (e as? CLIFailure) ?? CLIFailure("\(spec.name): \(e)")
            case nil: throw CLIFailure("\(spec.name): not rendered")
            }
        }
    }

    /// Builds, renders and writes one spec; returns the paths written.
    func render(_ spec: FigureSpec, to output: OutputFolder) throws -> [String] {
        let figure: Figure
        do { figure = try FigureBuilder(spec: spec).build() } catch { throw CLIFailure("\(error)") }
        let image = figure.render(font: font)
        let png = try PNGEncoder.encode(image)
        try output.write(png, to: "\(spec.name).png")
        return [output.url.appendingPathComponent("\(spec.name).png").path]
    }
}

/// Per-index result storage filled from concurrent workers.
final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<[String], any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ i: Int, _ r: Result<[String], any Error>) {
        lock.lock(); slots[i] = r; lock.unlock()
    }

    var values: [Result<[String], any Error>?] {
        lock.lock(); defer { lock.unlock() }
        return slots
    }
}
