import CQuotewireProto

extension HealthCheckRequest: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Grpc__Health__V1__HealthCheckRequest>) { grpc__health__v1__health_check_request__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Grpc__Health__V1__HealthCheckRequest>) {
        self.init(service: String(cField: c.pointee.service))
    }

    func fill(_ c: UnsafeMutablePointer<Grpc__Health__V1__HealthCheckRequest>, in arena: CArena) throws(CodecError) {
        c.pointee.service = try arena.cString(service, field: "service")
    }
}

extension HealthCheckResponse: ProtobufCBridged {
    static func cInit(_ message: UnsafeMutablePointer<Grpc__Health__V1__HealthCheckResponse>) { grpc__health__v1__health_check_response__init(message) }
    static let descriptorReference = DescriptorReference(of: cInit)

    init(cMessage c: UnsafePointer<Grpc__Health__V1__HealthCheckResponse>) {
        self.init(status: ServingStatus(cValue: c.pointee.status.rawValue))
    }

    func fill(_ c: UnsafeMutablePointer<Grpc__Health__V1__HealthCheckResponse>, in arena: CArena) throws(CodecError) {
        c.pointee.status = .init(rawValue: status.cValue())
    }
}
