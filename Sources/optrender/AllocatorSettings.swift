import CAllocator

/// The C allocator's settings for this process, made before anything else runs.
enum AllocatorSettings {
    /// One malloc arena for every thread (glibc's `M_ARENA_MAX`).
    ///
    /// Frames and coverage masks are made on worker threads and freed on the
    /// thread that encodes or paints them (`OrderedPipeline`). With glibc's
    /// default of an arena per thread, each worker's arena keeps the large
    /// blocks freed into it, and the peak grows by a few frames. Measured
    /// (peak resident memory, three runs each; wall time of three runs):
    /// `race_saddle` 62–66 → 55–59 MB, `race_rastrigin` 69–71 → 62–66 MB,
    /// `d2l_all` 66 → 63 MB, at the same or lower wall time (the workers
    /// allocate a few large blocks per frame, not per pixel, so one arena's
    /// lock is not contended). The camera orbit, one frame at a time, does not
    /// change (68–71 MB).
    static func apply() {
        _ = mallopt(M_ARENA_MAX, 1)
    }
}
