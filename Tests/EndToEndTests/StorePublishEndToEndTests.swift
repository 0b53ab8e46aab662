import Foundation
import TestSupport
import Testing

/// Published harvests and the reader role (`store publish`, `store harvests`), and connection
/// service files (`service=`, `PGSERVICE`, `PGSERVICEFILE`), against a real server.
@Suite(
  .serialized,
  .enabled(
    if: PostgresCluster.installedBinaries != nil,
    "PostgreSQL is not installed (apt-get install postgresql): the shared-store tests need it"))
struct StorePublishEndToEndTests {
  typealias Server = StoreEndToEndTests.Server
  typealias Laptop = StoreEndToEndTests.Laptop

  /// The participants' names in the golden sessions the laptops import.
  static func participantNames() throws -> [String] {
    let golden = try Data(contentsOf: CommandLineTests.sessionsExport)
    let file = try #require(try JSONSerialization.jsonObject(with: golden) as? [String: Any])
    var names: [String] = []
    for session in try #require(file["sessions"] as? [[String: Any]]) {
      let events = try #require(session["events"] as? [[String: Any]])
      let setup = try #require(events.first?["setup"] as? [String: Any])
      for person in try #require(setup["participants"] as? [[String: Any]]) {
        names.append(try #require(person["name"] as? String))
      }
    }
    return names
  }

  /// A reader login granted `programme`.
  func reader(_ server: Server, password: String, programme: String) throws -> String {
    let login = "reader_\(server.database)"
    try server.cluster.superuser(
      """
      CREATE ROLE \(login) LOGIN PASSWORD '\(password)';
      GRANT peerconsult_reader TO \(login);
      INSERT INTO peerconsult.grants (login, programme_id)
        SELECT '\(login)', id FROM peerconsult.programmes WHERE name = '\(programme)';
      """, database: server.database)
    return login
  }

  /// One more "Alcohol Plan" session, whose first note names someone outside the group:
  /// a suspect the review step must decide.
  func importSessionWithASuspect(into laptop: Laptop) throws {
    let golden = try Data(contentsOf: CommandLineTests.sessionsExport)
    var file = try #require(try JSONSerialization.jsonObject(with: golden) as? [String: Any])
    var session = try #require((file["sessions"] as? [[String: Any]])?.first)
    var events = try #require(session["events"] as? [[String: Any]])
    var setup = try #require(events[0]["setup"] as? [String: Any])
    setup["programme"] = "Alcohol Plan"
    setup.removeValue(forKey: "group")
    events[0]["setup"] = setup
    let note = try #require(events.firstIndex { $0["type"] as? String == "noteAdded" })
    var content = try #require(events[note]["content"] as? [String: Any])
    content["text"] = "We should ask Kowalczyk about the licences"
    events[note]["content"] = content
    session["events"] = events
    session["id"] = "dddd" + String(repeating: "0", count: 28)
    file["sessions"] = [session]
    file["groups"] = nil
    let path = laptop.folder.path("suspect.json")
    try JSONSerialization.data(withJSONObject: file).write(to: path)
    try laptop.succeed(["import", path.path])
  }

  @Test func aPublishedHarvestIsAnonymisedReviewedAndAllAReaderSees() throws {
    let server = try Server()
    let alice = try server.facilitator(
      "alice", password: "a-pw", programmes: ["Alcohol Plan", "Private Matters"])
    let laptop = try server.laptop(alice, password: "a-pw")
    try laptop.importSessions(2, programme: "Alcohol Plan", prefix: "aaaa")
    try laptop.importSessions(1, programme: "Private Matters", prefix: "cccc")
    try importSessionWithASuspect(into: laptop)

    // Not before the programme is attached; not while a suspect has no choice.
    let unattached = try laptop.run(["store", "publish", "office", "Alcohol Plan"])
    #expect(unattached.status == 1 && unattached.stderr.contains("is not shared with store"))
    try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    try laptop.succeed(["store", "attach", "office", "Private Matters"])
    try laptop.succeed(["sync", "office"])
    let unreviewed = try laptop.run(["store", "publish", "office", "Alcohol Plan"])
    #expect(unreviewed.status == 1, "\(unreviewed.stdout)")
    #expect(unreviewed.stderr.contains("no choice"), "\(unreviewed.stderr)")
    #expect(unreviewed.stderr.split(separator: "\n").count == 1, "\(unreviewed.stderr)")
    #expect(try server.count("published_harvests") == 0)
    let review = try laptop.succeed(["store", "publish", "office", "Alcohol Plan", "--review"])
    #expect(review.contains("Kowalczyk"), "\(review)")
    #expect(try server.count("published_harvests") == 0)

    // The review step: a choice for each suspect, then it is published.
    let words = try #require(
      unreviewed.stderr.split(separator: "(", maxSplits: 1).last?.split(separator: ")").first)
    let keeps = words.split(separator: ",").flatMap {
      ["--keep", $0.trimmingCharacters(in: .whitespaces)]
    }
    let published = try laptop.succeed(
      ["store", "publish", "office", "Alcohol Plan"] + keeps)
    #expect(published.contains("Published the anonymised harvest of 3 sessions"), "\(published)")
    try laptop.succeed(["store", "publish", "office", "Private Matters"] + keeps)
    #expect(try server.count("published_harvests") == 2)

    // A reader of one programme sees its harvest, and it names no participant.
    let bob = try reader(server, password: "b-pw", programme: "Alcohol Plan")
    let reading = try server.laptop(bob, password: "b-pw")
    let listed = try reading.succeed(["store", "harvests", "office"])
    #expect(listed.contains("\"Alcohol Plan\" by \(alice)"), "\(listed)")
    #expect(!listed.contains("Private Matters"), "\(listed)")
    let id = try #require(listed.split(separator: " ").first)
    let text = try reading.succeed(["store", "harvests", "office", "--show", String(id)])
    #expect(text.contains("Alcohol Plan"), "\(text.prefix(300))")
    for name in try Self.participantNames() {
      #expect(!text.localizedCaseInsensitiveContains(name), "\(name) in the published harvest")
      for part in name.split(separator: " ") where part.count > 3 {
        #expect(!text.contains(part), "\(part) of \(name) in the published harvest")
      }
    }

    // The server itself denies the reader every session and group event, whatever the client.
    for table in ["sessions", "session_events", "groups", "group_events"] {
      #expect(throws: (any Error).self, "the reader read \(table)") {
        try server.cluster.psql(
          "SELECT count(*) FROM peerconsult.\(table)", user: bob, password: "b-pw",
          database: server.database)
      }
    }
    let visible = try server.cluster.psql(
      "SELECT count(*) FROM peerconsult.published_harvests", user: bob, password: "b-pw",
      database: server.database)
    #expect(visible == "1")
    // And sync, as the reader, takes nothing.
    let synced = try reading.run(["store", "attach", "office", "Alcohol Plan"])
    #expect(synced.status == 0, "\(synced.stderr)")
    let pulled = try reading.run(["sync", "office"])
    #expect(pulled.status == 1, "\(pulled.stdout)")
    #expect(try reading.sessions().isEmpty)
  }

  /// A laptop without `PGPASSWORD`, whose home holds `~/.pg_service.conf` with `text`.
  func serviceLaptop(_ text: String) throws -> Laptop {
    let laptop = try Laptop()
    try text.write(to: laptop.folder.path(".pg_service.conf"), atomically: true, encoding: .utf8)
    return laptop
  }

  @Test func aServiceFileGivesTheAddressAndPasswordAndABadOneIsRefusedInOneLine() throws {
    let server = try Server()
    let alice = try server.facilitator("alice", password: "svc-pw", programmes: ["Alcohol Plan"])
    let service = """
      # The office's server
      [office]
      host=127.0.0.1
      port=\(server.cluster.port)
      dbname=\(server.database)
      user=\(alice)
      password=svc-pw
      sslmode=disable

      [elsewhere]
      host=192.0.2.1
      """
    let laptop = try serviceLaptop(service)
    let added = try laptop.succeed(["store", "add", "office", "postgres://?service=office"])
    #expect(
      added.contains(
        "postgres://\(alice)@127.0.0.1:\(server.cluster.port)/\(server.database)"
          + "?sslmode=disable&service=office"), "\(added)")
    #expect(!added.contains("svc-pw"))
    // The password comes from the service: the server is reached without PGPASSWORD.
    try laptop.succeed(["store", "attach", "office", "Alcohol Plan"])
    let status = try laptop.succeed(["store", "status", "office"])
    #expect(!status.contains("svc-pw"), "\(status)")

    // PGSERVICE and PGSERVICEFILE, as libpq reads them; the address's own values win.
    let other = try Laptop()
    let file = other.folder.path("services.conf")
    try service.write(to: file, atomically: true, encoding: .utf8)
    let viaEnvironment = try other.run(
      ["store", "add", "office", "postgres://someone@/"],
      environment: ["PGSERVICE=office", "PGSERVICEFILE=\(file.path)"])
    #expect(viaEnvironment.status == 0, "\(viaEnvironment.stderr)")
    #expect(
      viaEnvironment.stdout.contains("postgres://someone@127.0.0.1:"), "\(viaEnvironment.stdout)")

    // Refusals: one line each, naming the file and what to do.
    let cases: [(String, String, String)] = [
      ("[office]\nhost 127.0.0.1\n", "office", "line 2 is not keyword=value"),
      ("host=127.0.0.1\n", "office", "line 1 comes before any [service] line"),
      ("[office]\nhost=h\nsslrootcert=/x\n", "office", "sets \"sslrootcert\"; PeerConsult reads"),
      ("[office]\nhost=h\nport=99999\n", "office", "port \"99999\" is not between 1 and 65535"),
      ("[office]\nhost=h\n", "nope", "No service \"nope\" in "),
      (String(repeating: "# padding\n", count: 120_000), "office", "is larger than 1024 KB"),
    ]
    for (text, name, expected) in cases {
      let bad = try serviceLaptop(text)
      let refused = try bad.run(["store", "add", "office", "postgres://?service=\(name)"])
      #expect(refused.status != 0, "\(expected)")
      #expect(refused.stderr.contains(expected), "\(refused.stderr)")
      #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    }
    let without = try Laptop().run(["store", "add", "office", "postgres://?service=office"])
    #expect(without.status != 0)
    #expect(
      without.stderr.contains("No service file to find service \"office\" in"),
      "\(without.stderr)")
  }
}
