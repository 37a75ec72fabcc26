import QuotewireModel

/// One article of a batch as read, or why its input could not be read.
enum BatchEntry: Sendable {
    /// An article and where it came from (`path`, or `path:line` for JSON Lines).
    case article(Article, origin: String)
    /// An article of a JSON Lines input; its text output is headed by its id and title.
    case line(Article, origin: String)
    /// An input that holds no usable article: the origin and what was wrong.
    case unreadable(origin: String, message: String)

    var origin: String {
        switch self {
        case .article(_, let origin), .line(_, let origin), .unreadable(let origin, _): return origin
        }
    }

    /// The article, unless the input was unreadable.
    var article: Article? {
        switch self {
        case .article(let article, _), .line(let article, _): return article
        case .unreadable: return nil
        }
    }

    /// What text output shows above the answer: the path of a text file, or
    /// `id · title (file:line)` for a JSON line.
    var label: String {
        guard case .line(let article, let origin) = self else { return origin }
        return article.title.isEmpty ? "\(article.id) (\(origin))" : "\(article.id) · \(article.title) (\(origin))"
    }
}
