import Foundation
import GRDB
import Testing

@testable import PeerConsultKit

/// Deleting a session and erasing a person leave no byte of what was removed in the database
/// file, its WAL or its free pages: checked by reading the files themselves.
@Suite struct ErasureTests {
  static let priya = Participant(
    name: "Priya Kowalczyk", organisation: "Quillfeather Trust", level: .senior)

  /// A session with Priya in it, her name in the title, a note about her edited twice (so the
  /// old versions sit in the log), an action she owns, and a second session without her.
  private func seeded() throws -> (StoreFixture, with: LiveSession, without: LiveSession) {
    let store = try StoreFixture()
    var setup = Fixtures.setup(title: "Hub design with Kowalczyk")
    setup.participants.append(Self.priya)
    setup.rounds.append(SessionRound(presenter: 3, focusQuestion: "Can Priya's trust host it?"))
    let with = try store.live(setup)
    try with.start()
    let note = try with.addNote(
      .init(text: "Priya said the XYZZYPLUGH plan works", kind: .insight, speaker: 3))
    try with.editNote(
      note.id, to: .init(text: "Kowalczyk said the plan works", kind: .insight, speaker: 3))
    try with.editNote(
      note.id, to: .init(text: "The plan works, says PriyaK", kind: .insight, speaker: 3))
    try with.addNote(.init(text: "Priya to call the Quillfeather Trust", kind: .action, owner: 3))
    let without = try store.live(Fixtures.setup(title: "Street pastors"))
    try without.start()
    try without.addNote(.init(text: "The FROBNITZ pilot started", kind: .insight))
    return (store, with, without)
  }

  /// Every byte of the database file and of its WAL, if there is one.
  private func bytes(of store: StoreFixture) throws -> Data {
    var data = try Data(contentsOf: store.file)
    let wal = URL(fileURLWithPath: store.file.path + "-wal")
    if let walData = try? Data(contentsOf: wal) { data.append(walData) }
    return data
  }

  private func contains(_ data: Data, _ word: String) -> Bool {
    for form in [word, word.lowercased(), word.uppercased()]
    where data.range(of: Data(form.utf8)) != nil {
      return true
    }
    return false
  }

  @Test func aDeletedSessionLeavesNoByteBehind() throws {
    let (store, with, without) = try seeded()
    #expect(contains(try bytes(of: store), "XYZZYPLUGH"))
    try store.database.deleteSession(with.id)
    #expect(throws: StoreError.noSuchSession(with.id.rawValue)) {
      try store.database.loadSession(with.id)
    }
    #expect(try store.database.searchNotes("plan").isEmpty)
    #expect(try store.database.searchNotes("frobnitz").count == 1)
    #expect(try store.database.loadSession(without.id).visibleNotes.count == 1)
    let data = try bytes(of: store)
    for secret in ["XYZZYPLUGH", "Kowalczyk", "Quillfeather", "PriyaK"] {
      #expect(!contains(data, secret), "\(secret) is still in the file")
    }
    let free = try store.database.writer.read { try Int.fetchOne($0, sql: "PRAGMA freelist_count") }
    #expect(free == 0)
  }

  @Test func anErasedPersonLeavesNoByteBehindAndTheSessionsStillRebuild() throws {
    let (store, with, without) = try seeded()
    let before = try bytes(of: store)
    #expect(contains(before, "Kowalczyk") && contains(before, "Quillfeather"))
    let erasure = try store.database.erasePerson(named: "priya kowalczyk", at: store.clock.now())
    #expect(erasure == Erasure(pseudonym: "[Erased person 1]", sessions: [with.id]))
    let state = try store.database.loadSession(with.id)
    #expect(state.participants[3].name == "[Erased person 1]")
    #expect(state.participants[3].organisation == PersonEraser.erasedOrganisation)
    #expect(state.setup.title == "Hub design with [Erased person 1]")
    #expect(state.setup.rounds[2].focusQuestion == "Can [Erased person 1]'s trust host it?")
    #expect(state.notes[0].text == "The plan works, says [Erased person 1]")
    #expect(
      state.notes[0].history.map(\.content.text) == [
        "[Erased person 1] said the XYZZYPLUGH plan works", "[Erased person 1] said the plan works",
      ])
    #expect(state.notes[1].owner == 3)
    let events = try store.database.events(of: with.id)
    #expect(events.last?.event == .personErased(pseudonym: "[Erased person 1]"))
    #expect(try store.database.loadSession(without.id).visibleNotes.count == 1)
    #expect(try store.database.searchNotes("Kowalczyk").isEmpty)
    #expect(try store.database.searchNotes("erased").count == 2)
    #expect(state.notes[1].text == "[Erased person 1] to call the [erased organisation]")
    let data = try bytes(of: store)
    for secret in ["Kowalczyk", "Quillfeather", "PriyaK", "Priya"] {
      #expect(!contains(data, secret), "\(secret) is still in the file")
    }
    // The next person erased has a pseudonym of their own.
    #expect(
      try store.database.erasePerson(named: "Ben", at: store.clock.now()).pseudonym
        == "[Erased person 2]")
  }

  @Test func aCJKNameTypedAsOneWordIsErasedWhereItsGivenNameIsWrittenAlone() throws {
    let wang = Participant(name: "王小明", organisation: "Police", level: .middle)
    let eraser = PersonEraser(
      name: "王小明", pseudonym: "[Erased person 1]", participants: [wang, ShareFixture.zoe])
    let setup = SessionSetup(
      title: "小明的计划", programme: "王 小明 and Zoë", consultingProtocol: Fixtures.consultingProtocol,
      participants: [wang, ShareFixture.zoe], presenters: [0])
    guard case .created(setup: let erased) = eraser.erase(.created(setup: setup)) else {
      Issue.record("the setup is no longer a setup")
      return
    }
    #expect(erased.title == "[Erased person 1]的计划")
    #expect(erased.programme == "[Erased person 1] and Zoë")
  }

  /// When the free space cannot be cleared after the removal is committed (a full disk; here
  /// a reader that keeps the log from being folded back), the session is removed all the same
  /// and says so, instead of a failure that a retry contradicted ("No session matches"); the
  /// next opening for writing clears what is left.
  @Test func aRemovalWhoseClearingFailsIsStillARemovalAndIsClearedLater() throws {
    let (store, with, without) = try seeded()
    try with.finish()
    try without.finish()
    // Another connection in the middle of a read: the log cannot be truncated under it.
    var configuration = Configuration()
    configuration.allowsUnsafeTransactions = true
    let reader = try DatabaseQueue(path: store.file.path, configuration: configuration)
    try reader.inDatabase { db in
      try db.execute(sql: "BEGIN")
      _ = try Int.fetchOne(db, sql: "SELECT count(*) FROM sessions")
    }
    let cleared = try store.database.deleteSession(with.id)
    #expect(!cleared)
    #expect(try store.database.sessions().map(\.id) == [without.id])
    // An opening for writing while the reader goes on gives the clearing up at once instead
    // of holding every writer (a live session's notes) for the busy timeout.
    let started = Date()
    let meanwhile = try store.reopen()
    #expect(Date().timeIntervalSince(started) < 2)
    #expect(
      try meanwhile.writer.read {
        try Bool.fetchOne(
          $0, sql: "SELECT 1 FROM meta WHERE key = ?", arguments: [AppDatabase.scrubPendingKey])
      } == true)
    try reader.inDatabase { try $0.execute(sql: "COMMIT") }
    try meanwhile.close()
    try reader.close()
    try store.database.close()
    func pending() throws -> Bool {
      try DatabaseQueue(path: store.file.path).read { db in
        try Bool.fetchOne(
          db, sql: "SELECT 1 FROM meta WHERE key = ?", arguments: [AppDatabase.scrubPendingKey])
          ?? false
      }
    }
    #expect(try pending())
    // The next opening for writing clears it.
    let reopened = try store.reopen()
    #expect(try reopened.sessions().map(\.id) == [without.id])
    try reopened.close()
    #expect(try !pending())
    #expect(!contains(try bytes(of: store), "XYZZYPLUGH"))
  }

  /// Two people of one session called alike but for accents ("Zoë Müller", "Zoe Muller"):
  /// the one named as written is erased and the other stays; a name written as neither is
  /// refused, erasing nothing. Both were erased into one pseudonym, and the session, with
  /// two people of one name, no longer rebuilt.
  @Test func ofTwoPeopleCalledAlikeOnlyTheOneNamedAsWrittenIsErased() throws {
    let store = try StoreFixture()
    var setup = Fixtures.setup(title: "Twins")
    setup.participants += [
      Participant(name: "Zoë Müller", organisation: "Council", level: .senior),
      Participant(name: "Zoe Muller", organisation: "Council", level: .middle),
    ]
    let live = try store.live(setup)
    try live.start()
    try live.finish()
    let before = try store.database.events(of: live.id)
    #expect(
      throws: StoreError.ambiguousPerson(
        "Zoe Müller", session: live.id, spellings: ["Zoë Müller", "Zoe Muller"])
    ) {
      try store.database.erasePerson(named: "Zoe Müller", at: store.clock.now())
    }
    #expect(try store.database.events(of: live.id) == before)
    _ = try store.database.erasePerson(named: "zoe muller", at: store.clock.now())
    let state = try store.database.loadSession(live.id)
    #expect(state.participants.map(\.name).suffix(2) == ["Zoë Müller", "[Erased person 1]"])
    #expect(try store.database.record(of: live.id).state == state)
  }

  /// A choice made for sharing names the person too ("replace Priya"): before, it kept her
  /// name in the log, and in every JSON export, after she was erased.
  @Test func aChoiceForSharingHerNameIsErasedWithIt() throws {
    let (store, with, _) = try seeded()
    try with.chooseForSharing("Priya", replace: true)
    try with.chooseForSharing("PriyaK's", replace: false)
    try with.chooseForSharing("XYZZYPLUGH", replace: false)
    _ = try store.database.erasePerson(named: "Priya Kowalczyk", at: store.clock.now())
    let state = try store.database.loadSession(with.id)
    #expect(
      state.shareChoices == [
        "[erased person 1]": true, "[erased person 1]'s": false, "xyzzyplugh": false,
      ])
    for secret in ["Priya", "PriyaK"] {
      #expect(!contains(try bytes(of: store), secret), "\(secret) is still in the file")
    }
  }

  /// A name split by a character nobody sees (pasted in with a note) is the name, and is
  /// erased with it; before, "Kowal\u{200B}czyk" stayed in the log, and in the file.
  @Test func aNameSplitByACharacterNobodySeesIsErased() throws {
    let (store, with, _) = try seeded()
    try with.addNote(
      .init(
        text: "Kowal\u{200B}czyk and Pri\u{AD}ya Kowal\u{2060}czyk agreed, said Pri\u{200E}ya",
        kind: .insight))
    _ = try store.database.erasePerson(named: "Priya Kowalczyk", at: store.clock.now())
    let state = try store.database.loadSession(with.id)
    #expect(
      state.visibleNotes.last?.text
        == "[Erased person 1] and [Erased person 1] agreed, said [Erased person 1]")
    let data = try bytes(of: store)
    for secret in ["Kowal\u{200B}czyk", "Pri\u{AD}ya", "Kowal\u{2060}czyk", "Pri\u{200E}ya"] {
      #expect(!contains(data, secret), "\(secret.debugDescription) is still in the file")
    }
  }

  /// Her name pasted with two spaces in one session is her name: before, that session was
  /// left as it was while the command said she was erased. Her e-mail address goes whole.
  @Test func aNameWrittenWithTwoSpacesOrInAnAddressIsErased() throws {
    let (store, with, _) = try seeded()
    try with.addNote(.init(text: "Write to priya.kowalczyk@trust.org", kind: .insight))
    var setup = Fixtures.setup(title: "Second look")
    setup.participants.append(
      Participant(name: " Priya  Kowalczyk ", organisation: "Quillfeather Trust", level: .senior))
    let pasted = try store.live(setup)
    try pasted.start()
    try pasted.addNote(.init(text: "Agreed with the hub", kind: .insight, speaker: 3))
    let erasure = try store.database.erasePerson(named: "Priya Kowalczyk", at: store.clock.now())
    #expect(Set(erasure.sessions) == [with.id, pasted.id])
    #expect(try store.database.loadSession(pasted.id).participants[3].name == "[Erased person 1]")
    #expect(
      try store.database.loadSession(with.id).visibleNotes.last?.text
        == "Write to [Erased person 1]@trust.org")
    #expect(!contains(try bytes(of: store), "Kowalczyk"))
  }

  @Test func erasingSomeoneWhoWasNeverThereIsRefused() throws {
    let (store, _, _) = try seeded()
    #expect(throws: StoreError.noSuchPerson("Nobody Here")) {
      try store.database.erasePerson(named: "Nobody Here", at: store.clock.now())
    }
  }

  /// A session another program is facilitating is neither deleted nor rewritten under it: the
  /// refusal names it and nothing changes.
  @Test func aLiveSessionIsNeitherDeletedNorErased() throws {
    let (store, with, without) = try seeded()
    #expect(throws: StoreError.openElsewhere(with.id)) {
      try store.database.deleteSession(with.id) { $0 == with.id }
    }
    #expect(throws: StoreError.openElsewhere(with.id)) {
      _ = try store.database.erasePerson(named: "Priya Kowalczyk", at: store.clock.now()) {
        $0 == with.id
      }
    }
    let state = try store.database.loadSession(with.id)
    #expect(state.participants[3].name == "Priya Kowalczyk")
    // Another session being live does not hold these up.
    try store.database.deleteSession(with.id) { $0 == without.id }
    #expect(throws: StoreError.noSuchSession(with.id.rawValue)) {
      try store.database.loadSession(with.id)
    }
  }

  /// A form another participant's name gives too ("j.smith" of Jane Smith beside John) is
  /// theirs as much: erasing John leaves it, as it leaves a shared part.
  @Test func aFormAnotherNameGivesIsLeft() {
    let john = Participant(name: "John Smith", organisation: "Council", level: .senior)
    let jane = Participant(name: "Jane Smith", organisation: "Police", level: .middle)
    let eraser = PersonEraser(
      name: "John Smith", pseudonym: "[Erased person 1]", participants: [john, jane])
    #expect(
      erased("John Smith: mail j.smith@x.org", by: eraser)
        == "[Erased person 1]: mail j.smith@x.org")
    #expect(erased("mail jsmith@x.org", by: eraser) == "mail jsmith@x.org")
  }

  /// An address's first part made of the erased person's name alone, the ways addresses
  /// write one, goes whole: "smith.john@" left "smith.", "john.s@" and "jsmith@" all of it.
  /// An address of other words, or "@" read as "at", is left.
  @Test func anAddressMadeOfTheirNameIsErased() {
    let john = Participant(name: "John Smith", organisation: "Council", level: .senior)
    let sam = Participant(name: "Sam Hill", organisation: "Police", level: .middle)
    let eraser = PersonEraser(
      name: "John Smith", pseudonym: "[Erased person 1]", participants: [john, sam])
    let text =
      "Mail jsmith@x.org, smith.john2@x.org, john-smith@x.org or john.s@x.org; "
      + "not info@x.org, smith.team@x.org, shill@x.org, jsmith@3pm."
    #expect(
      erased(text, by: eraser)
        == "Mail [Erased person 1]@x.org, [Erased person 1]2@x.org, [Erased person 1]@x.org or "
        + "[Erased person 1]@x.org; not info@x.org, smith.team@x.org, shill@x.org, jsmith@3pm.")
    // A first name and the surname's initial, which the eraser leaves as a guess elsewhere
    // ("Anne" of Ann Edwards), is theirs in an address.
    let zoe = Participant(name: "Zoë Müller", organisation: "City Hospital", level: .middle)
    let zoesEraser = PersonEraser(
      name: "Zoë Müller", pseudonym: "[Erased person 2]", participants: [john, zoe])
    #expect(
      erased("Zoem says; mail zoem@nhs.net.", by: zoesEraser)
        == "Zoem says; mail [Erased person 2]@nhs.net.")
    // Asked for without accents, the name as the session wrote it gives "mueller".
    let unaccented = PersonEraser(
      name: "zoe muller", pseudonym: "[Erased person 2]", participants: [john, zoe])
    #expect(erased("Mail zmueller@nhs.net.", by: unaccented) == "Mail [Erased person 2]@nhs.net.")
    // Run together with an initial into an English word, it is a guess, and no one reviews
    // an erasure: left.
    let samsEraser = PersonEraser(
      name: "Sam Hill", pseudonym: "[Erased person 3]", participants: [john, sam])
    #expect(
      erased("Mail shill@x.org or s.hill@x.org.", by: samsEraser)
        == "Mail shill@x.org or [Erased person 3]@x.org.")
  }

  /// 黄伟 is erased where a colleague typed the name in Traditional characters, 黃偉.
  @Test func aChineseNameIsErasedInTheOtherScriptToo() {
    let huang = Participant(name: "黄伟", organisation: "Police", level: .middle)
    let eraser = PersonEraser(
      name: "黄伟", pseudonym: "[Erased person 1]", participants: [huang])
    #expect(erased("黃偉说，黃先生和黄伟", by: eraser) == "[Erased person 1]说，黃先生和[Erased person 1]")
  }

  /// The text of a note of `text` once `eraser` has erased it.
  private func erased(_ text: String, by eraser: PersonEraser) -> String? {
    let event = SessionEvent.noteAdded(
      id: 1, slot: 0, content: NoteContent(text: text, kind: .other))
    guard case .noteAdded(_, _, let content) = eraser.erase(event) else { return nil }
    return content.text
  }
}
