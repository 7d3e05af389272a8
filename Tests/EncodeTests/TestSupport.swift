import Raster

/// Builders for test images and a tiny PNG chunk reader, independent of the
/// encoder under test (it reads the bytes the way the PNG specification does).
enum TestImages {
    /// `width × height`, each pixel's RGBA from `color(x, y)`.
    static func make(_ width: Int, _ height: Int, _ color: (Int, Int) -> (UInt8, UInt8, UInt8, UInt8)) -> Image {
        var px = [UInt8]()
        px.reserveCapacity(width * height * 4)
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b, a) = color(x, y)
                px += [r, g, b, a]
            }
        }
        return Image(width: width, height: height, pixels: px)!
    }

    /// A smooth opaque 2-D gradient: far more than 256 colours.
    static func gradient(_ width: Int, _ height: Int) -> Image {
        make(width, height) { x, y in
            (UInt8(x * 255 / max(1, width - 1)), UInt8(y * 255 / max(1, height - 1)),
             UInt8((x + y) * 255 / max(1, width + height - 2)), 255)
        }
    }

    /// Largest absolute difference of any channel between two same-size images.
    static func maxChannelError(_ a: Image, _ b: Image) -> Int {
        zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }
}

/// PNG chunks in file order, read straight from the bytes.
struct PNGChunks {
    var types: [String] = []
    var data: [String: [UInt8]] = [:]

    init(_ bytes: [UInt8]) {
        var i = 8
        while i + 8 <= bytes.count {
            let length = bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) }
            let type = String(decoding: bytes[i + 4..<i + 8], as: UTF8.self)
            types.append(type)
            let end = min(bytes.count, i + 8 + length)
            data[type, default: []] += bytes[i + 8..<end]
            i += 12 + length
        }
    }

    /// (width, height, bit depth, colour type) from IHDR.
    var header: (width: Int, height: Int, bitDepth: Int, colorType: Int) {
        let h = data["IHDR"] ?? []
        func u32(_ o: Int) -> Int { h[o..<o + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(0), u32(4), Int(h[8]), Int(h[9]))
    }
}

extension Image {
    /// Sets the pixels of `x..<x+w, y..<y+h` (clipped) to one RGBA colour.
    mutating func fill(_ x: Int, _ y: Int, _ w: Int, _ h: Int, _ c: (UInt8, UInt8, UInt8, UInt8)) {
        var px = pixels
        for yy in max(0, y)..<min(height, y + h) {
            for xx in max(0, x)..<min(width, x + w) {
                let i = (yy * width + xx) * 4
                px[i] = c.0; px[i + 1] = c.1; px[i + 2] = c.2; px[i + 3] = c.3
            }
        }
        self = Image(width: width, height: height, pixels: px)!
    }

    func rgba(_ x: Int, _ y: Int) -> [UInt8] {
        let i = (y * width + x) * 4
        return Array(pixels[i..<i + 4])
    }
}
