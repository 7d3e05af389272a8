/// An array read from an IDX file, the format MNIST is distributed in
/// (`train-images-idx3-ubyte`, `train-labels-idx1-ubyte`).
///
/// The format (LeCun et al., "THE MNIST DATABASE of handwritten digits"):
///
///     bytes 0–1   0x00 0x00
///     byte  2     element type: 0x08 uint8, 0x09 int8, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64
///     byte  3     number of dimensions n (1…255)
///     then        n sizes, each a big-endian uint32
///     then        the elements, row-major (the last dimension varies fastest), big-endian
///
/// so MNIST's images start `00 00 08 03 | 00 00 EA 60 | 00 00 00 1C | 00 00 00 1C` (60000 × 28 × 28
/// bytes) and its labels `00 00 08 01 | 00 00 EA 60`. The file must hold exactly the elements its
/// header declares: a short file (an interrupted download) and trailing bytes are both errors.
/// A gzip file (`.gz`, as MNIST is downloaded) is recognised and named as such.
public struct IDXFile: Sendable, Equatable {
    /// The element types of the format, by their type byte.
    public enum ElementType: UInt8, Sendable, CaseIterable {
        case uint8 = 0x08, int8 = 0x09, int16 = 0x0B, int32 = 0x0C, float32 = 0x0D, float64 = 0x0E

        /// Bytes per element.
        public var width: Int {
            switch self {
            case .uint8, .int8: 1
            case .int16: 2
            case .int32, .float32: 4
            case .float64: 8
            }
        }
    }

    public let elementType: ElementType
    /// The sizes, outermost first: [60000, 28, 28] for MNIST's training images.
    public let dimensions: [Int]
    /// Every element as a Double, row-major (exact for every element type).
    public let values: [Double]

    /// Decodes the bytes of an IDX file; `name` (the file's path) starts every error message.
    /// Throws ``IDXError`` for a file shorter than its header, a wrong magic number (with gzip
    /// named), an unknown element type, no dimensions, and a data length other than the header's.
    public init(bytes: [UInt8], name: String) throws {
        func fail(_ problem: String) -> IDXError { IDXError("\(name): \(problem)") }
        guard bytes.count >= 4 else {
            throw fail("not an IDX file: \(bytes.count) bytes, shorter than the 4-byte header; check the path")
        }
        if bytes[0] == 0x1F && bytes[1] == 0x8B {
            throw fail("a gzip file; unpack it first (gunzip) and give the unpacked IDX file")
        }
        let magic = bytes[0..<4].reduce(0) { $0 << 8 | UInt32($1) }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw fail("not an IDX file (magic number 0x\(Self.hex(magic)); an IDX file starts 0x0000 then its type and rank, as 0x00000803)")
        }
        guard let type = ElementType(rawValue: bytes[2]) else {
            throw fail("unknown IDX element type 0x\(Self.hex(UInt32(bytes[2]), digits: 2)) in magic number 0x\(Self.hex(magic)); expected 0x08 (uint8), 0x09, 0x0B, 0x0C, 0x0D or 0x0E")
        }
        let rank = Int(bytes[3])
        guard rank >= 1 else { throw fail("an IDX file with 0 dimensions (magic number 0x\(Self.hex(magic))); expected at least 1") }
        let headerLength = 4 + 4 * rank
        guard bytes.count >= headerLength else {
            throw fail("truncated: the header declares \(rank) dimensions (\(headerLength) bytes) but the file has \(bytes.count) bytes; download it again")
        }
        var dimensions: [Int] = []
        var count = 1
        for d in 0..<rank {
            let size = Int(Self.bigEndian(bytes, at: 4 + 4 * d, width: 4))
            let (product, overflow) = count.multipliedReportingOverflow(by: size)
            guard !overflow, product <= Int(Int32.max) else { throw fail("the header's sizes multiply past 2³¹ elements; not a file this tool can hold") }
            dimensions.append(size)
            count = product
        }
        let shape = dimensions.map(String.init).joined(separator: "×")
        let expected = headerLength + count * type.width
        guard bytes.count == expected else {
            if bytes.count < expected {
                throw fail("truncated: the header declares \(shape) \(type) elements (\(expected) bytes with the header) but the file has \(bytes.count) bytes; download it again")
            }
            throw fail("\(bytes.count - expected) bytes after the \(shape) \(type) elements the header declares; not an IDX file of that shape")
        }
        var values = [Double](repeating: 0, count: count)
        for i in 0..<count { values[i] = Self.element(bytes, at: headerLength + i * type.width, type) }
        self.elementType = type
        self.dimensions = dimensions
        self.values = values
    }

    /// The bytes of an IDX file holding `values` as `type` with these dimensions — what the
    /// decoder reads back exactly (values are converted as Swift converts them: truncated to
    /// integers, rounded to float32). For tests and for writing small data sets.
    public static func encode(_ values: [Double], dimensions: [Int], as type: ElementType) -> [UInt8] {
        precondition(!dimensions.isEmpty && dimensions.count <= 255 && dimensions.reduce(1, *) == values.count,
                     "dimensions must multiply to the number of values")
        var bytes: [UInt8] = [0, 0, type.rawValue, UInt8(dimensions.count)]
        func append(_ word: UInt64, width: Int) {
            for k in stride(from: width - 1, through: 0, by: -1) { bytes.append(UInt8(truncatingIfNeeded: word >> (8 * UInt64(k)))) }
        }
        for d in dimensions { append(UInt64(d), width: 4) }
        for v in values {
            switch type {
            case .uint8: append(UInt64(UInt8(v)), width: 1)
            case .int8: append(UInt64(UInt8(bitPattern: Int8(v))), width: 1)
            case .int16: append(UInt64(UInt16(bitPattern: Int16(v))), width: 2)
            case .int32: append(UInt64(UInt32(bitPattern: Int32(v))), width: 4)
            case .float32: append(UInt64(Float(v).bitPattern), width: 4)
            case .float64: append(v.bitPattern, width: 8)
            }
        }
        return bytes
    }

    // MARK: pieces

    private static func bigEndian(_ bytes: [UInt8], at offset: Int, width: Int) -> UInt64 {
        var word: UInt64 = 0
        for k in 0..<width { word = word << 8 | UInt64(bytes[offset + k]) }
        return word
    }

    private static func element(_ bytes: [UInt8], at offset: Int, _ type: ElementType) -> Double {
        let word = bigEndian(bytes, at: offset, width: type.width)
        switch type {
        case .uint8: return Double(word)
        case .int8: return Double(Int8(bitPattern: UInt8(word)))
        case .int16: return Double(Int16(bitPattern: UInt16(word)))
        case .int32: return Double(Int32(bitPattern: UInt32(word)))
        case .float32: return Double(Float(bitPattern: UInt32(word)))
        case .float64: return Double(bitPattern: word)
        }
    }

    private static func hex(_ v: UInt32, digits: Int = 8) -> String {
        let text = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

/// A problem with an IDX file or with a pair of them as a data set: one line naming the file,
/// the problem and the fix.
public struct IDXError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
