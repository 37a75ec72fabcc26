import ArgumentParser
import QuotewireModel

/// `--offsets utf8|utf16|unicode`.
enum OffsetUnitArgument: String, ExpressibleByArgument, CaseIterable {
    case utf8, utf16, unicode

    var offsetUnit: OffsetUnit {
        switch self {
        case .utf8: return .utf8
        case .utf16: return .utf16
        case .unicode: return .unicodeScalar
        }
    }
}
