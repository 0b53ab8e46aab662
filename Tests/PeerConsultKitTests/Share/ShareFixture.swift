import Foundation

@testable import PeerConsultKit

/// Sessions full of what sharing must get right, recorded with a manual clock and fixed ids so
/// every export is the same on every run: names with accents, apostrophes, hyphens and CJK,
/// names inside notes, edits, a deletion, actions, ratings, a latecomer, markup in a note, and
/// a session that has not finished.
enum ShareFixture {
  static let firstID = SessionID(rawValue: "0123456789abcdef0123456789abcdef")!
  static let secondID = SessionID(rawValue: "4567456745674567abcdabcdabcdabcd")!
  static let otherID = SessionID(rawValue: "fedcba9876543210fedcba9876543210")!

  static let zoe = Participant(
    name: "Zoë Ångström", organisation: "Leeds City Council", level: .senior)
  static let sean = Participant(
    name: "Seán O'Neill", organisation: "NHS West Yorkshire", level: .frontline)
  static let wei = Participant(name: "王伟", organisation: "West Yorkshire Police", level: .middle)
  static let anneMarie = Participant(
    name: "Anne-Marie Smith-Jones", organisation: "Citizens Advice", level: .frontline)
  static let ben = Participant(
    name: "Ben Okafor", organisation: "Leeds City Council", level: .other)
  static let priya = Participant(
    name: "Dr Priya Patel", organisation: "Turning Point", level: .frontline)
  static let tom = Participant(name: "Tom Reyes", organisation: "Probation", level: .middle)

  /// Everyone whose name and organisation must never appear in an anonymised export.
  static let everyone = [zoe, sean, wei, anneMarie, ben, priya, tom]

  /// A protocol read from a file whose path names its owner.
  static let fileProtocol: ConsultingProtocol = {
    var consultingProtocol = Fixtures.consultingProtocol
    consultingProtocol.source = .file(path: "/home/zoe.angstrom/protocols/mini.yaml")
    return consultingProtocol
  }()

  /// The three sessions in `store`: two of the Alcohol Plan, one of another programme.
  @discardableResult
  static func record(into store: any SessionStore) throws -> [SessionID] {
    try first(store)
    try second(store)
    try other(store)
    return [firstID, secondID, otherID]
  }

  /// The records of all three sessions, rebuilt from an in-memory store.
  static func records() throws -> [SessionRecord] {
    let store = try AppDatabase.inMemory()
    return try record(into: store).map { try SessionRecord(id: $0, events: store.events(of: $0)) }
  }

  /// The Alcohol Plan's two records.
  static func programmeRecords() throws -> [SessionRecord] {
    try records().filter { $0.state.setup.programme == "Alcohol Plan" }
  }

  /// A finished session of two rounds with a latecomer.
  static func first(_ store: any SessionStore) throws {
    let clock = ManualClock(Fixtures.start)
    let setup = SessionSetup(
      title: "Referrals with Seán", programme: "Alcohol Plan",
      consultingProtocol: Fixtures.consultingProtocol, participants: [zoe, sean, wei, anneMarie],
      rounds: [
        SessionRound(presenter: 1, focusQuestion: "How do I get Zoe's team to share data?"),
        SessionRound(presenter: 0),
      ])
    let session = try LiveSession.create(setup, id: firstID, store: store, clock: clock)
    func after(_ seconds: TimeInterval) { clock.advance(by: seconds) }
    after(30)
    try session.start()
    after(20.123)
    try session.addNote(
      .init(text: "Glad to be here; 王伟 brought biscuits.", kind: .other, speaker: 3))
    after(40)
    try session.next()  // Round 1: Presenting
    after(60)
    try session.addNote(
      .init(
        text: "The referral backlog at NHS West Yorkshire doubled since May.", kind: .insight,
        speaker: 1))
    after(45)
    try session.next()  // Questions
    after(30)
    try session.addNote(
      .init(text: "What does zoe think about the pilot?", kind: .question, speaker: 2))
    after(25)
    try session.addNote(
      .init(text: "Have you asked O’Neill's manager?", kind: .question, speaker: 0))
    try session.togglePause()
    after(90)
    try session.togglePause()
    after(20)
    try session.addNote(.init(text: "ONeill will follow it up.", kind: .question, speaker: 3))
    try session.next()  // Sense-making
    after(15)
    try session.addNote(
      .init(text: "Trust between Leeds City Council and the NHS is thin.", kind: .theme))
    after(10)
    try session.addNote(
      .init(text: "Shared triage worked in Smith-Jones's pilot.", kind: .worksWell, speaker: 1))
    after(10)
    let blockage = try session.addNote(
      .init(text: "Data sharing agreements take months.", kind: .blockage))
    after(10)
    try session.editNote(
      blockage.id,
      to: .init(
        text: "Data-sharing agreements take six months at leeds city council.", kind: .blockage))
    after(5)
    let offTheRecord = try session.addNote(
      .init(text: "Anne-Marie said something off the record.", kind: .other, speaker: 3))
    after(5)
    try session.deleteNote(offTheRecord.id)
    after(10)
    let email = try session.addNote(
      .init(text: "Seán to email the licensing lead.", kind: .action, speaker: 1, owner: 1))
    try session.adjustTime(minutes: 1)
    after(40)
    try session.next()  // Round 2: Presenting
    after(30)
    try session.addNote(.init(text: "我和王伟谈过 about the night-time hub.", kind: .insight, speaker: 0))
    try session.addParticipant(ben)
    after(50)
    try session.next()  // Questions
    after(20)
    try session.addNote(
      .init(
        text: "<script>alert(1)</script> & \"quotes\" &lt; — is *this* [a link](javascript:x)?",
        kind: .question, speaker: 4))
    after(30)
    try session.addNote(
      .init(text: "Marie and zoë to map the referral routes.", kind: .action, speaker: 2, owner: 0))
    try session.next()  // Sense-making
    after(40)
    try session.addNote(
      .init(
        text: "Line one about Ångström\n# not a heading\n- not a list\n1. nor a numbered one",
        kind: .theme))
    try session.setActionDone(email.id, true)
    after(20)
    try session.next()  // Process review
    after(20)
    try session.addNote(
      .init(text: "Good pace; Anne-Marie kept us to time.", kind: .feedback, speaker: 2))
    try session.rateProcess(participant: 0, rating: 4)
    try session.rateProcess(participant: 1, rating: 5)
    try session.rateProcess(participant: 2, rating: 3)
    after(35)
    try session.finish()
  }

  /// The second session's setup: a protocol from a file and a focus question.
  static let secondSetup = SessionSetup(
    title: "Hub design with Dr Patel", programme: "Alcohol Plan",
    consultingProtocol: fileProtocol, participants: [zoe, priya, sean],
    rounds: [SessionRound(presenter: 1, focusQuestion: "Can Zoë's council host the hub?")])

  /// A week later, one round, not finished, with a protocol from a file.
  static func second(_ store: any SessionStore) throws {
    let clock = ManualClock(Fixtures.start.addingTimeInterval(7 * 86_400 + 3_600))
    let session = try LiveSession.create(secondSetup, id: secondID, store: store, clock: clock)
    clock.advance(by: 10)
    try session.start()
    clock.advance(by: 30)
    try session.next()
    try session.addNote(.init(text: "Patel's hub works because it opens late.", kind: .worksWell))
    clock.advance(by: 60)
    try session.next()
    try session.addNote(.init(text: "Funding ends in March.", kind: .blockage, speaker: 0))
    try session.next()
    try session.addNote(.init(text: "Late opening keeps coming up.", kind: .theme))
    try session.addNote(
      .init(text: "Priya to draft the shared protocol.", kind: .action, speaker: 1, owner: 1))
    clock.advance(by: 45)
  }

  /// Another programme's session, which the Alcohol Plan's harvest leaves out.
  static func other(_ store: any SessionStore) throws {
    let clock = ManualClock(Fixtures.start.addingTimeInterval(2 * 86_400))
    let setup = SessionSetup(
      title: "Street pastors", programme: "Night Economy",
      consultingProtocol: Fixtures.consultingProtocol, participants: [tom, zoe],
      rounds: [SessionRound(presenter: 0)])
    let session = try LiveSession.create(setup, id: otherID, store: store, clock: clock)
    try session.start()
    try session.addNote(.init(text: "Tom knows the pastors well.", kind: .insight, speaker: 0))
    clock.advance(by: 60)
    try session.finish()
  }

  /// UTC, so golden files do not depend on where the tests run.
  static let utc = ShareOptions(timeZone: TimeZone(identifier: "UTC")!)
  static let anonymisedUTC = ShareOptions(anonymise: true, timeZone: TimeZone(identifier: "UTC")!)
}
