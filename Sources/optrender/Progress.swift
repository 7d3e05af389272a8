import Foundation

/// What a run prints while figures render: on a terminal one updating line
/// (done/total, the figure being rendered, elapsed time); off a terminal one
/// line per figure, in spec order whatever the job count; with `--quiet` only
/// errors. Errors go to standard error, one line each, also in spec order.
final class Progress: @unchecked Sendable {
    enum Mode { case terminal, lines, quiet }

    private let lock = NSLock()
    private let mode: Mode
    private let names: [String]
    private let started = DispatchTime.now()
    private var reports: [Int: FigureReport] = [:]
    private var printed = 0
    private var done = 0
    private var current = ""
    private var lineShown = false

    init(names: [String], quiet: Bool) {
        self.names = names
        mode = quiet ? .quiet : (isatty(STDOUT_FILENO) == 1 ? .terminal : .lines)
    }

    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9 }

    func started(_ i: Int) {
        lock.lock(); defer { lock.unlock() }
        current = names[i]
        if mode == .terminal { drawLine() }
    }

    func finished(_ i: Int, _ report: FigureReport) {
        lock.lock(); defer { lock.unlock() }
        reports[i] = report
        done += 1
        // Print the finished prefix, so the log's order does not depend on timing.
        while let r = reports[printed] {
            emit(r)
            reports[printed] = nil
            printed += 1
        }
        if mode == .terminal { drawLine() }
    }

    /// Ends the terminal line before the summary.
    func finish() {
        lock.lock(); defer { lock.unlock() }
        if lineShown { Progress.out("\n"); lineShown = false }
    }

    private func emit(_ r: FigureReport) {
        // A lone figure's failure is the run's one error line, thrown by the caller.
        let errors: [String]
        if r.failure == nil { errors = r.differences } else { errors = names.count == 1 ? [] : [Progress.line(r)] }
        if !errors.isEmpty {
            if lineShown { Progress.out("\r\u{1B}[K"); lineShown = false }
            for e in errors { FileHandle.standardError.write(Data("optrender: error: \(e)\n".utf8)) }
        }
        guard mode == .lines else { return }
        let files = r.records.map { "\($0.name) (\($0.status.rawValue))" }
        if r.failure == nil { Progress.out("[\(printed + 1)/\(names.count)] \(r.name): " + (files.isEmpty ? "nothing to write" : files.joined(separator: ", ")) + "\n") }
    }

    /// A failed figure's error line, named once.
    static func line(_ r: FigureReport) -> String {
        guard let failure = r.failure else { return "" }
        return failure.hasPrefix(r.name + ":") ? failure : "\(r.name): \(failure)"
    }

    /// Writes to standard output unbuffered, so lines and the terminal line interleave correctly.
    static func out(_ text: String) { FileHandle.standardOutput.write(Data(text.utf8)) }

    private func drawLine() {
        let line = "[\(done)/\(names.count)] \(current)  \(String(format: "%.1f", elapsed)) s"
        Progress.out("\r\u{1B}[K" + line)
        lineShown = true
    }
}
