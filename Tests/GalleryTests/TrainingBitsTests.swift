import Foundation
import Optimization
import Testing
@testable import Gallery

/// The perceptron trained on the bundled UCI digits, pinned to the exact bits it produced
/// before its inner loops were rewritten for speed (DESIGN.md, "Hot loops"): the rewrite must
/// keep every floating-point operation, and its order, as it was — the figure's caption quotes
/// these losses.
struct TrainingBitsTests {
    static func digits() throws -> ClassificationDataset {
        let dir = try Catalog.directory().appendingPathComponent("data")
        let images = try IDXFile(bytes: [UInt8](Data(contentsOf: dir.appendingPathComponent("digits-images-idx3-ubyte"))), name: "images")
        let labels = try IDXFile(bytes: [UInt8](Data(contentsOf: dir.appendingPathComponent("digits-labels-idx1-ubyte"))), name: "labels")
        return try ClassificationDataset(images: images, labels: labels, imagesName: "i", labelsName: "l", pixelMax: 16)
    }

    /// FNV-1a over the bit patterns: one number that changes if any value changes in any bit.
    static func fingerprint(_ values: [Double]) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for v in values {
            var bits = v.bitPattern
            for _ in 0..<8 { h = (h ^ (bits & 0xFF)) &* 0x100_0000_01B3; bits >>= 8 }
        }
        return h
    }

    @Test func twoEpochsOfTheBatchSizeFigureKeepTheirBits() throws {
        let data = try Self.digits()
        var report: [String] = []
        for (hidden, batch, spec) in [(16, 16, "SGD(lr=0.01)"), (16, 256, "SGD(lr=0.16)"), (16, 100, "Adam(lr=0.01)"), (0, 64, "SGD(lr=0.1)")] {
            let training = SoftmaxClassification(dataset: data, hiddenUnits: hidden, batchSize: batch, epochs: 2, seed: 0)
            let result = training.run(try OptimizerSpec.parse(spec))
            let last = result.finalParameters.count - 1
            report.append("\(hidden) \(batch) \(spec): epochs \(result.epochLosses.map { String($0.bitPattern, radix: 16) }) "
                + "θ[100] \(String(result.finalParameters[100].bitPattern, radix: 16)) "
                + "θ[last] \(String(result.finalParameters[last].bitPattern, radix: 16)) "
                + "losses \(String(Self.fingerprint(result.iterationLosses), radix: 16)) "
                + "θ \(String(Self.fingerprint(result.finalParameters), radix: 16))")
        }
        // Printed with this test's own code on main at 685d075, before the rewrite.
        let expected = [
            #"16 16 SGD(lr=0.01): epochs ["400155690b4fdce6", "400016c46ae5d96f"] θ[100] 3f6aa26246f3e1ae θ[last] 3f71c5c90e0746de losses 99c933e8c939b6ce θ d861ccfbeab1db97"#,
            #"16 256 SGD(lr=0.16): epochs ["40015962b9485a15", "400013e408e2e355"] θ[100] 3f6ab35478efaa8d θ[last] 3fb020791dafaa6a losses 7a83af5f96c7bd33 θ fc322e5bf81e48b9"#,
            #"16 100 Adam(lr=0.01): epochs ["3ffdd4db56f74529", "3ff1c8bf957e545b"] θ[100] bfa31865c8e30e47 θ[last] 3fb04f22d967b677 losses 160e00808d10bcf9 θ e17023ca40766bd0"#,
            #"0 64 SGD(lr=0.1): epochs ["4001b535674f596c", "3ffbe8b9fbbcee2a"] θ[100] 3fb2d92e0058223c θ[last] 3faf953f63e2e977 losses adbc4dd86f83c33b θ b0c4ea516debb987"#,
        ]
        #expect(report == expected, "\(report.joined(separator: "\n"))")
    }
}
