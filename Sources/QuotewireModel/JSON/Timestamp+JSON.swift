extension Timestamp: ProtobufJSONEncodable {
    /// RFC 3339 in UTC with 0, 3, 6 or 9 fractional digits, as proto3 JSON
    /// writes `google.protobuf.Timestamp`.
    public var protobufJSON: JSONValue { .string(rfc3339) }

    /// The time as an RFC 3339 string, e.g. `"2026-11-30T21:20:00Z"`.
    public var rfc3339: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let (year, month, day) = Self.civilDate(daysSinceEpoch: days)
        func pad(_ value: Int64, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
        text += "\(pad(secondOfDay / 3600, 2)):\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
        if nanos > 0 {
            let fraction = Int64(nanos)
            if fraction % 1_000_000 == 0 {
                text += "." + pad(fraction / 1_000_000, 3)
            } else if fraction % 1_000 == 0 {
                text += "." + pad(fraction / 1_000, 6)
            } else {
                text += "." + pad(fraction, 9)
            }
        }
        return text + "Z"
    }

    /// Howard Hinnant's civil-from-days: the proleptic Gregorian date of a day count.
    private static func civilDate(daysSinceEpoch: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}

extension Timestamp: ProtobufJSONDecodable {
    /// Reads the RFC 3339 string proto3 JSON writes for a Timestamp.
    public init(protobufJSON json: JSONValue, options: JSONDecodingOptions) throws(JSONMappingError) {
        guard case .string(let text) = json else {
            throw JSONMappingError(field: nil, reason: "expected an RFC 3339 time string")
        }
        guard let time = Timestamp(rfc3339: text) else {
            throw JSONMappingError(field: nil, reason: "not an RFC 3339 time: \"\(text)\"")
        }
        self = time
    }
}
