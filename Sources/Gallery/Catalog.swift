import Foundation

/// The built-in course figures: every `*.yaml` file of the Gallery's `Catalog`
/// resource folder, in name order.
public enum Catalog {
    /// All built-in specs, sorted by name. Throws `SpecError` if the resource
    /// folder is missing or a spec is malformed (a build problem, not user input).
    public static func specs() throws -> [FigureSpec] {
        try entries().map(\.spec)
    }

    /// Every built-in spec with the file it comes from, sorted by name.
    public static func entries() throws -> [(spec: FigureSpec, file: String)] {
        let dir = try directory()
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        return try files.map { name -> (FigureSpec, String) in
            let path = dir.appendingPathComponent(name).path
            return (try SpecLoader.load(file: path), path)
        }.sorted { $0.0.name < $1.0.name }
    }

    /// The built-in spec `name` and its file, read alone from `NAME.yaml` — a
    /// process rendering one figure need not parse the whole catalog (every
    /// spec's YAML decoding costs more than drawing a small still). Nil when
    /// `name` is not a plain file name or that file does not hold the spec of
    /// that name (then look through `entries()`, which also names the closest).
    public static func entry(named name: String) throws -> (spec: FigureSpec, file: String)? {
        let plain = !name.isEmpty && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy { CharacterSet.alphanumerics.contains($0) || "_-.".unicodeScalars.contains($0) }
        guard plain else { return nil }
        let path = try directory().appendingPathComponent(name + ".yaml").path
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let spec = try SpecLoader.load(file: path)
        return spec.name == name ? (spec, path) : nil
    }

    /// The YAML text of the built-in figure `name`, comments included, exactly as
    /// it is rendered (`optrender --print-spec NAME`); nil when there is none.
    public static func text(of name: String) throws -> String? {
        guard let file = try entry(named: name)?.file ?? entries().first(where: { $0.spec.name == name })?.file else { return nil }
        return try String(contentsOfFile: file, encoding: .utf8)
    }

    /// Up to three built-in names closest to `name` (for "did you mean").
    public static func suggestions(for name: String, in names: [String]) -> [String] {
        KeySuggestion.ranked(name, in: names)
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
