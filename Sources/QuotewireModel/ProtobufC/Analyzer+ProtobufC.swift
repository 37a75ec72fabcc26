import CQuotewireProto

extension Article: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__Article>) { quotewire__v1__article__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__Article>) {
        let m = c.pointee
        self.init(
            id: String(cField: m.id), url: String(cField: m.url), source: String(cField: m.source),
            title: String(cField: m.title), body: String(cField: m.body), language: String(cField: m.language),
            publishedAt: Timestamp?(cMessage: m.published_at))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__Article>, in arena: CArena) throws(CodecError) {
        c.pointee.id = try arena.cString(id, field: "id")
        c.pointee.url = try arena.cString(url, field: "url")
        c.pointee.source = try arena.cString(source, field: "source")
        c.pointee.title = try arena.cString(title, field: "title")
        c.pointee.body = try arena.cString(body, field: "body")
        c.pointee.language = try arena.cString(language, field: "language")
        c.pointee.published_at = try arena.message(publishedAt)
    }
}

extension Span: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__Span>) { quotewire__v1__span__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__Span>) {
        self.init(start: c.pointee.start, end: c.pointee.end)
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__Span>, in arena: CArena) throws(CodecError) {
        c.pointee.start = start
        c.pointee.end = end
    }
}

extension Actor: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__Actor>) { quotewire__v1__actor__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__Actor>) {
        let m = c.pointee
        self.init(
            id: String(cField: m.id), name: String(cField: m.name), title: String(cField: m.title),
            affiliation: String(cField: m.affiliation), kind: ActorKind(cValue: m.kind.rawValue),
            mentions: [Span](cMessages: m.mentions, count: m.n_mentions))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__Actor>, in arena: CArena) throws(CodecError) {
        c.pointee.id = try arena.cString(id, field: "id")
        c.pointee.name = try arena.cString(name, field: "name")
        c.pointee.title = try arena.cString(title, field: "title")
        c.pointee.affiliation = try arena.cString(affiliation, field: "affiliation")
        c.pointee.kind = .init(rawValue: kind.cValue())
        c.pointee.n_mentions = mentions.count
        c.pointee.mentions = try arena.messages(mentions)
    }
}

extension Quote: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__Quote>) { quotewire__v1__quote__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__Quote>) {
        let m = c.pointee
        self.init(
            id: String(cField: m.id), kind: QuoteKind(cValue: m.kind.rawValue), text: String(cField: m.text),
            span: Span?(cMessage: m.span), speakerID: String(cField: m.speaker_id),
            speakerSpan: Span?(cMessage: m.speaker_span), cue: String(cField: m.cue),
            cueSpan: Span?(cMessage: m.cue_span), confidence: m.confidence)
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__Quote>, in arena: CArena) throws(CodecError) {
        c.pointee.id = try arena.cString(id, field: "id")
        c.pointee.kind = .init(rawValue: kind.cValue())
        c.pointee.text = try arena.cString(text, field: "text")
        c.pointee.span = try arena.message(span)
        c.pointee.speaker_id = try arena.cString(speakerID, field: "speaker_id")
        c.pointee.speaker_span = try arena.message(speakerSpan)
        c.pointee.cue = try arena.cString(cue, field: "cue")
        c.pointee.cue_span = try arena.message(cueSpan)
        c.pointee.confidence = confidence
    }
}

extension Demand: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__Demand>) { quotewire__v1__demand__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__Demand>) {
        let m = c.pointee
        self.init(
            id: String(cField: m.id), demanderID: String(cField: m.demander_id),
            addresseeID: String(cField: m.addressee_id), action: String(cField: m.action),
            actionSpan: Span?(cMessage: m.action_span), cue: String(cField: m.cue),
            cueSpan: Span?(cMessage: m.cue_span), quoteID: String(cField: m.quote_id), confidence: m.confidence,
            demanderSpan: Span?(cMessage: m.demander_span), addresseeSpan: Span?(cMessage: m.addressee_span))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__Demand>, in arena: CArena) throws(CodecError) {
        c.pointee.id = try arena.cString(id, field: "id")
        c.pointee.demander_id = try arena.cString(demanderID, field: "demander_id")
        c.pointee.addressee_id = try arena.cString(addresseeID, field: "addressee_id")
        c.pointee.action = try arena.cString(action, field: "action")
        c.pointee.action_span = try arena.message(actionSpan)
        c.pointee.cue = try arena.cString(cue, field: "cue")
        c.pointee.cue_span = try arena.message(cueSpan)
        c.pointee.quote_id = try arena.cString(quoteID, field: "quote_id")
        c.pointee.confidence = confidence
        c.pointee.demander_span = try arena.message(demanderSpan)
        c.pointee.addressee_span = try arena.message(addresseeSpan)
    }
}

extension AnalyzeOptions: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__AnalyzeOptions>) { quotewire__v1__analyze_options__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__AnalyzeOptions>) {
        self.init(
            offsetUnit: OffsetUnit(cValue: c.pointee.offset_unit.rawValue), minConfidence: c.pointee.min_confidence,
            skipDemands: c.pointee.skip_demands != 0)
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__AnalyzeOptions>, in arena: CArena) throws(CodecError) {
        c.pointee.offset_unit = .init(rawValue: offsetUnit.cValue())
        c.pointee.min_confidence = minConfidence
        c.pointee.skip_demands = skipDemands ? 1 : 0
    }
}

extension AnalyzeRequest: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__AnalyzeRequest>) { quotewire__v1__analyze_request__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__AnalyzeRequest>) {
        self.init(article: Article?(cMessage: c.pointee.article), options: AnalyzeOptions?(cMessage: c.pointee.options))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__AnalyzeRequest>, in arena: CArena) throws(CodecError) {
        c.pointee.article = try arena.message(article)
        c.pointee.options = try arena.message(options)
    }
}

extension AnalysisStats: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__AnalysisStats>) { quotewire__v1__analysis_stats__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__AnalysisStats>) {
        let m = c.pointee
        self.init(
            paragraphs: m.paragraphs, sentences: m.sentences, tokens: m.tokens, bodyBytes: m.body_bytes,
            analysisNanos: m.analysis_nanos)
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__AnalysisStats>, in arena: CArena) throws(CodecError) {
        c.pointee.paragraphs = paragraphs
        c.pointee.sentences = sentences
        c.pointee.tokens = tokens
        c.pointee.body_bytes = bodyBytes
        c.pointee.analysis_nanos = analysisNanos
    }
}

extension AnalyzeResponse: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__AnalyzeResponse>) { quotewire__v1__analyze_response__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__AnalyzeResponse>) {
        let m = c.pointee
        self.init(
            articleID: String(cField: m.article_id), actors: [Actor](cMessages: m.actors, count: m.n_actors),
            quotes: [Quote](cMessages: m.quotes, count: m.n_quotes),
            demands: [Demand](cMessages: m.demands, count: m.n_demands), stats: AnalysisStats?(cMessage: m.stats))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__AnalyzeResponse>, in arena: CArena) throws(CodecError) {
        c.pointee.article_id = try arena.cString(articleID, field: "article_id")
        c.pointee.n_actors = actors.count
        c.pointee.actors = try arena.messages(actors)
        c.pointee.n_quotes = quotes.count
        c.pointee.quotes = try arena.messages(quotes)
        c.pointee.n_demands = demands.count
        c.pointee.demands = try arena.messages(demands)
        c.pointee.stats = try arena.message(stats)
    }
}

extension PingRequest: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__PingRequest>) { quotewire__v1__ping_request__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__PingRequest>) {
        self.init(payload: [UInt8](binary: c.pointee.payload))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__PingRequest>, in arena: CArena) throws(CodecError) {
        c.pointee.payload = arena.binary(payload)
    }
}

extension PingResponse: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__PingResponse>) { quotewire__v1__ping_response__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__PingResponse>) {
        self.init(payload: [UInt8](binary: c.pointee.payload))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__PingResponse>, in arena: CArena) throws(CodecError) {
        c.pointee.payload = arena.binary(payload)
    }
}

extension InfoRequest: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__InfoRequest>) { quotewire__v1__info_request__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__InfoRequest>) {
        self.init()
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__InfoRequest>, in arena: CArena) throws(CodecError) {}
}

extension ServiceInfo: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__ServiceInfo>) { quotewire__v1__service_info__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__ServiceInfo>) {
        self.init(name: String(cField: c.pointee.name), methods: [String](cFields: c.pointee.methods, count: c.pointee.n_methods))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__ServiceInfo>, in arena: CArena) throws(CodecError) {
        c.pointee.name = try arena.cString(name, field: "name")
        c.pointee.n_methods = methods.count
        c.pointee.methods = try arena.cStrings(methods, field: "methods")
    }
}

extension ServerLimits: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__ServerLimits>) { quotewire__v1__server_limits__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__ServerLimits>) {
        let m = c.pointee
        self.init(
            maxFrameBytes: m.max_frame_bytes, maxConnections: m.max_connections,
            maxStreamsPerConnection: m.max_streams_per_connection, idleTimeoutMillis: m.idle_timeout_millis,
            shutdownGraceMillis: m.shutdown_grace_millis)
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__ServerLimits>, in arena: CArena) throws(CodecError) {
        c.pointee.max_frame_bytes = maxFrameBytes
        c.pointee.max_connections = maxConnections
        c.pointee.max_streams_per_connection = maxStreamsPerConnection
        c.pointee.idle_timeout_millis = idleTimeoutMillis
        c.pointee.shutdown_grace_millis = shutdownGraceMillis
    }
}

extension InfoResponse: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Quotewire__V1__InfoResponse>) { quotewire__v1__info_response__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Quotewire__V1__InfoResponse>) {
        self.init(
            version: String(cField: c.pointee.version),
            services: [ServiceInfo](cMessages: c.pointee.services, count: c.pointee.n_services),
            limits: ServerLimits?(cMessage: c.pointee.limits))
    }

    func fill(_ c: UnsafeMutablePointer<Quotewire__V1__InfoResponse>, in arena: CArena) throws(CodecError) {
        c.pointee.version = try arena.cString(version, field: "version")
        c.pointee.n_services = services.count
        c.pointee.services = try arena.messages(services)
        c.pointee.limits = try arena.message(limits)
    }
}
