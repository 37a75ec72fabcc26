import Foundation
import QuotewireModel

/// Proto3 JSON decoding of the request messages `quotewire call` sends:
/// lowerCamelCase or original field names, `null` for the default, enums by
/// name or number; a member of no field is an error naming it.
enum RequestJSON {
    /// The members of a JSON object, each name checked against `fields` (JSON and proto names).
    static func members(
        _ json: JSONValue, of message: String, fields: [String: String]
    ) throws(JSONMappingError) -> [(field: String, value: JSONValue)] {
        guard case .object(let members) = json else {
            throw JSONMappingError(field: nil, reason: "\(message) must be a JSON object")
        }
        var result: [(String, JSONValue)] = []
        for (key, value) in members {
            guard let field = fields[key] else {
                let known = Set(fields.values).sorted().joined(separator: ", ")
                throw JSONMappingError(field: key, reason: "\(message) has no such field (fields: \(known))")
            }
            if value != .null { result.append((field, value)) }
        }
        return result
    }

    static func analyzeRequest(_ json: JSONValue) throws(JSONMappingError) -> AnalyzeRequest {
        var request = AnalyzeRequest()
        for (field, value) in try members(json, of: "AnalyzeRequest", fields: ["article": "article", "options": "options"]) {
            if field == "article" {
                request.article = try Article(protobufJSON: value)
            } else {
                request.options = try analyzeOptions(value)
            }
        }
        return request
    }

    static func analyzeOptions(_ json: JSONValue) throws(JSONMappingError) -> AnalyzeOptions {
        var options = AnalyzeOptions()
        let fields = [
            "offsetUnit": "offsetUnit", "offset_unit": "offsetUnit", "minConfidence": "minConfidence",
            "min_confidence": "minConfidence", "skipDemands": "skipDemands", "skip_demands": "skipDemands",
        ]
        for (field, value) in try members(json, of: "AnalyzeOptions", fields: fields) {
            switch (field, value) {
            case ("offsetUnit", .string(let name)):
                guard let unit = OffsetUnit(protobufName: name) else {
                    throw JSONMappingError(field: field, reason: "no OffsetUnit named \(name)")
                }
                options.offsetUnit = unit
            case ("offsetUnit", .number(let text)):
                guard let number = Int32(text) else { throw JSONMappingError(field: field, reason: "not an enum number: \(text)") }
                options.offsetUnit = OffsetUnit(protobufValue: number)
            case ("minConfidence", .number(let text)):
                guard let number = Float(text) else { throw JSONMappingError(field: field, reason: "not a number: \(text)") }
                options.minConfidence = number
            case ("skipDemands", .bool(let flag)):
                options.skipDemands = flag
            default:
                throw JSONMappingError(field: field, reason: "wrong JSON type")
            }
        }
        return options
    }

    static func pingRequest(_ json: JSONValue) throws(JSONMappingError) -> PingRequest {
        var request = PingRequest()
        for (field, value) in try members(json, of: "PingRequest", fields: ["payload": "payload"]) {
            guard case .string(let text) = value, let bytes = Data(base64Encoded: text) else {
                throw JSONMappingError(field: field, reason: "bytes must be a base64 string")
            }
            request.payload = [UInt8](bytes)
        }
        return request
    }

    static func infoRequest(_ json: JSONValue) throws(JSONMappingError) -> InfoRequest {
        _ = try members(json, of: "InfoRequest", fields: [:])
        return InfoRequest()
    }

    static func healthCheckRequest(_ json: JSONValue) throws(JSONMappingError) -> HealthCheckRequest {
        var request = HealthCheckRequest()
        for (field, value) in try members(json, of: "HealthCheckRequest", fields: ["service": "service"]) {
            guard case .string(let service) = value else { throw JSONMappingError(field: field, reason: "expected a string") }
            request.service = service
        }
        return request
    }
}
