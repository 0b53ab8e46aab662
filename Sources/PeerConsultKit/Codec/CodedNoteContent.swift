import Foundation

/// ``NoteContent``: what a note says, its kind, and who said it or owns it, if anyone.
struct CodedNoteContent: Codable {
  let text: String
  let kind: String
  let speaker: Int?
  let owner: Int?
  /// Written only when true, so notes stored before the flag existed read as not flagged and
  /// unflagged notes keep their pinned payloads.
  let advice: Bool?

  init(_ content: NoteContent) {
    text = content.text
    kind = content.kind.rawValue
    speaker = content.speaker
    owner = content.owner
    advice = content.looksLikeAdvice ? true : nil
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    text = try container.decode(String.self, forKey: .text)
    kind = try container.decodeName(of: NoteKind.self, forKey: .kind).rawValue
    speaker = try container.decodeIfPresent(Int.self, forKey: .speaker)
    owner = try container.decodeIfPresent(Int.self, forKey: .owner)
    advice = try container.decodeIfPresent(Bool.self, forKey: .advice)
  }

  var content: NoteContent {
    NoteContent(
      text: text, kind: NoteKind(rawValue: kind)!, speaker: speaker, owner: owner,
      looksLikeAdvice: advice ?? false)
  }
}
