import Foundation
import Testing

@testable import PeerConsultApp
@testable import PeerConsultKit
@testable import TerminalKit

/// The review before sharing, drawn: with suspects, without, and after choices.
@Suite struct ShareReviewScreenRenderTests {
  static let shownData = "/home/sam/.local/share/peerconsult"

  @Test func suspectsAt80x24() throws {
    let f = try ShareReviewFixture(shownDataDirectory: Self.shownData)
    f.press(.control("s"))
    expectGolden(f.screen, "share-review-80x24")
  }

  @Test func suspectsAt120x40() throws {
    let f = try ShareReviewFixture(width: 120, height: 40, shownDataDirectory: Self.shownData)
    f.press(.control("s"))
    expectGolden(f.screen, "share-review-120x40")
  }

  @Test func noSuspectsAt80x24() throws {
    let f = try ShareReviewFixture(shownDataDirectory: Self.shownData)
    f.press(.down, .control("s"))
    #expect(f.share?.review?.suspects.isEmpty == true)
    expectGolden(f.screen, "share-review-none-80x24")
  }

  @Test func noSuspectsAt120x40() throws {
    let f = try ShareReviewFixture(width: 120, height: 40, shownDataDirectory: Self.shownData)
    f.press(.down, .control("s"))
    expectGolden(f.screen, "share-review-none-120x40")
  }

  /// Will replaced, Ravinder kept: both say "(chosen)", Mueller is the one left, and the
  /// selection moved on to it.
  @Test func afterChoicesAt80x24() throws {
    let f = try ShareReviewFixture(shownDataDirectory: Self.shownData)
    f.press(.control("s"), .character("r"), .character("k"))
    expectGolden(f.screen, "share-review-chosen-80x24")
  }

  @Test func afterChoicesAt120x40() throws {
    let f = try ShareReviewFixture(width: 120, height: 40, shownDataDirectory: Self.shownData)
    f.press(.control("s"), .character("r"), .character("k"), .character("f"))
    expectGolden(f.screen, "share-review-chosen-120x40")
  }

  @Test func helpListsEveryKeyOfTheScreen() throws {
    let f = try ShareReviewFixture(width: 120, height: 40)
    f.press(.control("s"), .character("?"))
    #expect(f.runner.state.overlay == .help(scroll: 0))
    for binding in Keymap.bindings(for: .shareReview) {
      #expect(f.text.contains(binding.help), "help lacks \(binding.help)")
    }
  }
}

/// What the keys of the review before sharing do, through the real runner and database.
@Suite struct ShareReviewScreenBehaviourTests {
  private static let id = ShareReviewFixture.withSuspects

  private func question(_ f: ShareReviewFixture) -> String? {
    if case .confirm(let question, _, _, _) = f.runner.state.overlay { return question }
    return nil
  }

  @Test func opensOnTheFirstSuspectWithoutAChoice() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"))
    let share = try #require(f.share)
    #expect(share.subject == .sessions([Self.id]))
    #expect(share.review?.suspects.map(\.text) == ["Will", "Ravinder", "Mueller"])
    #expect(share.selectedItem?.text == "Will")
    #expect(f.text.contains("3 without a choice"))
  }

  /// One key each: the choice is a `shareChoice` event in the session, the selection moves to
  /// the next suspect without a choice, and a fresh review (the next export) repeats it.
  @Test func replaceAndKeepAreStoredWithTheSession() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"), .character("r"))
    #expect(f.share?.selectedItem?.text == "Ravinder")
    f.press(.character("k"))
    #expect(f.runner.state.notice?.text.contains("Ravinder will be kept as written") == true)
    let stored = try f.stored()
    #expect(stored.shareChoices == ["will": true, "ravinder": false])
    let records = try AppDatabase.openForReading(directory: f.dataFolder)!.records(of: [Self.id])
    let again = ShareReview(records: records.records)
    #expect(again.suspects.map(\.choice) == [true, false, nil])
    #expect(f.share?.review?.unresolved.map(\.text) == ["Mueller"])
    #expect(f.text.contains("1 without a choice"))
  }

  @Test func aParticipantsNameCannotBeKept() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"), .up, .up, .character("k"))
    #expect(f.share?.selectedItem?.text == "Amira")
    #expect(f.runner.state.notice?.text == "Amira is a participant's name: it is always replaced.")
    #expect(try f.stored().shareChoices.isEmpty)
  }

  /// With a suspect left, `w` asks first; then the export is a private file in the data
  /// folder's exports, anonymised with the choices made, and the screen says where.
  @Test func writingAsksWhileASuspectHasNoChoiceThenWritesAPrivateFile() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"), .character("k"), .character("w"))
    #expect(
      question(f) == "2 suspects have no choice and will be shared as listed. Write anyway? y/n")
    f.press(.character("n"))
    #expect(!FileManager.default.fileExists(atPath: f.exportsFolder.path))
    f.press(.character("w"), .character("y"))
    let file = f.exportsFolder.appendingPathComponent("session-d4000000-anonymised.md")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.contains("Will opened with the story"), "kept: \(text)")
    #expect(!text.contains("Amira") && !text.contains("Mueller"))
    #expect(text.contains("[a person]") == false)
    let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
    #expect((attributes[.posixPermissions] as? Int) == 0o600)
    let folder = try FileManager.default.attributesOfItem(atPath: f.exportsFolder.path)
    #expect((folder[.posixPermissions] as? Int) == 0o700)
    #expect(
      f.runner.state.notice?.text
        == "Wrote 1 session, anonymised, to \(file.standardizedFileURL.path)")
    #expect(f.services.sharesWritten == [file.standardizedFileURL.path])
    f.press(.down)
    #expect(f.text.contains("· ✓ written"))
    f.press(.character("f"))
    #expect(!f.text.contains("✓ written"))
  }

  @Test func anExistingFileIsReplacedOnlyWhenConfirmed() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"), .character("r"), .character("r"), .character("r"))
    #expect(f.share?.review?.unresolved.isEmpty == true)
    f.press(.character("w"))
    let file = f.exportsFolder.appendingPathComponent("session-d4000000-anonymised.md")
    try "older".write(to: file, atomically: false, encoding: .utf8)
    f.press(.character("w"))
    #expect(question(f) == "session-d4000000-anonymised.md exists already. Replace it? y/n")
    f.press(.escape)
    #expect(try String(contentsOf: file, encoding: .utf8) == "older")
    f.press(.character("w"), .character("y"))
    #expect(try String(contentsOf: file, encoding: .utf8).contains("[a person] at the licensing"))
  }

  /// `f` changes the format and the default file's extension; a typed path stays as typed,
  /// and Esc while typing puts the old one back.
  @Test func theFormatAndThePathAreChosenOnTheScreen() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"), .character("f"))
    #expect(f.share?.format == .html)
    #expect(f.share?.path.string.hasSuffix("exports/session-d4000000-anonymised.html") == true)
    f.press(.character("o"), .control("u"))
    f.type("thrown away")
    f.press(.escape)
    #expect(f.share?.path.string.hasSuffix(".html") == true)
    #expect(f.share?.editingPath == false)
    let typed = f.folder.appendingPathComponent("brief.json").path
    f.press(.character("o"), .control("u"))
    f.type(typed)
    f.press(.enter, .character("f"))
    #expect(f.share?.format == .json)
    #expect(f.share?.path.string == typed)
    f.press(.character("w"), .character("y"))
    let json = try String(contentsOf: URL(fileURLWithPath: typed), encoding: .utf8)
    #expect(json.hasPrefix("{"))
    #expect(!json.contains("Amira"))
  }

  @Test func escapeLeavesWithoutWriting() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"), .character("k"), .escape)
    #expect(f.runner.state.screen is ReviewState)
    #expect(!FileManager.default.fileExists(atPath: f.exportsFolder.path))
  }

  /// The anonymised harvest's file was named after its programme as typed, and a programme
  /// named after someone ("Hughes Alcohol Plan") put the surname in the file's name: it is
  /// named as the file shows the programme.
  @Test func anAnonymisedHarvestsFileNameNamesNobody() throws {
    let setup = SessionSetup(
      title: "Outreach", programme: "Hughes Alcohol Plan", consultingProtocol: LiveFixture.drill,
      participants: [
        Participant(name: "Tom Hughes", organisation: "Harbour Trust", level: .senior),
        Participant(name: "Ann Lee", organisation: "NHS Trust", level: .middle),
      ], presenters: [0])
    let record = try SessionRecord(
      id: Self.id,
      events: [RecordedEvent(sequence: 1, at: Date(), event: .created(setup: setup))])
    var share = ShareReviewState(
      subject: .harvest(programme: "Hughes Alcohol Plan"), heading: "Hughes Alcohol Plan",
      dataDirectory: "/data", back: nil)
    #expect(share.defaultPath == "/data/exports/harvest-anonymised.md")
    _ = share.update(
      .result(.shareReviewLoaded(ShareReview(records: [record]), skipped: 0)),
      ScreenEnvironment(now: Date()))
    #expect(share.defaultPath == "/data/exports/harvest-participant-a-alcohol-plan-anonymised.md")
  }

  /// Started for this review (`export --anonymise --review`), leaving ends the program.
  @Test func escapeEndsTheProgramStartedForTheReview() throws {
    let f = try ShareReviewFixture()
    var state = AppState(
      screen: ShareReviewState(
        subject: .sessions([Self.id]), heading: "Night-time economy",
        dataDirectory: f.dataFolder.path, back: nil))
    state.leavesProgram = true
    let runner = AppRunner(
      terminal: MemoryTerminal(width: 80, height: 24), services: f.services, state: state)
    runner.perform(.loadShareReview(.sessions([Self.id])))
    #expect((runner.state.screen as? ShareReviewState)?.review?.suspects.count == 3)
    #expect(runner.handle(.key(.escape)) == 0)
  }

  @Test func theTranscriptSharesItsSessionAndIsBackOnEscape() throws {
    let f = try ShareReviewFixture()
    f.press(.enter)
    #expect(f.runner.state.screen is TranscriptState)
    f.press(.character("s"))
    #expect(f.share?.subject == .sessions([Self.id]))
    #expect(f.share?.review?.suspects.count == 3)
    f.press(.escape)
    #expect(f.runner.state.screen is TranscriptState)
  }

  /// After a session, the summary's `s` reviews it; the choice goes through the live session.
  @Test func theSummarySharesTheSessionJustRun() throws {
    let f = try LiveFixture()
    f.press(.enter)
    f.type("We met Ravinder at the desk")
    f.press(.enter)
    for _ in 0..<6 { f.press(.character("n")) }
    #expect(f.runner.state.screen is SummaryState)
    f.press(.character("s"))
    let share = try #require(f.runner.state.screen as? ShareReviewState)
    #expect(share.title(f.runner.state.environment).left == "Share anonymised · Alcohol Plan SLG 3")
    #expect(share.selectedItem?.text == "Ravinder")
    f.press(.character("k"))
    #expect(f.services.live?.state.shareChoices == ["ravinder": false])
    f.press(.escape)
    // Back on the summary, it shows the session as stored, choice included.
    let summary = try #require(f.runner.state.screen as? SummaryState)
    #expect(summary.session == f.services.live?.state)
    #expect(summary.session.shareChoices == ["ravinder": false])
  }

  /// A name typed without a folder goes beside the default, in the data folder's exports.
  @Test func aBareFileNameIsWrittenToTheExportsFolder() throws {
    let f = try ShareReviewFixture()
    f.press(.control("s"), .character("o"), .control("u"))
    f.type("brief.md")
    f.press(.enter, .character("w"), .character("y"))
    let file = f.exportsFolder.appendingPathComponent("brief.md")
    #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("# Night-time economy"))
  }

  /// What the screen writes and lists replaces a standing group's name, which its meetings'
  /// titles are made of, as `export --anonymise` does: a title "North SLG 4" beside the
  /// `[Group 1]` of a harvest said which group that was.
  @Test func aGroupsNameGoesFromWhatTheScreenListsAndWrites() throws {
    let clock = ManualClock(Date(timeIntervalSince1970: 1_800_000_000))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "pc-share-group-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let data = folder.appendingPathComponent("data")
    let database = try AppDatabase(directory: data)
    let group = try database.createGroup(
      name: "North SLG", programme: "Alcohol Plan", members: ShareReviewFixture.people,
      at: clock.now())
    var setup = SessionSetup(
      title: "North SLG 4", programme: "Alcohol Plan", consultingProtocol: LiveFixture.drill,
      participants: ShareReviewFixture.people, presenters: [0])
    setup.group = group.id
    let live = try LiveSession.create(setup, id: Self.id, store: database, clock: clock)
    try live.start()
    try live.addNote(NoteContent(text: "The North SLG meets monthly", kind: .insight))
    try live.finish()
    let services = AppServices(
      location: DataLocation(
        dataDirectory: data, protocolsDirectory: folder.appendingPathComponent("protocols")),
      clock: clock, openStore: { try AppDatabase(directory: data) },
      openReader: { try AppDatabase.openForReading(directory: data) })
    guard
      case .shareReviewLoaded(let review, _) = services.perform(
        .loadShareReview(.sessions([Self.id])))
    else {
      Issue.record("no review")
      return
    }
    #expect(review.replacements.map(\.text).contains("North SLG"))
    let path = folder.appendingPathComponent("meeting.md").path
    let result = services.perform(
      .writeShare(.sessions([Self.id]), format: .markdown, path: path, replacing: false))
    guard case .shareWritten = result else {
      Issue.record("not written: \(result)")
      return
    }
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.hasPrefix("# [Group 1] 4"))
    #expect(text.contains("The [Group 1] meets monthly"))
    #expect(!text.contains("North"))
  }
}
