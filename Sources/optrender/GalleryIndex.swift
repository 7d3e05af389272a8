import Encode
import Foundation
import Gallery

/// The gallery's own pages, written with its images when the whole catalog is
/// rendered: `README.md` (a git host shows it as a browsable gallery, one
/// section per source) and `manifest.json` (one entry per file). Both are
/// deterministic: sorted, no timestamps, no absolute paths.
enum GalleryIndex {
    static let readmeName = "README.md"
    static let manifestName = "manifest.json"

    /// The sources, in the order of the README's sections.
    static let sections: [(seed: String?, title: String, about: String)] = [
        ("000", "Seed 000 — the d2l notebook", "LongGang Pang's notebook *Visualizing SGD, Momentum, Adagrad and RMSProp* (d2l's update rules, on f = 0.1·x1² + 2·x2²)."),
        ("001", "Seed 001 — the PyTorch post", "A PyTorch note on the learning rate and momentum (y = 4x², exponentially weighted averages)."),
        ("002", "Seed 002 — the “Deep Learning from Scratch” notebook", "The notebook of chapter 6 of *Deep Learning from Scratch* (SGD, Momentum, AdaGrad on f = x²/20 + y²)."),
        ("004", "Seed 004 — the Paddle book", "Chapter 7 of *Neural Networks and Deep Learning: Cases and Practice* (PaddlePaddle): optimizers on a sphere and on the book's \"saddle\" function (a minimum at (0, 0), its saddle point at (0.25, −0.5)), the fitting and batch-size experiments."),
        (nil, "Classic test functions", "Optimizers racing on the usual test functions of optimization."),
    ]

    /// manifest.json: an array of file entries sorted by path.
    static func manifest(_ entries: [(facts: GalleryFacts, record: FileRecord)]) -> String {
        let rows = entries.sorted { $0.record.name < $1.record.name }.map { e -> String in
            let r = e.record
            return "  {\"name\": \(json(e.facts.name)), \"path\": \(json(r.name)), \"format\": \(json(r.format)), "
                + "\"width\": \(r.width), \"height\": \(r.height), \"frames\": \(r.frames), \"bytes\": \(r.size), "
                + "\"sha256\": \(json(r.sha256)), \"spec\": \(json(e.facts.catalogPath))}"
        }
        return "[\n" + rows.joined(separator: ",\n") + "\n]\n"
    }

    /// README.md: one section per source, each figure with its caption, images,
    /// function, optimizers with their hyperparameters, and the command that
    /// reproduces it.
    static func readme(_ figures: [(facts: GalleryFacts, files: [FileRecord])], out: String) -> String {
        var s = "# Gallery\n\nEvery figure of optrender's built-in catalog, rendered by `optrender --all --out \(out)`. "
        s += "Do not edit these files by hand: CI runs `optrender --all --check --out \(out)`, which fails when they differ from what the code renders.\n\n"
        s += "| section | figures |\n| --- | --- |\n"
        let known = Set(sections.compactMap(\.seed))
        let grouped = sections.map { section in
            (section, figures.filter { section.seed == nil ? !known.contains($0.facts.seed ?? "") : $0.facts.seed == section.seed })
        }
        for (section, members) in grouped where !members.isEmpty {
            s += "| [\(section.title)](#\(anchor(section.title))) | \(members.count) |\n"
        }
        for (section, members) in grouped where !members.isEmpty {
            s += "\n## \(section.title)\n\n\(section.about)\n"
            for f in members.sorted(by: { $0.facts.name < $1.facts.name }) { s += figure(f.facts, f.files, out: out) }
        }
        return s
    }

    private static func figure(_ facts: GalleryFacts, _ files: [FileRecord], out: String) -> String {
        var s = "\n### \(facts.name)\n\n"
        if !facts.caption.isEmpty { s += "\(facts.caption)\n\n" }
        let frames = files.filter { $0.name.contains("/") && $0.name.hasSuffix(".png") }.count
        for file in files.sorted(by: { $0.name < $1.name }) {
            if file.format == "html" {
                s += "[\(facts.name) (interactive page, \(file.size / 1024) KiB)](\(file.name))\n"
                continue
            }
            let kind = file.frames > 1 ? "animation, \(file.frames) frames" : "still"
            if file.name.contains("/") {   // --frames: one link to the beamer line, not every frame
                if file.name.hasSuffix(".tex") { s += "[\(facts.name) (\(frames) frames for LaTeX beamer)](\(file.name))\n" }
            } else if file.format == "mp4" {   // Markdown shows images, not video: a link
                s += "[\(facts.name) (MP4 video, \(kind))](\(file.name))\n"
            } else if file.format == "pdf" {   // nor PDF documents
                s += "[\(facts.name) (PDF, vector)](\(file.name))\n"
            } else {
                s += "![\(facts.name) (\(kind))](\(file.name))\n"
            }
        }
        if !facts.functions.isEmpty {
            s += "\nFunction: " + facts.functions.map { "`\($0)`" }.joined(separator: "; ") + "\n"
        }
        if !facts.runs.isEmpty {
            s += "\n| optimizer and hyperparameters | start | steps |\n| --- | --- | --- |\n"
            for r in facts.runs {
                let start = "(" + r.start.map { number($0) }.joined(separator: ", ") + ")"
                s += "| `\(r.optimizer.replacingOccurrences(of: "|", with: "\\|"))` | \(start) | \(r.steps) |\n"
            }
        }
        s += "\nReproduce: `optrender render \(facts.catalogPath) --out \(out)`\n"
        return s
    }

    static func number(_ x: Double) -> String {
        x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
    }

    /// GitHub's heading anchor: lowercase, spaces to '-', punctuation dropped.
    static func anchor(_ title: String) -> String {
        String(title.lowercased().compactMap { c -> Character? in
            c == " " ? "-" : (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : nil
        })
    }

    static func json(_ text: String) -> String {
        var s = "\""
        for u in text.unicodeScalars {
            switch u {
            case "\"": s += "\\\""
            case "\\": s += "\\\\"
            case "\n": s += "\\n"
            case "\t": s += "\\t"
            case "\r": s += "\\r"
            default:
                if u.value < 0x20 { s += String(format: "\\u%04x", u.value) } else { s.unicodeScalars.append(u) }
            }
        }
        return s + "\""
    }
}

extension SpecRenderer {
    /// Writes (or, with `--check`, compares) README.md and manifest.json for
    /// `specs`, all of which rendered; with `--check` also reports the image
    /// files in the folder that no figure writes. Returns the index files'
    /// records and one line per problem ("stale: …", "missing: …", "extra: …",
    /// or a write failure).
    func writeIndex(for specs: [FigureSpec], reports: [FigureReport], to output: OutputFolder) -> ([FileRecord], [String]) {
        let facts = Dictionary(specs.map { ($0.name, GalleryFacts($0)) }, uniquingKeysWith: { a, _ in a })
        let figures = reports.compactMap { r in facts[r.name].map { (facts: $0, files: r.records) } }
        // The catalog's home in this repository, however --out was spelt, so the
        // page is the same bytes for `--out gallery`, `gallery/` or `./gallery`.
        let out = "gallery/"
        let pages = [
            (GalleryIndex.readmeName, GalleryIndex.readme(figures, out: out)),
            (GalleryIndex.manifestName, GalleryIndex.manifest(figures.flatMap { f in f.files.map { (f.facts, $0) } })),
        ]
        var records: [FileRecord] = [], problems: [String] = []
        for (name, text) in pages {
            let bytes = Array(text.utf8)
            var status = FileRecord.Status.upToDate
            if options.check {
                let existing = output.existing(name)
                if existing != bytes {
                    status = existing == nil ? .missing : .stale
                    problems.append("\(status.rawValue): \(output.display(name))")
                }
            } else {
                do { status = try output.write(bytes, to: name) == .written ? .written : .unchanged } catch {
                    problems.append((error as? CLIFailure)?.message ?? "\(error)")
                    continue
                }
            }
            records.append(FileRecord(name: name, format: "text", width: 0, height: 0, frames: 0, size: bytes.count,
                                      sha256: SHA256.hex(bytes), status: status))
        }
        if options.check {
            let expected = Set(reports.flatMap { $0.records.map(\.name) } + pages.map(\.0))
            let extensions = Set(OutputFormat.all.map(\.fileExtension) + ["json", "md"])
            let present = (try? FileManager.default.contentsOfDirectory(atPath: output.url.path)) ?? []
            for name in present.sorted() where !expected.contains(name) && !name.hasPrefix(".")
                && extensions.contains((name as NSString).pathExtension.lowercased()) {
                problems.append("extra: \(output.display(name)) (no figure writes it; delete it)")
            }
        }
        return (records, problems)
    }
}
