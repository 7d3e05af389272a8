import Foundation

extension OutputFolder {
    /// The folder and plain file name a rendered file goes to: `NAME.png` is
    /// this folder's; `NAME/NAME-000.png` (a frame sequence, one level deep,
    /// both parts plain names) is in the subfolder `NAME`, made when `creating`.
    /// Without `creating` (`--check`) a missing subfolder reads as missing files.
    ///
    /// - Throws: `CLIFailure` for a deeper or unsafe path, or a subfolder that
    ///   cannot be made (with the reason).
    func nested(_ name: String, creating: Bool) throws -> (OutputFolder, String) {
        let parts = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            if parts.count == 1 { return (self, name) }
            throw CLIFailure("'\(name)' is more than one folder deep; figures write plain names or NAME/FILE")
        }
        let (folder, file) = (parts[0], parts[1])
        if let problem = OutputFolder.problem(withName: folder) ?? OutputFolder.problem(withName: file) { throw CLIFailure(problem) }
        let path = url.appendingPathComponent(folder).path
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && !isDirectory.boolValue {
            throw CLIFailure("'\(display(folder))' is a file, but the frames go into a folder of that name; move the file away")
        }
        if !exists {
            guard creating else { return (self, name) }   // existing(name) is nil: every file reads as missing
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false) } catch {
                if !FileManager.default.fileExists(atPath: path) {
                    throw CLIFailure("cannot make the folder '\(display(folder))': \(error.localizedDescription)")
                }
            }
        }
        return (try OutputFolder(path: display(folder), writable: creating, writer: writer), file)
    }
}
