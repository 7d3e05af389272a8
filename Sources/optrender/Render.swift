import ArgumentParser
import Dispatch
import Foundation
import Gallery

/// `optrender render SPEC.yaml…`: renders figure specs written by the user.
///
/// A file may hold several figures (a YAML list or `---` documents). Every
/// figure is decoded and built — every value checked — before any file is
/// written, and the figures built then are the ones drawn (`BuiltFigures`);
/// the figures that are fine are rendered even when others are not, each bad
/// one is reported on its own line, and the exit code is then 1.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render figure specs (YAML files in the catalog's format).")

    @Argument(help: "Spec files (YAML); each may hold several figures.")
    var specs: [String]

    @OptionGroup var options: RenderOptions

    func validate() throws {
        if specs.isEmpty { throw ValidationError("give at least one spec file") }
    }

    func run() throws {
        var built = BuiltFigures()
        let (checked, problems) = FigureCheck.validated(specs.flatMap { SpecLoader.loadAll(file: $0) },
                                                        threads: options.jobCount, keeping: &built)
        let output = try options.outputFolder()
        let total = checked.count + problems.count
        do {
            var renderer = try SpecRenderer(options: options)
            renderer.built = built
            if !checked.isEmpty { try renderer.renderAll(checked, to: output) }
        } catch {
            // The figures' own failures come after the spec problems, each on its line.
            for p in problems { FileHandle.standardError.write(Data("optrender: error: \(p)\n".utf8)) }
            throw error
        }
        guard !problems.isEmpty else { return }
        if total == 1 { throw CLIFailure(problems[0]) }
        for p in problems { FileHandle.standardError.write(Data("optrender: error: \(p)\n".utf8)) }
        let rest = checked.isEmpty ? "" : "; the others were \(options.check ? "checked" : "written")"
        throw CLIFailure("\(problems.count) of \(total) figures failed (each error above)\(rest)")
    }
}

/// Checks shared by `render` and `plot`: every figure built once before any is
/// rendered, and no two figures writing the same file.
enum FigureCheck {
    /// The figures that decode and build, and every problem, in file order;
    /// each figure built (on `threads`, `FigureBuilder.threads`) is kept in
    /// `built`, for the renderer to use rather than build it again.
    static func validated(_ results: [Result<FigureSpec, SpecError>], threads: Int,
                          keeping built: inout BuiltFigures) -> ([FigureSpec], [String]) {
        var seen: [String: Int] = [:]
        var ok: [FigureSpec] = []
        var problems: [String] = []
        for (i, result) in results.enumerated() {
            let spec: FigureSpec
            switch result {
            case .success(let s): spec = s
            case .failure(let e): problems.append(e.message); continue
            }
            if let first = seen[spec.name] {
                let at = spec.positions.position(of: "name").map { "\($0): " } ?? ""
                problems.append("\(at)name: '\(spec.name)' is also figure \(first + 1)'s name; the two would write the same file, rename one")
                continue
            }
            seen[spec.name] = i
            do {
                let start = DispatchTime.now()
                let figure = try FigureBuilder(spec: spec, threads: threads).build()
                built.add(figure, of: spec, seconds: Timings.seconds(start, .now()))
                ok.append(spec)
            } catch {
                problems.append("\(error)")
            }
        }
        return (ok, problems)
    }

    /// Prints every problem but the last on standard error and throws the last (exit 1).
    static func report(_ problems: [String]) throws {
        guard let last = problems.last else { return }
        for p in problems.dropLast() { FileHandle.standardError.write(Data("optrender: error: \(p)\n".utf8)) }
        throw CLIFailure(last)
    }
}
