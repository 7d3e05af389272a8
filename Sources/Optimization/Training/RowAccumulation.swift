/// out = base + Σₘ aₘ · rowₘ over a run of `width` doubles, with each output's sum formed
/// exactly as the plain loop
///
///     for j in 0..<width { out[j] = base[j] }
///     for m in 0..<terms { for j in 0..<width { out[j] += a[m] * row[m][j] } }
///
/// forms it — base first, then the terms in order m = 0, 1, …, one multiply and one add each,
/// never fused — but 8 outputs at a time held in registers across all the terms (the compiler
/// packs them into vector registers), instead of loaded and stored once per term. The outputs
/// are independent sums, so visiting them in blocks changes no bit (DESIGN.md, "Hot loops").
/// Plain scalars rather than `SIMD8<Double>`: a debug build runs the SIMD types' generic code
/// lane by lane, ten times slower than the loop it replaces.
///
/// `out` may be `base` (an accumulation in place); no row may overlap `out`.
@inline(__always)
func accumulateRows(into out: UnsafeMutablePointer<Double>, base: UnsafePointer<Double>, width: Int, terms: Int,
                    _ term: (Int) -> (coefficient: Double, row: UnsafePointer<Double>)) {
    var j = 0
    while j &+ 8 <= width {
        var s0 = base[j], s1 = base[j &+ 1], s2 = base[j &+ 2], s3 = base[j &+ 3]
        var s4 = base[j &+ 4], s5 = base[j &+ 5], s6 = base[j &+ 6], s7 = base[j &+ 7]
        for m in 0..<terms {
            let (a, row) = term(m)
            let r = row + j
            s0 += a * r[0]; s1 += a * r[1]; s2 += a * r[2]; s3 += a * r[3]
            s4 += a * r[4]; s5 += a * r[5]; s6 += a * r[6]; s7 += a * r[7]
        }
        out[j] = s0; out[j &+ 1] = s1; out[j &+ 2] = s2; out[j &+ 3] = s3
        out[j &+ 4] = s4; out[j &+ 5] = s5; out[j &+ 6] = s6; out[j &+ 7] = s7
        j &+= 8
    }
    while j &+ 2 <= width {
        var s0 = base[j], s1 = base[j &+ 1]
        for m in 0..<terms {
            let (a, row) = term(m)
            let r = row + j
            s0 += a * r[0]; s1 += a * r[1]
        }
        out[j] = s0; out[j &+ 1] = s1
        j &+= 2
    }
    if j < width {
        var s0 = base[j]
        for m in 0..<terms { let (a, row) = term(m); s0 += a * row[j] }
        out[j] = s0
    }
}
