import ArgumentParser
import Foundation
import Gallery
import Optimization

/// The root command: renders the catalog (`--all`), lists it (`--list`), or
/// dispatches to a subcommand (`render`, `trace`).
struct Optrender: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "optrender",
        abstract: "Draw what gradient-descent optimizers do: contour plots, paths, loss curves, animations.",
        discussion: """
        Examples:
          optrender --all --out gallery/       render every built-in course figure
          optrender --list                     list the built-in figures
          optrender render my_figure.yaml --out figures/
        """,
        version: version,
        subcommands: [Render.self, Trace.self])

    @Flag(name: .long, help: "Render every figure of the built-in catalog.")
    var all = false

    @Flag(name: .long, help: "List the built-in figures with their captions.")
    var list = false

    @Flag(name: .long, help: "List the built-in objectives with their formulas and minima.")
    var listObjectives = false

    @Option(name: .long, help: "Output folder (must exist and be writable).")
    var out: String = "."

    @Option(name: .long, help: "Only catalog entries whose name contains this text.")
    var only: String?

    @OptionGroup var options: RenderOptions

    func validate() throws {
        if [all, list, listObjectives].filter({ $0 }).count > 1 {
            throw ValidationError("use one of --all, --list and --list-objectives")
        }
    }

    func run() throws {
        if listObjectives {
            for f in Objective.builtins {
                let minima = f.minima.isEmpty ? "no minimum" : "minima " + f.minima.map { "(" + $0.map { "\($0)" }.joined(separator: ", ") + ")" }.joined(separator: " ")
                print(f.name.padding(toLength: 18, withPad: " ", startingAt: 0) + f.formula + "   (" + minima + ")")
            }
            return
        }
        let specs = try loadCatalog()
        if list {
            for s in specs { print(s.name.padding(toLength: 28, withPad: " ", startingAt: 0) + (s.caption ?? "")) }
            return
        }
        guard all else {
            throw ValidationError("nothing to do: give --all, --list, or a subcommand")
        }
        let selected = only.map { o in specs.filter { $0.name.contains(o) } } ?? specs
        if let o = only, selected.isEmpty { throw ValidationError("no catalog entry matches --only '\(o)'; see --list") }
        let output = try OutputFolder(path: out)
        let renderer = try SpecRenderer(options: options)
        try renderer.renderAll(selected, to: output)
    }

    private func loadCatalog() throws -> [FigureSpec] {
        do { return try Catalog.specs() } catch { throw CLIFailure("\(error)") }
    }
}
