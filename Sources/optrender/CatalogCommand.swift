import ArgumentParser
import Gallery
import Optimization

/// `optrender catalog` (the default subcommand, so its name may be left out):
/// renders the built-in catalog (`--all`), lists it (`--list`) or the built-in
/// objectives (`--list-objectives`). Without one of the three it is a usage error.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Render or list the built-in figures (the default: `optrender --all` = `optrender catalog --all`).")

    @Flag(name: .long, help: "Render every figure of the built-in catalog.")
    var all = false

    @Flag(name: .long, help: "List the built-in figures with their captions.")
    var list = false

    @Flag(name: .long, help: "List the built-in objectives with their formulas and minima.")
    var listObjectives = false

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
        let output = try options.outputFolder()
        let renderer = try SpecRenderer(options: options)
        try renderer.renderAll(selected, to: output, index: only == nil)
    }

    private func loadCatalog() throws -> [FigureSpec] {
        do { return try Catalog.specs() } catch { throw CLIFailure("\(error)") }
    }
}
