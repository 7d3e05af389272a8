import CFFmpeg
import Glibc

/// FFmpeg's libraries (libavutil, libswscale, libavcodec, libavformat), loaded
/// when the first MP4 is encoded or decoded instead of linked into optrender.
///
/// Linked, they and their dependencies (109 more libraries than optrender
/// needs otherwise) load at the start of every process: a `--version` took
/// 38 ms of CPU and 45 MiB with them, 9 ms and 23 MiB without (DESIGN.md), and
/// every PNG still paid the same for libraries it never calls. Loaded here,
/// only a process that writes or reads an MP4 pays, once: the libraries stay
/// loaded until it exits.
/// The MP4 code calls FFmpeg through `functions` (`ffmpeg.avcodec_open2(…)`),
/// whose members have the exact types of FFmpeg's declarations.
final class FFmpegLibrary: Sendable {
    /// Every function of `OPTRENDER_FFMPEG_FUNCTIONS` (Sources/CFFmpeg/shim.h),
    /// all set: loading fails otherwise.
    let functions: optrender_FFmpeg

    /// The sonames of the headers compiled against, in the loader's order:
    /// `["libavutil.so.57", "libswscale.so.6", "libavcodec.so.59",
    /// "libavformat.so.59"]` for FFmpeg 5.1.
    static let sonames: [String] = (0..<optrender_ffmpeg_library_count.rawValue).map {
        String(cString: optrender_ffmpeg_soname(optrender_FFmpegLibrary(rawValue: $0)))
    }

    /// The process's one attempt, made on first use; a `static let`, so
    /// concurrent first uses wait for the one load.
    private static let shared = Result { () throws(EncodeError) in try FFmpegLibrary(sonames: sonames) }

    /// The loaded functions.
    ///
    /// - Throws: `EncodeError` naming the library or function that did not
    ///   load and the fix (the same error on every call).
    static func functions() throws(EncodeError) -> optrender_FFmpeg {
        try shared.get().functions
    }

    /// Loads the libraries named `sonames` (one per library, in the order of
    /// `FFmpegLibrary.sonames`, which the process's load uses; tests pass
    /// others) and
    /// sets FFmpeg's log level to quiet: failures come back as return codes,
    /// which the MP4 code reports itself.
    ///
    /// - Throws: `EncodeError`, one line: a library that does not open (with
    ///   the package that installs it), or a function it lacks (built against
    ///   other headers: rebuild).
    init(sonames: [String]) throws(EncodeError) {
        precondition(sonames.count == Int(optrender_ffmpeg_library_count.rawValue), "one soname per FFmpeg library")
        let table = UnsafeMutablePointer<optrender_FFmpeg>.allocate(capacity: 1)
        defer { table.deallocate() }
        var failure = optrender_FFmpegLoadFailure()
        let names = sonames.map { UnsafePointer(strdup($0)!) }
        defer { for name in names { free(UnsafeMutablePointer(mutating: name)) } }
        guard optrender_ffmpeg_load(table, names, &failure) == 1 else {
            let soname = sonames[Int(failure.library.rawValue)]
            let detail = withUnsafeBytes(of: failure.detail) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let symbol = failure.symbol.map({ String(cString: $0) }) else {
                let package = soname.replacing(".so.", with: "")
                throw EncodeError("MP4 needs FFmpeg's \(soname), which does not load (\(detail)); install it: "
                                  + "`apt-get install \(package)`, or `make setup`")
            }
            throw EncodeError("MP4 needs FFmpeg's \(symbol), which \(soname) lacks (\(detail)); this FFmpeg is not the one "
                              + "optrender was built against: rebuild optrender (`swift build`) with its headers installed (`make setup`)")
        }
        functions = table.move()
        functions.av_log_set_level(AV_LOG_QUIET)
    }
}
