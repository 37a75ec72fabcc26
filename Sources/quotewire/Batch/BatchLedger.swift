import QuotewireModel

/// Decides, in input order, what happens to each article of a batch: skipped
/// (answered by an earlier run), refused (unreadable, or an id seen before),
/// or analyzed. Remembers every id with where it was read.
final class BatchLedger {
    enum Admission {
        case skip
        case reject(String)
        case analyze(Article)
    }

    let answered: Set<String>
    private var seen: [String: String] = [:]
    private(set) var skipped = 0

    init(answered: Set<String>) {
        self.answered = answered
    }

    func admit(_ entry: BatchEntry) -> Admission {
        let origin = entry.origin
        switch entry {
        case .unreadable(_, let message):
            return .reject(message)
        case .article(let article, _), .line(let article, _):
            if let first = seen.updateValue(origin, forKey: article.id) {
                seen[article.id] = first
                return .reject("duplicate id \"\(article.id)\": \(origin) and \(first)")
            }
            if answered.contains(article.id) {
                skipped += 1
                return .skip
            }
            return .analyze(article)
        }
    }
}
