/// GIF's variable-length LZW compressor, making exactly the choices giflib's
/// `EGifPutLine` makes (giflib 5's `EGifCompressLine` / `EGifCompressOutput`),
/// so a GIF written with it keeps every byte it had when giflib compressed it.
///
/// The dictionary is a direct-indexed table: the code of the string "prefix
/// code + pixel" is `children[pixel << 12 | prefix]`, 0 when that string has
/// no code yet (0 is never a string code: those start at `clear + 2` ≥ 6).
/// Codes stay below 4096, so the table is 256 × 4096 `UInt16`s = 2 MiB,
/// allocated once per encoder. A lookup is one load, where giflib probes an
/// open-addressed hash table per pixel. The table is pixel-major because the
/// load's latency is the cost: the strings an image extends most are the
/// recent codes and a few dominant colours, whose entries then share cache
/// lines (prefix-major, `prefix << 8 | pixel`, measured 1.5–1.7× slower on the
/// catalog's frames: each prefix's row of 256 children is a cache miss of its
/// own). Emptying the table (at the start of each image and when it fills)
/// clears only the entries set since the last clear, which the encoder lists
/// as it sets them — at most 4 089, not the 1 M entries.
///
/// giflib's choices, which this matches code for code:
/// - the minimum code size is the colour table's bits per pixel, at least 2;
///   pixels are masked to that many bits first;
/// - the stream starts with a clear code; codes are `bits` = size + 1 wide;
/// - greedy longest match: a pixel extends the current string while the
///   extended string has a code; otherwise the current code is written, the
///   extended string gets the next free code and the pixel starts a new string;
/// - after a code is written, if the next free code has reached 2^bits the
///   width grows by one — so the code written when it reached 2^bits still
///   used the old width (the decoder grows at the same moment);
/// - when the next free code reaches 4095 the new string is not added: a clear
///   code is written (12 bits) and the table, width and next code start over;
/// - at the end the current code, then the end-of-information code, each
///   followed by the same growth check, then the last partial byte.
/// Bits are packed least significant first.
///
/// Not thread-safe: one encoder per writer. The returned bytes live in the
/// encoder's reused buffer and stay valid until the next `encode`.
final class LZWEncoder {
    /// Codes are 12 bits at most: 4096 of them.
    private static let codeLimit = 4096
    /// giflib's `LZ_MAX_CODE`: when the next free code reaches it, clear.
    private static let fullCode = 4095

    private let children: UnsafeMutablePointer<UInt16>
    /// Indices of `children` set since the table was last emptied.
    private let assigned: UnsafeMutablePointer<Int32>
    private var assignedCount = 0
    private var output: UnsafeMutablePointer<UInt8>
    private var outputCapacity: Int

    init() {
        children = .allocate(capacity: Self.codeLimit << 8)
        children.initialize(repeating: 0, count: Self.codeLimit << 8)
        assigned = .allocate(capacity: Self.codeLimit)
        outputCapacity = 64 * 1024
        output = .allocate(capacity: outputCapacity)
    }

    deinit {
        children.deallocate()
        assigned.deallocate()
        output.deallocate()
    }

    /// The LZW code stream of `pixels` with minimum code size `codeSize`, from
    /// the first clear code to the end-of-information code and the padding bits
    /// of its last byte — not cut into sub-blocks, without the code-size byte.
    ///
    /// - Parameters:
    ///   - pixels: the indices, row by row; at least one. Bits above `codeSize`
    ///     are ignored (masked off, as giflib does).
    ///   - codeSize: 2...8, the colour table's bits per pixel (at least 2).
    ///   - limit: stop, returning nil, once the stream has reached this many
    ///     bytes (default: never) — for comparing codings, where one that
    ///     cannot be the smallest need not be finished.
    /// - Returns: the bytes, valid until the next call; nil when `limit` stopped it.
    func encode(_ pixels: UnsafeBufferPointer<UInt8>, codeSize: Int,
                limit: Int = .max) -> UnsafeBufferPointer<UInt8>? {
        precondition((2...8).contains(codeSize), "GIF code size \(codeSize) is outside 2...8")
        precondition(!pixels.isEmpty, "LZW needs at least one pixel")
        // Every pixel after the first writes at most one code, and a clear code
        // follows at most every 4095 − (clear + 2) ≥ 3837 of those; add the
        // first clear, the last code and the end code. At most 12 bits each,
        // plus one partial byte: 1.5 bytes a pixel, not 3 (1.9 MB less for a
        // 1500 × 850 frame).
        let n = pixels.count
        let codes = (n - 1) + (n - 1) / (Self.fullCode - (1 << codeSize) - 2) + 3
        reserve((12 * codes + 7) / 8 + 1)
        emptyTable()

        let clear = 1 << codeSize, end = clear + 1
        let mask = UInt8(truncatingIfNeeded: clear - 1)
        let table = children, list = assigned, out = output
        var listed = assignedCount
        var next = clear + 2                // the code the next new string gets
        var bits = codeSize + 1
        var widthLimit = 1 << bits          // `next` at which codes grow a bit
        var accumulator: UInt64 = 0         // pending bits, least significant first
        var pending = 0
        var written = 0

        @inline(__always) func write(_ code: Int) {
            accumulator |= UInt64(truncatingIfNeeded: code) << UInt64(pending)
            pending &+= bits
            while pending >= 8 {
                out[written] = UInt8(truncatingIfNeeded: accumulator)
                written &+= 1
                accumulator >>= 8
                pending &-= 8
            }
            if next >= widthLimit {
                bits &+= 1
                widthLimit = 1 << bits
            }
        }

        write(clear)
        let base = pixels.baseAddress!
        var code = Int(base[0] & mask)
        var i = 1
        let count = pixels.count
        while i < count {
            let pixel = Int(base[i] & mask)
            i &+= 1
            let key = pixel << 12 | code
            let child = table[key]
            if child != 0 {
                code = Int(child)
                continue
            }
            write(code)
            if written >= limit { break }
            code = pixel
            if next >= Self.fullCode {
                write(clear)
                for k in 0..<listed { table[Int(list[k])] = 0 }
                listed = 0
                next = clear + 2
                bits = codeSize + 1
                widthLimit = 1 << bits
            } else {
                table[key] = UInt16(truncatingIfNeeded: next)
                list[listed] = Int32(truncatingIfNeeded: key)
                listed &+= 1
                next &+= 1
            }
        }
        assignedCount = listed
        guard written < limit else { return nil }
        write(code)
        write(end)
        if pending > 0 {
            out[written] = UInt8(truncatingIfNeeded: accumulator)
            written &+= 1
        }
        guard written < limit else { return nil }
        return UnsafeBufferPointer(start: out, count: written)
    }

    /// Clears the entries set by the previous image.
    private func emptyTable() {
        for k in 0..<assignedCount { children[Int(assigned[k])] = 0 }
        assignedCount = 0
    }

    private func reserve(_ count: Int) {
        guard count > outputCapacity else { return }
        output.deallocate()
        outputCapacity = max(count, 2 * outputCapacity)
        output = .allocate(capacity: outputCapacity)
    }
}
