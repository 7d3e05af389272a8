import ArgumentParser
import Foundation
import Gallery

/// `optrender render SPEC.yaml…`: renders figure specs written by the user.
struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render figure specs (YAML files in the catalog's format).")

    @Argument(help: "Spec files (YAML).")
    var specs: [String]

    @OptionGroup var options: RenderOptions

    func validate() throws {
        if specs.isEmpty { throw ValidationError("give at least one spec file") }
    }

    func run() throws {
        let loaded: [FigureSpec]
        do { loaded = try specs.map { try SpecLoader.load(file: $0) } } catch { throw CLIFailure("\(error)") }
        let output = try OutputFolder(path: options.out)
        try SpecRenderer(options: options).renderAll(loaded, to: output)
    }
}
