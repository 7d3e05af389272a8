#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Björn Ottosson's Oklab colour space, used as the distance for quantizing:
/// Euclidean distance in Oklab follows perceived difference far better than in
/// sRGB, so the palette spends its entries where the eye would see banding, and
/// a saturated red is never "near" a dark brown that happens to be close in RGB.
enum Oklab {
    /// sRGB 8-bit → linear light, by table (the transfer curve is costly).
    private static let linear: [Float] = (0..<256).map { i in
        let c = Float(i) / 255
        return c <= 0.04045 ? c / 12.92 : powf((c + 0.055) / 1.055, 2.4)
    }

    /// Oklab (L in 0…1, a and b about −0.4…0.4) of a packed `r | g << 8 | b << 16`.
    @inline(__always)
    static func from(packed c: UInt32) -> SIMD3<Float> {
        from(r: linear[Int(c & 0xFF)], g: linear[Int(c >> 8 & 0xFF)], b: linear[Int(c >> 16 & 0xFF)])
    }

    /// Oklab of an sRGB colour with fractional 0…255 channels (a histogram mean).
    static func from(srgb: SIMD3<Float>) -> SIMD3<Float> {
        func lin(_ v: Float) -> Float {
            let c = min(max(v / 255, 0), 1)
            return c <= 0.04045 ? c / 12.92 : powf((c + 0.055) / 1.055, 2.4)
        }
        return from(r: lin(srgb.x), g: lin(srgb.y), b: lin(srgb.z))
    }

    private static func from(r: Float, g: Float, b: Float) -> SIMD3<Float> {
        let l = cbrtf(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b)
        let m = cbrtf(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b)
        let s = cbrtf(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b)
        return SIMD3(0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s,
                     1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s,
                     0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s)
    }

    @inline(__always)
    static func distanceSquared(_ p: SIMD3<Float>, _ q: SIMD3<Float>) -> Float {
        let d = p - q
        return (d * d).sum()
    }
}
