/// The nonzero features of a run of dataset rows, listed once: the columns that
/// ``SoftmaxClassification``'s forward and backward passes visit.
///
/// A zero input adds nothing to a layer's output and nothing to its weights' gradient, so the
/// passes skip it — the original loops asked `x != 0` of every pixel of every row at every
/// iteration, a branch the processor mispredicts about as often as the digits have ink. The
/// dataset does not change during training, so the question is answered once per row here.
/// The columns stay in ascending order: the sums they feed are formed in exactly the order the
/// dense loop formed them. A −0 counts as zero, as it did for `!=`.
struct NonzeroFeatures {
    /// The first row listed.
    let firstRow: Int
    /// Row `firstRow + r`'s nonzero columns are `columns[starts[r] ..< starts[r + 1]]`.
    let starts: [Int]
    let columns: [Int]

    init(_ dataset: ClassificationDataset, rows: Range<Int>) {
        let d = dataset.featureCount
        var starts = [0], columns: [Int] = []
        starts.reserveCapacity(rows.count + 1)
        dataset.features.withUnsafeBufferPointer { xs in
            for k in rows {
                for j in 0..<d where xs[k * d + j] != 0 { columns.append(j) }
                starts.append(columns.count)
            }
        }
        self.firstRow = rows.lowerBound
        self.starts = starts
        self.columns = columns
    }

    /// Whether `rows` lies inside the listed rows.
    func covers(_ rows: Range<Int>) -> Bool {
        rows.lowerBound >= firstRow && rows.upperBound <= firstRow + starts.count - 1
    }
}
