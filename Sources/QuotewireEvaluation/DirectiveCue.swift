/// The demand subset of EVALUATION.md: whether a gold cue is a directive one.
public enum DirectiveCue {
    private static let singles: Set<String> = makeInflections([
        "urge", "demand", "request", "insist", "order", "implore", "plead", "pled", "beg", "exhort", "instruct",
        "direct", "require", "want", "expect", "pressure", "lobby", "petition", "command", "encourage",
        "recommend", "advise", "warn",
    ])
    private static let pairs: [(heads: Set<String>, particles: Set<String>)] = [
        (makeInflections(["call"]), ["on", "upon", "for"]),
        (makeInflections(["ask"]), ["for", "that"]),
        (makeInflections(["press", "push"]), ["for"]),
        (makeInflections(["appeal"]), ["to", "for"]),
    ]

    /// Whether `cue` (as written in the text) is a directive cue and not one of the exclusions.
    public static func matches(_ cue: String) -> Bool {
        let words = cue.lowercased().split(whereSeparator: { !$0.isLetter }).map(String.init)
        if isExcluded(words) { return false }
        for (index, word) in words.enumerated() {
            if singles.contains(word) { return true }
            let next = index + 1 < words.count ? words[index + 1] : ""
            for pair in pairs where pair.heads.contains(word) && pair.particles.contains(next) {
                return true
            }
        }
        return false
    }

    private static func isExcluded(_ words: [String]) -> Bool {
        for index in words.indices {
            let next = index + 1 < words.count ? words[index + 1] : ""
            let afterNext = index + 2 < words.count ? words[index + 2] : ""
            let word = words[index]
            if word == "asked" && next == "about" { return true }
            if (word == "was" || word == "were") && next == "asked" { return true }
            if word == "is" || word == "are" || word == "was" {
                if next == "expected" { return true }
                if (next == "widely" || next == "not") && afterNext == "expected" { return true }
            }
        }
        return false
    }

    private static func makeInflections(_ bases: [String]) -> Set<String> {
        var forms: Set<String> = []
        for base in bases {
            forms.insert(base)
            let stem = base.hasSuffix("e") ? String(base.dropLast()) : base
            let doubled = ["beg"].contains(base) ? base + "g" : stem
            if base.hasSuffix("y") && !base.hasSuffix("ay") {
                forms.insert(String(base.dropLast()) + "ies")
                forms.insert(String(base.dropLast()) + "ied")
            }
            forms.insert(base.hasSuffix("s") || base.hasSuffix("sh") ? base + "es" : base + "s")
            forms.insert(doubled + "ed")
            forms.insert(doubled + "ing")
        }
        return forms
    }
}
