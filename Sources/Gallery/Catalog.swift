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

    /// The catalog folder: inside the resource bundle next to the executable,
    /// or SwiftPM's `Bundle.module` location.
    static func directory() throws -> URL {
        let fm = FileManager.default
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        for bundle in ["optrender_Gallery.resources", "optrender_Gallery.bundle/Contents/Resources"] {
            candidates.append(exe.deletingLastPathComponent().appendingPathComponent(bundle).appendingPathComponent("Catalog"))
        }
        candidates.append(Bundle.main.bundleURL.appendingPathComponent("optrender_Gallery.resources/Catalog"))
        // Tests and `swift run`: the source folder itself.
        candidates.append(URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Catalog"))
        if let found = candidates.first(where: { fm.fileExists(atPath: $0.path) }) { return found }
        throw SpecError("built-in catalog not found next to the executable; reinstall optrender with its optrender_Gallery.resources folder")
    }
}
