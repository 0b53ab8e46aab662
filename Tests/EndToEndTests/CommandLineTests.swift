import Foundation
import Testing

/// The read, search and share commands, run as the built binary with a private data folder,
/// output piped to files as a script would.
@Suite(.enabled(if: TmuxSession.binaryExists, "needs the built peerconsult binary"))
struct CommandLineTests {
  /// What a run printed and how it ended.
  struct Run {
    let status: Int32
    let stdout: String
    let stderr: String
  }

  /// A private folder with a data folder inside it that does not exist yet.
  final class Folder {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("pc-cli-\(UUID().uuidString)")
    var data: URL { url.appendingPathComponent("data") }

    init() throws {
      try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
      try text.write(to: file(name), atomically: true, encoding: .utf8)
      return file(name)
    }
  }

  /// The model tests' golden export: two sessions of the Alcohol Plan.
  static let sessionsExport = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("PeerConsultKitTests/Golden/sessions.json")

  /// Runs `peerconsult arguments --data-dir <folder>/data` in `timeZone` (UTC unless given)
  /// with a private HOME, as `user` (through `runuser`, when the tests run as root) or as the
  /// tests' own user.
  func run(
    _ arguments: [String], in folder: Folder, as user: String? = nil, timeZone: String = "UTC"
  ) throws -> Run {
    let out = folder.file("stdout-\(UUID().uuidString)")
    let err = folder.file("stderr-\(UUID().uuidString)")
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, out.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    posix_spawn_file_actions_addopen(&actions, 2, err.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    let program = user == nil ? TmuxSession.binary : Self.runuser
    let argv =
      (user.map { [program, "-u", $0, "--", TmuxSession.binary] } ?? [program]) + arguments
      + ["--data-dir", folder.data.path]
    let environment = [
      "LANG=C.UTF-8", "TZ=\(timeZone)", "HOME=\(folder.url.path)", "SWIFT_BACKTRACE=enable=no",
      "XDG_CONFIG_HOME=\(folder.url.path)/config", "PATH=/usr/bin:/bin",
    ]
    let cArguments: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let cEnvironment: [UnsafeMutablePointer<CChar>?] = environment.map { strdup($0) } + [nil]
    defer { for pointer in cArguments + cEnvironment { free(pointer) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, program, &actions, nil, cArguments, cEnvironment)
    guard spawned == 0 else { throw HarnessError("cannot start peerconsult: error \(spawned)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return Run(
      status: (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f),
      stdout: try String(contentsOf: out, encoding: .utf8),
      stderr: try String(contentsOf: err, encoding: .utf8))
  }

  /// A data folder holding the golden export's two sessions and a third, of another
  /// programme, made from the first by changing its id, title and programme.
  func seeded() throws -> Folder {
    let folder = try Folder()
    let other = folder.file("other.json")
    try goldenSession(
      id: "99999999aaaaaaaa99999999aaaaaaaa", title: "Street pastors", programme: "Night Economy"
    ).write(to: other)
    let imported = try run(["import", Self.sessionsExport.path, other.path], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    return folder
  }

  /// An export file of the golden export's first session alone, with its `title`, and its
  /// `id` and `programme` where given.
  func goldenSession(id: String? = nil, title: String, programme: String? = nil) throws -> Data {
    let golden = try Data(contentsOf: Self.sessionsExport)
    var file = try #require(try JSONSerialization.jsonObject(with: golden) as? [String: Any])
    var session = try #require((file["sessions"] as? [[String: Any]])?.first)
    var events = try #require(session["events"] as? [[String: Any]])
    var setup = try #require(events[0]["setup"] as? [String: Any])
    setup["title"] = title
    if let programme { setup["programme"] = programme }
    events[0]["setup"] = setup
    session["events"] = events
    if let id { session["id"] = id }
    file["sessions"] = [session]
    return try JSONSerialization.data(withJSONObject: file)
  }

  /// A refusal: non-zero status, nothing on standard output, one line on standard error.
  func expectRefusal(
    _ run: Run, mentioning text: String, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    #expect(run.status != 0, sourceLocation: sourceLocation)
    #expect(run.stdout.isEmpty, "\(run.stdout)", sourceLocation: sourceLocation)
    let lines = run.stderr.split(separator: "\n")
    #expect(lines.count == 1, "\(run.stderr)", sourceLocation: sourceLocation)
    #expect(run.stderr.contains(text), "\(run.stderr)", sourceLocation: sourceLocation)
  }

  // MARK: import

  @Test func importAddsSessionsOnceAndRefusesForeignFilesWithoutWriting() throws {
    let folder = try Folder()
    let first = try run(["import", Self.sessionsExport.path], in: folder)
    #expect(first.status == 0)
    #expect(first.stdout.contains("Imported 01234567 \"Referrals with Seán\""))
    #expect(first.stdout.contains("2 sessions imported or updated, 0 already present."))
    let again = try run(["import", Self.sessionsExport.path], in: folder)
    #expect(again.stdout.contains("Already present: 01234567"))
    #expect(again.stdout.contains("0 sessions imported or updated, 2 already present."))

    let empty = try Folder()
    let foreign = try empty.write("package.json", #"{"name": "left-pad"}"#)
    expectRefusal(try run(["import", foreign.path], in: empty), mentioning: "not a PeerConsult")
    #expect(!FileManager.default.fileExists(atPath: empty.data.path))
  }

  @Test func aFileRefusedWhileWritingLeavesNoFolderAndNothingBesideIt() throws {
    let folder = try Folder()
    // Its copy of a session disagrees with the first file's: found as the sessions are
    // written, in the new database made beside the data folder, which is then removed.
    let text = try String(contentsOf: Self.sessionsExport, encoding: .utf8)
    let other = try folder.write(
      "other.json", text.replacingOccurrences(of: "Referrals with Seán", with: "Referrals"))
    expectRefusal(
      try run(["import", Self.sessionsExport.path, other.path], in: folder),
      mentioning: "appears with different events")
    #expect(!FileManager.default.fileExists(atPath: folder.data.path))
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path)
    #expect(names.filter { $0.hasPrefix(".") }.isEmpty, "\(names)")
  }

  // MARK: list

  @Test func listShowsSessionsNewestFirstAndFiltersByProgramme() throws {
    let empty = try Folder()
    let none = try run(["list"], in: empty)
    #expect(none.status == 0 && none.stdout.hasPrefix("No sessions yet"))
    #expect(!FileManager.default.fileExists(atPath: empty.data.path), "list created a database")

    let folder = try seeded()
    let all = try run(["list"], in: folder)
    let lines = all.stdout.split(separator: "\n")
    try #require(lines.count == 4, "\(all.stdout)")
    #expect(lines[0].hasPrefix("ID"))
    #expect(lines[1].hasPrefix("45674567  2027-01-22 09:00  Hub design with Dr Patel"))
    #expect(lines[1].contains("unfinished"))
    #expect(!all.stdout.contains("\u{1B}"))
    let programme = try run(["list", "--programme", "night economy"], in: folder)
    #expect(programme.stdout.split(separator: "\n").count == 2)
    #expect(programme.stdout.contains("99999999"))
    let json = try run(["list", "--json"], in: folder)
    let listed = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(listed.compactMap { $0["id"] as? String }.count == 3)
    expectRefusal(try run(["list", "--programme", "Nope"], in: folder), mentioning: "Alcohol Plan")
  }

  // MARK: show

  @Test func showPrintsOneSessionAsPlainText() throws {
    let folder = try seeded()
    let latest = try run(["show", "latest"], in: folder)
    #expect(latest.status == 0)
    #expect(latest.stdout.hasPrefix("# Hub design with Dr Patel\n"))
    let byPrefix = try run(["show", "0123"], in: folder)
    #expect(byPrefix.stdout.contains("Round 1 · Seán O'Neill presents"))
    #expect(byPrefix.stdout.contains("<script>alert(1)</script>"))
    #expect(!byPrefix.stdout.contains("off the record"))
    expectRefusal(try run(["show", "zz"], in: folder), mentioning: "No session matches")
    expectRefusal(try run(["show", "latest"], in: try Folder()), mentioning: "no sessions yet")
  }

  // MARK: search

  @Test func searchFindsAccentsPhrasesAndPrefixesAndMarksTheHits() throws {
    let folder = try seeded()
    let accent = try run(["search", "ANGSTROM", "--programme", "Alcohol Plan"], in: folder)
    #expect(accent.status == 0)
    #expect(accent.stdout.contains("01234567  2027-01-15 08:10  theme  Referrals with Seán"))
    // Piped, the note is plain text: no markers, no escape sequences.
    #expect(accent.stdout.contains("  Line one about Ångström\n"))
    #expect(!accent.stdout.contains("**") && !accent.stdout.contains("\u{1B}"))
    let phrase = try run(["search", "\"referral routes\""], in: folder)
    #expect(phrase.stdout.contains("to map the referral routes."))
    let prefix = try run(["search", "refer*", "--kind", "insight"], in: folder)
    #expect(prefix.stdout.contains("The referral backlog"))
    #expect(!prefix.stdout.contains("routes"))
    let json = try run(["search", "backlog", "--json"], in: folder)
    let hits = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(hits.count == 2)
    let hit = try #require(hits.first)
    let text = try #require(hit["text"] as? String).unicodeScalars
    let highlight = try #require((hit["highlights"] as? [[String: Int]])?.first)
    let start = text.index(text.startIndex, offsetBy: try #require(highlight["start"]))
    let end = text.index(start, offsetBy: try #require(highlight["length"]))
    #expect(String(text[start..<end]) == "backlog")
    #expect(try run(["search", "zebra"], in: folder).stdout == "No notes match zebra.\n")
    // --newest: the hits by the time they were written, newest first.
    let newest = try run(["search", "refer*", "--newest"], in: folder)
    #expect(newest.status == 0)
    let lines: [Substring] = newest.stdout.split(separator: "\n")
    let hitLines = lines.filter { line in line.count > 26 && line.prefix(8).allSatisfy(\.isHexDigit)
    }
    let times: [String] = hitLines.map { line in String(line.dropFirst(10).prefix(16)) }
    #expect(times.count >= 2 && times == times.sorted(by: >), "\(newest.stdout)")
    // One or two CJK characters are a search, found inside unspaced text.
    let cjk = try run(["search", "王伟"], in: folder)
    #expect(cjk.status == 0)
    #expect(cjk.stdout.contains("我和王伟谈过 about the night-time hub."))
    #expect(try run(["search", "伟"], in: folder).stdout.contains("我和王伟谈过"))
    expectRefusal(
      try run(["search", "x", "--kind", "gossip"], in: folder), mentioning: "works-well")
  }

  /// `--speaker`: the notes a person said, not those that mention them; their whole name or
  /// a whole part of it, without accents or case; alone, all their notes, newest first.
  @Test func searchBySpeakerFindsWhatAPersonSaid() throws {
    let folder = try seeded()
    // Seán O'Neill said three notes in the first session and its copy, none in the second.
    let said = try run(["search", "--speaker", "sean o'neill"], in: folder)
    #expect(said.status == 0, "\(said.stderr)")
    let headings = said.stdout.split(separator: "\n").filter {
      $0.prefix(8).allSatisfy(\.isHexDigit)
    }
    #expect(headings.count == 6, "\(said.stdout)")
    #expect(headings.allSatisfy { $0.contains("· Seán O'Neill") }, "\(said.stdout)")
    #expect(said.stdout.contains("Seán to email the licensing lead."))
    let times = headings.map { String($0.dropFirst(10).prefix(16)) }
    #expect(times == times.sorted(by: >), "newest first: \(said.stdout)")
    // With words, only theirs that match; a part of the name is enough.
    let backlog = try run(["search", "backlog", "--speaker", "NEILL"], in: folder)
    #expect(backlog.stdout.contains("The referral backlog"))
    #expect(!backlog.stdout.contains("licensing lead"))
    // 王伟 is mentioned in two notes and said three others.
    let mentioned = try run(["search", "王伟"], in: folder)
    #expect(mentioned.stdout.contains("brought biscuits"))
    let his = try run(["search", "--speaker", "王伟", "--json"], in: folder)
    let hits = try #require(
      try JSONSerialization.jsonObject(with: Data(his.stdout.utf8)) as? [[String: Any]])
    #expect(hits.count == 6)
    #expect(hits.allSatisfy { $0["speaker"] as? String == "王伟" }, "\(his.stdout)")
    #expect(!his.stdout.contains("biscuits"))
    let patel = try run(["search", "--speaker", "patel"], in: folder)
    #expect(patel.stdout.contains("Priya to draft the shared protocol."))
    #expect(!patel.stdout.contains("Patel's hub"), "mentioned, not said by her")
    #expect(
      try run(["search", "zebra", "--speaker", "patel"], in: folder).stdout
        == "No notes said by patel match zebra.\n")
    let none = try run(["search", "--speaker", "Nobody Here"], in: folder)
    expectRefusal(none, mentioning: "Nobody called \"Nobody Here\" took part in a session")
    expectRefusal(
      try run(["search", "--speaker", "  "], in: folder), mentioning: "--speaker needs a name")
    expectRefusal(try run(["search"], in: folder), mentioning: "or give --speaker NAME")
  }

  // MARK: actions

  @Test func actionsListOwnersAndStateAndFilter() throws {
    let folder = try seeded()
    let all = try run(["actions", "--programme", "alcohol plan"], in: folder)
    #expect(
      all.stdout.contains("  [x] Seán to email the licensing lead. (Seán O'Neill; done 2027-01-15)")
    )
    #expect(all.stdout.contains("  [ ] Priya to draft the shared protocol. (Dr Priya Patel)"))
    #expect(all.stdout.hasSuffix("3 actions, 1 done.\n"))
    let open = try run(["actions", "--open", "--owner", "zoe"], in: folder)
    #expect(open.stdout.components(separatedBy: "[ ]").count == 3)
    #expect(!open.stdout.contains("[x]"))
    #expect(open.stdout.hasSuffix("2 open actions.\n"))
    #expect(try run(["actions", "--owner", "nobody"], in: folder).stdout == "No actions match.\n")
  }

  // MARK: export

  @Test func exportWritesEachFormatAndRoundTripsJSON() throws {
    let folder = try seeded()
    let markdown = try run(["export", "0123", "--format", "markdown"], in: folder)
    #expect(markdown.stdout.hasPrefix("# Referrals with Seán\n"))
    // `-o -` is standard output, as other tools take it, not a file called `-`.
    let dash = try run(["export", "0123", "--format", "markdown", "-o", "-"], in: folder)
    #expect(dash.status == 0 && dash.stdout == markdown.stdout)
    let html = folder.file("sessions.html")
    let written = try run(
      ["export", "--programme", "Alcohol Plan", "--format", "html", "-o", html.path], in: folder)
    #expect(written.stdout == "Wrote 2 sessions to \(html.path).\n")
    let mode =
      try FileManager.default.attributesOfItem(atPath: html.path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    #expect(try String(contentsOf: html, encoding: .utf8).contains("&lt;script&gt;"))
    expectRefusal(
      try run(["export", "--all", "--format", "html", "-o", html.path], in: folder),
      mentioning: "--force")
    #expect(
      try run(["export", "--all", "--format", "html", "-o", html.path, "--force"], in: folder)
        .status == 0)

    let json = folder.file("all.json")
    _ = try run(["export", "--all", "--format", "json", "-o", json.path], in: folder)
    let other = try Folder()
    #expect(try run(["import", json.path], in: other).status == 0)
    let again = try run(["export", "--all", "--format", "json"], in: other)
    #expect(again.stdout == (try String(contentsOf: json, encoding: .utf8)))
    expectRefusal(try run(["export", "--format", "json"], in: folder), mentioning: "--all")
  }

  /// A line or paragraph separator pasted into a name or a note (U+2028, U+2029) reaches no
  /// output raw: a terminal gives it no width, so `list`'s columns slid and "Asha" and "Khan"
  /// read "AshaKhan". Every output shows it as a space, as the screens do.
  @Test func separatorsReachNoOutputRaw() throws {
    let folder = try Folder()
    let golden = try Data(contentsOf: Self.sessionsExport)
    var file = try #require(try JSONSerialization.jsonObject(with: golden) as? [String: Any])
    var session = try #require((file["sessions"] as? [[String: Any]])?.first)
    session["derived"] = nil
    var events = try #require(session["events"] as? [[String: Any]])
    var setup = try #require(events[0]["setup"] as? [String: Any])
    var people = try #require(setup["participants"] as? [[String: Any]])
    people[0]["name"] = "Asha\u{2028}Khan"
    // A tag character, which hides text: shown as a mark, kept in JSON as its escape.
    people[1]["organisation"] = "Harbour\u{E0041}Trust"
    setup["participants"] = people
    events[0]["setup"] = setup
    session["events"] = events
    file["sessions"] = [session]
    let path = folder.file("separators.json")
    try JSONSerialization.data(withJSONObject: file).write(to: path)
    #expect(try run(["import", path.path], in: folder).status == 0)
    for command in [
      ["show", "latest"], ["list"], ["export", "latest", "--format", "markdown"],
      ["export", "latest", "--format", "html"],
    ] {
      let output = try run(command, in: folder).stdout
      #expect(!output.unicodeScalars.contains { $0.value == 0x2028 }, "\(command)")
      #expect(output.contains("Asha Khan"), "\(command): \(output)")
      #expect(!output.unicodeScalars.contains { $0.value == 0xE0041 }, "\(command)")
    }
    // JSON keeps it, escaped: the file imports as the session it came from.
    let json = try run(["export", "latest", "--format", "json"], in: folder).stdout
    #expect(!json.unicodeScalars.contains { $0.value == 0x2028 } && json.contains(#"\u2028"#))
    #expect(
      !json.unicodeScalars.contains { $0.value == 0xE0041 } && json.contains(#"\udb40\udc41"#))
    let exported = folder.file("again.json")
    try json.write(to: exported, atomically: true, encoding: .utf8)
    let again = try run(["import", exported.path], in: folder)
    #expect(
      again.status == 0 && again.stdout.contains("1 already present"),
      "\(again.stdout) \(again.stderr)")
  }

  /// An export or a harvest told to write over the data folder's own database refuses, in
  /// one line, whatever `--force` says, and every session is still there.
  @Test func anExportNeverReplacesTheDatabase() throws {
    let folder = try seeded()
    let database = folder.file("data/peerconsult.sqlite").path
    for arguments in [
      ["export", "--all", "--format", "json", "-o", database, "--force"],
      ["harvest", "--programme", "Alcohol Plan", "-o", database, "--force"],
      ["export", "--all", "--anonymise", "--format", "markdown", "-o", database],
      // A journal that is not there yet: SQLite would take the export for one to replay.
      ["export", "--all", "--format", "markdown", "-o", database + "-journal"],
      ["harvest", "--programme", "Alcohol Plan", "-o", database + "-WAL"],
    ] {
      expectRefusal(try run(arguments, in: folder), mentioning: "is a database")
    }
    // `backup` onto the database it copies, or onto its log, lost the notes saved since.
    for target in [database, database + "-wal", database + "-journal"] {
      expectRefusal(
        try run(["backup", target, "--force"], in: folder),
        mentioning: "is the database being backed up, or a database's log or journal")
    }
    #expect(!FileManager.default.fileExists(atPath: database + "-journal"))
    let list = try run(["list"], in: folder)
    #expect(list.status == 0 && list.stdout.contains("Referrals"), "\(list.stdout)")
  }

  /// Without `--format`, the output file's name says which: `export` refuses in one line when
  /// nothing says, and `harvest` writes Markdown; a format given wins over the name.
  @Test func theOutputFilesNameChoosesTheFormat() throws {
    let folder = try seeded()
    let json = folder.file("all.JSON")
    #expect(try run(["export", "--all", "-o", json.path], in: folder).status == 0)
    #expect(try String(contentsOf: json, encoding: .utf8).hasPrefix("{"))
    expectRefusal(try run(["export", "--all"], in: folder), mentioning: "--format")
    expectRefusal(try run(["export", "--all", "-o", "all.txt"], in: folder), mentioning: ".html")
    let page = folder.file("harvest.htm")
    _ = try run(["harvest", "--programme", "Alcohol Plan", "-o", page.path], in: folder)
    #expect(try String(contentsOf: page, encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
    let data = folder.file("harvest.json")
    _ = try run(["harvest", "--programme", "Alcohol Plan", "-o", data.path], in: folder)
    #expect(try String(contentsOf: data, encoding: .utf8).hasPrefix("{"))
    let named = folder.file("harvest.html")
    _ = try run(
      ["harvest", "--programme", "Alcohol Plan", "--format", "markdown", "-o", named.path],
      in: folder)
    #expect(try String(contentsOf: named, encoding: .utf8).hasPrefix("# Harvest: Alcohol Plan"))
    let text = try run(["harvest", "--programme", "Alcohol Plan"], in: folder)
    #expect(text.stdout.hasPrefix("# Harvest: Alcohol Plan"))
  }

  @Test func anonymisedExportsHideNamesInEveryFormat() throws {
    let folder = try seeded()
    for format in ["markdown", "html", "json"] {
      let run = try run(["export", "--all", "--format", format, "--anonymise"], in: folder)
      #expect(run.status == 0)
      for secret in ["Zoë", "Zoe", "Seán", "O'Neill", "王伟", "Anne-Marie", "Leeds City Council"] {
        #expect(!run.stdout.contains(secret), "\(format) shows \(secret)")
      }
      // Zoë is the only senior, so her pseudonym carries no level.
      #expect(run.stdout.contains("[Participant A]"))
      #expect(!run.stdout.contains(", senior]"))
    }
  }

  // MARK: harvest

  @Test func harvestBriefsAProgramme() throws {
    let folder = try seeded()
    let markdown = try run(["harvest", "--programme", "alcohol plan"], in: folder)
    #expect(markdown.stdout.hasPrefix("# Harvest: Alcohol Plan\n\n2 sessions between 2027-01-15"))
    #expect(!markdown.stdout.contains("Street pastors"))
    let file = folder.file("harvest.html")
    let html = try run(
      [
        "harvest", "--programme", "Alcohol Plan", "--format", "html", "--anonymise", "-o",
        file.path,
      ],
      in: folder)
    #expect(html.stdout == "Wrote the anonymised harvest of 2 sessions to \(file.path).\n")
    #expect(!(try String(contentsOf: file, encoding: .utf8)).contains("Seán"))
    expectRefusal(
      try run(["harvest", "--programme", "Nope"], in: folder), mentioning: "Night Economy")
  }

  @Test func harvestOverAPeriodReportsOnlyItsSessions() throws {
    let folder = try seeded()
    let later = try run(
      ["harvest", "--programme", "Alcohol Plan", "--since", "2027-01-20", "--until", "2027-01-31"],
      in: folder)
    #expect(later.status == 0)
    #expect(
      later.stdout.hasPrefix(
        "# Harvest: Alcohol Plan\n\nSessions from 2027-01-20 to 2027-01-31. One session, on 2027-01-22."
      ))
    #expect(later.stdout.contains("## The slice across the system"))
    #expect(!later.stdout.contains("Referrals with Seán"))
    let json = try run(
      ["harvest", "--programme", "Alcohol Plan", "--until", "2027-01-15", "--format", "json"],
      in: folder)
    let object = try #require(
      try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    #expect((object["sessions"] as? [Any])?.count == 1)
    let report = try #require(object["report"] as? [String: Any])
    #expect((report["sessions"] as? [Any])?.count == 1)
    expectRefusal(
      try run(["harvest", "--programme", "Alcohol Plan", "--since", "2027-02-30"], in: folder),
      mentioning: "2027-02-30 is not a day")
    expectRefusal(
      try run(
        [
          "harvest", "--programme", "Alcohol Plan", "--since", "2027-02-01", "--until",
          "2027-01-01",
        ],
        in: folder), mentioning: "ends")
  }
}
