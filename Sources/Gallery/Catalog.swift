import Foundation

/// The built-in course figures: every `*.yaml` file of the Gallery's `Catalog`
/// resource folder, in name order.
public enum Catalog {
    /// All built-in specs, sorted by name. Throws `SpecError` if the resource
    /// folder is missing or a spec is malformed (a build problem, not user input).
    public static func specs() throws -> [FigureSpec] {
        let dir = try directory()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { try SpecLoader.load(file: dir.appendingPathComponent($0).path) }
            .sorted { $0.name < $1.name }
    }

    /// The `Catalog` folder of SwiftPM's resource bundle for this target
    /// (`Bundle.module`, declared by `resources: [.copy("Catalog")]`).
    ///
    /// On Linux `Bundle.module` is the `optrender_Gallery.resources` folder next
    /// to the executable, else the one in the build folder it was built in; when
    /// neither exists, SwiftPM's accessor stops the process with "could not load
    /// resource bundle" (its own `fatalError`, not an error this function can
    /// throw). An install must therefore copy that folder beside the binary.
    static func directory() throws -> URL {
        guard let url = Bundle.module.url(forResource: "Catalog", withExtension: nil) else {
            throw SpecError("the resource bundle has no Catalog folder; reinstall optrender with its optrender_Gallery.resources folder")
        }
        return url
    }
}
