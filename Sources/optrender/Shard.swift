import Gallery

/// `--shard i/n`: the i-th of n disjoint parts of a list of specs. Specs are
/// sorted by name and dealt round-robin, so the parts are stable for a given
/// list, balanced to within one figure, and together hold every spec once.
enum Shard {
    static func select(_ specs: [FigureSpec], part: (index: Int, count: Int)?) -> [FigureSpec] {
        guard let part else { return specs }
        let order = specs.indices.sorted { (specs[$0].name, $0) < (specs[$1].name, $1) }
        return order.enumerated().filter { $0.offset % part.count == part.index - 1 }.map { specs[$0.element] }
    }
}
