import CFFmpeg
import Raster

/// Decodes an MP4's first video stream through libavformat and libavcodec (used
/// by tests to check what `MP4AnimationEncoder` wrote), each frame turned back
/// into RGBA by swscale with the BT.709 limited-range matrix the encoder tags.
public enum MP4Decoder {
    /// What a file holds: frames at the coded size, each frame's start and
    /// duration in milliseconds (from the container's timestamps), and the
    /// stream's tags.
    public struct Video {
        public var frames: [Image] = []
        public var starts: [Int] = []
        public var durations: [Int] = []
        public var width = 0, height = 0
        public var isBT709LimitedRange = false
        public var pixelFormat = ""
        /// The offset of the `moov` box and of the `mdat` box (fast start: moov first).
        public var moovOffset = -1, mdatOffset = -1
    }

    /// - Throws: `EncodeError` for bytes FFmpeg cannot read, or when FFmpeg's
    ///   libraries do not load (`FFmpegLibrary`).
    public static func decode(_ bytes: [UInt8]) throws -> Video {
        var video = Video()
        (video.moovOffset, video.mdatOffset) = topLevelBoxes(bytes)
        let ffmpeg = try FFmpegLibrary.functions()
        let file = MP4MemoryFile(ffmpeg: ffmpeg, bytes: bytes)
        guard var format = ffmpeg.avformat_alloc_context() else { throw EncodeError("out of memory") }
        format.pointee.pb = try file.open(writable: false)
        format.pointee.flags |= AVFMT_FLAG_CUSTOM_IO
        let pb = format.pointee.pb
        defer { file.close(pb) }
        var opened: UnsafeMutablePointer<AVFormatContext>? = format
        guard ffmpeg.avformat_open_input(&opened, nil, nil, nil) >= 0, let f = opened else { throw EncodeError("not a readable MP4 file") }
        format = f
        defer { var c: UnsafeMutablePointer<AVFormatContext>? = format; ffmpeg.avformat_close_input(&c) }
        guard ffmpeg.avformat_find_stream_info(format, nil) >= 0 else { throw EncodeError("MP4 without stream info") }
        let index = ffmpeg.av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, nil, 0)
        guard index >= 0, let stream = format.pointee.streams[Int(index)] else { throw EncodeError("MP4 without video") }
        let parameters = stream.pointee.codecpar!
        guard let decoderCodec = ffmpeg.avcodec_find_decoder(parameters.pointee.codec_id) else { throw EncodeError("no decoder for the MP4's video") }
        var codec = ffmpeg.avcodec_alloc_context3(decoderCodec)
        defer { ffmpeg.avcodec_free_context(&codec) }
        _ = ffmpeg.avcodec_parameters_to_context(codec, parameters)
        codec!.pointee.thread_count = 1
        guard ffmpeg.avcodec_open2(codec, decoderCodec, nil) >= 0 else { throw EncodeError("cannot open the MP4's decoder") }
        video.width = Int(parameters.pointee.width)
        video.height = Int(parameters.pointee.height)
        video.isBT709LimitedRange = parameters.pointee.color_space == AVCOL_SPC_BT709
            && parameters.pointee.color_range == AVCOL_RANGE_MPEG && parameters.pointee.color_primaries == AVCOL_PRI_BT709
            && parameters.pointee.color_trc == AVCOL_TRC_BT709
        video.pixelFormat = ffmpeg.av_get_pix_fmt_name(AVPixelFormat(parameters.pointee.format)).map { String(cString: $0) } ?? ""
        let tb = stream.pointee.time_base
        let ms = { (t: Int64) -> Int in Int(ffmpeg.av_rescale_q(t, tb, AVRational(num: 1, den: 1000))) }

        var packet = ffmpeg.av_packet_alloc()
        var frame = ffmpeg.av_frame_alloc()
        defer { ffmpeg.av_packet_free(&packet); ffmpeg.av_frame_free(&frame) }
        let w = video.width, h = video.height
        guard let scaler = ffmpeg.sws_getContext(Int32(w), Int32(h), AV_PIX_FMT_YUV420P, Int32(w), Int32(h), AV_PIX_FMT_RGBA,
                                          SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT | SWS_FULL_CHR_H_INT, nil, nil, nil) else {
            throw EncodeError("swscale cannot convert this MP4's frames")
        }
        defer { ffmpeg.sws_freeContext(scaler) }
        let bt709 = ffmpeg.sws_getCoefficients(SWS_CS_ITU709)
        _ = ffmpeg.sws_setColorspaceDetails(scaler, bt709, 0, bt709, 1, 0, 1 << 16, 1 << 16)

        func receive() throws {
            while ffmpeg.avcodec_receive_frame(codec, frame) >= 0 {
                var rgba = [UInt8](repeating: 0, count: w * h * 4)
                rgba.withUnsafeMutableBufferPointer { target in
                    var dst: [UnsafeMutablePointer<UInt8>?] = [target.baseAddress, nil, nil, nil]
                    var dstStride: [Int32] = [Int32(w * 4), 0, 0, 0]
                    withUnsafePointer(to: &frame!.pointee.data) { data in
                        withUnsafePointer(to: &frame!.pointee.linesize) { linesize in
                            data.withMemoryRebound(to: UnsafePointer<UInt8>?.self, capacity: 8) { src in
                                linesize.withMemoryRebound(to: Int32.self, capacity: 8) { srcStride in
                                    _ = ffmpeg.sws_scale(scaler, src, srcStride, 0, Int32(h), &dst, &dstStride)
                                }
                            }
                        }
                    }
                }
                video.frames.append(Image(width: w, height: h, pixels: rgba)!)
                video.starts.append(ms(frame!.pointee.best_effort_timestamp))
                video.durations.append(ms(frame!.pointee.pkt_duration))
            }
        }
        while ffmpeg.av_read_frame(format, packet) >= 0 {
            defer { ffmpeg.av_packet_unref(packet) }
            guard packet!.pointee.stream_index == index else { continue }
            guard ffmpeg.avcodec_send_packet(codec, packet) >= 0 else { throw EncodeError("undecodable H.264 packet") }
            try receive()
        }
        _ = ffmpeg.avcodec_send_packet(codec, nil)
        try receive()
        return video
    }

    /// The offsets of the top-level `moov` and `mdat` boxes (-1 when absent).
    static func topLevelBoxes(_ bytes: [UInt8]) -> (Int, Int) {
        var moov = -1, mdat = -1, at = 0
        while at + 8 <= bytes.count {
            var size = Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
            let type = String(decoding: bytes[(at + 4)..<(at + 8)], as: UTF8.self)
            if size == 1, at + 16 <= bytes.count {
                size = (8..<16).reduce(0) { $0 << 8 | Int(bytes[at + $1]) }
            }
            if type == "moov" { moov = at }
            if type == "mdat" { mdat = at }
            guard size >= 8 else { break }
            at += size
        }
        return (moov, mdat)
    }
}
