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
    /// `Bundle.module` is the `optrender_Gallery.resources` folder next to the
    /// executable (the test runner's too), else the one in the folder it was
    /// built in; when neither exists SwiftPM's accessor stops the process
    /// (its own `fatalError`). So the bundle is touched only once the folder
    /// next to the executable is known to be there: a binary copied without it
    /// gets this one-line error instead of a crash.
    static func directory() throws -> URL {
        let missing = SpecError("built-in catalog not found: copy the optrender_Gallery.resources folder next to the optrender executable")
        #if os(Linux)
        let beside = Bundle.main.bundleURL.appendingPathComponent("optrender_Gallery.resources")
        guard FileManager.default.fileExists(atPath: beside.path) else { throw missing }
        #endif
        guard let url = Bundle.module.url(forResource: "Catalog", withExtension: nil) else { throw missing }
        return url
    }
}
