/// A failure that is not a usage error (exit code 1): unwritable output, a bad
/// spec file, a missing font. The message is one line naming the problem and the fix.
struct CLIFailure: Error, CustomStringConvertible {
    let message: String

    init(_ message: String) { self.message = message }

    var description: String { message }
}
