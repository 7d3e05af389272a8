import Raster

extension GIFAnimation {
    /// Bytes of compact frames (`RunLengthPixels`) a first pass holds before it
    /// stops holding and asks for a second pass: 8 MiB, what the earlier limit
    /// of 2 Mi raw pixels took.
    ///
    /// Why: a second pass renders every frame again. For a camera orbit, which
    /// changes every frame whole, that nearly doubled the time
    /// (paddle_saddle_orbit, 1000×600, 72 frames: 1.87 s → 1.03 s held); its
    /// frames take 4.4 MB held (6.8 MB of runs, deflated; 2.4 MB each raw).
    /// Growing paths take far less, their unchanged pixels held as runs and
    /// their first frame deflated: race_beale's six racing paths 0.29 MB,
    /// d2l_all 0.62 MB, race_rastrigin 0.41 MB (8.4 MB, past the limit,
    /// before unchanged pixels were marked). The limit bounds
    /// what an animation adds to a render's own memory (~19 MB of depth
    /// samples and layers for a 3-D figure) to what it added before; past it
    /// (longer or larger animations, noisy frames) time doubles instead.
    public static let defaultHeldByteLimit = 8 << 20

    /// The GIF of the frames `frames` hands to its argument, in order, made in
    /// one pass when they are small enough to hold and in two otherwise.
    ///
    /// The palette needs every frame's colours before the first frame can be
    /// written. So the first pass adds frames to a `GIFAnimation`, which holds
    /// what changed in each, run-length encoded; while that stays under
    /// `heldByteLimit` bytes the file is made from them, exactly as `encode()`
    /// makes it. Past the limit
    /// the held frames are dropped and the rest of the pass only counts colours
    /// (the same histogram, in the same order); then `frames` is called a second
    /// time and each frame is written as it arrives (`GIFFrameWriter`). Both
    /// routes give the same bytes, so the limit changes memory and time, never
    /// the file. Memory in the second pass: the previous frame, a one-byte
    /// canvas, the colour counts and the file so far.
    ///
    /// `frames` must hand out the same frames and delays each time it is
    /// called (a `FigureAnimation.forEachFrame` does); `loopCount` and
    /// `lastFrameHold` are as on the type.
    ///
    /// - Throws: `EncodeError` when the size or `loopCount` is out of range,
    ///   there are no frames, a frame has another size or inconsistent pixels,
    ///   the second pass hands out another number of frames, or giflib fails;
    ///   and whatever `frames` throws.
    public static func encode(
        width: Int, height: Int, loopCount: Int = 0, lastFrameHold: Double? = nil,
        heldByteLimit: Int = defaultHeldByteLimit,
        frames: (_ body: (Image, Double) throws -> Void) throws -> Void
    ) throws -> [UInt8] {
        var held = GIFAnimation(width: width, height: height)
        held.loopCount = loopCount
        held.lastFrameHold = lastFrameHold
        if let problem = held.problem { throw problem }
        try checkLoopCount(loopCount)

        // Pass 1: hold while small; past the limit, only count colours.
        var surveying = false
        var histogram = ColorHistogram()
        var differ = FrameDiffer(width: width, height: height)
        var count = 0
        try frames { image, delay in
            if !surveying {
                held.addFrame(image, delay: delay)
                if let problem = held.problem { throw problem }
                guard held.heldBytes > heldByteLimit else { return }
                surveying = true
                (histogram, differ, count) = (held.histogram, held.differ, held.frames.count)
                held = GIFAnimation(width: width, height: height)   // frees the held frames
                return
            }
            if let problem = problem(with: image, number: count, width: width, height: height) { throw problem }
            differ.next(image).rgb.withUnsafeBufferPointer { histogram.add($0) }
            count += 1
        }
        guard surveying else {
            // The last frame, kept to diff the next one against, is not needed
            // to write the file: free it first (5.1 MB for d2l_all).
            held.differ = FrameDiffer(width: width, height: height)
            return try held.encode()
        }

        // Pass 2: the palette is known; write each frame as it comes.
        let palette = GIFPalette(histogram: histogram, needsTransparency: count > 1)
        var writer = try GIFFrameWriter(width: width, height: height, palette: palette, loopCount: loopCount)
        differ = FrameDiffer(width: width, height: height)
        var k = 0
        try frames { image, delay in
            guard k < count else { throw EncodeError("the second pass handed out more than \(count) frames") }
            if let problem = problem(with: image, number: k, width: width, height: height) { throw problem }
            let (rect, rgb) = differ.next(image)
            try rgb.withUnsafeBufferPointer { try writer.add(rect: rect, rgb: $0, delay: hundredths(delay)) }
            k += 1
        }
        guard k == count else { throw EncodeError("the second pass handed out \(k) frames, the first \(count)") }
        return try writer.finish(lastDelay: lastFrameHold.map(hundredths))
    }
}
