import Raster

/// A self-contained interactive HTML page: the notebooks' sliders without a
/// kernel. Every figure it can show is pre-rendered; the page only chooses
/// among them, so what it shows is pixel for pixel what the stills show.
///
/// The page holds *cells* (one per combination of slider values, in row-major
/// order: the first slider varies slowest) and, in each cell, *frames* (the
/// path growing step by step). It stores:
///
/// - one *base* image, the first frame of the first cell, as a PNG;
/// - per cell, one PNG *sheet*: frame k's changed pixels relative to frame
///   k − 1 (frame 0's relative to the base) — `FrameDiff`'s changed rectangle,
///   as for GIF, cut into smaller ones by `PagePatches` — packed in rows, and
///   each rectangle's place in the figure and in the sheet.
///
/// The page's script draws the base into a `<canvas>` at 1:1 device pixels and
/// copies rectangles 0…k of the cell's sheet over it (`drawImage` of opaque
/// pixels, no scaling, smoothing off: an exact copy). CSS scales the canvas to
/// the viewport. Pixels are composited over white first, as for GIF, so every
/// patch is opaque and a copy replaces what was there.
///
/// ```swift
/// var page = InteractivePage(width: 1000, height: 600, title: "SGD")
/// page.sliders = [.init(name: "lr", labels: ["0.1", "0.2"], initial: 0)]
/// for cell in cells {
///     var builder = page.cellBuilder()
///     for image in frames(cell) { try builder.add(image) }
///     try page.add(builder.finish(), info: info(cell))
/// }
/// let html = try page.html()
/// ```
public struct InteractivePage: Sendable {
    /// One slider: its name and the text of each of its positions.
    public struct Slider: Sendable, Equatable {
        public var name: String
        public var labels: [String]
        /// The position the page opens at (clamped to the labels).
        public var initial: Int

        public init(name: String, labels: [String], initial: Int = 0) {
            self.name = name
            self.labels = labels
            self.initial = initial
        }
    }

    /// What the page says about one cell beside its figure.
    public struct CellInfo: Sendable, Equatable {
        /// One run of the cell's figure: its label, its loss at each frame's
        /// step (as the page prints it) and its final loss or how it ended.
        public struct RunInfo: Sendable, Equatable {
            public var label: String
            public var losses: [String]
            public var final: String

            public init(label: String, losses: [String], final: String) {
                self.label = label
                self.losses = losses
                self.final = final
            }
        }

        public var runs: [RunInfo]
        /// The optimizer step each frame shows.
        public var steps: [Int]

        public init(runs: [RunInfo], steps: [Int]) {
            self.runs = runs
            self.steps = steps
        }
    }

    /// One cell's frames as patches: the sheet's PNG bytes and, per frame, the
    /// rectangles it replaces and where each sits in the sheet (none: the
    /// frame equals the one before).
    public struct Cell: Sendable {
        let sheet: [UInt8]
        let patches: [[(rect: PixelRect, sheetX: Int, sheetY: Int)]]
        let frameCount: Int
    }

    /// At most this many cells (a page of more would be tens of megabytes).
    public static let maximumCells = 1024

    public let width: Int
    public let height: Int
    public var title: String
    /// A sentence under the title (what the page shows, which values).
    public var caption: String = ""
    public var sliders: [Slider] = []
    /// Milliseconds between frames when playing; default 60 (GIF's frame time).
    public var frameMilliseconds: Int = 60

    private(set) var base: Image?
    private(set) var cells: [(cell: Cell, info: CellInfo)] = []

    /// An empty page for figures of `width × height` pixels.
    public init(width: Int, height: Int, title: String) {
        self.width = width
        self.height = height
        self.title = title
    }

    /// The number of cells the sliders ask for (the product of their positions).
    public var expectedCells: Int { sliders.reduce(1) { $0 * $1.labels.count } }

    /// A builder for the next cell's frames; the first frame ever given to
    /// any builder of this page becomes the base when the page has none yet.
    public func cellBuilder() -> CellBuilder { CellBuilder(width: width, height: height, base: base) }

    /// A builder for a cell of cells built in parallel: `base` must be what
    /// the page's base will be — the first cell's builder's `base` after its
    /// first `add` — so the cell is the one `cellBuilder()` gives once the
    /// first cell is added.
    public func cellBuilder(base: Image) -> CellBuilder { CellBuilder(width: width, height: height, base: base) }

    /// Appends a finished cell (`CellBuilder.finish`) and what it says.
    ///
    /// - Throws: `EncodeError` past `maximumCells`, or when `info.steps` or a
    ///   run's losses do not have one entry per frame.
    public mutating func add(_ finished: (cell: Cell, base: Image?), info: CellInfo) throws {
        guard cells.count < Self.maximumCells else { throw EncodeError("a page holds at most \(Self.maximumCells) cells") }
        guard info.steps.count == finished.cell.frameCount else {
            throw EncodeError("cell \(cells.count + 1) has \(finished.cell.frameCount) frames but \(info.steps.count) steps")
        }
        if let run = info.runs.first(where: { $0.losses.count != finished.cell.frameCount }) {
            throw EncodeError("cell \(cells.count + 1): run \(run.label) has \(run.losses.count) losses for \(finished.cell.frameCount) frames")
        }
        if base == nil { base = finished.base }
        cells.append((finished.cell, info))
    }

    /// Collects one cell's frames as patches over the previous frame (the first
    /// over the page's base). Holds the previous frame and the patches.
    public struct CellBuilder: Sendable {
        let width: Int
        let height: Int
        /// The frame every cell's first frame is diffed against: the page's
        /// base, or this cell's first frame when the page had none.
        public private(set) var base: Image?
        private var previous: Image?
        private var patches: [[(rect: PixelRect, rgb: [UInt32])]] = []
        /// The sheet's width when no patch is wider: 256 pixels, wide enough
        /// for a few patches a row, narrow enough that rows stay filled.
        static let sheetWidth = 256

        init(width: Int, height: Int, base: Image?) {
            self.width = width
            self.height = height
            self.base = base
        }

        /// Appends the next frame.
        ///
        /// - Throws: `EncodeError` when `image` is not `width × height` or its
        ///   pixels do not match its size.
        public mutating func add(_ image: Image) throws {
            try EncodeError.validate(image)
            guard image.width == width, image.height == height else {
                throw EncodeError("frame is \(image.width)×\(image.height), the page's figures \(width)×\(height)")
            }
            // Differences are taken between the frames as drawn and each
            // changed rectangle composited over white, as the GIF encoder does;
            // the base is stored composited (`opaque`).
            let reference: Image
            if let previous { reference = previous } else if let base { reference = base } else {
                // The first frame of the page: it is the base, nothing to patch.
                base = image
                reference = image
            }
            let current = image
            let rects = FrameDiff.changedRect(reference, current).map { PagePatches.split(reference, current, within: $0) } ?? []
            patches.append(rects.map { ($0, FrameDiff.opaqueRGB(current, in: $0)) })
            previous = current
        }

        /// The cell: its patches packed into one PNG sheet (in rows at least
        /// `sheetWidth` wide), and the page's base.
        ///
        /// - Throws: `EncodeError` when no frame was added.
        public func finish() throws -> (cell: Cell, base: Image?) {
            guard !patches.isEmpty else { throw EncodeError("a page cell needs at least one frame") }
            // Next-fit shelves: patches left to right in rows of the sheet's
            // width (at least the widest patch), a new row when one does not fit.
            let all = patches.joined()
            let sheetWidth = max(Self.sheetWidth, all.map(\.rect.width).max() ?? 1)
            var origins: [(x: Int, y: Int)] = []
            var x = 0, y = 0, shelf = 0
            for patch in all {
                if x + patch.rect.width > sheetWidth { x = 0; y += shelf; shelf = 0 }
                origins.append((x, y))
                x += patch.rect.width
                shelf = max(shelf, patch.rect.height)
            }
            let sheetHeight = max(1, y + shelf)
            var pixels = [UInt8](repeating: 255, count: sheetWidth * sheetHeight * 4)
            var placed: [[(rect: PixelRect, sheetX: Int, sheetY: Int)]] = []
            var k = 0
            for frame in patches {
                var here: [(rect: PixelRect, sheetX: Int, sheetY: Int)] = []
                for patch in frame {
                    let origin = origins[k]
                    k += 1
                    for row in 0..<patch.rect.height {
                        for col in 0..<patch.rect.width {
                            let rgb = patch.rgb[row * patch.rect.width + col]
                            let i = ((origin.y + row) * sheetWidth + origin.x + col) * 4
                            pixels[i] = UInt8(rgb & 0xFF)
                            pixels[i + 1] = UInt8(rgb >> 8 & 0xFF)
                            pixels[i + 2] = UInt8(rgb >> 16 & 0xFF)
                        }
                    }
                    here.append((patch.rect, origin.x, origin.y))
                }
                placed.append(here)
            }
            let sheet = try PNGEncoder.encode(Image(width: sheetWidth, height: sheetHeight, pixels: pixels)!)
            return (Cell(sheet: sheet, patches: placed, frameCount: patches.count), base)
        }

        /// `image` composited over white (`FrameDiff.compositeOverWhite`):
        /// what a patch copies must be opaque to replace the pixels under it.
        static func opaque(_ image: Image) -> Image {
            if image.isOpaque { return image }
            let rect = PixelRect(x: 0, y: 0, width: image.width, height: image.height)
            var pixels = [UInt8](repeating: 255, count: image.pixels.count)
            for (k, rgb) in FrameDiff.opaqueRGB(image, in: rect).enumerated() {
                pixels[4 * k] = UInt8(rgb & 0xFF)
                pixels[4 * k + 1] = UInt8(rgb >> 8 & 0xFF)
                pixels[4 * k + 2] = UInt8(rgb >> 16 & 0xFF)
            }
            return Image(width: image.width, height: image.height, pixels: pixels)!
        }
    }
}
