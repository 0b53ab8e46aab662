import Foundation
import PeerConsultKit
import Testing

extension CommandLineTests {
  /// A data folder holding two sessions whose notes carry `#tags`.
  private func taggedFolder() throws -> Folder {
    let folder = try Folder()
    let database = try AppDatabase(directory: folder.data)
    let people = [Participant(name: "Zoë Müller", organisation: "City Council", level: .senior)]
    for (title, notes) in [
      ("First", ["Late opening #licensing", "The licensing panel", "#night-time-economy taxis"]),
      ("Second", ["#Licensing again", "No tags here"]),
    ] {
      let live = try LiveSession.create(
        SessionSetup(
          title: title, programme: "Alcohol Plan", consultingProtocol: BuiltInProtocols.all[0],
          participants: people, presenters: [0]),
        store: database)
      try live.start()
      for text in notes { try live.addNote(NoteContent(text: text, kind: .theme)) }
    }
    try database.close()
    return folder
  }

  @Test func searchForATagFindsTheTagOnlyAndTagsCountsThem() throws {
    let folder = try taggedFolder()
    let tag = try run(["search", "#licensing"], in: folder)
    #expect(tag.status == 0)
    #expect(
      tag.stdout.contains("Late opening #licensing") && tag.stdout.contains("#Licensing again"))
    #expect(!tag.stdout.contains("The licensing panel"))
    #expect(try run(["search", "licensing"], in: folder).stdout.contains("The licensing panel"))

    let counts = try run(["tags"], in: folder)
    #expect(counts.status == 0)
    let lines = counts.stdout.split(separator: "\n").map {
      $0.split(separator: " ").map(String.init)
    }
    #expect(lines.first == ["TAG", "SESSIONS", "NOTES", "FIRST", "LAST"])
    #expect(
      lines.dropFirst().map { Array($0.prefix(3)) } == [
        ["#Licensing", "2", "2"], ["#night-time-economy", "1", "1"],
      ])
    let json = try run(["tags", "--json", "--programme", "alcohol plan"], in: folder)
    let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
    #expect(decoded?.map { $0["key"] as? String } == ["licensing", "night-time-economy"])
  }

  @Test func tagsInAnEmptyFolderSaysSo() throws {
    let folder = try Folder()
    let empty = try run(["tags"], in: folder)
    #expect(empty.status == 0 && empty.stdout.hasPrefix("No sessions yet"))
  }
}
