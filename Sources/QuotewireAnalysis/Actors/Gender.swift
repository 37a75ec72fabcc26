/// Grammatical gender of a person actor, as far as pronouns, honorifics and first names tell.
enum Gender: UInt8, Sendable {
    case unknown
    case female
    case male
}
