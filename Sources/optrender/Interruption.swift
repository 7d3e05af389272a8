import Dispatch
import Foundation

/// The temporary files being written right now, so that SIGINT and SIGTERM can
/// remove them before the process stops: an interrupted run leaves the output
/// folder as it was, plus whole files already renamed into place.
final class TemporaryFiles: @unchecked Sendable {
    static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var paths: Set<String> = []
    private var serial = 0
    private var stopping = false

    /// A number unique within this process, for temporary names.
    func nextSerial() -> Int {
        lock.lock(); defer { lock.unlock() }
        serial += 1
        return serial
    }

    /// Creates `path` exclusively (mode 0644) and remembers it; nil with errno
    /// set when it cannot be created. Registered under the lock, so a signal
    /// arriving meanwhile either sees the file or stops before it exists.
    func create(_ path: String) -> Int32? {
        lock.lock(); defer { lock.unlock() }
        if stopping { return nil }
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return nil }
        paths.insert(path)
        return fd
    }

    /// The file was renamed into place: nothing to clean up.
    func forget(_ path: String) {
        lock.lock(); paths.remove(path); lock.unlock()
    }

    /// Removes the file and forgets it.
    func remove(_ path: String) {
        lock.lock(); unlink(path); paths.remove(path); lock.unlock()
    }

    /// Removes every temporary file and keeps new ones from being created.
    /// The lock stays held: a worker about to create one waits until the exit.
    func removeAllAndHold() {
        lock.lock()
        stopping = true
        for p in paths { unlink(p) }
        paths.removeAll()
    }
}

/// SIGINT and SIGTERM stop the process promptly (exit 130 / 143) after removing
/// the temporary files; figures already renamed into place stay, whole.
enum Interruption {
    nonisolated(unsafe) private static var sources: [any DispatchSourceSignal] = []
    private static let lock = NSLock()

    /// Installs the handlers once per process (later calls do nothing).
    static func install() {
        lock.lock(); defer { lock.unlock() }
        guard sources.isEmpty else { return }
        for (signo, code) in [(SIGINT, Int32(130)), (SIGTERM, Int32(143))] {
            signal(signo, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signo, queue: DispatchQueue(label: "optrender.signal.\(signo)"))
            source.setEventHandler {
                TemporaryFiles.shared.removeAllAndHold()
                FileHandle.standardError.write(Data("\noptrender: interrupted; no partial file was left\n".utf8))
                _exit(code)
            }
            source.resume()
            sources.append(source)
        }
    }
}
