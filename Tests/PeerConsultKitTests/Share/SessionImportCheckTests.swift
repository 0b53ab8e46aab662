import Foundation
import Testing

@testable import PeerConsultKit

/// Import takes only values the live program could have written, and names the event and
/// field of the first that is not; values stored some other way never trap (issue 14, item 5).
@Suite struct SessionImportCheckTests {
  /// The fixture's sessions exported as JSON.
  static func export() throws -> String {
    try SessionExport.render(try ShareFixture.records(), as: .json)
  }

  /// Reads `json` and returns the refusal's words, or nil when it was accepted.
  static func refusal(_ json: String) -> String? {
    do {
      _ = try SessionImport.read(Data(json.utf8), path: "crafted.json")
      return nil
    } catch {
      return error.description
    }
  }

  /// An event of a type a newer PeerConsult added (as `focusQuestionSet` was) says so: the
  /// previous release called it "not an event type", and a facilitator could not tell an old
  /// program from a damaged file.
  @Test func anEventOfATypeThisVersionDoesNotKnowSaysANewerOneWroteIt() throws {
    let json = try Self.export()
    #expect(json.contains("\"type\" : \"paused\""))
    let crafted = json.replacingOccurrences(
      of: "\"type\" : \"paused\"", with: "\"type\" : \"fromTheFuture\\u001b[2J\"")
    let words = try #require(Self.refusal(crafted))
    #expect(words.contains("crafted.json") && !words.contains("\n"))
    #expect(
      words.contains(
        "is no event this PeerConsult knows: if a newer PeerConsult wrote it, install that "
          + "version here"), "\(words)")
    #expect(!words.contains("\u{1B}"), "a control in the type is not written raw: \(words)")
    #expect(
      SessionEventCodec.unknownType(inPayload: #"{"type":"fromTheFuture"}"#) == "fromTheFuture")
    #expect(SessionEventCodec.unknownType(inPayload: #"{"type":"paused"}"#) == nil)
    #expect(SessionEventCodec.unknownType(inPayload: #"{"type":"memberJoined"}"#) == nil)
    #expect(SessionEventCodec.unknownType(inPayload: #"{"type":3}"#) == nil)
    #expect(SessionEventCodec.unknownType(inPayload: "{") == nil)
  }

  @Test func anAdjustmentOfInt64MaxSecondsIsRefusedNamingTheEvent() throws {
    let json = try Self.export()
    #expect(json.contains("\"seconds\" : 60"))
    let crafted = json.replacingOccurrences(
      of: "\"seconds\" : 60", with: "\"seconds\" : 9223372036854775807")
    let words = try #require(Self.refusal(crafted))
    #expect(words.contains("crafted.json") && words.contains("(timeAdjusted)"))
    #expect(words.contains("\"seconds\" (9223372036854775807) is more than a day"))
  }

  /// Each other name of an organisation is a term the anonymiser looks for: a file giving
  /// one person thousands of them made an anonymised export take minutes.
  @Test func anOrganisationWithTooManyOtherNamesIsRefused() throws {
    let json = try Self.export()
    // The first participant of the first session's events (its derived part comes first).
    let events = try #require(json.range(of: "\"events\" : ["))
    let first = try #require(
      json.range(of: "\"organisation\" : ", range: events.upperBound..<json.endIndex))
    func aliases(_ count: Int) -> String {
      let names = (0..<count).map { "\"Other name \($0)\"" }.joined(separator: ", ")
      return "\"organisationAliases\" : [\(names)], \"organisation\" : "
    }
    var crafted = json
    crafted.replaceSubrange(first, with: aliases(SessionSetup.maximumOrganisationAliases + 1))
    let words = try #require(Self.refusal(crafted))
    #expect(
      words.contains(
        "the organisation of participant 1 has 11 other names; it takes at most 10"), "\(words)")
    var allowed = json
    allowed.replaceSubrange(first, with: aliases(SessionSetup.maximumOrganisationAliases))
    #expect(Self.refusal(allowed) == nil)
    #expect(throws: Participant.ParseError.self) {
      try Participant.parse(
        "Asha; Council|" + (1...11).map { "C\($0)" }.joined(separator: "|") + "; senior")
    }
  }

  /// A refusal quotes what the file holds, cut: a "type" of 200,000 characters was repeated
  /// whole, one line of 200 KB.
  @Test func aRefusalQuotesAHugeValueCut() throws {
    let json = try Self.export()
    let huge = String(repeating: "x", count: 50_000)
    let crafted = json.replacingOccurrences(
      of: "\"type\" : \"phaseStarted\"", with: "\"type\" : \"\(huge)\"")
    #expect(crafted != json)
    let words = try #require(Self.refusal(crafted))
    #expect(words.count < 600, "\(words.count) characters")
    #expect(words.contains("xxx…"))
  }

  /// PeerConsult writes whole numbers; `JSONDecoder` read a speaker of `0.99999999999999999`
  /// as participant 1, and `2.00000000000000000001` as 2.
  @Test func aNumberWithAFractionOrAnExponentIsRefused() throws {
    let json = try Self.export()
    for written in ["60.0", "0.6e2", "60E0"] {
      let crafted = json.replacingOccurrences(
        of: "\"seconds\" : 60", with: "\"seconds\" : \(written)")
      #expect(crafted != json)
      let words = try #require(Self.refusal(crafted), "\(written)")
      #expect(words.contains("a number with a fraction or an exponent"), "\(words)")
    }
  }

  /// A file saved with a byte-order mark or as UTF-16 is refused saying so: the message named
  /// only an unexpected byte at line 1. A session argument is echoed cut, not whole.
  @Test func howAFileWasSavedIsSaidAndALongArgumentIsCut() throws {
    let json = try Self.export()
    let marked = try #require(Self.refusal("\u{FEFF}" + json))
    #expect(marked.contains("it begins with a byte-order mark; save it as UTF-8 without one"))
    var utf16 = Data([0xFF, 0xFE])
    utf16.append(json.data(using: .utf16LittleEndian)!)
    do {
      _ = try SessionImport.read(utf16, path: "wide.json")
      Issue.record("UTF-16 was read")
    } catch {
      #expect(error.description.contains("it is saved as UTF-16; save it as UTF-8"))
    }
    let long = StoreError.noSuchSession(String(repeating: "a", count: 100_000)).description
    #expect(long.count < 150 && long.contains("aaa…"))
  }

  @Test func aTitleWithAnEscapeIsRefusedNamingTheField() throws {
    let json = try Self.export()
    let crafted = json.replacingOccurrences(
      of: "\"title\" : \"Referrals with Seán\"", with: "\"title\" : \"Referrals\\u001b[2J\"")
    #expect(crafted != json)
    let words = try #require(Self.refusal(crafted))
    #expect(words.contains("event 1 (created): the title contains a control character (U+001B)"))
  }

  /// Earlier versions stored a right-to-left override as typed; a session holding one in its
  /// title still imports, and its export shows it as a mark, not obeyed.
  @Test func aTitleHoldingABidirectionalControlImportsAndShowsAMark() throws {
    let json = try Self.export()
    let crafted = json.replacingOccurrences(
      of: "\"title\" : \"Referrals with Seán\"",
      with: "\"title\" : \"Referrals \\u202eylloM\\u202c\"")
    #expect(crafted != json)
    #expect(Self.refusal(crafted) == nil)
    let records = try SessionImport.read(Data(crafted.utf8), path: "crafted.json").map(\.record)
    let title = try #require(records.first { $0.state.setup.title.hasPrefix("Referrals") })
      .state.setup.title
    #expect(title == "Referrals \u{202E}ylloM\u{202C}")
    let markdown = try SessionExport.render(records, as: .markdown)
    #expect(markdown.contains("Referrals \u{FFFD}ylloM\u{FFFD}"))
    #expect(!markdown.unicodeScalars.contains("\u{202E}"))
  }

  /// A session takes at most 100 people, latecomers included, from the setup, a latecomer
  /// or an import: an anonymised export of 8,000 took minutes, and a file of 200,000 imported.
  @Test func aSessionOfMoreThanAHundredPeopleIsRefused() throws {
    func people(_ count: Int, from first: Int = 0) -> [Participant] {
      (first..<first + count).map {
        Participant(name: "Person \($0)", organisation: "Org \($0 % 7)", level: .middle)
      }
    }
    func setup(_ count: Int) -> SessionSetup {
      SessionSetup(
        title: "Crowd", programme: "P", consultingProtocol: Fixtures.consultingProtocol,
        participants: people(count), presenters: [0])
    }
    #expect(throws: Never.self) { try setup(100).validateTypedText() }
    #expect(
      throws: SessionError.invalidSetup("the session has 101 participants; it takes at most 100")
    ) {
      try setup(101).validateTypedText()
    }
    let store = try AppDatabase.inMemory()
    let live = try LiveSession.create(setup(100), store: store, clock: ManualClock(Fixtures.start))
    #expect(throws: SessionError.self) { try live.addParticipant(people(1, from: 100)[0]) }
    #expect(live.state.participants.count == 100)
    // Imports: the setup's people, then a latecomer too many, each named with its event.
    let id = SessionID(rawValue: "00000000000000000000000000000101")!
    for (events, event) in [
      ([SessionEvent.created(setup: setup(101))], "event 1 (created)"),
      (
        [
          SessionEvent.created(setup: setup(100)),
          .participantAdded(participant: people(1, from: 100)[0]),
        ],
        "event 2 (participantAdded)"
      ),
    ] {
      let recorded = events.enumerated().map {
        RecordedEvent(sequence: $0 + 1, at: Fixtures.start, event: $1)
      }
      let json = try SessionExport.render(
        [try SessionRecord(id: id, events: recorded)], as: .json)
      let words = try #require(Self.refusal(json))
      #expect(
        words.contains("\(event): the session has 101 participants; it takes at most 100"),
        "\(words)")
    }
  }

  /// A key given twice in one object of a session (a note's text, written once for a reader
  /// and once for the decoder) is refused, however it is spelt; the decoder would keep one
  /// value and other tools the other.
  @Test func aKeyGivenTwiceInsideASessionIsRefused() throws {
    let json = try Self.export()
    let note = "\"text\" : \"Glad to be here"
    #expect(json.contains(note))
    for spelling in ["text", "t\\u0065xt"] {
      let crafted = json.replacingOccurrences(
        of: note, with: "\"\(spelling)\" : \"FIRST-COPY\", \(note)")
      let words = try #require(Self.refusal(crafted))
      #expect(words.contains("gives the key \"text\" twice in one object"), "\(words)")
    }
    // The same key in two objects is no repetition.
    #expect(Self.refusal(json) == nil)
  }

  /// A reason that ends a sentence, put in brackets, loses its full stop there: "(… apart)",
  /// not "(… apart.)." in the one line of a refusal.
  @Test func aReasonInBracketsEndsWithoutAFullStop() {
    let reasons: [any CustomStringConvertible] = [
      ImportError.invalid(path: "f.json", detail: "event 1: tell them apart."),
      ImportError.unreplayable(path: "f.json", session: ShareFixture.firstID, reason: "apart."),
      ImportError.unreadable(path: "f.json", reason: "Is a directory."),
      ShareError.anonymisationFailed(ShareFixture.firstID, reason: "apart."),
    ]
    // Only the closing one: a reason that begins with a dot keeps it, and so does an ellipsis.
    #expect(
      ImportError.unreadable(path: "f", reason: ".config is apart.").description.contains(
        "(.config is apart)"))
    #expect(
      ImportError.unreadable(path: "f", reason: "cut short...").description.contains(
        "(cut short...)"))
    for error in reasons {
      #expect(!error.description.contains(".)"), "\(error.description)")
      #expect(error.description.contains("apart)") || error.description.contains("directory)"))
    }
  }

  @Test func aPhaseLongerThanADayIsRefused() throws {
    let json = try Self.export()
    let crafted = json.replacingOccurrences(
      of: "\"durationSeconds\" : 60", with: "\"durationSeconds\" : 9223372036854775807")
    #expect(crafted != json)
    #expect(Self.refusal(crafted)?.contains("24 hours") == true)
  }

  /// An event dated years before the one written before it made a phase of 60,000 hours in
  /// `show`: refused, naming the event; a clock put right by an hour is taken in.
  @Test func anEventDatedYearsBeforeTheOneBeforeItIsRefused() throws {
    let json = try Self.export()
    let marker = "\"at\" : \""
    var pieces = json.components(separatedBy: marker)
    try #require(pieces.count > 4)
    // The third event of the first session: its time is the first 24 characters.
    let third = pieces[3]
    let second = try #require(
      ISO8601DateFormatter.withFractions.date(from: String(pieces[2].prefix(24))))
    pieces[3] = "2020-01-01T00:00:00.000Z" + third.dropFirst(24)
    let words = try #require(Self.refusal(pieces.joined(separator: marker)))
    #expect(words.contains("crafted.json") && words.contains(", event 3 ("), "\(words)")
    #expect(words.contains("is more than a day before an earlier event's"), "\(words)")
    let anHourBack = ISO8601DateFormatter.withFractions.string(from: second - 3_600)
    pieces[3] = anHourBack + third.dropFirst(24)
    #expect(Self.refusal(pieces.joined(separator: marker)) == nil)
  }

  @Test func sessionIDsAreASCIIHexOnly() {
    // Full-width digits are hex digits to `Character.isHexDigit`, and 3 bytes each in UTF-8.
    let fullWidth = "０１２３４５６７" + String(repeating: "a", count: 8)
    #expect(fullWidth.utf8.count == 32)
    #expect(SessionID(rawValue: fullWidth) == nil)
    #expect(SessionID(rawValue: String(repeating: "A", count: 32))?.rawValue.first == "a")
  }

  /// A database holding what an import now refuses (written before the check, or by hand)
  /// still replays, exports and resumes: the arithmetic on stored values cannot trap.
  @Test func storedExtremesReplayExportAndResumeWithoutTrapping() throws {
    let record = try ShareFixture.records()[0]
    let events = record.events.map { recorded in
      guard case .timeAdjusted = recorded.event else { return recorded }
      return RecordedEvent(
        sequence: recorded.sequence, at: recorded.at, event: .timeAdjusted(seconds: .max))
    }
    #expect(events != record.events)
    let database = try AppDatabase.inMemory()
    try database.appendInOneTransaction([(record.id, events)])
    let stored = try database.record(of: record.id)
    for format in ShareFormat.allCases { _ = try SessionExport.render([stored], as: format) }
    let clock = ManualClock(stored.asOf)
    let live = try LiveSession.resume(record.id, store: database, clock: clock)
    for slot in live.state.schedule.indices {
      #expect(live.state.plannedSeconds(ofSlot: slot) <= SessionState.maximumAdjustmentSeconds * 2)
    }
    _ = live.timer()?.display
  }
}

extension ISO8601DateFormatter {
  /// Times as the JSON export writes them: "2026-12-06T15:59:00.000Z".
  fileprivate static var withFractions: ISO8601DateFormatter {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    return formatter
  }
}
