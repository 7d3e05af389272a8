/// The nonzero features of a run of dataset rows, listed once, by row and by column: the
/// entries ``SoftmaxClassification``'s forward and backward passes visit.
///
/// A zero input adds nothing to a layer's output and nothing to its weights' gradient, so the
/// passes skip it — the original loops asked `x != 0` of every pixel of every row at every
/// iteration, a branch the processor mispredicts about as often as the digits have ink. The
/// dataset does not change during training, so the question is answered once here. Both lists
/// are in ascending order (columns within a row, rows within a column): the sums they feed are
/// formed in exactly the order the dense loops formed them. A −0 counts as zero, as it did
/// for `!=`.
struct NonzeroFeatures {
    /// The first row listed.
    let firstRow: Int
    /// Row `firstRow + r`'s nonzero columns are `columns[starts[r] ..< starts[r + 1]]`.
    let starts: [Int]
    let columns: [Int]
    /// Column i's rows with a nonzero entry (dataset row numbers, ascending) are
    /// `rows[columnStarts[i] ..< columnStarts[i + 1]]`.
    let columnStarts: [Int]
    let rows: [Int]

    init(_ dataset: ClassificationDataset, rows range: Range<Int>) {
        let d = dataset.featureCount
        var starts = [0], columns: [Int] = []
        starts.reserveCapacity(range.count + 1)
        var perColumn = [Int](repeating: 0, count: d)
        dataset.features.withUnsafeBufferPointer { xs in
            for k in range {
                for j in 0..<d where xs[k * d + j] != 0 { columns.append(j); perColumn[j] += 1 }
                starts.append(columns.count)
            }
        }
        var columnStarts = [0]
        for n in perColumn { columnStarts.append(columnStarts.last! + n) }
        var next = Array(columnStarts.dropLast())
        var rows = [Int](repeating: 0, count: columns.count)
        for r in 0..<range.count {
            for e in starts[r]..<starts[r + 1] {
                let j = columns[e]
                rows[next[j]] = range.lowerBound + r
                next[j] += 1
            }
        }
        self.firstRow = range.lowerBound
        self.starts = starts
        self.columns = columns
        self.columnStarts = columnStarts
        self.rows = rows
    }

    /// Whether `rows` lies inside the listed rows.
    func covers(_ rows: Range<Int>) -> Bool {
        rows.lowerBound >= firstRow && rows.upperBound <= firstRow + starts.count - 1
    }
}
