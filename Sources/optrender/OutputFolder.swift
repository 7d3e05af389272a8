import Foundation

/// The folder figures are written to. Files are written to a temporary name in
/// the same folder and renamed, so a reader never sees half a file and a failed
/// write leaves nothing behind; a file whose bytes would not change is not
/// rewritten (its mtime stays). Names are plain file names: nothing is ever
/// written outside the folder, whatever a spec's `name` says.
struct OutputFolder: Sendable {
    let url: URL

    /// What `write` did.
    enum Outcome: Sendable, Equatable { case written, unchanged }

    /// Writes all of `bytes` to an open descriptor, or throws. Replaceable so a
    /// test can inject a full disk.
    typealias Writer = @Sendable (_ fd: Int32, _ bytes: [UInt8]) throws -> Void

    let writer: Writer

    /// Throws `CLIFailure` when the folder is missing, not a folder, or (when
    /// `writable`) not writable. `--check` reads only, so it asks for less.
    init(path: String, writable: Bool = true, writer: @escaping Writer = OutputFolder.posixWrite) throws {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw CLIFailure("output folder '\(path)' does not exist; create it (mkdir -p \(path)) or pass another --out")
        }
        guard isDir.boolValue else { throw CLIFailure("'\(path)' is a file, not a folder; pass a folder to --out") }
        guard !writable || FileManager.default.isWritableFile(atPath: path) else {
            throw CLIFailure("output folder '\(path)' is not writable; fix its permissions or pass another --out")
        }
        url = URL(fileURLWithPath: path, isDirectory: true)
        self.path = path
        self.writer = writer
    }

    /// The folder as the user named it.
    let path: String

    /// `name` inside the folder, as the user would write it (for messages).
    func display(_ name: String) -> String {
        path.hasSuffix("/") ? path + name : path + "/" + name
    }

    /// Nil when `name` is a plain file name that stays inside the folder; else
    /// the problem with its fix.
    static func problem(withName name: String) -> String? {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-.")
        if name.isEmpty || name.hasPrefix(".") || !name.allSatisfy({ allowed.contains($0) }) || name.utf8.count > 200 {
            return "name '\(name)' is not a plain file name; use letters, digits, '_', '-' and '.' (not first), at most 200"
        }
        return nil
    }

    /// The existing file's bytes, or nil when it does not exist or cannot be read.
    func existing(_ name: String) -> [UInt8]? {
        guard OutputFolder.problem(withName: name) == nil,
              let data = FileManager.default.contents(atPath: url.appendingPathComponent(name).path) else { return nil }
        return [UInt8](data)
    }

    /// Writes `bytes` to `name` atomically (temporary file in this folder +
    /// rename), unless the file already holds exactly these bytes. Throws a
    /// one-line `CLIFailure`; the temporary file is removed on every failure.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> Outcome {
        if let problem = OutputFolder.problem(withName: name) { throw CLIFailure(problem) }
        if existing(name) == bytes { return .unchanged }
        let target = url.appendingPathComponent(name).path
        let shown = display(name)
        let temp = url.appendingPathComponent(".\(name).\(getpid()).\(TemporaryFiles.shared.nextSerial()).tmp").path
        guard let fd = TemporaryFiles.shared.create(temp) else {
            throw CLIFailure("cannot write '\(shown)': \(String(cString: strerror(errno))); check the folder's space and permissions")
        }
        do {
            try writer(fd, bytes)
            if fsync(fd) != 0 { throw WriteErrno(errno) }
            close(fd)
            if rename(temp, target) != 0 { throw WriteErrno(errno) }
            TemporaryFiles.shared.forget(temp)
            return .written
        } catch {
            close(fd)
            TemporaryFiles.shared.remove(temp)
            let reason = (error as? WriteErrno).map { String(cString: strerror($0.code)) } ?? "\(error)"
            throw CLIFailure("cannot write '\(shown)': \(reason); nothing was written (free some space or fix permissions)")
        }
    }

    /// `write(2)` until every byte is written; throws the errno (ENOSPC, EIO…).
    static let posixWrite: Writer = { fd, bytes in
        try bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw WriteErrno(errno)
                }
                done += n
            }
        }
    }
}

/// A POSIX error code thrown by the writer.
struct WriteErrno: Error { let code: Int32; init(_ code: Int32) { self.code = code } }
