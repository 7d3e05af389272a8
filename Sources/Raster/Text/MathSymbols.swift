/// The data of the math syntax: command names to Unicode, spaces, and the classes
/// of symbols that decide spacing (matplotlib's `tex2uni`, `_space_widths`,
/// `_binary_operators`, `_relation_symbols`, in the subset DejaVu Sans covers).
enum MathSymbols {
    /// `\name` → character, as matplotlib maps them: `\epsilon` and `\varepsilon`
    /// are both ε, `\phi` ϕ, `\varphi` φ, `\theta` θ, `\vartheta` ϑ.
    static let table: [String: Unicode.Scalar] = {
        var t: [String: Unicode.Scalar] = [:]
        let greek: [(String, UInt32)] = [
            ("alpha", 0x3B1), ("beta", 0x3B2), ("gamma", 0x3B3), ("delta", 0x3B4), ("epsilon", 0x3B5),
            ("varepsilon", 0x3B5), ("lunateepsilon", 0x3F5), ("zeta", 0x3B6), ("eta", 0x3B7), ("theta", 0x3B8), ("vartheta", 0x3D1),
            ("iota", 0x3B9), ("kappa", 0x3BA), ("lambda", 0x3BB), ("mu", 0x3BC), ("nu", 0x3BD),
            ("xi", 0x3BE), ("omicron", 0x3BF), ("pi", 0x3C0), ("varpi", 0x3D6), ("rho", 0x3C1),
            ("varrho", 0x3F1), ("sigma", 0x3C3), ("varsigma", 0x3C2), ("tau", 0x3C4), ("upsilon", 0x3C5),
            ("phi", 0x3D5), ("varphi", 0x3C6), ("chi", 0x3C7), ("psi", 0x3C8), ("omega", 0x3C9),
            ("Gamma", 0x393), ("Delta", 0x394), ("Theta", 0x398), ("Lambda", 0x39B), ("Xi", 0x39E),
            ("Pi", 0x3A0), ("Sigma", 0x3A3), ("Upsilon", 0x3A5), ("Phi", 0x3A6), ("Psi", 0x3A8),
            ("Omega", 0x3A9),
        ]
        let symbols: [(String, UInt32)] = [
            ("nabla", 0x2207), ("partial", 0x2202), ("infty", 0x221E), ("cdot", 0x22C5), ("times", 0xD7),
            ("div", 0xF7), ("pm", 0xB1), ("mp", 0x2213), ("ast", 0x2217), ("star", 0x22C6),
            ("circ", 0x2218), ("bullet", 0x2219), ("odot", 0x2299), ("oplus", 0x2295), ("otimes", 0x2297),
            ("cap", 0x2229), ("cup", 0x222A), ("wedge", 0x2227), ("vee", 0x2228), ("setminus", 0x2216),
            ("leq", 0x2264), ("le", 0x2264), ("geq", 0x2265), ("ge", 0x2265), ("neq", 0x2260),
            ("ne", 0x2260), ("approx", 0x2248), ("equiv", 0x2261), ("sim", 0x223C), ("simeq", 0x2243),
            ("propto", 0x221D), ("in", 0x2208), ("notin", 0x2209), ("ni", 0x220B), ("subset", 0x2282),
            ("supset", 0x2283), ("subseteq", 0x2286), ("supseteq", 0x2287), ("ll", 0x226A), ("gg", 0x226B),
            ("perp", 0x22A5), ("mid", 0x2223), ("parallel", 0x2225),
            ("leftarrow", 0x2190), ("gets", 0x2190), ("rightarrow", 0x2192), ("to", 0x2192),
            ("leftrightarrow", 0x2194), ("Leftarrow", 0x21D0), ("Rightarrow", 0x21D2),
            ("Leftrightarrow", 0x21D4), ("mapsto", 0x21A6), ("uparrow", 0x2191), ("downarrow", 0x2193),
            ("sum", 0x2211), ("prod", 0x220F), ("int", 0x222B), ("oint", 0x222E), ("forall", 0x2200),
            ("exists", 0x2203), ("emptyset", 0x2205), ("neg", 0xAC), ("ell", 0x2113), ("hbar", 0x127),
            ("prime", 0x2032), ("degree", 0xB0), ("ldots", 0x2026), ("dots", 0x2026), ("cdots", 0x22EF),
            ("vdots", 0x22EE), ("langle", 0x27E8), ("rangle", 0x27E9), ("lfloor", 0x230A),
            ("rfloor", 0x230B), ("lceil", 0x2308), ("rceil", 0x2309), ("|", 0x2016), ("Vert", 0x2016),
            ("vert", 0x7C), ("lbrace", 0x7B), ("rbrace", 0x7D),
            ("{", 0x7B), ("}", 0x7D), ("$", 0x24), ("_", 0x5F), ("%", 0x25), ("#", 0x23), ("&", 0x26),
            ("backslash", 0x5C),
        ]
        for (name, code) in greek + symbols { t[name] = Unicode.Scalar(code)! }
        return t
    }()

    /// Space commands, in quads (matplotlib's `_space_widths`).
    static let spaces: [String: Double] = [
        ",": 0.16667, "thinspace": 0.16667, "/": 0.16667, ">": 0.22222, ":": 0.22222,
        ";": 0.27778, " ": 0.33333, "~": 0.33333, "enspace": 0.5, "quad": 1, "qquad": 2,
        "!": -0.16667,
    ]

    /// Relations and arrows: 0.2 quad on both sides, always.
    static let relations: Set<Unicode.Scalar> = Set(
        "=<>:\u{2264}\u{2265}\u{2260}\u{2248}\u{2261}\u{223C}\u{2243}\u{221D}\u{2208}\u{2209}\u{220B}"
            .unicodeScalars
    ).union("\u{2282}\u{2283}\u{2286}\u{2287}\u{226A}\u{226B}\u{22A5}\u{2223}\u{2225}".unicodeScalars)
        .union("\u{2190}\u{2192}\u{2194}\u{21D0}\u{21D2}\u{21D4}\u{21A6}\u{2191}\u{2193}".unicodeScalars)

    /// Binary operators: 0.2 quad on both sides after an ordinary atom.
    static let binaries: Set<Unicode.Scalar> = Set(
        "+*\u{2212}\u{B1}\u{2213}\u{D7}\u{F7}\u{22C5}\u{2217}\u{22C6}\u{2218}\u{2219}\u{2299}\u{2295}"
            .unicodeScalars
    ).union("\u{2297}\u{2229}\u{222A}\u{2227}\u{2228}\u{2216}".unicodeScalars)

    /// Names drawn upright as words (`\log x`).
    static let functions: Set<String> = [
        "arg", "cos", "cosh", "cot", "coth", "csc", "deg", "det", "dim", "exp", "gcd", "inf", "ker",
        "lg", "lim", "liminf", "limsup", "ln", "log", "max", "min", "mod", "Pr", "sec", "sin", "sinh",
        "sup", "tan", "tanh", "argmin", "argmax",
    ]

    /// `\mathbb`: R, N, Z, Q, C as double-struck letters; other atoms unchanged.
    static func blackboard(_ atom: TextAtom) -> TextAtom {
        let map: [Unicode.Scalar: UInt32] = ["R": 0x211D, "N": 0x2115, "Z": 0x2124, "Q": 0x211A, "C": 0x2102]
        if case let .char(c, _) = atom, let u = map[c] { return .char(Unicode.Scalar(u)!, .regular) }
        return atom
    }
}
