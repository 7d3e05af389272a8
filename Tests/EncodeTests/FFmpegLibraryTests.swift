import CFFmpeg
import Testing
@testable import Encode

/// FFmpeg's libraries loaded on demand (`FFmpegLibrary`): the sonames come
/// from the headers, and a library or function that does not load gives one
/// line naming it and the fix, with the process going on.
@Suite struct FFmpegLibraryTests {
    @Test func sonamesAreTheHeadersMajorVersions() throws {
        #expect(FFmpegLibrary.sonames == [
            "libavutil.so.\(LIBAVUTIL_VERSION_MAJOR)", "libswscale.so.\(LIBSWSCALE_VERSION_MAJOR)",
            "libavcodec.so.\(LIBAVCODEC_VERSION_MAJOR)", "libavformat.so.\(LIBAVFORMAT_VERSION_MAJOR)",
        ])
        // and the libraries by those names load, with x264 in libavcodec
        let ffmpeg = try FFmpegLibrary.functions()
        #expect(ffmpeg.avcodec_find_encoder_by_name("libx264") != nil)
    }

    @Test func aMissingLibraryIsNamedWithItsPackage() throws {
        var sonames = FFmpegLibrary.sonames
        sonames[1] = "libswscale.so.999"
        #expect(throws: EncodeError(
            "MP4 needs FFmpeg's libswscale.so.999, which does not load (libswscale.so.999: cannot open shared object file: "
            + "No such file or directory); install it: `apt-get install libswscale999`, or `make setup`")) {
            _ = try FFmpegLibrary(sonames: sonames)
        }
    }

    @Test func aMissingFunctionAsksForARebuild() throws {
        // libavutil in libavformat's place lacks libavformat's first function
        var sonames = FFmpegLibrary.sonames
        sonames[3] = sonames[0]
        let error = #expect(throws: EncodeError.self) { _ = try FFmpegLibrary(sonames: sonames) }
        let message = error?.message ?? ""
        #expect(message.hasPrefix("MP4 needs FFmpeg's av_find_best_stream, which \(sonames[0]) lacks ("), "\(message)")
        #expect(message.contains("undefined symbol: av_find_best_stream"), "\(message)")
        #expect(message.hasSuffix("rebuild optrender (`swift build`) with its headers installed (`make setup`)"), "\(message)")
        #expect(!message.contains("\n"))
    }
}
