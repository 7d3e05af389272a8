import CPNG
import Dispatch
import Raster

/// Encodes an `Image` as PNG through libpng's classic write API.
///
/// The colour type is chosen from the pixels:
/// - **palette** (colour type 3) when the image has at most 256 distinct RGBA
///   colours, at the smallest bit depth that holds them (1, 2, 4 or 8), with a
///   `tRNS` chunk when any of them is not opaque (flat-coloured figures land
///   here; anti-aliased ones usually have a few hundred colours too many);
/// - otherwise **RGB** (2) when every alpha is 255, else **RGBA** (6), 8 bits.
///
/// Only IHDR, PLTE, tRNS, IDAT and IEND are written: no tIME, text or gamma
/// chunks, so identical pixels give identical bytes on every run.
///
/// **Rows unfiltered, or each row unfiltered or Sub — whichever is smaller**,
/// with zlib's default strategy. A plot is mostly flat colour with
/// anti-aliased edges, and its rows repeat (the frame, a band, a tick label
/// again): unfiltered, those are exact byte repeats at distance 3 (the pixel
/// before) or one row (the pixel above), which LZ77 matches at full length.
/// Filtering per row (the PNG specification's heuristic, libpng's adaptive
/// choice: the filter whose output has the smallest sum of magnitudes) turns
/// flat runs into zeros and edges into small residues, which wins where band
/// edges shift a little from row to row (d2l's and the Paddle book's filled
/// contours) and where thin lines run nearly level (the Japanese posts'
/// contour lines), and loses where many thin lines and levels cross (the
/// races, 3-D surfaces). Neither wins everywhere, so RGB and RGBA images are
/// encoded both ways — the two at once on two threads — and the smaller kept
/// (unfiltered on a tie; deterministic). The per-row choice is between None
/// and Sub only: with Up, Average and Paeth too the heuristic picks Paeth
/// for rows that deflate better as Sub, and the five `jp_*` contour plots
/// came out 0.2–3 % larger than matplotlib's; with two filters they are
/// 5–9 % smaller, and libpng tries two filters a row instead of five. The
/// filled contours lose 1–5 % (their Paeth rows). Palette images are written
/// unfiltered, as the PNG specification recommends.
///
/// Measured on the catalog's 59 RGB stills (`--all --format png`, 2026-12-02),
/// encode seconds summed from `--timings`, two runs each:
///
/// | candidates | bytes | encode time |
/// | --- | --- | --- |
/// | none, adaptive over all five filters (before) | 2,824,657 | 1.11–1.26 s |
/// | **none, adaptive over None and Sub** | **2,871,779** | **0.76–0.85 s** |
/// | none, None/Sub adaptive, all-five adaptive (three encodes) | 2,813,490 (simulated) | +23 % on a still's process (`jp_sgd`, `d2l_sgd`) |
///
/// and earlier, on the 43 catalog stills of the time (1000×600 RGB, about
/// 500–6000 colours each), whole-catalog totals, time relative to the first:
///
/// | filter, strategy, level | bytes | encode time |
/// | --- | --- | --- |
/// | adaptive, filtered, 9 | 2,141,941 | 1.00 |
/// | adaptive, filtered, 6 | 2,214,827 | 0.27 |
/// | none, default, 9 | 2,025,455 | 0.50 |
/// | none, default, 6 | 2,180,617 | 0.10–0.14 |
/// | adaptive, default, 6 | 2,155,104 | 0.25 |
/// | smaller of none and adaptive, default, 6 | 2,039,729 | 0.35 (CPU) |
/// | none, default, 3 | 2,565,536 | 0.05 |
/// | adaptive, run-length (Z_RLE), 6 | 2,427,886 | 0.20 |
/// | up, run-length, 6 | 3,309,727 | 0.07 |
///
/// Run-length matching alone (`Z_RLE`) only finds distance-1 repeats, so it
/// needs a filter that turns repeats into zeros and loses where rows repeat
/// sideways; the full LZ77 search wins on both counts.
///
/// Why the classic API and not `png_image_write_to_memory`: the simplified API
/// cannot set the zlib level and always writes 8-bit palettes. The classic API
/// requires an error callback that never returns (libpng then longjmps, which
/// Swift cannot catch). The encoder therefore validates everything libpng would
/// reject before calling it — dimensions, pixel count, level — so libpng's error
/// path is reachable only on out-of-memory, where the callback stops the process
/// with the libpng message (as any Swift allocation failure would).
public enum PNGEncoder {
    /// zlib level 6: on unfiltered figures level 9 is ~7 % smaller but 4–5×
    /// slower, levels 1–3 are ~2× faster but ~18 % larger (table above).
    public static let defaultCompressionLevel = 6

    /// PNG bytes for `image`.
    ///
    /// - Parameter compressionLevel: zlib level, 0 (store) … 9 (smallest);
    ///   default 6. It changes the size, never the pixels.
    /// - Throws: `EncodeError` when `image.pixels` does not hold
    ///   `width · height · 4` bytes, when the level is outside 0…9, or when a
    ///   side exceeds PNG's limit of 2³¹ − 1 pixels.
    public static func encode(_ image: Image, compressionLevel: Int = defaultCompressionLevel) throws -> [UInt8] {
        try EncodeError.validate(image)
        guard (0...9).contains(compressionLevel) else {
            throw EncodeError("PNG compression level \(compressionLevel) is outside 0…9")
        }
        let limit = Int(Int32.max)
        guard image.width <= limit, image.height <= limit else {
            throw EncodeError("image \(image.width)×\(image.height) exceeds PNG's limit of \(limit) pixels a side")
        }
        let layout = PNGLayout(image)
        if case .palette = layout.kind {
            return write(image, layout: layout, level: compressionLevel, filters: PNG_FILTER_NONE)
        }
        // Both candidates at once (each has its own libpng state); the smallest
        // wins, the first on a tie.
        let candidates = [PNG_FILTER_NONE, PNG_FILTER_NONE | PNG_FILTER_SUB]
        let results = Results(count: candidates.count)
        DispatchQueue.concurrentPerform(iterations: candidates.count) { k in
            results.set(k, write(image, layout: layout, level: compressionLevel, filters: candidates[k]))
        }
        return results.values.enumerated().min { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }!.element
    }

    /// Runs libpng. Every argument has been validated, so libpng does not error.
    /// Runs libpng with the row filters `filters` (a `PNG_FILTER_*` mask: one
    /// filter, or several for libpng's adaptive choice per row).
    private static func write(_ image: Image, layout: PNGLayout, level: Int, filters: Int32) -> [UInt8] {
        let sink = ByteSink(reservingCapacity: 64 * 1024)
        guard var png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nil, { _, message in
            // libpng requires this never to return; see the type's documentation.
            fatalError("libpng: \(message.map { String(cString: $0) } ?? "unknown error")")
        }, { _, _ in
            // Warnings are dropped: the library never prints, and with validated
            // input libpng has nothing to warn about.
        }) else {
            fatalError("libpng: out of memory creating the write state")
        }
        var info = png_create_info_struct(png)
        defer {
            var pngOptional: png_structp? = png
            png_destroy_write_struct(&pngOptional, &info)
        }
        return withExtendedLifetime(sink) {
            png_set_write_fn(png, sink.opaque, { png, data, length in
                guard let io = png_get_io_ptr(png), let data else { return }
                ByteSink.from(io).append(data, count: length)
            }, { _ in
                // Required: a nil flush function makes libpng fflush() the io
                // pointer as if it were a FILE *.
            })
            png_set_user_limits(png, 0x7fff_ffff, 0x7fff_ffff)
            png_set_compression_level(png, Int32(level))
            // See the type's documentation for why: the filters asked for, LZ77 + Huffman.
            png_set_filter(png, PNG_FILTER_TYPE_BASE, filters)
            png_set_compression_strategy(png, Z_DEFAULT_STRATEGY)
            // One IDAT chunk up to 1 MiB of compressed data (libpng's default
            // cuts one every 8 KiB: 12 bytes of chunk framing each).
            png_set_compression_buffer_size(png, 1 << 20)
            setHeader(png, info, image: image, layout: layout)
            png_write_info(png, info)
            if layout.bitDepth < 8 { png_set_packing(png) }
            writeRows(&png, image: image, layout: layout)
            png_write_end(png, nil)
            return sink.bytes
        }
    }

    private static func setHeader(_ png: png_structp, _ info: png_infop?, image: Image, layout: PNGLayout) {
        png_set_IHDR(png, info, png_uint_32(image.width), png_uint_32(image.height),
                     Int32(layout.bitDepth), layout.colorType,
                     PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT)
        guard case .palette(let colors, _) = layout.kind else { return }
        var plte = colors.map { c in
            png_color(red: UInt8(truncatingIfNeeded: c), green: UInt8(truncatingIfNeeded: c >> 8),
                      blue: UInt8(truncatingIfNeeded: c >> 16))
        }
        png_set_PLTE(png, info, &plte, Int32(plte.count))
        // Translucent entries are sorted first, so tRNS stops at the last of them.
        var alphas = colors.map { UInt8(truncatingIfNeeded: $0 >> 24) }
        if let last = alphas.lastIndex(where: { $0 != 255 }) {
            png_set_tRNS(png, info, &alphas, Int32(last + 1), nil)
        }
    }

    /// Feeds libpng one row at a time: indices for palettes (libpng packs them to
    /// the bit depth), the image's own rows for RGBA, alpha stripped for RGB.
    private static func writeRows(_ png: inout png_structp, image: Image, layout: PNGLayout) {
        let w = image.width
        switch layout.kind {
        case .palette(_, let indices):
            indices.withUnsafeBufferPointer { idx in
                for y in 0..<image.height { png_write_row(png, idx.baseAddress! + y * w) }
            }
        case .rgba:
            image.pixels.withUnsafeBufferPointer { px in
                for y in 0..<image.height { png_write_row(png, px.baseAddress! + y * w * 4) }
            }
        case .rgb:
            var row = [UInt8](repeating: 0, count: w * 3)
            image.pixels.withUnsafeBufferPointer { px in
                row.withUnsafeMutableBufferPointer { out in
                    for y in 0..<image.height {
                        let src = px.baseAddress! + y * w * 4
                        for x in 0..<w {
                            out[3 * x] = src[4 * x]
                            out[3 * x + 1] = src[4 * x + 1]
                            out[3 * x + 2] = src[4 * x + 2]
                        }
                        png_write_row(png, out.baseAddress!)
                    }
                }
            }
        }
    }
}

/// Results written from several threads — each slot by one thread, once — and
/// read after `concurrentPerform` returns, which orders the writes before it.
/// (Separate storage per slot: assigning into one shared array from several
/// threads would be a simultaneous access to the array.)
private final class Results: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<[UInt8]>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: [])
    }

    deinit {
        _ = slots.deinitialize()
        slots.deallocate()
    }

    func set(_ k: Int, _ value: [UInt8]) { slots[k] = value }

    var values: [[UInt8]] { Array(slots) }
}
