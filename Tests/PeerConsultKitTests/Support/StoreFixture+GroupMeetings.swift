import Foundation

@testable import PeerConsultKit

extension StoreFixture {
  /// Two meetings of a standing group "North", a week apart: the first ("North 1") agrees
  /// `actions` (each a text and its owner's index) and finishes; the second ("North 2") marks
  /// the first action done, carries the second forward with `carried`, and drops the third
  /// because the police joined. The second is left unstarted.
  func northMeetings(
    agreeing actions: [(text: String, owner: Int)], carried: String, timeZone: TimeZone? = nil
  ) throws -> (group: GroupID, first: LiveSession, second: LiveSession) {
    let group = try database.createGroup(
      name: "North", programme: "Alcohol Plan", members: Fixtures.participants, at: clock.now())
    var setup = Fixtures.setup(title: "North 1")
    setup.group = group.id
    let first = try live(setup)
    if let timeZone { first.timeZone = timeZone }
    try first.start()
    for (text, owner) in actions {
      try first.addNote(NoteContent(text: text, kind: .action, owner: owner))
    }
    try first.finish()
    clock.advance(by: 7 * 24 * 3600)
    setup.title = "North 2"
    let second = try live(setup)
    try second.followUp(ActionReference(session: first.id, note: 1), .done)
    try second.followUp(ActionReference(session: first.id, note: 2), .carried(note: carried))
    try second.followUp(
      ActionReference(session: first.id, note: 3), .dropped(reason: "Police joined us"))
    return (group.id, first, second)
  }
}
