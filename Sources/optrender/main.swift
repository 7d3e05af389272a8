import ArgumentParser
import Foundation

// Exit codes: 0 success, 2 usage (bad flags or arguments), 1 failure (files,
// specs, rendering). One line on stderr for any error; never a stack trace.
do {
    var command = try Optrender.parseAsRoot()
    try command.run()
} catch let failure as CLIFailure {
    FileHandle.standardError.write(Data("optrender: error: \(failure.message)\n".utf8))
    exit(1)
} catch {
    let code = Optrender.exitCode(for: error)
    if code == .success {
        print(Optrender.fullMessage(for: error))
        exit(0)
    }
    let message = Optrender.message(for: error).split(whereSeparator: \.isNewline).first.map(String.init) ?? "\(error)"
    FileHandle.standardError.write(Data("optrender: error: \(message)\n".utf8))
    if code == .validationFailure || code.rawValue == 64 { exit(2) }
    exit(1)
}
