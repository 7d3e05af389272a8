import CFFmpeg
import Raster

/// The FFmpeg side of `MP4AnimationEncoder`: swscale turns each RGBA frame into
/// BT.709 limited-range 4:2:0 Y'CbCr, libx264 encodes it, the `filter_units`
/// bitstream filter drops SEI units (x264 writes its version and options into
/// one) and libavformat's MP4 muxer writes it into memory, the index moved to
/// the front at the end (`movflags +faststart`).
///
/// Timestamps are milliseconds: each frame starts where the previous ended, and
/// its packet carries its own duration, so the final hold is the last sample's
/// duration in the file. B-frames are off, so decode order is display order and
/// the last packet written is the last frame shown. One x264 thread, `bitexact`
/// on codec, muxer and swscale, no creation time or encoder tag: the same frames
/// give the same bytes.
final class MP4H264Writer: @unchecked Sendable {
    /// Encoder's time base: milliseconds.
    static let millisecond = AVRational(num: 1, den: 1000)
    /// Frames x264 looks ahead for rate control.
    static let lookahead = 10

    let width: Int, height: Int
    let paddedWidth: Int, paddedHeight: Int
    private let background: (UInt8, UInt8, UInt8, UInt8)

    /// FFmpeg's functions, loaded on first use (`FFmpegLibrary`).
    private let ffmpeg: optrender_FFmpeg
    private let file: MP4MemoryFile
    private var codec: UnsafeMutablePointer<AVCodecContext>?
    private var format: UnsafeMutablePointer<AVFormatContext>?
    private var filter: UnsafeMutablePointer<AVBSFContext>?
    private var scaler: OpaquePointer?
    private var frame: UnsafeMutablePointer<AVFrame>?
    private var packet: UnsafeMutablePointer<AVPacket>?
    private var stream: UnsafeMutablePointer<AVStream>?
    /// The padded RGBA frame (used only when a side is odd).
    private var padded: [UInt8] = []

    /// Start of the next frame, ms.
    private var timestamp: Int64 = 0
    /// Each frame's duration in ms by its start.
    private var durations: [Int64: Int64] = [:]
    /// The last frame's start: its packet waits here until its duration is sure.
    private var lastStart: Int64 = -1
    private var pending: [UnsafeMutablePointer<AVPacket>?] = []
    private(set) var frameCount = 0

    /// - Throws: `EncodeError` when FFmpeg's libraries do not load, or FFmpeg
    ///   refuses a setting.
    init(width: Int, height: Int, crf: Int, background: Color) throws {
        ffmpeg = try FFmpegLibrary.functions()
        file = MP4MemoryFile(ffmpeg: ffmpeg)
        self.width = width
        self.height = height
        paddedWidth = width + width % 2
        paddedHeight = height + height % 2
        let (r, g, b, _) = background.rgba8
        self.background = (r, g, b, 255)
        do { try open(crf: crf) } catch { release(); throw error }
    }

    deinit { release() }

    private func open(crf: Int) throws {
        guard let x264 = ffmpeg.avcodec_find_encoder_by_name("libx264") else {
            throw EncodeError("this libavcodec has no libx264 encoder; install Debian's libavcodec (built with x264)")
        }
        guard let codec = ffmpeg.avcodec_alloc_context3(x264) else { throw EncodeError("out of memory for the H.264 encoder") }
        self.codec = codec
        codec.pointee.width = Int32(paddedWidth)
        codec.pointee.height = Int32(paddedHeight)
        codec.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        codec.pointee.time_base = Self.millisecond
        codec.pointee.sample_aspect_ratio = AVRational(num: 1, den: 1)
        codec.pointee.thread_count = 1
        codec.pointee.max_b_frames = 0
        codec.pointee.flags |= Int32(AV_CODEC_FLAG_GLOBAL_HEADER) | Int32(AV_CODEC_FLAG_BITEXACT)
        codec.pointee.color_primaries = AVCOL_PRI_BT709
        codec.pointee.color_trc = AVCOL_TRC_BT709
        codec.pointee.colorspace = AVCOL_SPC_BT709
        codec.pointee.color_range = AVCOL_RANGE_MPEG
        codec.pointee.chroma_sample_location = AVCHROMA_LOC_LEFT
        try check(ffmpeg.av_opt_set(codec.pointee.priv_data, "preset", "medium", 0), "setting x264's preset")
        try check(ffmpeg.av_opt_set_double(codec.pointee.priv_data, "crf", Double(crf), 0), "setting x264's CRF")
        // x264 holds rc-lookahead frames (40 at preset medium), a few MB each at
        // 1000 × 600: with 10 the orbit's process peaks at 166 MB instead of 288 MB
        // (measured), and the catalog's files came out no larger.
        try check(ffmpeg.av_opt_set_int(codec.pointee.priv_data, "rc-lookahead", Int64(Self.lookahead), 0), "setting x264's lookahead")
        try check(ffmpeg.avcodec_open2(codec, x264, nil), "opening libx264")

        var format: UnsafeMutablePointer<AVFormatContext>?
        try check(ffmpeg.avformat_alloc_output_context2(&format, nil, "mp4", nil), "making the MP4 muxer")
        guard let format else { throw EncodeError("out of memory for the MP4 muxer") }
        self.format = format
        format.pointee.pb = try file.open(writable: true)
        format.pointee.flags |= AVFMT_FLAG_CUSTOM_IO | AVFMT_FLAG_BITEXACT
        format.pointee.opaque = Unmanaged.passUnretained(file).toOpaque()
        format.pointee.io_open = { context, pb, _, flags, _ in
            let file = Unmanaged<MP4MemoryFile>.fromOpaque(context!.pointee.opaque!).takeUnretainedValue()
            guard let opened = try? file.open(writable: flags & AVIO_FLAG_WRITE != 0) else { return optrender_AVERROR_ENOMEM() }
            pb!.pointee = opened
            return 0
        }
        format.pointee.io_close2 = { context, pb in
            let file = Unmanaged<MP4MemoryFile>.fromOpaque(context!.pointee.opaque!).takeUnretainedValue()
            file.close(pb)
            return 0
        }
        guard let stream = ffmpeg.avformat_new_stream(format, nil) else { throw EncodeError("out of memory for the MP4 stream") }
        self.stream = stream
        stream.pointee.time_base = Self.millisecond
        try check(ffmpeg.avcodec_parameters_from_context(stream.pointee.codecpar, codec), "describing the H.264 stream")

        guard let units = ffmpeg.av_bsf_get_by_name("filter_units") else {
            throw EncodeError("this libavcodec has no filter_units bitstream filter")
        }
        try check(ffmpeg.av_bsf_alloc(units, &filter), "making the SEI filter")
        guard let filter else { throw EncodeError("out of memory for the SEI filter") }
        try check(ffmpeg.avcodec_parameters_copy(filter.pointee.par_in, stream.pointee.codecpar), "describing the SEI filter's input")
        filter.pointee.time_base_in = Self.millisecond
        try check(ffmpeg.av_opt_set(filter.pointee.priv_data, "remove_types", "6", 0), "setting the SEI filter")
        try check(ffmpeg.av_bsf_init(filter), "opening the SEI filter")
        try check(ffmpeg.avcodec_parameters_copy(stream.pointee.codecpar, filter.pointee.par_out), "describing the H.264 stream")

        var options: OpaquePointer?
        _ = ffmpeg.av_dict_set(&options, "movflags", "+faststart", 0)
        defer { ffmpeg.av_dict_free(&options) }
        try check(ffmpeg.avformat_write_header(format, &options), "writing the MP4 header")

        // RGB (full range, as drawn) to BT.709 limited-range Y'CbCr, the matrix
        // the stream is tagged with; exact rounding, the same on every CPU.
        scaler = ffmpeg.sws_getContext(Int32(paddedWidth), Int32(paddedHeight), AV_PIX_FMT_RGBA,
                                Int32(paddedWidth), Int32(paddedHeight), AV_PIX_FMT_YUV420P,
                                SWS_BICUBIC | SWS_ACCURATE_RND | SWS_BITEXACT | SWS_FULL_CHR_H_INP, nil, nil, nil)
        guard let scaler else { throw EncodeError("swscale cannot convert RGBA to yuv420p at \(paddedWidth)×\(paddedHeight)") }
        let bt709 = ffmpeg.sws_getCoefficients(SWS_CS_ITU709)
        try check(ffmpeg.sws_setColorspaceDetails(scaler, bt709, 1, bt709, 0, 0, 1 << 16, 1 << 16), "setting the BT.709 matrix")

        guard let frame = ffmpeg.av_frame_alloc(), let packet = ffmpeg.av_packet_alloc() else { throw EncodeError("out of memory for the H.264 frames") }
        self.frame = frame
        self.packet = packet
        frame.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        frame.pointee.width = Int32(paddedWidth)
        frame.pointee.height = Int32(paddedHeight)
        frame.pointee.color_primaries = AVCOL_PRI_BT709
        frame.pointee.color_trc = AVCOL_TRC_BT709
        frame.pointee.colorspace = AVCOL_SPC_BT709
        frame.pointee.color_range = AVCOL_RANGE_MPEG
        try check(ffmpeg.av_frame_get_buffer(frame, 0), "allocating a frame")
        if paddedWidth != width || paddedHeight != height {
            padded = [UInt8](repeating: 0, count: paddedWidth * paddedHeight * 4)
            for i in stride(from: 0, to: padded.count, by: 4) {
                (padded[i], padded[i + 1], padded[i + 2], padded[i + 3]) = self.background
            }
        }
    }

    /// Encodes `image` (the canvas size, checked by the caller), shown for `ms`.
    func add(_ image: Image, milliseconds ms: Int64) throws {
        try writePending()
        if !padded.isEmpty {
            image.pixels.withUnsafeBufferPointer { source in
                padded.withUnsafeMutableBufferPointer { target in
                    for y in 0..<height {
                        (target.baseAddress! + y * paddedWidth * 4)
                            .update(from: source.baseAddress! + y * width * 4, count: width * 4)
                    }
                }
            }
            try convert(padded)
        } else {
            try convert(image.pixels)
        }
        frame!.pointee.pts = timestamp
        durations[timestamp] = ms
        lastStart = timestamp
        timestamp += ms
        frameCount += 1
        try check(ffmpeg.avcodec_send_frame(codec, frame), "encoding frame \(frameCount)")
        try drain()
    }

    /// The file: the last frame lasts `hold` ms when given.
    func finish(hold: Int64?) throws -> [UInt8] {
        if let hold { durations[lastStart] = hold }
        lastStart = -1
        try writePending()
        try check(ffmpeg.avcodec_send_frame(codec, nil), "ending the H.264 stream")
        try drain()
        try check(ffmpeg.av_bsf_send_packet(filter, nil), "ending the SEI filter")
        try filtered()
        try check(ffmpeg.av_write_trailer(format), "writing the MP4 index")
        file.close(format!.pointee.pb)
        format!.pointee.pb = nil
        return file.bytes
    }

    private func convert(_ rgba: [UInt8]) throws {
        try check(ffmpeg.av_frame_make_writable(frame), "making a frame writable")
        let rows = rgba.withUnsafeBufferPointer { source -> Int32 in
            var planes: [UnsafePointer<UInt8>?] = [source.baseAddress, nil, nil, nil]
            var strides: [Int32] = [Int32(paddedWidth * 4), 0, 0, 0]
            return withUnsafeMutablePointer(to: &frame!.pointee.data) { data in
                withUnsafeMutablePointer(to: &frame!.pointee.linesize) { linesize in
                    data.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { dst in
                        linesize.withMemoryRebound(to: Int32.self, capacity: 8) { dstStride in
                            ffmpeg.sws_scale(scaler, &planes, &strides, 0, Int32(paddedHeight), dst, dstStride)
                        }
                    }
                }
            }
        }
        guard rows == Int32(paddedHeight) else { throw EncodeError("swscale converted \(rows) of \(paddedHeight) rows") }
    }

    /// Moves every packet the encoder has ready through the SEI filter.
    private func drain() throws {
        while true {
            let status = ffmpeg.avcodec_receive_packet(codec, packet)
            if status == optrender_AVERROR_EAGAIN() || status == optrender_AVERROR_EOF() { return }
            try check(status, "encoding H.264")
            try check(ffmpeg.av_bsf_send_packet(filter, packet), "filtering H.264")
            try filtered()
        }
    }

    /// Writes every packet the SEI filter has ready, but keeps the last frame's
    /// (its duration may still become the hold).
    private func filtered() throws {
        while true {
            let status = ffmpeg.av_bsf_receive_packet(filter, packet)
            if status == optrender_AVERROR_EAGAIN() || status == optrender_AVERROR_EOF() { return }
            try check(status, "filtering H.264")
            if packet!.pointee.pts == lastStart {
                pending.append(ffmpeg.av_packet_clone(packet))
                ffmpeg.av_packet_unref(packet)
            } else {
                try write(packet!)
            }
        }
    }

    private func writePending() throws {
        let waiting = pending
        pending = []
        for var p in waiting {
            defer { ffmpeg.av_packet_free(&p) }
            try write(p!)
        }
    }

    private func write(_ p: UnsafeMutablePointer<AVPacket>) throws {
        p.pointee.duration = durations[p.pointee.pts] ?? 0
        p.pointee.stream_index = 0
        ffmpeg.av_packet_rescale_ts(p, Self.millisecond, stream!.pointee.time_base)
        let status = ffmpeg.av_write_frame(format, p)
        ffmpeg.av_packet_unref(p)
        try check(status, "writing H.264 into the MP4 file")
    }

    private func check(_ status: Int32, _ doing: String) throws {
        guard status < 0 else { return }
        var text = [CChar](repeating: 0, count: 128)
        _ = ffmpeg.av_strerror(status, &text, text.count)
        let message = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        throw EncodeError("FFmpeg failed \(doing): \(message)")
    }

    private func release() {
        for var p in pending { ffmpeg.av_packet_free(&p) }
        pending = []
        if let format {
            file.close(format.pointee.pb)
            format.pointee.pb = nil
            ffmpeg.avformat_free_context(format)
            self.format = nil
        }
        ffmpeg.avcodec_free_context(&codec)
        ffmpeg.av_bsf_free(&filter)
        if let scaler { ffmpeg.sws_freeContext(scaler) }
        scaler = nil
        ffmpeg.av_frame_free(&frame)
        ffmpeg.av_packet_free(&packet)
    }
}
