extension AnyMessage: ProtobufJSONEncodable {
    /// Without the type registry the proto3 mapping needs to unfold the value,
    /// it is written as its type URL and base64 bytes.
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("@type", typeURL)
        json.add("value", bytes: value)
        return json.object
    }
}

extension RPCStatus: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("code", code)
        json.add("message", message)
        json.add("details", details)
        return json.object
    }
}

extension KeyValue: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("key", key)
        json.add("value", value)
        return json.object
    }
}

extension TTRPCRequest: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("service", service)
        json.add("method", method)
        json.add("payload", bytes: payload)
        json.add("timeoutNano", timeoutNano)
        json.add("metadata", metadata)
        return json.object
    }
}

extension TTRPCResponse: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("status", status)
        json.add("payload", bytes: payload)
        return json.object
    }
}

extension HealthCheckRequest: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("service", service)
        return json.object
    }
}

extension HealthCheckResponse: ProtobufJSONEncodable {
    public var protobufJSON: JSONValue {
        var json = JSONObjectBuilder()
        json.add("status", status)
        return json.object
    }
}
