import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// The report's group dimension over the groups issue's programme (``GroupedProgramme``):
/// every count is checked against what the generator recorded as it went, never against the
/// code under test.
@Suite struct GroupReportTests {
  static let seed = SeededGenerator.seed(17)
  static let utc = GroupedProgramme.utc

  /// The harvest JSON's `report` object.
  static func report(
    _ programme: GroupedProgramme, anonymise: Bool = false
  ) throws -> [String: Any] {
    let json = try HarvestExport.render(
      try programme.records(), programme: GroupedProgramme.programme, as: .json,
      options: ShareOptions(anonymise: anonymise, timeZone: utc), groups: programme.names,
      now: programme.now)
    let file = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    return try #require(file["report"] as? [String: Any])
  }

  /// An `actions` object's counts in ``GroupedProgramme/counts(group:)``'s order.
  static func counts(_ object: Any?) throws -> [Int] {
    let actions = try #require(object as? [String: Int])
    return try ["agreed", "done", "dropped", "open", "carried", "overdue"].map {
      try #require(actions[$0])
    }
  }

  @Test func actionsPerGroupAndOverTimeAreWhatTheMeetingsDecided() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let report = try Self.report(programme)
    let groups = try #require(report["groups"] as? [[String: Any]])
    #expect(groups.count == 3)
    for (number, group) in groups.enumerated() {
      #expect(group["name"] as? String == programme.groupNames[number])
      #expect(group["meetings"] as? Int == 8)
      #expect(group["sessionIds"] as? [String] == programme.meetings[number].map(\.rawValue))
      #expect(
        try Self.counts(group["actions"]) == programme.counts(group: number),
        "group \(number), seed \(Self.seed)")
    }
    let total = programme.counts(group: nil)
    #expect(try Self.counts(report["actions"]) == total)
    // The briefing's list of actions says the same as the counts.
    let json = try HarvestExport.render(
      try programme.records(), programme: GroupedProgramme.programme, as: .json,
      options: ShareOptions(timeZone: Self.utc), groups: programme.names, now: programme.now)
    let file = try #require(
      try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    let listed = try #require(file["actions"] as? [[String: Any]])
    #expect(listed.count == total[0])
    #expect(listed.count { $0["done"] as? Bool == true } == total[1])
    #expect(listed.count { $0["droppedAt"] != nil } == total[2])
    // Markdown and HTML mark a dropped action as such, not as open ("[ ]"), as `actions` does.
    let markdown = try HarvestExport.render(
      try programme.records(), programme: GroupedProgramme.programme, as: .markdown,
      options: ShareOptions(timeZone: Self.utc), groups: programme.names, now: programme.now)
    let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("- [") }
    #expect(rows.count { $0.hasPrefix("- [-] ") && $0.contains("; dropped ") } == total[2])
    #expect(!rows.contains { $0.hasPrefix("- [ ] ") && $0.contains("; dropped ") })
    let html = try HarvestExport.render(
      try programme.records(), programme: GroupedProgramme.programme, as: .html,
      options: ShareOptions(timeZone: Self.utc), groups: programme.names, now: programme.now)
    #expect(html.components(separatedBy: ">☒<").count - 1 == total[2])
    // The programme is long enough for every outcome to happen, so no count is vacuous.
    #expect(total[1] > 0 && total[2] > 0 && total[4] > 0 && total[5] > 0, "seed \(Self.seed)")

    // Over time: each session's own actions and the group it was a meeting of.
    let sessions = try #require(report["sessions"] as? [[String: Any]])
    #expect(sessions.count == 24)
    for session in sessions {
      let id = try #require(session["sessionId"] as? String)
      let number = try #require(programme.meetings.firstIndex { $0.map(\.rawValue).contains(id) })
      #expect(session["group"] as? String == programme.groupNames[number])
      let mine = programme.actions.filter { $0.key.session.rawValue == id }.map(\.value)
      let open = mine.filter { $0.status == "open" }
      let expected = [
        mine.count, mine.count { $0.status == "done" }, mine.count { $0.status == "dropped" },
        open.count, open.count(where: \.carried), open.count(where: programme.isOverdue),
      ]
      let counted =
        ["actionsAgreed", "actionsDone", "actionsDropped", "actionsOpen"]
        .map { session[$0] as? Int } + [
          session["actionsCarried"] as? Int, session["actionsOverdue"] as? Int,
        ]
      #expect(counted == expected.map(Optional.some), "session \(id)")
    }
  }

  @Test func tagsAreCountedAcrossGroups() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let report = try Self.report(programme)
    let tags = try #require(report["tags"] as? [[String: Any]])
    #expect(Set(tags.compactMap { $0["key"] as? String }) == Set(programme.tagGroups.keys))
    for tag in tags {
      let key = try #require(tag["key"] as? String)
      #expect(tag["groups"] as? Int == programme.tagGroups[key]?.count, "#\(key)")
      #expect(tag["sessions"] as? Int == programme.tagSessions[key]?.count, "#\(key)")
    }
    #expect(programme.tagGroups["licensing"] == [0, 1] && programme.tagGroups["housing"] == [2])
    // Each group's different tags.
    let groups = try #require(report["groups"] as? [[String: Any]])
    for (number, group) in groups.enumerated() {
      #expect(group["tags"] as? Int == programme.tagGroups.values.count { $0.contains(number) })
    }
    // The programme view counts the same groups per tag, from the tag index.
    let overview = try programme.store.database.programmeOverview(
      GroupedProgramme.programme, now: programme.now, timeZone: Self.utc)
    #expect(
      Dictionary(uniqueKeysWithValues: overview.tags.map { (NoteTag.key(of: $0.tag), $0.groups) })
        == programme.tagGroups.mapValues(\.count))
  }

  @Test func theTablesFoldTheSameLedgerAsTheReplayedRecords() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let replayed = ActionLedger(try programme.records())
    let read = ActionLedger(
      meetings: try programme.store.database.actionMeetings(programme: GroupedProgramme.programme))
    #expect(read.items.count == programme.actions.count)
    #expect(read.items == replayed.items)
  }

  @Test func theProgrammeViewCountsOpenAndOverdueActionsPerGroup() throws {
    let programme = try GroupedProgramme(seed: Self.seed)
    let overview = try programme.store.database.programmeOverview(
      GroupedProgramme.programme, now: programme.now, timeZone: Self.utc)
    func counts(_ counts: ActionLedger.Counts?) -> [Int]? {
      counts.map { [$0.agreed, $0.done, $0.dropped, $0.open, $0.carried, $0.overdue] }
    }
    #expect(counts(overview.actions) == programme.counts(group: nil))
    for (number, group) in programme.groups.enumerated() {
      #expect(counts(overview.groupActions[group]) == programme.counts(group: number))
    }
  }

  @Test func aHostileGroupNameIsEscapedInEveryFormat() throws {
    let hostile = "<script>alert(1)</script> & \"Bo\" | *set*"
    let programme = try GroupedProgramme(
      seed: Self.seed, groupNames: [hostile, "Hill set", "Market set"])
    func render(_ format: ShareFormat) throws -> String {
      try HarvestExport.render(
        try programme.records(), programme: GroupedProgramme.programme, as: format,
        options: ShareOptions(timeZone: Self.utc), groups: programme.names, now: programme.now)
    }
    let html = try render(.html)
    #expect(!html.contains("<script>"))
    #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt; &amp; \"Bo\" | *set*</td>"))
    let markdown = try render(.markdown)
    #expect(!markdown.contains(hostile))
    // Escaped where it stands, so the table keeps its columns and nothing turns into markup.
    let escaped = #"\<script>alert(1)\</script> & "Bo" \| \*set\*"#
    #expect(markdown.contains("| \(escaped) | 8 |"), "the group tables name it escaped")
    let json = try render(.json)
    #expect(json.contains(#""name" : "<script>alert(1)</script> & \"Bo\" | *set*""#))
  }

  @Test func anAnonymisedReportNamesNoMemberAndNoGroup() throws {
    let programme = try GroupedProgramme(
      seed: Self.seed, groupNames: ["Okafor circle", "Tanaka and friends", "Market set"])
    let forbidden = Set(
      (programme.memberNames + programme.groupNames).flatMap {
        $0.lowercased().split(separator: " ").map(String.init)
      }
    ).subtracting(["and", "set"])
    for format in ShareFormat.allCases {
      let text = try HarvestExport.render(
        try programme.records(), programme: GroupedProgramme.programme, as: format,
        options: ShareOptions(anonymise: true, timeZone: Self.utc), groups: programme.names,
        now: programme.now)
      let words = Set(text.lowercased().split { !$0.isLetter }.map(String.init))
      #expect(words.isDisjoint(with: forbidden), "\(format): \(words.intersection(forbidden))")
      #expect(text.contains("[Group 1]") && text.contains("[Group 3]"), "\(format)")
    }
    let report = try Self.report(programme, anonymise: true)
    let groups = try #require(report["groups"] as? [[String: Any]])
    #expect(groups.compactMap { $0["name"] as? String } == ["[Group 1]", "[Group 2]", "[Group 3]"])
    // The counts do not change with the names.
    for (number, group) in groups.enumerated() {
      #expect(try Self.counts(group["actions"]) == programme.counts(group: number))
    }
  }
}
