import Foundation
import TestSupport
import Testing

@testable import PeerConsultKit

/// Export and import carry standing groups with their meetings.
@Suite struct GroupExportImportTests {
  /// A folder with a group that changed once, two of its meetings (the second following up
  /// the first's action) and a session of no group; and the JSON export of all three.
  private func exported() throws -> (StoreFixture, GroupID, String) {
    let source = try StoreFixture()
    let database = source.database
    let group = try database.createGroup(
      name: "North", programme: "Alcohol Plan", members: Fixtures.participants,
      at: source.clock.now())
    source.clock.advance(by: 60)
    try database.changeGroup(
      group.id, .memberLeft(name: "Chloé"), at: source.clock.now())
    var setup = Fixtures.setup(title: "North 1")
    setup.group = group.id
    let first = try source.live(setup)
    try first.start()
    let action = try first.addNote(
      NoteContent(text: "Bring figures next session", kind: .action, owner: 1))
    try first.finish()
    source.clock.advance(by: 3600)
    setup.title = "North 2"
    let second = try source.live(setup)
    try second.followUp(ActionReference(session: first.id, note: action.id), .done)
    _ = try source.live(Fixtures.setup(title: "Alone"))
    let records = try database.sessions().map { try database.record(of: $0.id) }
    let json = try SessionExport.render(
      records, as: .json, groups: try database.groupRecords(for: records))
    return (source, group.id, json)
  }

  @Test func groupsTravelWithTheirMeetingsAndComeBackByteForByte() throws {
    let (source, group, json) = try exported()
    #expect(json.contains(#""groups" : ["#))
    let target = try StoreFixture()
    let file = try target.folder.write("export.json", json)
    let batch = try SessionImport.readAll([file])
    let outcomes = try SessionImport.write(batch, into: target.database)
    #expect(outcomes.groups.map(\.change) == [.added])
    #expect(outcomes.sessions.count == 3)
    #expect(try target.database.group(group) == source.database.group(group))
    #expect(try target.database.sessions(inGroup: group).count == 2)
    let records = try target.database.sessions().map { try target.database.record(of: $0.id) }
    #expect(ActionLedger(records).items.map(\.status) == [.done(at: source.clock.now())])
    let again = try SessionExport.render(
      records, as: .json, groups: try target.database.groupRecords(for: records))
    #expect(again == json)
    // Twice changes nothing; the text says what came in.
    let second = try SessionImport.write(SessionImport.readAll([file]), into: target.database)
    #expect(second.groups.map(\.change) == [.alreadyPresent])
    #expect(
      CommandText.imported(outcomes.sessions, groups: outcomes.groups).hasPrefix(
        "Imported the group North (\(group.short)).\n"))
  }

  /// A later meeting imported without the meeting whose action it followed up: the import
  /// says so, where it said nothing and the meeting showed no actions from last time. With
  /// the earlier meeting there, nothing is said.
  @Test func aMeetingImportedWithoutTheMeetingItFollowedUpSaysSo() throws {
    let (source, _, _) = try exported()
    let meetings = try source.database.sessions().filter { $0.title.hasPrefix("North") }
      .sorted { $0.createdAt < $1.createdAt }
    let second = try source.database.record(of: meetings[1].id)
    let file = try source.folder.write(
      "north-2.json",
      try SessionExport.render(
        [second], as: .json, groups: try source.database.groupRecords(for: [second])))
    let target = try StoreFixture()
    let outcomes = try SessionImport.write(SessionImport.readAll([file]), into: target.database)
    let missing = try target.database.meetingsMissing(followedUpIn: [second.id])
    #expect(missing == [second.id: 1])
    #expect(
      CommandText.imported(outcomes.sessions, groups: outcomes.groups, missingMeetings: missing)
        .contains(
          "\(second.id.short) \"North 2\" follows up actions of 1 earlier meeting not in this "
            + "folder: import its export too to see them under its actions from last time.\n"))
    #expect(try source.database.meetingsMissing(followedUpIn: [second.id]).isEmpty)
  }

  @Test func anAnonymisedExportLeavesGroupsOut() throws {
    let (source, _, _) = try exported()
    let records = try source.database.sessions().map { try source.database.record(of: $0.id) }
    let json = try SessionExport.render(
      records, as: .json, options: ShareOptions(anonymise: true),
      groups: try source.database.groupRecords(for: records))
    #expect(!json.contains(#""groups""#))
    #expect(!json.contains("Chloé"))
  }

  @Test func aGroupThatWentAnotherWayIsRefusedAndNothingIsWritten() throws {
    let (source, group, json) = try exported()
    let target = try StoreFixture()
    try target.database.appendGroupEvents([
      (group, Array(try source.database.groupEvents(of: group).prefix(1)))
    ])
    try target.database.changeGroup(group, .renamed(name: "Elsewhere"), at: target.clock.now())
    let file = try target.folder.write("export.json", json)
    #expect {
      try SessionImport.write(SessionImport.readAll([file]), into: target.database)
    } throws: { error in
      guard case .divergedGroup(_, let id, "North") = error as? ImportError else { return false }
      return id == group
    }
    #expect(try target.database.sessions().isEmpty)
    #expect(try target.database.group(group).name == "Elsewhere")
  }

  @Test(arguments: [
    (#""seq" : 1, "type" : "renamed""#, "does not rebuild"),
    (#""at" : "1999-01-01T00:00:00.000Z""#, "not between 2000 and 2200"),
  ])
  func aCraftedGroupIsRefusedNamingIt(_ change: (String, String)) throws {
    let (_, group, json) = try exported()
    var crafted = json
    if change.0.hasPrefix(#""seq""#) {
      crafted = json.replacingOccurrences(
        of: "\"seq\" : 1,\n          \"type\" : \"created\"", with: change.0)
    } else {
      let first = try #require(json.range(of: #""at" : "2027-01-15T08:00:00.000Z""#))
      crafted.replaceSubrange(first, with: change.0)
    }
    #expect(crafted != json)
    let folder = try TemporaryFolder()
    #expect {
      try SessionImport.readAll([try folder.write("crafted.json", crafted)])
    } throws: { error in
      "\(error)".contains("group \(group.short)") && "\(error)".contains(change.1)
    }
  }

  /// Groups are kept in memory until written: a file of 200,000 took 144 MB and 89 s. An
  /// import takes a bounded number, over all its files.
  @Test func anImportOfTooManyGroupsIsRefusedBeforeTheyAreAllRead() throws {
    func file(_ count: Int, from first: Int = 0) -> String {
      let groups = (first..<(first + count)).map {
        #"{"id":"\#(String(format: "%032x", $0 + 1))","events":[{"seq":1,"#
          + #""at":"2027-01-15T08:00:00.000Z","type":"created","name":"Group \#($0)","#
          + #""programme":"P"}]}"#
      }
      return #"{"format":"peerconsult-session","version":1,"sessions":[],"groups":["#
        + groups.joined(separator: ",") + "]}"
    }
    let folder = try TemporaryFolder()
    let many = try folder.write("many.json", file(SessionImport.maximumGroups + 1))
    #expect {
      try SessionImport.check([many])
    } throws: { error in
      "\(error)".contains("more than 1000 standing groups")
    }
    // Over two files too, and a file of as many as it takes is read.
    let half = SessionImport.maximumGroups / 2
    let first = try folder.write("first.json", file(half))
    let second = try folder.write("second.json", file(half + 1, from: half))
    #expect(throws: ImportError.self) { try SessionImport.check([first, second]) }
    let all = try folder.write("all.json", file(SessionImport.maximumGroups))
    #expect(try SessionImport.check([all]).groups.count == SessionImport.maximumGroups)
  }

  /// A group past what one takes now is refused as that, not as a damaged file to export
  /// again (it is no more damaged than the program that made it).
  @Test func aGroupOfTooManyMembersIsRefusedAsThat() throws {
    var events = [
      #"{"seq":1,"at":"2027-01-15T08:00:00.000Z","type":"created","name":"G","programme":"P"}"#
    ]
    for number in 0...StandingGroup.maximumMemberships {
      events.append(
        #"{"seq":\#(number + 2),"at":"2027-01-15T08:00:00.000Z","type":"memberJoined","#
          + #""participant":{"name":"Person \#(number)","organisation":"O","level":"senior"}}"#)
    }
    let file =
      #"{"format":"peerconsult-session","version":1,"sessions":[],"groups":[{"id":""#
      + String(repeating: "ab", count: 16) + #"","events":["# + events.joined(separator: ",")
      + "]}]}"
    let folder = try TemporaryFolder()
    #expect {
      try SessionImport.check([try folder.write("big.json", file)])
    } throws: { error in
      "\(error)"
        == "Group abababab in \(folder.path("big.json").path) holds more than PeerConsult takes "
        + "(a group keeps at most 1000 members over its life, those who left included); nothing "
        + "was imported."
    }
  }
}
