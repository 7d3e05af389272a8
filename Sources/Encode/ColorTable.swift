/// An open-addressing hash map from a packed 32-bit colour to a small integer
/// (a palette index, or a count), used wherever colours are looked up per pixel.
///
/// Why not `Dictionary<UInt32, Int>`: the encoders look up every pixel of every
/// frame; a flat table with linear probing and a multiplicative hash avoids
/// `Hasher`'s per-key SipHash rounds and allocates nothing per lookup. Keys may be any
/// `UInt32` (RGBA included); emptiness is marked in the value array.
/// Iteration order is never used, so results do not depend on the hash.
struct ColorTable: Sendable {
    private var keys: [UInt32]
    private var values: [Int32]          // -1 marks an empty slot
    private var shift: UInt32            // 32 − log2(slot count)
    private(set) var count = 0

    /// A table that holds `capacity` entries before it first grows.
    init(capacity: Int = 256) {
        var slots = 16
        while slots < capacity * 2 { slots *= 2 }
        keys = [UInt32](repeating: 0, count: slots)
        values = [Int32](repeating: -1, count: slots)
        shift = UInt32(32 - slots.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(for key: UInt32) -> Int {
        // Fibonacci hashing: the high bits of key × 2³²/φ spread neighbouring
        // colours (gradients differ in the low bits of one channel) over the table.
        Int((key &* 0x9E37_79B1) >> shift)
    }

    /// The value stored for `key`, or nil.
    func value(for key: UInt32) -> Int? {
        let mask = keys.count - 1
        var i = slot(for: key)
        while true {
            let v = values[i]
            if v < 0 { return nil }
            if keys[i] == key { return Int(v) }
            i = (i + 1) & mask
        }
    }

    /// Stores `value` (0 ≤ value < 2³¹) for `key`, replacing any earlier value.
    mutating func set(_ value: Int, for key: UInt32) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var i = slot(for: key)
        while values[i] >= 0 && keys[i] != key { i = (i + 1) & mask }
        if values[i] < 0 { count += 1 }
        keys[i] = key
        values[i] = Int32(value)
    }

    /// Every (key, value) pair, in slot order (callers sort when order matters).
    var entries: [(key: UInt32, value: Int)] {
        var out: [(key: UInt32, value: Int)] = []
        out.reserveCapacity(count)
        for i in 0..<keys.count where values[i] >= 0 { out.append((keys[i], Int(values[i]))) }
        return out
    }

    private mutating func grow() {
        let old = entries
        self = ColorTable(capacity: keys.count)
        for (key, value) in old { set(value, for: key) }
    }
}
