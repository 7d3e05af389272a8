/// The small TeX-like math syntax of matplotlib's mathtext, turned into `TextAtom`s.
///
/// A string is math-bearing when it holds an even, non-zero number of unescaped
/// `$`; the parts between pairs are math, the rest plain text (where `\$` is a
/// dollar sign). With an odd number of `$` the whole string is plain text, as in
/// matplotlib. Plain text is drawn as it is, upright.
///
/// Inside math:
/// - `_x`, `_{…}`, `^x`, `^{…}`: sub- and superscripts at 70 % size; `x'` a prime.
/// - Latin letters and lowercase Greek are slanted (the oblique face), digits,
///   capital Greek and symbols upright — matplotlib's rule for DejaVu Sans.
/// - Commands for Greek letters (`\alpha`…`\omega`, `\Gamma`…`\Omega`; `\epsilon`
///   is ε as in matplotlib), operators and relations (`\nabla`,
///   `\partial`, `\cdot`, `\times`, `\pm`, `\infty`, `\leq`, `\approx`, arrows…),
///   `\sqrt{…}`, `\frac{…}{…}`, `\mathrm{…}`/`\text{…}` (upright), `\mathbf`,
///   `\mathit`, `\mathbb{R}` (ℝ), function names (`\log`, `\exp`, `\sin`, …),
///   spaces (`\,` `\:` `\;` `\ ` `~` `\quad` `\qquad` `\!`) and escapes (`\$ \_ \{ \} \% \#`).
/// - `-` is a true minus sign; binary operators get 0.2 quad either side unless
///   they start a group or follow a relation or an opening bracket; relations and
///   arrows always get it; `,` `;` and a non-decimal `.` get it after them.
/// - Spaces in the source are ignored (except inside `\text{…}`).
/// - Never fails: an unknown command is drawn as its name, an unmatched brace is
///   closed at the end, a dangling `_` or `^` is ignored.
enum MathText {
    /// Atoms of `text`, plain and math parts in order.
    static func parse(_ text: String) -> [TextAtom] {
        let scalars = Array(text.unicodeScalars)
        var dollars: [Int] = []
        for (i, s) in scalars.enumerated() where s == "$" && (i == 0 || scalars[i - 1] != "\\") {
            dollars.append(i)
        }
        guard !dollars.isEmpty, dollars.count % 2 == 0 else {
            return scalars.compactMap(plainChar)
        }
        var atoms: [TextAtom] = []
        var start = 0
        for pair in stride(from: 0, to: dollars.count, by: 2) {
            atoms += plain(scalars[start..<dollars[pair]])
            var parser = MathParser(scalars[(dollars[pair] + 1)..<dollars[pair + 1]])
            atoms += parser.parseList()
            start = dollars[pair + 1] + 1
        }
        return atoms + plain(scalars[start...])
    }

    /// Plain text between math parts: `\$` is a dollar sign.
    private static func plain(_ s: ArraySlice<Unicode.Scalar>) -> [TextAtom] {
        var out: [TextAtom] = []
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "\\", i + 1 < s.endIndex, s[i + 1] == "$" { i += 1 }
            if let atom = plainChar(s[i]) { out.append(atom) }
            i += 1
        }
        return out
    }

    /// An upright character; a tab is a space, other control characters are dropped
    /// (they would show as the font's missing-glyph box).
    private static func plainChar(_ c: Unicode.Scalar) -> TextAtom? {
        if c == "\t" { return .char(" ", .regular) }
        return c.properties.generalCategory == .control ? nil : .char(c, .regular)
    }

    /// The style matplotlib gives a character in math: letters slanted except
    /// capital Greek; everything else upright.
    static func style(of s: Unicode.Scalar) -> FaceStyle {
        let greekCapital = (0x391...0x3A9).contains(s.value)
        let letter: Bool
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .otherLetter, .modifierLetter: letter = true
        default: letter = false
        }
        return letter && !greekCapital ? .italic : .regular
    }
}

/// Recursive-descent parser over one math part. Spacing decisions look at the kind
/// of the previous atom in the same list.
struct MathParser {
    private enum Kind { case open, ordinary, binary, relation }

    private let s: ArraySlice<Unicode.Scalar>
    private var i: Int

    init(_ s: ArraySlice<Unicode.Scalar>) {
        self.s = s
        i = s.startIndex
    }

    private var atEnd: Bool { i >= s.endIndex }
    private func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.endIndex ? s[i + k] : nil }

    /// Atoms up to the end or the closing brace of the current group (consumed).
    mutating func parseList(forceUpright: Bool = false) -> [TextAtom] {
        var list: [TextAtom] = []
        var kind = Kind.open
        while let c = peek() {
            i += 1
            switch c {
            case " ", "\t", "\n", "\r":
                continue
            case "}":
                return list
            case "{":
                list.append(.group(parseList(forceUpright: forceUpright)))
                kind = .ordinary
            case "_", "^", "'":
                attachScript(c, to: &list, forceUpright: forceUpright)
                kind = .ordinary
            case "~":
                list.append(.space(MathSymbols.spaces["~"]!))
            case "\\":
                kind = command(into: &list, after: kind, forceUpright: forceUpright)
            default:
                kind = symbol(c, into: &list, after: kind, forceUpright: forceUpright)
            }
        }
        return list
    }

    /// Emits `c` with the spacing its class asks for; returns the new kind.
    private mutating func symbol(_ c: Unicode.Scalar, into list: inout [TextAtom], after kind: Kind,
                                 forceUpright: Bool) -> Kind {
        let ch: Unicode.Scalar = c == "-" ? "\u{2212}" : c
        let atom = TextAtom.char(ch, forceUpright ? .regular : MathText.style(of: ch))
        let spaced = TextAtom.group([.space(0.2), atom, .space(0.2)])
        if MathSymbols.relations.contains(ch) {
            list.append(spaced)
            return .relation
        }
        if MathSymbols.binaries.contains(ch) {
            list.append(kind == .ordinary ? spaced : atom)
            return .binary
        }
        if ch == "," || ch == ";" || (ch == "." && !(isDigit(previousScalar(2)) && isDigit(peek()))) {
            list += [atom, .space(0.2)]
            return .ordinary
        }
        list.append(atom)
        return "([{|".unicodeScalars.contains(ch) ? .open : .ordinary
    }

    private func previousScalar(_ back: Int) -> Unicode.Scalar? {
        i - back >= s.startIndex ? s[i - back] : nil
    }

    private func isDigit(_ c: Unicode.Scalar?) -> Bool { c.map { ("0"..."9").contains($0) } ?? false }

    /// `\name` or `\x`: a symbol, a space, a font switch, a root or a fraction.
    private mutating func command(into list: inout [TextAtom], after kind: Kind, forceUpright: Bool) -> Kind {
        let name = readCommandName()
        if let em = MathSymbols.spaces[name] {
            list.append(.space(em))
            return kind
        }
        if let sym = MathSymbols.table[name] {
            return symbol(sym, into: &list, after: kind, forceUpright: forceUpright)
        }
        switch name {
        case "mathrm", "mathbf", "mathsf", "mathcal", "rm", "operatorname":
            list.append(.group(readArgument(forceUpright: true)))
        case "mathit", "mathnormal":
            list.append(.group(readArgument(forceUpright: false)))
        case "text", "textrm", "mbox":
            list.append(.group(readTextArgument()))
        case "mathbb":
            list.append(.group(readArgument(forceUpright: true).map(MathSymbols.blackboard)))
        case "sqrt":
            skipOptionalArgument()
            list.append(.sqrt(readArgument(forceUpright: forceUpright)))
        case "frac", "dfrac", "tfrac":
            let num = readArgument(forceUpright: forceUpright)
            list.append(.fraction(num, readArgument(forceUpright: forceUpright), display: name == "dfrac"))
        case "left", "right", "big", "Big", "bigl", "bigr":
            return kind  // the delimiter that follows is drawn at normal size
        case _ where MathSymbols.functions.contains(name):
            list.append(.group(name.unicodeScalars.map { .char($0, .regular) }))
            if let n = peek(), !"(^_[{".unicodeScalars.contains(n) { list.append(.space(0.16667)) }
        default:
            // Unknown command: its name, upright, so that the text is still readable.
            list.append(.group(("\\" + name).unicodeScalars.map { .char($0, .regular) }))
        }
        return .ordinary
    }

    /// Letters after a backslash, or the single character that follows it.
    private mutating func readCommandName() -> String {
        var name = ""
        while let c = peek(), c.properties.isAlphabetic, c.isASCII {
            name.unicodeScalars.append(c)
            i += 1
        }
        if name.isEmpty, let c = peek() {
            i += 1
            return String(c)
        }
        return name
    }

    /// A `{…}` group, a command, or one character: the argument of a script or command.
    private mutating func readArgument(forceUpright: Bool) -> [TextAtom] {
        while peek() == " " { i += 1 }
        guard let c = peek() else { return [] }
        i += 1
        switch c {
        case "{":
            return parseList(forceUpright: forceUpright)
        case "\\":
            var one: [TextAtom] = []
            _ = command(into: &one, after: .open, forceUpright: forceUpright)
            return one
        default:
            var one: [TextAtom] = []
            _ = symbol(c, into: &one, after: .open, forceUpright: forceUpright)
            return one
        }
    }

    /// `\text{…}`: characters as they are, upright, spaces kept.
    private mutating func readTextArgument() -> [TextAtom] {
        guard peek() == "{" else { return readArgument(forceUpright: true) }
        i += 1
        var out: [TextAtom] = []
        while let c = peek(), c != "}" {
            out.append(.char(c, .regular))
            i += 1
        }
        if !atEnd { i += 1 }
        return out
    }

    private mutating func skipOptionalArgument() {
        guard peek() == "[" else { return }
        while let c = peek(), c != "]" { i += 1 }
        if !atEnd { i += 1 }
    }

    /// `_`, `^` or `'` after a nucleus (the previous atom, or nothing): builds or
    /// extends a `.scripts` atom. A second script of the same kind is ignored.
    private mutating func attachScript(_ op: Unicode.Scalar, to list: inout [TextAtom], forceUpright: Bool) {
        var nucleus: [TextAtom] = [], sub: [TextAtom]? = nil, sup: [TextAtom]? = nil
        if case let .scripts(n, b, p)? = list.last {
            (nucleus, sub, sup) = (n, b, p)
            list.removeLast()
        } else if let last = list.popLast() {
            nucleus = [last]
        }
        switch op {
        case "'":
            sup = (sup ?? []) + [.char("\u{2032}", .regular)]
        case "_":
            let arg = readArgument(forceUpright: forceUpright)
            if sub == nil { sub = arg }
        default:
            let arg = readArgument(forceUpright: forceUpright)
            sup = (sup ?? []) + arg
        }
        list.append(.scripts(nucleus: nucleus, sub: sub, sup: sup))
    }
}
