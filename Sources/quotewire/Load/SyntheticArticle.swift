import QuotewireModel

/// Article text written for load tests: reporting sentences with direct and
/// indirect quotes and a demand, repeated to the size asked for.
enum SyntheticArticle {
    private static let sentences = [
        "“We are not going to stop until every family has clean water,” Mayor Ana Ruiz said on Monday.",
        "The city council argued that the budget could not cover the repairs this year.",
        "Ruiz urged state lawmakers to release the emergency funds before winter.",
        "“It is a question of weeks, not months,” she told reporters outside City Hall.",
        "According to the utility, about 4,000 homes were affected by the outage.",
        "Council member Dan Okafor warned that delays would raise the final cost.",
    ]

    /// A body of at least `bytes` UTF-8 bytes (whole sentences, paragraphs of three).
    static func body(bytes: Int) -> String {
        var body = ""
        var index = 0
        while body.utf8.count < bytes {
            body += sentences[index % sentences.count]
            index += 1
            body += index % 3 == 0 ? "\n\n" : " "
        }
        return body
    }
}
