import QuotewireModel

extension AnalyzeResponse {
    /// Appends the compact proto3 JSON of the response, byte for byte what
    /// ``ProtobufJSONEncodable/jsonString(pretty:)`` writes, without building
    /// a ``JSONValue`` tree.
    func writeJSON(to json: inout JSONBytes) {
        json.raw("{")
        json.key("articleId")
        json.string(articleID)
        json.raw(",")
        json.key("actors")
        json.list(actors) { json, actor in actor.writeJSON(to: &json) }
        json.raw(",")
        json.key("quotes")
        json.list(quotes) { json, quote in quote.writeJSON(to: &json) }
        json.raw(",")
        json.key("demands")
        json.list(demands) { json, demand in demand.writeJSON(to: &json) }
        if let stats {
            json.raw(",\"stats\":{\"paragraphs\":")
            json.number(UInt64(stats.paragraphs))
            json.raw(",\"sentences\":")
            json.number(UInt64(stats.sentences))
            json.raw(",\"tokens\":")
            json.number(UInt64(stats.tokens))
            json.raw(",\"bodyBytes\":")
            json.number(UInt64(stats.bodyBytes))
            json.raw(",\"analysisNanos\":\"")
            json.number(stats.analysisNanos)
            json.raw("\"}")
        }
        json.raw("}")
    }
}

extension Actor {
    fileprivate func writeJSON(to json: inout JSONBytes) {
        json.raw("{\"id\":")
        json.string(id)
        json.raw(",\"name\":")
        json.string(name)
        json.raw(",\"title\":")
        json.string(title)
        json.raw(",\"affiliation\":")
        json.string(affiliation)
        json.raw(",\"kind\":")
        json.enumeration(kind)
        json.raw(",\"mentions\":")
        json.list(mentions) { json, span in json.span(span) }
        json.raw("}")
    }
}

extension Quote {
    fileprivate func writeJSON(to json: inout JSONBytes) {
        json.raw("{\"id\":")
        json.string(id)
        json.raw(",\"kind\":")
        json.enumeration(kind)
        json.raw(",\"text\":")
        json.string(text)
        json.optionalSpan(",\"span\":", span)
        json.raw(",\"speakerId\":")
        json.string(speakerID)
        json.optionalSpan(",\"speakerSpan\":", speakerSpan)
        json.raw(",\"cue\":")
        json.string(cue)
        json.optionalSpan(",\"cueSpan\":", cueSpan)
        json.raw(",\"confidence\":")
        json.float(confidence)
        json.raw("}")
    }
}

extension Demand {
    fileprivate func writeJSON(to json: inout JSONBytes) {
        json.raw("{\"id\":")
        json.string(id)
        json.raw(",\"demanderId\":")
        json.string(demanderID)
        json.raw(",\"addresseeId\":")
        json.string(addresseeID)
        json.raw(",\"action\":")
        json.string(action)
        json.optionalSpan(",\"actionSpan\":", actionSpan)
        json.raw(",\"cue\":")
        json.string(cue)
        json.optionalSpan(",\"cueSpan\":", cueSpan)
        json.raw(",\"quoteId\":")
        json.string(quoteID)
        json.raw(",\"confidence\":")
        json.float(confidence)
        json.optionalSpan(",\"demanderSpan\":", demanderSpan)
        json.optionalSpan(",\"addresseeSpan\":", addresseeSpan)
        json.raw("}")
    }
}

extension JSONBytes {
    fileprivate mutating func list<T>(_ items: [T], _ write: (inout JSONBytes, T) -> Void) {
        byte(UInt8(ascii: "["))
        for (index, item) in items.enumerated() {
            if index > 0 { byte(UInt8(ascii: ",")) }
            write(&self, item)
        }
        byte(UInt8(ascii: "]"))
    }

    fileprivate mutating func span(_ span: Span) {
        raw("{\"start\":")
        number(UInt64(span.start))
        raw(",\"end\":")
        number(UInt64(span.end))
        raw("}")
    }

    fileprivate mutating func optionalSpan(_ prefix: StaticString, _ value: Span?) {
        guard let value else { return }
        raw(prefix)
        span(value)
    }
}
