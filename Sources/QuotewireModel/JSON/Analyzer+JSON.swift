extension Article: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("id", id)
        json.add("url", url)
        json.add("source", source)
        json.add("title", title)
        json.add("body", body)
        json.add("language", language)
        json.add("publishedAt", publishedAt)
        return json.object
    }
}

extension Span: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("start", start)
        json.add("end", end)
        return json.object
    }
}

extension Actor: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("id", id)
        json.add("name", name)
        json.add("title", title)
        json.add("affiliation", affiliation)
        json.add("kind", kind)
        json.add("mentions", mentions)
        return json.object
    }
}

extension Quote: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("id", id)
        json.add("kind", kind)
        json.add("text", text)
        json.add("span", span)
        json.add("speakerId", speakerID)
        json.add("speakerSpan", speakerSpan)
        json.add("cue", cue)
        json.add("cueSpan", cueSpan)
        json.add("confidence", confidence)
        return json.object
    }
}

extension Demand: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("id", id)
        json.add("demanderId", demanderID)
        json.add("addresseeId", addresseeID)
        json.add("action", action)
        json.add("actionSpan", actionSpan)
        json.add("cue", cue)
        json.add("cueSpan", cueSpan)
        json.add("quoteId", quoteID)
        json.add("confidence", confidence)
        json.add("demanderSpan", demanderSpan)
        json.add("addresseeSpan", addresseeSpan)
        return json.object
    }
}

extension AnalyzeOptions: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("offsetUnit", offsetUnit)
        json.add("minConfidence", minConfidence)
        json.add("skipDemands", skipDemands)
        return json.object
    }
}

extension AnalyzeRequest: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("article", article)
        json.add("options", options)
        return json.object
    }
}

extension AnalysisStats: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("paragraphs", paragraphs)
        json.add("sentences", sentences)
        json.add("tokens", tokens)
        json.add("bodyBytes", bodyBytes)
        json.add("analysisNanos", analysisNanos)
        return json.object
    }
}

extension AnalyzeResponse: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("articleId", articleID)
        json.add("actors", actors)
        json.add("quotes", quotes)
        json.add("demands", demands)
        json.add("stats", stats)
        return json.object
    }
}

extension PingRequest: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("payload", bytes: payload)
        return json.object
    }
}

extension PingResponse: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("payload", bytes: payload)
        return json.object
    }
}

extension InfoRequest: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue { .object([]) }
}

extension ServiceInfo: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("name", name)
        json.add("methods", methods)
        return json.object
    }
}

extension ServerLimits: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("maxFrameBytes", maxFrameBytes)
        json.add("maxConnections", maxConnections)
        json.add("maxStreamsPerConnection", maxStreamsPerConnection)
        json.add("idleTimeoutMillis", idleTimeoutMillis)
        json.add("shutdownGraceMillis", shutdownGraceMillis)
        return json.object
    }
}

extension InfoResponse: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("version", version)
        json.add("services", services)
        json.add("limits", limits)
        return json.object
    }
}
