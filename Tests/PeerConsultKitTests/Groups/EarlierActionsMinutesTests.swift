import Foundation
import Testing

@testable import PeerConsultKit

/// A meeting's own minutes (`show`, the Markdown and HTML exports) and its JSON's
/// `derived.followUps` say what it decided about the group's earlier actions, with their
/// texts, owners and where they were agreed: before, only the JSON's events held the
/// decisions, as references, and the anonymised JSON, which has no events, not even those.
@Suite struct EarlierActionsMinutesTests {
  let utc = TimeZone(identifier: "UTC")!

  /// Two meetings a week apart: the first agrees three actions (one names Ben), the second
  /// marks one done, carries one with a note naming Asha, and drops one.
  private func meetings() throws -> (StoreFixture, first: SessionID, second: SessionID) {
    let store = try StoreFixture()
    let (_, first, second) = try store.northMeetings(
      agreeing: [
        ("Call licensing by Friday", 0), ("Bring figures next session with Ben", 1),
        ("Ask the police and Kowalczyk", 2),
      ], carried: "Asha says the data is late")
    try second.start()
    return (store, first.id, second.id)
  }

  @Test func theMinutesSayWhatBecameOfLastTimesActions() throws {
    let (store, first, second) = try meetings()
    let section = """
      ## Actions from last time

      - [x] Call licensing by Friday (owner: Asha; agreed in North 1, 2027-01-15): done
      - [ ] Bring figures next session with Ben (owner: Ben; agreed in North 1, 2027-01-15): carried forward: Asha says the data is late
      - [-] Ask the police and Kowalczyk (owner: Chloé; agreed in North 1, 2027-01-15): dropped: Police joined us

      ## Actions
      """
    let markdown = try store.exported(second, as: .markdown)
    #expect(markdown.contains(section), "\(markdown)")
    // `show` lays out the same from the state.
    let (state, asOf) = try store.database.openedSession(second)
    var shown = ""
    SessionExport.plainText(
      second, state, at: asOf, earlier: try store.database.earlierActions(followedUpIn: state),
      timeZone: utc
    ) { shown += $0 }
    #expect(shown.contains(section), "\(shown)")
    let html = try store.exported(second, as: .html)
    #expect(html.contains("<h2>Actions from last time</h2>"))
    for line in [
      "<span class=\"box\">☑</span>", "<span class=\"text\">Call licensing by Friday</span>",
      "carried forward: Asha says the data is late", "<span class=\"box\">☒</span>",
      "dropped: Police joined us",
    ] {
      #expect(html.contains(line), "\(line)")
    }
    // A meeting that followed nothing up has no such section.
    #expect(!(try store.exported(first, as: .markdown)).contains("Actions from last time"))
  }

  /// The JSON's readable side lists the decisions with what they were about, anonymised or
  /// not, streamed or rendered at once; a meeting that followed nothing up has no such key.
  @Test func theJSONSaysWhatBecameOfLastTimesActionsAnonymisedToo() throws {
    let (store, first, second) = try meetings()
    func followUps(_ json: String) throws -> [[String: Any]]? {
      let file = try #require(
        try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
      let sessions = try #require(file["sessions"] as? [[String: Any]])
      let derived = try #require(sessions.last?["derived"] as? [String: Any])
      return derived["followUps"] as? [[String: Any]]
    }
    let plain = try #require(try followUps(try store.exported(second, as: .json)))
    #expect(plain.map { $0["outcome"] as? String } == ["done", "carried", "dropped"])
    #expect(plain.map { $0["note"] as? Int } == [1, 2, 3])
    #expect(plain.allSatisfy { $0["session"] as? String == first.rawValue })
    #expect(plain[0]["text"] == nil)
    #expect(plain[1]["text"] as? String == "Asha says the data is late")
    #expect(plain[2]["text"] as? String == "Police joined us")
    #expect(plain[1]["action"] as? String == "Bring figures next session with Ben")
    #expect(plain[1]["ownerName"] as? String == "Ben")
    #expect(plain[1]["agreedIn"] as? String == "North 1")
    #expect(plain[0]["agreedAt"] is String && plain[0]["decidedAt"] is String)
    #expect(try followUps(try store.exported(first, as: .json)) == nil)

    let records = try store.database.records(of: [second]).records
    var options = ShareOptions(
      anonymise: true, timeZone: utc, others: try store.database.peopleAround([second]))
    options.earlierActions[second] = try store.database.earlierActions(
      followedUpIn: records[0].state)
    for json in [
      try store.exported(second, as: .json, anonymise: true),
      try SessionExport.render(records, as: .json, options: options),
    ] {
      let anonymised = try #require(try followUps(json))
      #expect(anonymised.map { $0["outcome"] as? String } == ["done", "carried", "dropped"])
      for name in ["Asha", "Ben", "Chloé"] { #expect(!json.contains(name), "\(name)") }
      #expect((anonymised[1]["text"] as? String)?.hasPrefix("[Participant A") == true)
      #expect(
        (anonymised[1]["action"] as? String)?.hasPrefix(
          "Bring figures next session with [Participant B") == true)
      #expect((anonymised[1]["ownerName"] as? String)?.hasPrefix("[Participant B") == true)
    }
  }

  /// An action its own meeting deleted afterwards (withdrawn) travels in no later meeting's
  /// minutes, JSON or `show`, anonymised or not, as deleted notes travel nowhere: before, the
  /// later meeting's exports still carried its text and the reason it was dropped.
  @Test func anActionWithdrawnAfterwardsIsLeftOutOfLaterMinutes() throws {
    let store = try StoreFixture()
    let (_, first, second) = try store.northMeetings(
      agreeing: [
        ("Call licensing by Friday", 0), ("Bring figures next session", 1),
        ("Dmitri sends notes to the council", 2),
      ], carried: "The data is late")
    try first.deleteNote(3)
    #expect(try store.database.loadSession(first.id).note(3)?.isDeleted == true)
    let state = try store.database.loadSession(second.id)
    #expect(try store.database.earlierActions(followedUpIn: state).map(\.reference.note) == [1, 2])
    for format in [ShareFormat.markdown, .html, .json] {
      for anonymise in [false, true] {
        let text = try store.exported(second.id, as: format, anonymise: anonymise)
        #expect(text.contains("Bring figures next session"), "\(format) \(anonymise)")
        #expect(!text.contains("Dmitri sends notes"), "\(format) \(anonymise)")
        // The plain JSON's events are the record: the decision stays in them.
        if format != .json || anonymise {
          #expect(!text.contains("Police joined us"), "\(format) \(anonymise)")
        }
      }
    }
  }

  /// Anonymised, the earlier actions' texts, owners and what was said of them name nobody,
  /// with the pseudonyms of the meeting's own notes, in both ways an export is made.
  @Test func anonymisedTheyNameNobody() throws {
    let (store, _, second) = try meetings()
    let records = try store.database.records(of: [second]).records
    let state = records[0].state
    var options = ShareOptions(
      anonymise: true, timeZone: utc, others: try store.database.peopleAround([second]))
    options.earlierActions[second] = try store.database.earlierActions(followedUpIn: state)
    for text in [
      try store.exported(second, as: .markdown, anonymise: true),
      try store.exported(second, as: .html, anonymise: true),
      try SessionExport.render(records, as: .markdown, options: options),
    ] {
      #expect(text.contains("Actions from last time"))
      for name in ["Asha", "Ben", "Chloé"] { #expect(!text.contains(name), "\(name)") }
      #expect(text.contains("carried forward: [Participant A"))
      #expect(text.contains("Bring figures next session with [Participant B"))
    }
    // The review before sharing lists what the minutes show of them too: "Kowalczyk", nobody
    // of the group, is only in an earlier action, and is a suspect with no choice yet (so
    // `--strict` does not write until there is one).
    let review = try store.database.shareReview(of: [second])
    #expect(review.unresolved.map(\.text).contains("Kowalczyk"))
  }
}
