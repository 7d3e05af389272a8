import ArgumentParser

/// The root command: dispatches to `catalog` (the default, so `optrender --all`
/// and `optrender --list` work without naming it), `render` and `trace`.
///
/// It declares no options of its own, on purpose. swift-argument-parser lets each
/// command of the chain parse the *whole* command line in turn, root first, and
/// removes what it used: an option the root declared would take its value even
/// when written after a subcommand's name, and the subcommand's option of the
/// same name would silently keep its default (`render x.yaml --out DIR` once
/// wrote into the current folder that way, and `trace --format csv` would print
/// JSON). Options therefore live on the commands that use them.
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
        subcommands: [CatalogCommand.self, Render.self, PlotCommand.self, Trace.self],
        defaultSubcommand: CatalogCommand.self)
}
