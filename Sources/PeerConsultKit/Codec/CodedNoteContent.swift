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
  /// An action's due date (``ActionDue/code``), written only when it has one, so notes stored
  /// before due dates existed read as having none and keep their pinned payloads.
  let due: String?

  init(_ content: NoteContent) {
    text = content.text
    kind = content.kind.rawValue
    speaker = content.speaker
    owner = content.owner
    advice = content.looksLikeAdvice ? true : nil
    due = content.due?.code
  }

  init(from decoder: any Decoder) throws {
    let container = try decoder.container(keyedBy: CodingKeys.self)
    text = try container.decode(String.self, forKey: .text)
    kind = try container.decodeName(of: NoteKind.self, forKey: .kind).rawValue
    speaker = try container.decodeIfPresent(Int.self, forKey: .speaker)
    owner = try container.decodeIfPresent(Int.self, forKey: .owner)
    advice = try container.decodeIfPresent(Bool.self, forKey: .advice)
    due = try container.decodeIfPresent(String.self, forKey: .due)
    if let due, ActionDue(code: due) == nil {
      throw DecodingError.dataCorruptedError(
        forKey: .due, in: container,
        debugDescription: "\"\(due)\" is not a day like 2027-01-15 or next-session")
    }
  }

  var content: NoteContent {
    NoteContent(
      text: text, kind: NoteKind(rawValue: kind)!, speaker: speaker, owner: owner,
      looksLikeAdvice: advice ?? false, due: due.flatMap(ActionDue.init(code:)))
  }
}
