import Foundation
import Testing

@testable import PeerConsultKit

/// A note's advice flag and an action's due date are in the derived notes, so an anonymised
/// JSON export, which has no events, keeps them as the Markdown and HTML do.
@Suite struct DerivedNoteTests {
  @Test func theAdviceFlagAndTheDueDateAreInEveryJSONExport() throws {
    let store = try StoreFixture()
    let live = try store.live()
    try live.start()
    // Check-in, presenting, then questions, where advice dressed as a question is flagged.
    try live.next()
    try live.next()
    let question = try live.addNote(
      NoteContent(text: "Have you tried asking them?", kind: .question))
    let action = try live.addNote(
      NoteContent(text: "Bring the figures by 2027-02-01", kind: .action, owner: 1))
    let plain = try live.addNote(NoteContent(text: "Trust is low", kind: .insight))
    try live.finish()
    let record = try store.database.record(of: live.id)
    for anonymise in [false, true] {
      let text = try SessionExport.render(
        [record], as: .json, options: ShareOptions(anonymise: anonymise))
      let file = try #require(
        try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
      let session = try #require((file["sessions"] as? [[String: Any]])?.first)
      let notes = try #require((session["derived"] as? [String: Any])?["notes"] as? [[String: Any]])
      func note(_ id: Int) -> [String: Any]? { notes.first { $0["id"] as? Int == id } }
      #expect(note(question.id)?["advice"] as? Bool == true, "anonymised: \(anonymise)")
      #expect(note(action.id)?["due"] as? String == "2027-02-01", "anonymised: \(anonymise)")
      #expect(note(plain.id)?["advice"] == nil && note(plain.id)?["due"] == nil)
    }
    // The minutes say the date too, for the group to check how "by …" was read.
    for format in [ShareFormat.markdown, .html] {
      let text = try SessionExport.render([record], as: format)
      #expect(text.contains("owner: Ben; due 2027-02-01;"), "\(format)")
    }
  }
}
