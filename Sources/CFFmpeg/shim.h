// FFmpeg's libraries: libavformat (the MP4 muxer), libavcodec (H.264 through
// libx264, and the decoder that reads files back), libswscale (RGB → Y'CbCr)
// and libavutil.
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
