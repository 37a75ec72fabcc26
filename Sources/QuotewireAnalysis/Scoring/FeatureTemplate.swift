/// What a feature looks at. The raw values are part of the trained model's meaning: append new
/// templates, never renumber.
enum FeatureTemplate: UInt16, Sendable {
    case bias = 1
    case origin
    case cueWord
    case cueWordAndOrigin
    case cuePrior
    case ruleCueAndOrigin
    case ruleChoiceAndRule
    case wordBeforeCue
    case wordAfterCue
    case kindBeforeCueAndOrigin
    case kindAfterCueAndOrigin
    case lengthAndOrigin
    case quoteKindAndOrigin
    case firstWordOfSpan
    case tokenBeforeSpan
    case tokenAfterSpan
    case endsSentenceAndOrigin
    case cueQuoted
    case cuePositionInSentence
    case speakerAndOrigin
    case cueFormAndOrigin
    case cueWordAndNextKind
    case gapAndOrigin
    case headline
    case quoteMarksInSpan
    case cueWordAndNextWord
    case lastWordOfSpan
    case cueCapitalized
    case priorAndOrigin
    case sentenceQuotedAndOrigin
    case wordAfterSpanBreak
    case commasInSpanAndOrigin
    case cuesInSpanAndOrigin
    case firstKindAndOrigin
    case lengthAndCueWord
    case afterBreakAndOrigin
    case speakerBias
    case speakerOrigin
    case speakerOriginAndCueWord
    case speakerOriginAndLength
    case speakerOriginAndShape
    case speakerOriginAndDistance
    case speakerFirstWord
    case speakerLastWord
    case speakerOriginAndRuleCue
    case speakerOriginAndCount
    case speakerBeforeKind
    case speakerInsideContent
    case speakerOriginAndContentOrigin
    case speakerClassesAndOrigin
    case speakerWordBeforeAndOrigin
    case speakerWordAfterAndOrigin
    case speakerOriginAndOthers
    case speakerSideOfContent
}
