// libwebp: the animation encoder (WebPAnimEncoder, in libwebpmux) and the
// animation decoder that reads files back (WebPAnimDecoder, in libwebpdemux).
#include <webp/encode.h>
#include <webp/mux.h>
#include <webp/demux.h>
