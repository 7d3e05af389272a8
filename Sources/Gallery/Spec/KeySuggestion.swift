/// The closest valid name to a misspelt one, by edit distance (at most 2, or a
/// third of the word): `colour` → `color`, `colourmap` → `colormap`.
enum KeySuggestion {
    static func closest(to word: String, in candidates: [String]) -> String? {
        let target = Array(word.lowercased())
        let limit = max(2, target.count / 3)
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(target, Array(candidate.lowercased()))
            if d <= limit, d < (best?.1 ?? Int.max) { best = (candidate, d) }
        }
        return best?.0
    }

    /// The closest names, best first (for "no figure named …; did you mean …").
    static func ranked(_ word: String, in candidates: [String], count: Int = 3) -> [String] {
        let target = Array(word.lowercased())
        let limit = max(2, target.count / 3)
        return candidates.map { ($0, distance(target, Array($0.lowercased()))) }
            .filter { $0.1 <= limit || $0.0.lowercased().contains(word.lowercased()) }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(count).map(\.0)
    }

    /// Levenshtein distance, with a swap of neighbours counting once.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var d = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 0...a.count { d[i][0] = i }
        for j in 0...b.count { d[0][j] = j }
        for i in 1...a.count {
            for j in 1...b.count {
                d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1) }
            }
        }
        return d[a.count][b.count]
    }
}
