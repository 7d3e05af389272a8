import Testing
@testable import Optimization

/// The IDX reader (MNIST's file format) and data sets made from a pair of IDX files.
struct IDXFileTests {
    /// MNIST's label file header, byte for byte: magic 0x00000801, then 60000 as a big-endian uint32.
    @Test func readsMNISTsHeaderLayout() throws {
        let bytes: [UInt8] = [0, 0, 0x08, 0x01, 0, 0, 0, 3, 7, 2, 1]
        let file = try IDXFile(bytes: bytes, name: "labels")
        #expect(file.elementType == .uint8 && file.dimensions == [3] && file.values == [7, 2, 1])
        let images = IDXFile.encode([Double](repeating: 0, count: 60000 * 28 * 28), dimensions: [60000, 28, 28], as: .uint8)
        #expect(Array(images.prefix(16)) == [0, 0, 8, 3, 0, 0, 0xEA, 0x60, 0, 0, 0, 28, 0, 0, 0, 28])
        #expect(images.count == 47_040_016, "the size of MNIST's train-images-idx3-ubyte")
    }

    @Test func everyElementTypeRoundTripsBigEndian() throws {
        let values: [Double] = [0, 1, 127, -128, -1, 100, 3, -7]
        for type in IDXFile.ElementType.allCases {
            let kept = type == .uint8 ? values.map { max(0, $0) } : values
            let bytes = IDXFile.encode(kept, dimensions: [2, 4], as: type)
            #expect(bytes.count == 4 + 8 + 8 * type.width)
            let file = try IDXFile(bytes: bytes, name: "f")
            #expect(file.elementType == type && file.dimensions == [2, 4] && file.values == kept, "\(type)")
        }
        // Big-endian: int16 300 is 0x01 0x2C; float64 1.5 is 0x3FF8000000000000.
        #expect(Array(IDXFile.encode([300], dimensions: [1], as: .int16).suffix(2)) == [0x01, 0x2C])
        #expect(Array(IDXFile.encode([1.5], dimensions: [1], as: .float64).suffix(8)) == [0x3F, 0xF8, 0, 0, 0, 0, 0, 0])
        #expect(try IDXFile(bytes: [0, 0, 0x0D, 1, 0, 0, 0, 1, 0x3F, 0xC0, 0, 0], name: "f").values == [1.5])
    }

    @Test func badFilesAreOneLineErrorsNamingTheFile() {
        let good = IDXFile.encode([1, 2, 3, 4, 5, 6], dimensions: [2, 3], as: .uint8)
        let cases: [([UInt8], String)] = [
            ([0, 0], "x: not an IDX file: 2 bytes, shorter than the 4-byte header"),
            ([0x1F, 0x8B, 8, 0, 1, 2], "x: a gzip file; unpack it first (gunzip)"),
            ([0x50, 0x4B, 3, 4], "x: not an IDX file (magic number 0x504B0304"),
            ([0, 0, 0x07, 1, 0, 0, 0, 1, 9], "x: unknown IDX element type 0x07"),
            ([0, 0, 0x08, 0], "x: an IDX file with 0 dimensions"),
            ([0, 0, 0x08, 3, 0, 0, 0, 2], "x: truncated: the header declares 3 dimensions (16 bytes)"),
            (Array(good.dropLast()), "x: truncated: the header declares 2×3 uint8 elements (18 bytes with the header) but the file has 17 bytes; download it again"),
            (good + [0, 0], "x: 2 bytes after the 2×3 uint8 elements the header declares"),
            ([0, 0, 0x08, 2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF], "x: the header's sizes multiply past 2³¹ elements"),
        ]
        for (bytes, fragment) in cases {
            var message: String?
            do { _ = try IDXFile(bytes: bytes, name: "x") } catch { message = "\(error)" }
            #expect(message?.hasPrefix(fragment) == true, "\(message ?? "no error") is not \(fragment)")
            #expect(message?.contains("\n") == false)
        }
    }

    @Test func aDatasetFromImagesAndLabels() throws {
        let images = try IDXFile(bytes: IDXFile.encode([0, 255, 51, 102, 0, 0, 255, 255, 1, 2, 3, 4], dimensions: [3, 2, 2], as: .uint8), name: "i")
        let labels = try IDXFile(bytes: IDXFile.encode([2, 0, 1], dimensions: [3], as: .uint8), name: "l")
        let data = try ClassificationDataset(images: images, labels: labels, imagesName: "i", labelsName: "l")
        #expect(data.count == 3 && data.featureCount == 4 && data.classCount == 3 && data.labels == [2, 0, 1])
        #expect(data.row(0) == [0, 1, 51.0 / 255, 102.0 / 255], "the book's image / 255")
        let two = try ClassificationDataset(images: images, labels: labels, imagesName: "i", labelsName: "l", pixelMax: 1, limit: 2)
        #expect(two.count == 2 && two.classCount == 3 && two.row(1) == [0, 0, 255, 255])

        let short = try IDXFile(bytes: IDXFile.encode([2, 0], dimensions: [2], as: .uint8), name: "l")
        let negative = try IDXFile(bytes: IDXFile.encode([2, -1, 0], dimensions: [3], as: .int8), name: "l")
        let cases: [(IDXFile, IDXFile, String)] = [
            (images, short, "l: 2 labels for the 3 images of i; give the labels file that belongs to those images"),
            (labels, labels, "i: a 1-dimensional IDX array; images need at least 2 dimensions"),
            (images, images, "l: a 3×2×2 IDX array; labels need 1 dimension"),
            (images, negative, "l: label 1 is -1.0; labels must be whole numbers 0…65535"),
        ]
        for (i, l, message) in cases {
            #expect(throws: IDXError.self) { _ = try ClassificationDataset(images: i, labels: l, imagesName: "i", labelsName: "l") }
            do { _ = try ClassificationDataset(images: i, labels: l, imagesName: "i", labelsName: "l") } catch {
                #expect("\(error)".hasPrefix(message), "\(error)")
            }
        }
    }
}
