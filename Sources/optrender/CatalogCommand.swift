import ArgumentParser
import Gallery
import Optimization

/// `optrender catalog` (the default subcommand, so its name may be left out):
/// renders the built-in catalog (`--all`), the figures named (`optrender d2l_sgd
/// d2l_adam --out DIR`), lists it (`--list`) or the built-in objectives
/// (`--list-objectives`), or prints a built-in spec (`--print-spec NAME`).
/// Without one of these it is a usage error.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Render or list the built-in figures (the default: `optrender --all` = `optrender catalog --all`).")

    @Argument(help: ArgumentHelp("Built-in figures to render, by exact name (see --list).", valueName: "name"))
    var names: [String] = []

    @Flag(name: .long, help: "Render every figure of the built-in catalog.")
    var all = false

    @Option(name: .long, help: ArgumentHelp("Print the built-in figure's YAML spec (render it with `optrender render`).", valueName: "name"))
    var printSpec: String?

    @Flag(name: .long, help: "List the built-in figures with their captions.")
    var list = false

    @Flag(name: .long, help: "List the built-in objectives with their formulas and minima.")
    var listObjectives = false

    @Option(name: .long, help: "Only catalog entries whose name contains this text.")
    var only: String?

    @OptionGroup var options: RenderOptions

    func validate() throws {
        if [all, list, listObjectives, printSpec != nil, !names.isEmpty].filter({ $0 }).count > 1 {
            throw ValidationError("use one of NAME…, --all, --list, --list-objectives and --print-spec")
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
        // One figure or a few by name: read only their files (the whole
        // catalog only when one is not found, to name the closest).
        if !names.isEmpty, let selected = try namedFiles(names) {
            try SpecRenderer(options: options).renderAll(selected, to: options.outputFolder())
            return
        }
        if let name = printSpec, try namedFiles([name]) != nil {
            print(try Catalog.text(of: name) ?? "", terminator: "")
            return
        }
        let specs = try loadCatalog()
        if let name = printSpec {
            _ = try named([name], in: specs)
            let text: String?
            do { text = try Catalog.text(of: name) } catch { throw CLIFailure("\(error)") }
            print(text ?? "", terminator: "")
            return
        }
        if !names.isEmpty {
            let selected = try named(names, in: specs)
            try SpecRenderer(options: options).renderAll(selected, to: options.outputFolder())
            return
        }
        if list {
            for s in specs { print(s.name.padding(toLength: 28, withPad: " ", startingAt: 0) + (s.caption ?? "")) }
            return
        }
        guard all else {
            throw ValidationError("nothing to do: give figure names, --all, --list, or a subcommand")
        }
        let selected = only.map { o in specs.filter { $0.name.contains(o) } } ?? specs
        if let o = only, selected.isEmpty { throw ValidationError("no catalog entry matches --only '\(o)'; see --list") }
        let output = try options.outputFolder()
        let renderer = try SpecRenderer(options: options)
        try renderer.renderAll(selected, to: output, index: only == nil)
    }

    /// The built-in specs with these exact names, in the order given; an unknown
    /// name is a usage error with the closest names.
    private func named(_ wanted: [String], in specs: [FigureSpec]) throws -> [FigureSpec] {
        let all = specs.map(\.name)
        var seen = Set<String>()
        return try wanted.compactMap { name in
            guard let spec = specs.first(where: { $0.name == name }) else {
                let close = Catalog.suggestions(for: name, in: all)
                let hint = close.isEmpty ? "" : "did you mean " + close.joined(separator: ", ") + "? "
                throw ValidationError("no built-in figure named '\(name)'; \(hint)see --list (or --only TEXT to match part of a name)")
            }
            return seen.insert(name).inserted ? spec : nil
        }
    }

    /// The built-in specs with these names, in the order given and each once,
    /// each read from its own file; nil when one is not found that way.
    private func namedFiles(_ wanted: [String]) throws -> [FigureSpec]? {
        var seen = Set<String>(), specs: [FigureSpec] = []
        for name in wanted where seen.insert(name).inserted {
            let entry: (spec: FigureSpec, file: String)?
            do { entry = try Catalog.entry(named: name) } catch { throw CLIFailure("\(error)") }
            guard let entry else { return nil }
            specs.append(entry.spec)
        }
        return specs
    }

    private func loadCatalog() throws -> [FigureSpec] {
        do { return try Catalog.specs() } catch { throw CLIFailure("\(error)") }
    }
}
