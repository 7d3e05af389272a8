// FFmpeg's libraries: libavformat (the MP4 muxer), libavcodec (H.264 through
// libx264, and the decoder that reads files back), libswscale (RGB → Y'CbCr)
// and libavutil.
//
// Nothing links them: they and their dependencies (x265, vpx, dav1d, gnutls,
// …: 109 libraries more than optrender needs otherwise) would load at the
// start of every optrender process, three quarters of the CPU time of a
// `--version` and a quarter of a PNG still's, which never call them. The MP4
// code calls them through `optrender_FFmpeg`, a table of function pointers
// that `optrender_ffmpeg_load` fills with dlopen and dlsym on first use. The
// headers below still give every type, constant and inline helper, and each
// pointer's exact type (`__typeof__` of the declaration), so a call through the
// table is checked like a direct call.
#include <dlfcn.h>
#include <stdio.h>
#include <stddef.h>
#include <libavformat/avformat.h>
#include <libavcodec/avcodec.h>
#include <libavcodec/bsf.h>
#include <libswscale/swscale.h>
#include <libavutil/avutil.h>
#include <libavutil/opt.h>
#include <libavutil/imgutils.h>
#include <libavutil/error.h>

// Macros Swift cannot import, as functions.
static inline int optrender_AVERROR_EAGAIN(void) { return AVERROR(EAGAIN); }
static inline int optrender_AVERROR_EOF(void) { return AVERROR_EOF; }
static inline int64_t optrender_AV_NOPTS_VALUE(void) { return AV_NOPTS_VALUE; }
static inline int optrender_AVERROR_ENOMEM(void) { return AVERROR(ENOMEM); }

/// The four libraries, in the order they are loaded: each one's dependencies
/// among them come before it, so a missing libavutil is reported as itself,
/// not as libavcodec failing to find it.
typedef enum optrender_FFmpegLibrary {
    optrender_avutil = 0,
    optrender_swscale = 1,
    optrender_avcodec = 2,
    optrender_avformat = 3,
    optrender_ffmpeg_library_count = 4
} optrender_FFmpegLibrary;

/// Every FFmpeg function optrender calls, with the library that exports it.
/// A Swift call to a function missing here does not link (nothing provides the
/// symbol), so the list cannot fall behind the code.
#define OPTRENDER_FFMPEG_FUNCTIONS(X) \
    X(avutil, av_dict_free) \
    X(avutil, av_dict_set) \
    X(avutil, av_frame_alloc) \
    X(avutil, av_frame_free) \
    X(avutil, av_frame_get_buffer) \
    X(avutil, av_frame_make_writable) \
    X(avutil, av_free) \
    X(avutil, av_freep) \
    X(avutil, av_get_pix_fmt_name) \
    X(avutil, av_log_set_level) \
    X(avutil, av_malloc) \
    X(avutil, av_opt_set) \
    X(avutil, av_opt_set_double) \
    X(avutil, av_opt_set_int) \
    X(avutil, av_rescale_q) \
    X(avutil, av_strerror) \
    X(swscale, sws_freeContext) \
    X(swscale, sws_getCoefficients) \
    X(swscale, sws_getContext) \
    X(swscale, sws_scale) \
    X(swscale, sws_setColorspaceDetails) \
    X(avcodec, av_bsf_alloc) \
    X(avcodec, av_bsf_free) \
    X(avcodec, av_bsf_get_by_name) \
    X(avcodec, av_bsf_init) \
    X(avcodec, av_bsf_receive_packet) \
    X(avcodec, av_bsf_send_packet) \
    X(avcodec, av_packet_alloc) \
    X(avcodec, av_packet_clone) \
    X(avcodec, av_packet_free) \
    X(avcodec, av_packet_rescale_ts) \
    X(avcodec, av_packet_unref) \
    X(avcodec, avcodec_alloc_context3) \
    X(avcodec, avcodec_find_decoder) \
    X(avcodec, avcodec_find_encoder_by_name) \
    X(avcodec, avcodec_free_context) \
    X(avcodec, avcodec_open2) \
    X(avcodec, avcodec_parameters_copy) \
    X(avcodec, avcodec_parameters_from_context) \
    X(avcodec, avcodec_parameters_to_context) \
    X(avcodec, avcodec_receive_frame) \
    X(avcodec, avcodec_receive_packet) \
    X(avcodec, avcodec_send_frame) \
    X(avcodec, avcodec_send_packet) \
    X(avformat, av_find_best_stream) \
    X(avformat, av_read_frame) \
    X(avformat, av_write_frame) \
    X(avformat, av_write_trailer) \
    X(avformat, avformat_alloc_context) \
    X(avformat, avformat_alloc_output_context2) \
    X(avformat, avformat_close_input) \
    X(avformat, avformat_find_stream_info) \
    X(avformat, avformat_free_context) \
    X(avformat, avformat_new_stream) \
    X(avformat, avformat_open_input) \
    X(avformat, avformat_write_header) \
    X(avformat, avio_alloc_context) \
    X(avformat, avio_context_free) \
    X(avformat, avio_flush)

/// The loaded functions, one member per function, named like it and typed
/// exactly as its declaration in FFmpeg's headers.
typedef struct optrender_FFmpeg {
#define OPTRENDER_FFMPEG_MEMBER(from, name) __typeof__(&name) _Nonnull name;
    OPTRENDER_FFMPEG_FUNCTIONS(OPTRENDER_FFMPEG_MEMBER)
#undef OPTRENDER_FFMPEG_MEMBER
} optrender_FFmpeg;

#define OPTRENDER_STRING_(x) #x
#define OPTRENDER_STRING(x) OPTRENDER_STRING_(x)

/// The soname of `library` for the major version of the headers compiled
/// against ("libavcodec.so.59" for FFmpeg 5.1): a library of another major
/// version has another ABI, so it is not loaded even when present.
static inline const char *_Nonnull optrender_ffmpeg_soname(optrender_FFmpegLibrary library) {
    switch (library) {
    case optrender_avutil: return "libavutil.so." OPTRENDER_STRING(LIBAVUTIL_VERSION_MAJOR);
    case optrender_swscale: return "libswscale.so." OPTRENDER_STRING(LIBSWSCALE_VERSION_MAJOR);
    case optrender_avcodec: return "libavcodec.so." OPTRENDER_STRING(LIBAVCODEC_VERSION_MAJOR);
    case optrender_avformat: return "libavformat.so." OPTRENDER_STRING(LIBAVFORMAT_VERSION_MAJOR);
    default: return "";
    }
}

/// Why `optrender_ffmpeg_load` failed.
typedef struct optrender_FFmpegLoadFailure {
    /// The library that could not be opened or lacks `symbol`.
    optrender_FFmpegLibrary library;
    /// The missing function, or NULL when the library itself did not open.
    const char *_Nullable symbol;
    /// dlerror's text (it names the file and the reason).
    char detail[512];
} optrender_FFmpegLoadFailure;

/// Opens the libraries named by `sonames` (indexed by `optrender_FFmpegLibrary`)
/// with `RTLD_NOW | RTLD_LOCAL`, so their symbols resolve now and stay out of
/// the global namespace, and fills every member of `table` with dlsym. Returns
/// 1 when all is done; 0 when a library does not open or lacks a function,
/// with the first such failure in `failure`. Libraries stay loaded for the rest
/// of the process, also those opened before a failure: unloading FFmpeg's tree
/// of dependencies (x265, gnutls, …, some with thread-local destructors) is a
/// risk for no gain in a process about to report the error. dlerror is per
/// thread, so concurrent calls do not mix their reasons.
static inline int optrender_ffmpeg_load(optrender_FFmpeg *_Nonnull table,
                                        const char *_Nonnull const *_Nonnull sonames,
                                        optrender_FFmpegLoadFailure *_Nonnull failure) {
    void *handles[optrender_ffmpeg_library_count] = {0};
    failure->symbol = NULL;
    failure->detail[0] = 0;
    for (int library = 0; library < optrender_ffmpeg_library_count; library++) {
        handles[library] = dlopen(sonames[library], RTLD_NOW | RTLD_LOCAL);
        if (!handles[library]) {
            const char *reason = dlerror();
            failure->library = (optrender_FFmpegLibrary)library;
            snprintf(failure->detail, sizeof failure->detail, "%s", reason ? reason : "dlopen failed");
            return 0;
        }
    }
#define OPTRENDER_FFMPEG_RESOLVE(from, name) \
    { \
        void *symbol = dlsym(handles[optrender_##from], #name); \
        if (!symbol) { \
            const char *reason = dlerror(); \
            failure->library = optrender_##from; \
            failure->symbol = #name; \
            snprintf(failure->detail, sizeof failure->detail, "%s", reason ? reason : "dlsym failed"); \
            return 0; \
        } \
        table->name = (__typeof__(&name))symbol; \
    }
    OPTRENDER_FFMPEG_FUNCTIONS(OPTRENDER_FFMPEG_RESOLVE)
#undef OPTRENDER_FFMPEG_RESOLVE
    return 1;
}
