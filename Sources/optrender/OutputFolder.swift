import Foundation

/// The folder figures are written to. Files are written to a temporary name in
/// the same folder and renamed, so a reader never sees half a file and a failed
/// render leaves nothing behind.
struct OutputFolder {
    let url: URL

    /// Throws `CLIFailure` when the folder is missing, not a folder, or not writable.
    init(path: String) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIFailure("output folder '\(path)' does not exist; create it (mkdir -p \(path)) or pass another --out")
        }
        guard isDir.boolValue else { throw CLIFailure("'\(path)' is a file, not a folder; pass a folder to --out") }
        guard FileManager.default.isWritableFile(atPath: path) else {
            throw CLIFailure("output folder '\(path)' is not writable; fix its permissions or pass another --out")
        }
        url = URL(fileURLWithPath: path, isDirectory: true)
    }

    /// Writes `bytes` to `name` atomically (temporary file + rename).
    func write(_ bytes: [UInt8], to name: String) throws {
        let target = url.appendingPathComponent(name)
        let temp = url.appendingPathComponent(".\(name).\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temp)
            if rename(temp.path, target.path) != 0 {
                throw CLIFailure("cannot write '\(target.path)': \(String(cString: strerror(errno)))")
            }
        } catch let e as CLIFailure {
            try? FileManager.default.removeItem(at: temp)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw CLIFailure("cannot write '\(target.path)': \(error.localizedDescription)")
        }
    }
}
